// Import problems as data: a stable code, the values a sentence needs, and the English sentence.
// The renderer translates code + params; the English text serves API users, logs and the commit
// refusal. Zod's own messages ("Too big: expected number to be <=90") never reach an operator.
import type { z } from 'zod';
import { CONTROL_CHARACTER_MESSAGE, FIRST_YEAR, LAST_YEAR, MULTI_LINE_CONTROL_CHARACTER_MESSAGE, YEAR_RANGE_MESSAGE } from '../../contract/common.js';
import { MemberFields, type ImportIssue, type ImportIssueCode } from '../../contract/members.js';

type Params = Record<string, string | number>;

/** Cell values quoted back in a sentence are cut, so a pasted paragraph does not flood the table. */
const MAX_ECHO = 40;
export const echo = (value: unknown): string => {
  const text = String(value ?? '');
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO - 1)}…` : text;
};

/** What a good cell looks like, for sentences that say "write it like …". */
const EXAMPLE: Readonly<Record<string, string>> = {
  member_no: 'K-101',
  phone: '+254 700 000101',
  email: 'name@example.org',
  joined_on: '2025-03-15',
  gps_lat: '-1.2921',
  gps_lon: '36.8219',
  premises_m2: '120',
};

// Ranges come from the contract's schema, so the sentence cannot drift from the rule.
const numberSchema = (field: 'gpsLat' | 'gpsLon' | 'premisesM2'): z.ZodNumber => MemberFields.shape[field].unwrap().unwrap();
const RANGE: Readonly<Record<string, { min: number; max: number }>> = Object.fromEntries(
  ([['gps_lat', 'gpsLat'], ['gps_lon', 'gpsLon'], ['premises_m2', 'premisesM2']] as const).map(([column, field]) => {
    const schema = numberSchema(field);
    return [column, { min: schema.minValue ?? -Infinity, max: schema.maxValue ?? Infinity }];
  }),
);

function englishSentence(line: number, column: string | null, code: ImportIssueCode, p: Params): string {
  const where = column ? `Line ${line}, column ${column}` : `Line ${line}`;
  switch (code) {
    case 'required': return `${where}: this cell is empty; fill it in.`;
    case 'invalid_choice': return `${where}: "${p.value}" is not an allowed value; use one of ${p.allowed}.`;
    case 'listed_twice': return `${where}: "${p.value}" is listed twice; keep it once.`;
    case 'not_a_number': return `${where}: "${p.value}" is not a number; write a number such as ${p.example}.`;
    case 'not_whole_number': return `${where}: "${p.value}" must be a whole number, such as ${p.example}.`;
    case 'out_of_range': return `${where}: ${p.value} is out of range; it must be between ${p.min} and ${p.max}.`;
    case 'bad_format': return `${where}: "${p.value}" is not written correctly; write it like ${p.example}.`;
    case 'control_character': return `${where}: the text holds invisible control characters (such as NUL or a line break); retype it.`;
    case 'too_long': return `${where}: the text has ${p.length} characters; at most ${p.max} are allowed.`;
    case 'duplicate_in_file': return `${where}: member number ${p.value} is also on line ${p.otherLine}; each member needs their own number.`;
    case 'already_registered': return `${where}: member number ${p.value} is already registered; use another number or remove this line.`;
    case 'unknown_site': return `${where}: there is no site named "${p.value}"; correct the name or create the site in Settings → Sites first.`;
    case 'not_accepted': return `${where}: "${p.value}" is not accepted here.`;
    case 'not_csv': return `${where}: this is not a CSV file; save the spreadsheet as CSV (comma or semicolon separated) and try again.`;
    case 'quote_not_closed': return `${where}: a quote (") opens a cell but is never closed; close it or remove it.`;
    case 'bad_quote': return `${where}: a quote (") is in the middle of a cell; put quotes around the whole cell or remove them.`;
    case 'no_header': return `${where}: the file is empty; its first line must name the columns.`;
    case 'missing_columns': return `${where}: the header lacks the required column(s) ${p.columns}.`;
    case 'unknown_columns': return `${where}: the header has unknown column(s) ${p.columns}; the known columns are ${p.expected}.`;
    case 'no_rows': return `${where}: the file has only the header line; add one line per member.`;
    case 'too_many_rows': return `${where}: the file has ${p.count} members; at most ${p.max} can be imported at once, so split it into smaller files.`;
  }
}

export function issue(line: number, column: string | null, code: ImportIssueCode, params: Params = {}): ImportIssue {
  return { line, column, code, params, message: englishSentence(line, column, code, params) };
}

/**
 * One Zod issue about a member field → the import issue for its CSV column.
 * `candidate` is what was validated, to quote the offending value back.
 */
export function fromZodIssue(line: number, column: string, zodIssue: z.core.$ZodIssue, candidate: Readonly<Record<string, unknown>>): ImportIssue {
  const [field, index] = zodIssue.path;
  const whole = candidate[String(field)];
  const value = typeof index === 'number' && Array.isArray(whole) ? whole[index] : whole;
  const example = EXAMPLE[column] ?? '';
  switch (zodIssue.code) {
    case 'too_small':
      if (zodIssue.origin === 'string' || zodIssue.origin === 'array') return issue(line, column, 'required');
      break;
    case 'too_big':
      if (zodIssue.origin === 'string') return issue(line, column, 'too_long', { length: String(value ?? '').length, max: Number(zodIssue.maximum) });
      break;
    case 'invalid_value':
      return issue(line, column, 'invalid_choice', { value: echo(value), allowed: zodIssue.values.map(String).join(', ') });
    case 'invalid_format':
      if (zodIssue.message === CONTROL_CHARACTER_MESSAGE || zodIssue.message === MULTI_LINE_CONTROL_CHARACTER_MESSAGE) return issue(line, column, 'control_character');
      return issue(line, column, 'bad_format', { value: echo(value), example });
    case 'invalid_type':
      if (zodIssue.expected === 'int') return issue(line, column, 'not_whole_number', { value: echo(value), example });
      if (zodIssue.expected === 'number') return issue(line, column, 'not_a_number', { value: echo(value), example });
      break;
    case 'custom':
      if (zodIssue.message === YEAR_RANGE_MESSAGE) return issue(line, column, 'out_of_range', { value: echo(value), min: FIRST_YEAR, max: LAST_YEAR });
      if (Array.isArray(whole)) {
        const twice = whole.find((item, at) => whole.indexOf(item) !== at);
        if (twice !== undefined) return issue(line, column, 'listed_twice', { value: echo(twice) });
      }
      break;
  }
  const range = RANGE[column];
  if ((zodIssue.code === 'too_small' || zodIssue.code === 'too_big') && range) {
    return issue(line, column, 'out_of_range', { value: echo(value), min: range.min, max: range.max });
  }
  return issue(line, column, 'not_accepted', { value: echo(value) });
}
