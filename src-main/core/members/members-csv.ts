// CSV import/export of members. Parsing is done by csv-parse; this file maps columns to the
// contract's MemberFields schema and reports every problem with the line it is on, so a file can
// be fixed in a spreadsheet and tried again. Nothing here touches the database.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { MemberFields, type Member, type MemberFieldsValue } from '../../contract/members.js';
import { CoreError } from '../api/core-error.js';

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
  readonly errors: string[];
}

export interface ParsedCsv {
  readonly columns: readonly string[];
  readonly rows: ParsedCsvRow[];
}

/** Spreadsheet programs run cells starting with these as formulas; export guards them with a quote. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function parseMembersCsv(text: string, siteIdByName: (name: string) => number | null, today: string): ParsedCsv {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, delimiter, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    throw new CoreError('IMPORT_REJECTED', `The file is not readable as CSV: ${(error as Error).message}. Nothing was imported.`);
  }
  const [header, ...body] = records;
  if (!header) throw new CoreError('IMPORT_REJECTED', 'The file has no header line. Nothing was imported.');
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (unknown.length || missing.length) {
    const parts = [unknown.length ? `unknown column(s): ${unknown.join(', ')}` : '', missing.length ? `missing column(s): ${missing.join(', ')}` : ''];
    throw new CoreError('IMPORT_REJECTED', `The header does not match: ${parts.filter(Boolean).join('; ')}. Expected columns: ${CSV_COLUMNS.join(', ')}. Nothing was imported.`);
  }
  if (body.length > MAX_IMPORT_ROWS) throw new CoreError('IMPORT_REJECTED', `The file has ${body.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once.`);

  const seen = new Map<string, number>();
  const rows = body.map(({ record, info }) => {
    const cells: Partial<Record<CsvColumn, string>> = {};
    columns.forEach((column, index) => {
      cells[column as CsvColumn] = unguard(record[index] ?? '');
    });
    const row = toRow(info.lines, cells, siteIdByName, today);
    const key = (cells.member_no ?? '').toLowerCase();
    if (key) {
      const earlier = seen.get(key);
      if (earlier !== undefined) row.errors.push(`member_no ${cells.member_no} is also on line ${earlier}`);
      else seen.set(key, info.lines);
    }
    return row;
  });
  return { columns, rows };
}

function toRow(line: number, cells: Partial<Record<CsvColumn, string>>, siteIdByName: (name: string) => number | null, today: string): ParsedCsvRow {
  const errors: string[] = [];
  const siteName = cells.site ?? '';
  const siteId = siteName ? siteIdByName(siteName) : null;
  if (!siteName) errors.push('site: required');
  else if (siteId === null) errors.push(`site: no site named "${siteName}" (create it in Settings → Sites first)`);
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
    for (const issue of parsed.error.issues) errors.push(`${columnOf(String(issue.path[0] ?? ''))}: ${issue.message}`);
  }
  return { line, cells, fields: parsed.success && errors.length === 0 ? parsed.data : null, errors };
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

const guard = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
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
