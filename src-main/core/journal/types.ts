// The journal's public types: what callers post, what they read back, and the refusals they can get.
// Amounts are integers in minor units of the cooperative's one currency (cents, not shillings).

// The account, charge and entry vocabularies are the contract's (the console shows them as they are).
export { ACCOUNT_KINDS, CHARGE_CODES, ENTRY_KINDS } from '../../contract/journal.js';
export type { AccountKind, AccountRef, ChargeCode, ChargeInfo, EntryKind, JournalIntegrityReport } from '../../contract/journal.js';
import type { AccountRef, ChargeInfo, EntryKind } from '../../contract/journal.js';

export interface JournalLineInput {
  account: AccountRef;
  debit: number;
  credit: number;
  memo?: string;
  /** On a line that charges a member (a line on a member account): what kind of charge it is, so
   *  payments can build a member's open items from the journal alone, without reading settlement
   *  tables. Stored in columns of journal_lines. */
  charge?: ChargeInfo;
}

export interface JournalEntryInput {
  kind: EntryKind;
  /** Where the money came from, for traceability: e.g. { type: 'settlement-line', id: '42' }. */
  source: { type: string; id: string };
  memo: string;
  /** Unique if given: posting the same key twice returns the first entry and writes nothing. */
  idempotencyKey?: string;
  /** ISO date (YYYY-MM-DD) the entry belongs to (a period's end, a payment's day). */
  effectiveDate: string;
  lines: JournalLineInput[];
  createdBy: number | null;
}

/** A charge line on a member's account, as payments need it to build open items. */
export interface PostedCharge {
  entryId: number;
  lineId: number;
  entryKind: EntryKind;
  effectiveDate: string;
  source: { type: string; id: string };
  /** debit − credit of the line: positive for a charge, negative for a credit of that kind. */
  amount: number;
  debit: number;
  credit: number;
  memo: string | null;
  charge: ChargeInfo;
  /** True when the entry was cancelled by a reversing entry (its amount no longer stands). */
  reversed: boolean;
  /** The reversing entry's id, when reversed. */
  reversedByEntryId: number | null;
}

export const JOURNAL_ERROR_CODES = [
  'UNBALANCED', // Σ debits ≠ Σ credits in one entry
  'EMPTY', // an entry without lines, or a call without entries
  'BAD_AMOUNT', // not a safe non-negative integer, both or neither of debit/credit, totals too large
  'UNKNOWN_ACCOUNT', // an account kind the journal does not know, or a member that does not exist
  'BAD_INPUT', // a date, memo, source, charge or operator that cannot be stored as given
  'NOT_FOUND', // no such entry
  'ALREADY_REVERSED', // the entry was reversed before
  'IS_REVERSAL', // a reversing entry cannot itself be reversed
  'REASON_REQUIRED', // a reversal needs a reason
] as const;
export type JournalErrorCode = (typeof JOURNAL_ERROR_CODES)[number];

export class JournalError extends Error {
  constructor(
    readonly code: JournalErrorCode,
    message: string,
    /** Values the message was built from, for callers that say it in another language. */
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = 'JournalError';
  }
}
