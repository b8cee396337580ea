// Payments taken at the office window and imported from mobile-money statements (issue 11).
// Money is integer minor units of the cooperative's currency.

/** Problems with one cell of a mobile-money statement (code + params; the renderer translates). */
export const STATEMENT_CELL_ISSUE_CODES = [
  'required', // an empty cell that must be filled
  'bad_amount', // {value}: not an amount such as 1,500.00
  'too_many_decimals', // {value, digits, currency}: more decimals than the currency has
  'amount_too_large', // {value}
  'bad_time', // {value}: not a date and time such as 2026-12-01 14:05:09
  'other_currency', // {value, currency}: an amount in another currency than the cooperative's
  'duplicate_in_file', // {value, otherLine}: the same receipt number twice in the file
  'control_character', // invisible control characters
] as const;
/** Problems with the statement as a whole: nothing can be imported. */
export const STATEMENT_FILE_ISSUE_CODES = [
  'not_csv',
  'quote_not_closed',
  'bad_quote',
  'no_header', // no line names the statement's columns (Receipt No., Completion Time, …)
  'missing_columns', // {columns}
  'no_rows',
  'too_many_rows', // {count, max}
  'other_currency', // {value, currency}: the statement is in another currency
] as const;
export type StatementIssueCode = (typeof STATEMENT_CELL_ISSUE_CODES)[number] | (typeof STATEMENT_FILE_ISSUE_CODES)[number];

export interface StatementIssue {
  /** Line number in the file (1 = first line). */
  readonly line: number;
  /** The statement's column as written in its header; null for the file as a whole. */
  readonly column: string | null;
  readonly code: StatementIssueCode;
  readonly params: Readonly<Record<string, string | number>>;
  /** The same sentence in English. */
  readonly message: string;
}

/** The order a payment is applied in (documented in core/payments/README.md). */
export const ALLOCATION_ORDER = ['arrears', 'instalment', 'fixed-fee', 'energy'] as const;
export type AllocationBucketName = (typeof ALLOCATION_ORDER)[number];
