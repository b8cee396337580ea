// What the console reads from the journal: one member's account (entries with all their lines,
// paged, and the balance over time) and the cooperative's own accounts. Read-only SQL.
import type { Database } from 'better-sqlite3';
import { ACCOUNT_KINDS, type AccountTotals, type CooperativeAccountKind, type CooperativeAccountsView, type JournalEntryView, type JournalLineView, type MemberJournalView } from '../../contract/journal.js';
import { accountRefOf, chargeOfRow } from './journal-repo.js';
import { describeEntries } from './entry-facts.js';
import type { AccountKind, ChargeCode, EntryKind } from './types.js';

const ZERO: AccountTotals = { debitTotal: 0, creditTotal: 0, balance: 0, lineCount: 0 };

interface TotalsRow {
  debitTotal: number;
  creditTotal: number;
  lineCount: number;
}
const withBalance = (row: TotalsRow | undefined): AccountTotals =>
  row ? { debitTotal: row.debitTotal, creditTotal: row.creditTotal, balance: row.creditTotal - row.debitTotal, lineCount: row.lineCount } : ZERO;

export function cooperativeAccounts(db: Database, currency: string): CooperativeAccountsView {
  const rows = db
    .prepare(
      `SELECT a.kind, b.debit_total AS debitTotal, b.credit_total AS creditTotal, b.line_count AS lineCount
       FROM journal_accounts a JOIN journal_balances b ON b.account_id = a.id WHERE a.kind <> 'member'`,
    )
    .all() as ({ kind: CooperativeAccountKind } & TotalsRow)[];
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  const members = db
    .prepare(
      `SELECT COUNT(*) AS accounts, IFNULL(SUM(b.credit_total - b.debit_total > 0), 0) AS inCredit,
              IFNULL(SUM(b.credit_total - b.debit_total < 0), 0) AS owing, IFNULL(SUM(b.credit_total - b.debit_total), 0) AS netBalance
       FROM journal_accounts a JOIN journal_balances b ON b.account_id = a.id WHERE a.kind = 'member'`,
    )
    .get() as CooperativeAccountsView['members'];
  const kinds = ACCOUNT_KINDS.filter((kind): kind is CooperativeAccountKind => kind !== 'member');
  return { currency, accounts: kinds.map((kind) => ({ kind, ...withBalance(byKind.get(kind)) })), members };
}

interface EntryRow {
  id: number;
  kind: EntryKind;
  effective_date: string;
  created_at: string;
  created_by: string | null;
  memo: string;
  source_type: string;
  source_id: string;
  reverses_entry_id: number | null;
  reversal_reason: string | null;
  reversed_by: number | null;
  member_amount: number;
}

interface LineRow {
  entry_id: number;
  line_no: number;
  kind: AccountKind;
  member_id: number | null;
  member_name: string | null;
  debit: number;
  credit: number;
  memo: string | null;
  charge_code: ChargeCode | null;
  charge_agreement_id: number | null;
  charge_instalment_no: number | null;
  charge_due_date: string | null;
}

function lineView(row: LineRow): JournalLineView {
  return {
    lineNo: row.line_no,
    account: accountRefOf(row),
    memberName: row.member_name,
    debit: row.debit,
    credit: row.credit,
    memo: row.memo,
    charge: row.charge_code === null ? null : chargeOfRow({ ...row, charge_code: row.charge_code }),
  };
}

/** A member's account; a member never posted to has a zero balance and no entries. */
export function memberAccount(db: Database, memberId: number, currency: string, page: { limit: number; offset: number }): MemberJournalView {
  const account = db.prepare(`SELECT id FROM journal_accounts WHERE kind = 'member' AND member_id = ?`).get(memberId) as { id: number } | undefined;
  if (!account) return { memberId, currency, totals: ZERO, entries: { rows: [], total: 0 }, series: [] };
  const totals = withBalance(db.prepare(`SELECT debit_total AS debitTotal, credit_total AS creditTotal, line_count AS lineCount FROM journal_balances WHERE account_id = ?`).get(account.id) as TotalsRow | undefined);
  const total = (db.prepare(`SELECT COUNT(DISTINCT entry_id) AS n FROM journal_lines WHERE account_id = ?`).get(account.id) as { n: number }).n;
  const entries = db
    .prepare(
      `WITH mine AS (SELECT entry_id, SUM(credit) - SUM(debit) AS member_amount FROM journal_lines WHERE account_id = ? GROUP BY entry_id)
       SELECT e.id, e.kind, e.effective_date, e.created_at, o.display_name AS created_by, e.memo, e.source_type, e.source_id,
              e.reverses_entry_id, e.reversal_reason, r.id AS reversed_by, mine.member_amount
       FROM mine JOIN journal_entries e ON e.id = mine.entry_id
       LEFT JOIN operators o ON o.id = e.created_by
       LEFT JOIN journal_entries r ON r.reverses_entry_id = e.id
       ORDER BY e.effective_date DESC, e.id DESC LIMIT ? OFFSET ?`,
    )
    .all(account.id, page.limit, page.offset) as EntryRow[];
  const linesByEntry = new Map<number, JournalLineView[]>();
  if (entries.length > 0) {
    const lines = db
      .prepare(
        `SELECT l.entry_id, l.line_no, a.kind, a.member_id, m.full_name AS member_name, l.debit, l.credit, l.memo,
                l.charge_code, l.charge_agreement_id, l.charge_instalment_no, l.charge_due_date
         FROM journal_lines l JOIN journal_accounts a ON a.id = l.account_id LEFT JOIN members m ON m.id = a.member_id
         WHERE l.entry_id IN (SELECT value FROM json_each(?)) ORDER BY l.entry_id, l.line_no`,
      )
      .all(JSON.stringify(entries.map((e) => e.id))) as LineRow[];
    for (const line of lines) {
      const list = linesByEntry.get(line.entry_id) ?? [];
      list.push(lineView(line));
      linesByEntry.set(line.entry_id, list);
    }
  }
  const series = db
    .prepare(
      `SELECT date, SUM(delta) OVER (ORDER BY date) AS balance FROM (
         SELECT e.effective_date AS date, SUM(l.credit) - SUM(l.debit) AS delta
         FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id WHERE l.account_id = ? GROUP BY e.effective_date)
       ORDER BY date`,
    )
    .all(account.id) as { date: string; balance: number }[];
  const described = entries.map((row) => ({
    id: row.id, kind: row.kind, source: { type: row.source_type, id: row.source_id }, lines: linesByEntry.get(row.id) ?? [], reversesEntryId: row.reverses_entry_id, reversalReason: row.reversal_reason,
  }));
  const descriptions = describeEntries(db, described);
  return {
    memberId,
    currency,
    totals,
    entries: {
      total,
      rows: entries.map((row): JournalEntryView => {
        const source = { type: row.source_type, id: row.source_id };
        const lines = linesByEntry.get(row.id) ?? [];
        return {
          id: row.id,
          kind: row.kind,
          effectiveDate: row.effective_date,
          createdAt: row.created_at,
          createdBy: row.created_by,
          memo: row.memo,
          description: descriptions.get(row.id) as JournalEntryView['description'],
          source,
          memberAmount: row.member_amount,
          lines,
          reversesEntryId: row.reverses_entry_id,
          reversalReason: row.reversal_reason,
          reversedByEntryId: row.reversed_by,
        };
      }),
    },
    series,
  };
}
