// Per-interval allocation key tables imported from CSV (like the Spanish hourly coefficient files):
//   interval_start,M-001,M-002,…      ← member numbers of the site
//   2026-04-01T00:00:00Z,0.5,0.5
// Comma-separated (or semicolon-separated with decimal commas, as spreadsheets export in French).
// Every coefficient in [0, 1]; each row sums to 1 ± 1e-5 (odoo-ec's rule). Every problem is one
// sentence naming the line, the column and the cell; a table with any problem is refused whole.
import type { KeyCsvIssue, KeyCsvIssueCode, KeyCsvPreview } from '../../contract/energy.js';

export const SUM_TOLERANCE = 1e-5;
export const PPM = 1_000_000;
const MAX_ISSUES = 200;
const INTERVAL_MS = 900_000;

export interface SiteMemberRef {
  readonly id: number;
  readonly name: string;
  readonly siteId: number;
}
export interface ParsedKeyTable {
  readonly preview: KeyCsvPreview;
  /** Member ids of the columns, in order (only when ok). */
  readonly memberIds: readonly number[];
  /** One row per interval, coefficients in ppm in column order (only when ok). */
  readonly rows: readonly { readonly intervalStart: string; readonly ppm: readonly number[] }[];
}

export function parseKeyCsv(csv: string, siteId: number, memberByNo: ReadonlyMap<string, SiteMemberRef>, validFrom: string | null = null): ParsedKeyTable {
  const issues: KeyCsvIssue[] = [];
  let issueCount = 0;
  const issue = (line: number, column: string, cell: string, code: KeyCsvIssueCode, params: Record<string, string | number>, message: string) => {
    issueCount++;
    if (issues.length < MAX_ISSUES) issues.push({ line, column, cell, code, params, message });
  };
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  const header = lines[0] ?? '';
  const separator = header.includes(';') ? ';' : ',';
  const decimalComma = separator === ';';
  const headCells = header.split(separator).map((c) => c.trim());
  if ((headCells[0] ?? '').toLowerCase() !== 'interval_start') issue(1, headCells[0] ?? '', headCells[0] ?? '', 'first_column', { cell: headCells[0] ?? '' }, 'The first column must be "interval_start" (the start of each 15-minute interval, UTC)');
  const columns = headCells.slice(1);
  if (columns.length === 0) issue(1, '', header, 'no_member_columns', {}, 'Name at least one member number after "interval_start"');
  const members = columns.map((no) => {
    const member = memberByNo.get(no.toLowerCase()) ?? null;
    return { memberNo: no, memberId: member?.id ?? null, memberName: member?.name ?? null, siteId: member?.siteId ?? null };
  });
  const seen = new Set<string>();
  members.forEach((m) => {
    if (m.memberNo === '') issue(1, '', '', 'column_without_member', {}, 'A column has no member number');
    else if (seen.has(m.memberNo.toLowerCase())) issue(1, m.memberNo, m.memberNo, 'member_twice', { memberNo: m.memberNo }, `Member ${m.memberNo} has two columns`);
    else if (m.memberId === null) issue(1, m.memberNo, m.memberNo, 'unknown_member', { memberNo: m.memberNo }, `No member has the number ${m.memberNo}`);
    else if (m.siteId !== siteId) issue(1, m.memberNo, m.memberNo, 'member_of_other_site', { memberNo: m.memberNo, memberName: m.memberName ?? '' }, `Member ${m.memberNo} (${m.memberName}) belongs to another site`);
    seen.add(m.memberNo.toLowerCase());
  });
  const rows: { intervalStart: string; ppm: number[] }[] = [];
  const starts = new Set<string>();
  for (let index = 1; index < lines.length; index++) {
    const lineNo = index + 1;
    const text = lines[index] ?? '';
    if (text.trim() === '') {
      issue(lineNo, '', '', 'empty_line', {}, 'This line is empty: remove it');
      continue;
    }
    const cells = text.split(separator).map((c) => c.trim());
    const startCell = cells[0] ?? '';
    const start = intervalStart(startCell);
    if (typeof start !== 'string') issue(lineNo, 'interval_start', startCell, start.code, start.params, start.problem);
    else if (starts.has(start)) issue(lineNo, 'interval_start', startCell, 'interval_twice', { interval: start }, `The interval ${start} is listed twice`);
    else if (validFrom !== null && start < validFrom) issue(lineNo, 'interval_start', startCell, 'before_valid_from', { interval: start, validFrom }, `The interval ${start} is before this key version starts (${validFrom})`);
    if (typeof start === 'string') starts.add(start);
    if (cells.length !== columns.length + 1) {
      issue(lineNo, '', text.slice(0, 60), 'column_count', { count: cells.length - 1, expected: columns.length }, `This line has ${cells.length - 1} coefficients but the header names ${columns.length} members`);
      continue;
    }
    let sum = 0;
    let cellsOk = true;
    const ppm = cells.slice(1).map((cell, c) => {
      const column = columns[c] ?? '';
      const value = Number(decimalComma ? cell.replace(',', '.') : cell);
      if (cell === '' || !Number.isFinite(value)) {
        issue(lineNo, column, cell, 'not_a_number', { cell, example: '0.25' }, `"${cell}" is not a number (write a coefficient between 0 and 1, e.g. 0.25)`);
        cellsOk = false;
        return 0;
      }
      if (value < 0) issue(lineNo, column, cell, 'negative', { cell }, `${cell} is negative: a coefficient is between 0 and 1`);
      else if (value > 1) issue(lineNo, column, cell, 'above_one', { cell }, `${cell} is above 1: a coefficient is between 0 and 1`);
      if (value < 0 || value > 1) cellsOk = false;
      sum += value;
      return Math.round(value * PPM);
    });
    if (cellsOk && Math.abs(sum - 1) > SUM_TOLERANCE) issue(lineNo, '', startCell, 'row_sum', { interval: startCell, sum: Number(sum.toFixed(6)), expected: 1, tolerance: SUM_TOLERANCE }, `The coefficients of ${startCell} sum to ${Number(sum.toFixed(6))}, not 1 (within 0.00001)`);
    if (typeof start === 'string') rows.push({ intervalStart: start, ppm });
  }
  if (lines.length < 2) issue(1, '', '', 'no_rows', {}, 'The table has no interval rows');
  rows.sort((a, b) => (a.intervalStart < b.intervalStart ? -1 : 1));
  const ok = issueCount === 0;
  return {
    preview: {
      ok, rows: rows.length,
      members: members.map(({ memberNo, memberId, memberName }) => ({ memberNo, memberId, memberName })),
      from: rows[0]?.intervalStart ?? null, to: rows[rows.length - 1]?.intervalStart ?? null,
      issues, issueCount,
    },
    memberIds: ok ? members.map((m) => m.memberId ?? 0) : [],
    rows: ok ? rows : [],
  };
}

/** An ISO-8601 UTC instant on a 15-minute boundary, normalised to the stored form (…:00.000Z). */
export interface IntervalProblem {
  readonly code: 'bad_interval' | 'not_interval_start';
  readonly params: Record<string, string>;
  readonly problem: string;
}
export function intervalStart(cell: string): string | IntervalProblem {
  const example = '2026-04-01T00:15:00Z';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(cell)) return { code: 'bad_interval', params: { cell, example }, problem: `"${cell}" is not a UTC time like ${example}` };
  const ms = Date.parse(cell);
  if (!Number.isFinite(ms)) return { code: 'bad_interval', params: { cell, example }, problem: `"${cell}" is not a valid date and time (like ${example})` };
  if (ms % INTERVAL_MS !== 0) return { code: 'not_interval_start', params: { cell }, problem: `${cell} is not the start of a 15-minute interval (:00, :15, :30, :45)` };
  return new Date(ms).toISOString();
}
