// The journal's public types: what callers post, what they read back, and the refusals they can get.
// Amounts are integers in minor units of the cooperative's one currency (cents, not shillings).

export const ACCOUNT_KINDS = [
  'member',
  'cooperative-fees',
  'cooperative-energy',
  'grid',
  'government',
  'cash',
  'mobile-money',
  'suspense',
  'token-redemption',
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export type AccountRef =
  | { kind: 'member'; memberId: number } // the member's running account with the cooperative
  | { kind: 'cooperative-fees' } // fixed fees and cooperative margins (income)
  | { kind: 'cooperative-energy' } // energy sold from the main supply (income)
  | { kind: 'grid' } // distribution party: wheeling / grid fees payable
  | { kind: 'government' } // tax payable
  | { kind: 'cash' }
  | { kind: 'mobile-money' } // where payments land (assets)
  | { kind: 'suspense' } // money received, member unknown yet
  | { kind: 'token-redemption' }; // issue 12

export const CHARGE_CODES = ['energy', 'fixed-fee', 'instalment', 'rent', 'p2p', 'wheeling', 'tax', 'other'] as const;
export type ChargeCode = (typeof CHARGE_CODES)[number];

export interface ChargeInfo {
  code: ChargeCode;
  agreementId?: number;
  instalmentNo?: number;
  /** YYYY-MM-DD */
  dueDate?: string;
}

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

export const ENTRY_KINDS = [
  'settlement',
  'adjustment',
  'payment',
  'payment-reversal',
  'reversal',
  'prepaid-drawdown',
  'token-redemption',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

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

export interface JournalIntegrityReport {
  ok: boolean;
  checkedAt: string;
  entryCount: number;
  lineCount: number;
  accountCount: number;
  /** Σ of all debits and all credits (equal when ok). */
  totalDebits: number;
  totalCredits: number;
  /** Entries whose lines do not balance (or have fewer than two lines); at most 50 listed. */
  unbalancedEntries: { entryId: number; debits: number; credits: number; lineCount: number }[];
  /** Accounts whose cached balance differs from the sum of their lines; at most 50 listed. */
  balanceMismatches: {
    accountId: number;
    account: AccountRef;
    cachedDebits: number;
    cachedCredits: number;
    derivedDebits: number;
    derivedCredits: number;
  }[];
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
