// CSV import/export of members. Parsing is done by csv-parse; this file maps columns to the
// contract's MemberFields schema and reports each bad cell (first problem only) as coded data with its line, so a file can
// be fixed in a spreadsheet and tried again. Nothing here touches the database.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { MemberFields, type ImportIssue, type Member, type MemberFieldsValue } from '../../contract/members.js';
import { echo, fromZodIssue, issue } from './import-issues.js';

export const CSV_COLUMNS = [
  'member_no',
  'full_name',
  'site',
  'roles',
  'phone',
  'email',
  'village',
  'gps_lat',
  'gps_lon',
  'premises_m2',
  'preferred_energy',
  'notes',
  'joined_on',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly CsvColumn[] = ['member_no', 'full_name', 'site', 'roles'];
export const MAX_IMPORT_ROWS = 20_000;

export interface ParsedCsvRow {
  readonly line: number;
  readonly cells: Readonly<Partial<Record<CsvColumn, string>>>;
  readonly fields: MemberFieldsValue | null;
  /** At most one issue per cell, in the file's column order. */
  readonly issues: ImportIssue[];
}

export interface ParsedCsv {
  readonly columns: readonly string[];
  /** Problems with the file as a whole; when present, rows is empty and nothing can be imported. */
  readonly fileIssues: readonly ImportIssue[];
  readonly rows: ParsedCsvRow[];
}

/** Spreadsheet programs run cells starting with these as formulas; export guards them with a quote. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Control characters no spreadsheet writes into a CSV: the file is something else (xlsx, pdf, image). */
const BINARY = /[\u0000-\u0008\u000e-\u001f]/;

type ParsedRecord = { record: string[]; info: { lines: number } };

export function parseMembersCsv(text: string, siteIdByName: (name: string) => number | null, today: string): ParsedCsv {
  const refused = (fileIssue: ImportIssue, columns: readonly string[] = []): ParsedCsv => ({ columns, fileIssues: [fileIssue], rows: [] });
  if (BINARY.test(text.slice(0, 4096))) return refused(issue(1, null, 'not_csv'));
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: ParsedRecord[];
  let lastGoodLine = 0;
  try {
    records = parse(text, {
      bom: true, delimiter, info: true, relax_column_count: true, skip_empty_lines: true, trim: true,
      // Remembered so an unclosed quote can be placed where its record starts, not at the file's end.
      on_record: (record: string[], context: { lines: number }) => ((lastGoodLine = context.lines), record),
    }) as unknown as ParsedRecord[];
  } catch (error) {
    return refused(csvParseIssue(error, lastGoodLine));
  }
  const [header, ...body] = records;
  if (!header) return refused(issue(1, null, 'no_header'));
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const headerIssues = [
    ...(missing.length ? [issue(header.info.lines, null, 'missing_columns', { columns: missing.join(', ') })] : []),
    ...(unknown.length ? [issue(header.info.lines, null, 'unknown_columns', { columns: unknown.join(', '), expected: CSV_COLUMNS.join(', ') })] : []),
  ];
  if (headerIssues.length) return { columns, fileIssues: headerIssues, rows: [] };
  if (body.length === 0) return refused(issue(header.info.lines, null, 'no_rows'), columns);
  if (body.length > MAX_IMPORT_ROWS) return refused(issue(header.info.lines, null, 'too_many_rows', { count: body.length, max: MAX_IMPORT_ROWS }), columns);

  const seen = new Map<string, number>();
  const rows = body.map(({ record, info }) => {
    const cells: Partial<Record<CsvColumn, string>> = {};
    columns.forEach((column, index) => {
      cells[column as CsvColumn] = unguard(record[index] ?? '');
    });
    const row = toRow(info.lines, columns, cells, siteIdByName, today);
    const key = (cells.member_no ?? '').toLowerCase();
    if (key) {
      const earlier = seen.get(key);
      if (earlier !== undefined) addIssue(row, columns, issue(info.lines, 'member_no', 'duplicate_in_file', { value: echo(cells.member_no), otherLine: earlier }));
      else seen.set(key, info.lines);
    }
    return row;
  });
  return { columns, fileIssues: [], rows };
}

/** csv-parse's errors carry a code and the line it stopped on; its text is for programmers. */
function csvParseIssue(error: unknown, lastGoodLine: number): ImportIssue {
  const { code, lines } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; lines?: unknown };
  const line = typeof lines === 'number' && lines > 0 ? lines : 1;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return issue(Math.min(lastGoodLine + 1, line), null, 'quote_not_closed');
  if (code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'INVALID_OPENING_QUOTE' || code === 'CSV_INVALID_OPENING_QUOTE') return issue(line, null, 'bad_quote');
  return issue(line, null, 'not_csv');
}

/** Keeps only the first problem per cell, and the row's issues in the file's column order. */
export function addIssue(row: ParsedCsvRow, columns: readonly string[], next: ImportIssue): void {
  if (row.issues.some((known) => known.column === next.column)) return;
  row.issues.push(next);
  row.issues.sort((a, b) => columns.indexOf(a.column ?? '') - columns.indexOf(b.column ?? ''));
}

function toRow(line: number, columns: readonly string[], cells: Partial<Record<CsvColumn, string>>, siteIdByName: (name: string) => number | null, today: string): ParsedCsvRow {
  const row: ParsedCsvRow = { line, cells, fields: null, issues: [] };
  const siteName = cells.site ?? '';
  const siteId = siteName ? siteIdByName(siteName) : null;
  if (!siteName) addIssue(row, columns, issue(line, 'site', 'required'));
  else if (siteId === null) addIssue(row, columns, issue(line, 'site', 'unknown_site', { value: echo(siteName) }));
  const number = (column: CsvColumn): number | null | string => {
    const raw = cells[column] ?? '';
    if (raw === '') return null;
    const value = Number(raw.replace(',', '.'));
    return Number.isFinite(value) ? value : raw;
  };
  const candidate = {
    memberNo: cells.member_no ?? '',
    fullName: cells.full_name ?? '',
    siteId: siteId ?? 1,
    roles: splitMulti(cells.roles),
    phone: cells.phone ?? '',
    email: cells.email ?? '',
    village: cells.village ?? '',
    gpsLat: number('gps_lat'),
    gpsLon: number('gps_lon'),
    premisesM2: number('premises_m2'),
    preferredEnergy: splitMulti(cells.preferred_energy),
    notes: cells.notes ?? '',
    joinedOn: cells.joined_on || today,
  };
  const parsed = MemberFields.safeParse(candidate);
  if (!parsed.success) {
    for (const zodIssue of parsed.error.issues) {
      const column = columnOf(String(zodIssue.path[0] ?? ''));
      addIssue(row, columns, fromZodIssue(line, column, zodIssue, candidate));
    }
  }
  return { ...row, fields: parsed.success && row.issues.length === 0 ? parsed.data : null };
}

const COLUMN_OF_FIELD: Record<string, CsvColumn> = {
  memberNo: 'member_no',
  fullName: 'full_name',
  siteId: 'site',
  gpsLat: 'gps_lat',
  gpsLon: 'gps_lon',
  premisesM2: 'premises_m2',
  preferredEnergy: 'preferred_energy',
  joinedOn: 'joined_on',
};
const columnOf = (field: string): string => COLUMN_OF_FIELD[field] ?? field;

const splitMulti = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/[;|,]/)
    .map((part) => part.trim().toLowerCase().replace(/[\s-]+/g, '_'))
    .filter(Boolean);

export const guard = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
const unguard = (text: string): string => (text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text);

export function membersToCsv(members: readonly Member[]): string {
  const rows = members.map((m) => [
    guard(m.memberNo),
    guard(m.fullName),
    guard(m.siteName),
    m.roles.join(';'),
    guard(m.phone),
    guard(m.email),
    guard(m.village),
    m.gpsLat ?? '',
    m.gpsLon ?? '',
    m.premisesM2 ?? '',
    m.preferredEnergy.join(';'),
    guard(m.notes),
    m.joinedOn,
  ]);
  return stringify([[...CSV_COLUMNS], ...rows]);
}
