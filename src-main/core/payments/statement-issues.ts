// Statement problems as data: a stable code, the values the sentence needs, and the English
// sentence (the renderer translates code + params; see contract/payments.ts).
import type { StatementIssue, StatementIssueCode } from '../../contract/payments.js';

type Params = Record<string, string | number>;

const MAX_ECHO = 40;
export const echo = (value: unknown): string => {
  const text = String(value ?? '');
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO - 1)}…` : text;
};

function englishSentence(line: number, column: string | null, code: StatementIssueCode, p: Params): string {
  const where = column ? `Line ${line}, column ${column}` : `Line ${line}`;
  switch (code) {
    case 'required': return `${where}: this cell is empty; the statement must give it.`;
    case 'bad_amount': return `${where}: "${p.value}" is not an amount; it should look like 1,500.00.`;
    case 'too_many_decimals': return `${where}: "${p.value}" has more decimals than ${p.currency} has (${p.digits}); check that the statement is in ${p.currency}.`;
    case 'amount_too_large': return `${where}: "${p.value}" is far larger than any payment; check the cell.`;
    case 'bad_time': return `${where}: "${p.value}" is not a date and time; it should look like 2026-12-01 14:05:09.`;
    case 'other_currency': return `${where}: the amount "${p.value}" is not in ${p.currency}, the cooperative's currency; a statement in another currency cannot be imported.`;
    case 'duplicate_in_file': return `${where}: receipt ${p.value} is also on line ${p.otherLine}; the file lists this transaction twice.`;
    case 'control_character': return `${where}: the text holds invisible control characters; export the statement again.`;
    case 'not_csv': return `${where}: this is not a CSV file; export the statement as CSV (comma or semicolon separated) and try again.`;
    case 'quote_not_closed': return `${where}: a quote (") opens a cell but is never closed; export the statement again.`;
    case 'bad_quote': return `${where}: a quote (") is in the middle of a cell; export the statement again.`;
    case 'no_header': return `${where}: no line names the statement's columns (Receipt No., Completion Time, Details, Transaction Status, Paid In); is this a mobile-money statement?`;
    case 'missing_columns': return `${where}: the header lacks the column(s) ${p.columns}.`;
    case 'no_rows': return `${where}: the statement has no transactions.`;
    case 'too_many_rows': return `${where}: the statement has ${p.count} lines; at most ${p.max} can be imported at once, so export a shorter period.`;
  }
}

export function statementIssue(line: number, column: string | null, code: StatementIssueCode, params: Params = {}): StatementIssue {
  return { line, column, code, params, message: englishSentence(line, column, code, params) };
}
