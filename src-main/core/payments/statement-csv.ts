// A mobile-money statement as the provider exports it (M-Pesa's organisation portal: Receipt No.,
// Completion Time, Initiation Time, Details, Transaction Status, Paid In, Withdrawn, Balance,
// Balance Confirmed, Reason Type, Other Party Info, Linked Transaction ID, A/C No.) → typed rows.
// csv-parse reads the file (comma or semicolon, BOM); lines before the header (the portal writes the
// organisation and period first) are passed over. Each bad cell gets one sentence; nothing here
// touches the database. Only Completed money-in lines are payments; the others are kept to be shown.
import { parse } from 'csv-parse/sync';
import type { StatementIssue } from '../../contract/payments.js';
import { currencyDigits } from '../agreements/terms-document.js';
import { accountReferenceIn, parseAmount, parseCompletionTime, phoneIn } from './statement-cells.js';
import { echo, statementIssue } from './statement-issues.js';

/** Column key → the header names providers use for it (compared lower-case, without dots). */
const COLUMN_NAMES = {
  receipt: ['receipt no', 'receipt', 'receipt number', 'transaction id'],
  completedAt: ['completion time', 'completion date'],
  details: ['details', 'description'],
  status: ['transaction status', 'status'],
  paidIn: ['paid in', 'credit'],
  withdrawn: ['withdrawn', 'debit'],
  otherParty: ['other party info', 'other party'],
  accountRef: ['a/c no', 'account no', 'account number', 'bill reference'],
  currency: ['currency'],
} as const;
type ColumnKey = keyof typeof COLUMN_NAMES;
const REQUIRED: readonly ColumnKey[] = ['receipt', 'completedAt', 'details', 'status', 'paidIn'];
export const MAX_STATEMENT_ROWS = 20_000;

export type StatementRowKind = 'payment' | 'not-completed' | 'money-out' | 'invalid';

export interface StatementRow {
  readonly line: number;
  readonly kind: StatementRowKind;
  readonly receipt: string;
  /** "YYYY-MM-DD HH:MM:SS" as written (the provider's local time); null when unreadable. */
  readonly completedAt: string | null;
  readonly details: string;
  readonly status: string;
  /** Minor units of the cooperative's currency; null when empty or unreadable. */
  readonly paidIn: number | null;
  /** The payer's reference (A/C No. column, else "Acc. …" in Details). */
  readonly accountRef: string | null;
  /** The payer's phone number as written (digits and +), when the statement gives it unmasked. */
  readonly phone: string | null;
  readonly issues: readonly StatementIssue[];
}

export interface ParsedStatement {
  readonly currency: string;
  /** Problems with the file as a whole; when present, rows is empty and nothing can be imported. */
  readonly fileIssues: readonly StatementIssue[];
  readonly rows: readonly StatementRow[];
}

const BINARY = /[\u0000-\u0008\u000e-\u001f]/;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const headerKey = (name: string) => name.trim().toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ');
type ParsedRecord = { record: string[]; info: { lines: number } };

export function parseStatement(text: string, currency: string): ParsedStatement {
  const refused = (issue: StatementIssue): ParsedStatement => ({ currency, fileIssues: [issue], rows: [] });
  if (BINARY.test(text.slice(0, 4096))) return refused(statementIssue(1, null, 'not_csv'));
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r?\n/).find((line) => /receipt/i.test(line)) ?? body.slice(0, body.search(/\r?\n|$/));
  const delimiter = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: ParsedRecord[];
  let lastGoodLine = 0;
  try {
    records = parse(body, {
      delimiter, info: true, relax_column_count: true, skip_empty_lines: true, trim: true,
      on_record: (record: string[], context: { lines: number }) => ((lastGoodLine = context.lines), record),
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const { code, lines } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; lines?: unknown };
    const line = typeof lines === 'number' && lines > 0 ? lines : 1;
    if (code === 'CSV_QUOTE_NOT_CLOSED') return refused(statementIssue(Math.min(lastGoodLine + 1, line), null, 'quote_not_closed'));
    if (code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'INVALID_OPENING_QUOTE' || code === 'CSV_INVALID_OPENING_QUOTE') return refused(statementIssue(line, null, 'bad_quote'));
    return refused(statementIssue(line, null, 'not_csv'));
  }
  const headerAt = records.findIndex(({ record }) => record.some((cell) => (COLUMN_NAMES.receipt as readonly string[]).includes(headerKey(cell))));
  const header = records[headerAt];
  if (!header) return refused(statementIssue(1, null, 'no_header'));
  const names = header.record.map(headerKey);
  const at = {} as Record<ColumnKey, number>;
  const label = {} as Record<ColumnKey, string>;
  for (const key of Object.keys(COLUMN_NAMES) as ColumnKey[]) {
    at[key] = names.findIndex((name) => (COLUMN_NAMES[key] as readonly string[]).includes(name));
    label[key] = at[key] >= 0 ? (header.record[at[key]] ?? '').trim() : COLUMN_NAMES[key][0];
  }
  const missing = REQUIRED.filter((key) => at[key] < 0);
  if (missing.length) return refused(statementIssue(header.info.lines, null, 'missing_columns', { columns: missing.map((k) => titleCase(COLUMN_NAMES[k][0])).join(', ') }));
  const lines = records.slice(headerAt + 1);
  if (lines.length === 0) return refused(statementIssue(header.info.lines, null, 'no_rows'));
  if (lines.length > MAX_STATEMENT_ROWS) return refused(statementIssue(header.info.lines, null, 'too_many_rows', { count: lines.length, max: MAX_STATEMENT_ROWS }));

  const digits = currencyDigits(currency);
  const seen = new Map<string, number>();
  const rows: StatementRow[] = [];
  for (const { record, info } of lines) {
    const cell = (key: ColumnKey) => (at[key] >= 0 ? (record[at[key]] ?? '').trim() : '');
    const issues: StatementIssue[] = [];
    const problem = (key: ColumnKey, code: StatementIssue['code'], params: Record<string, string | number> = {}) => {
      if (!issues.some((i) => i.column === label[key])) issues.push(statementIssue(info.lines, label[key], code, params));
    };
    for (const key of Object.keys(COLUMN_NAMES) as ColumnKey[]) if (CONTROL.test(cell(key))) problem(key, 'control_character');
    const currencyCell = cell('currency').toUpperCase();
    if (currencyCell && currencyCell !== currency) return refused(statementIssue(info.lines, label.currency, 'other_currency', { value: echo(cell('currency')), currency }));
    const receipt = cell('receipt');
    if (!receipt) problem('receipt', 'required');
    else {
      const earlier = seen.get(receipt.toUpperCase());
      if (earlier !== undefined) problem('receipt', 'duplicate_in_file', { value: echo(receipt), otherLine: earlier });
      else seen.set(receipt.toUpperCase(), info.lines);
    }
    const time = cell('completedAt') ? parseCompletionTime(cell('completedAt')) : null;
    if (!time) problem('completedAt', 'required');
    else if (!time.ok) problem('completedAt', time.code, { value: echo(cell('completedAt')) });
    const status = cell('status');
    const paidInCell = cell('paidIn');
    const paidIn = paidInCell ? parseAmount(paidInCell, currency, digits, false) : null;
    if (paidIn && !paidIn.ok) {
      if (paidIn.code === 'other_currency') return refused(statementIssue(info.lines, label.paidIn, 'other_currency', { value: echo(paidInCell), currency }));
      problem('paidIn', paidIn.code, { ...paidIn.params, value: echo(paidInCell) });
    }
    const completed = status.toLowerCase() === 'completed';
    const moneyIn = paidIn?.ok === true && paidIn.value > 0;
    if (completed && !paidInCell && !cell('withdrawn')) problem('paidIn', 'required');
    const details = cell('details');
    const otherParty = cell('otherParty');
    const kind: StatementRowKind = issues.length ? 'invalid' : !completed ? 'not-completed' : moneyIn ? 'payment' : 'money-out';
    rows.push({
      line: info.lines,
      kind,
      receipt,
      completedAt: time?.ok ? time.value : null,
      details,
      status,
      paidIn: paidIn?.ok ? paidIn.value : null,
      accountRef: cell('accountRef') || accountReferenceIn(details),
      phone: phoneIn(otherParty) ?? phoneIn(details),
      issues,
    });
  }
  return { currency, fileIssues: [], rows };
}

const titleCase = (name: string) => name.replace(/\b\w/g, (c) => c.toUpperCase());
