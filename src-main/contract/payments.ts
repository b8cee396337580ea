// Payments taken at the office window and imported from mobile-money statements (issue 11).
// Money is integer minor units of the cooperative's currency.
import { z } from 'zod';
import { defineChannel, STAFF } from './define.js';
import { Id, IsoDate, NoteText, ShortText } from './common.js';
import type { DocumentFile } from './agreements.js';

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

export const PAYMENT_METHODS = ['cash', 'mobile-money'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type PaymentStatus = 'booked' | 'suspense' | 'reversed';

/** Minor units of the cooperative's currency: whole, above zero, below 10^12. */
export const AmountMinor = z.number().int('A whole number of minor units').positive('Above zero').max(1_000_000_000_000, 'Too large');

export interface AllocationLineView {
  readonly bucket: AllocationBucketName;
  /** The charge's kind; null for the credit left on the account. */
  readonly code: string | null;
  readonly chargeLineId: number | null;
  readonly agreementId: number | null;
  readonly instalmentNo: number | null;
  readonly amountMinor: number;
  readonly settles: boolean;
}

export interface PaymentView {
  readonly id: number;
  /** R-000123: printed on the receipt. */
  readonly receiptNo: string;
  readonly memberId: number | null;
  readonly memberNo: string | null;
  readonly memberName: string | null;
  readonly amountMinor: number;
  readonly currency: string;
  readonly method: PaymentMethod;
  readonly reference: string;
  readonly receivedOn: string;
  readonly receivedAt: string | null;
  readonly origin: 'window' | 'statement';
  readonly payerDetails: string;
  readonly takenBy: string | null;
  readonly createdAt: string;
  readonly status: PaymentStatus;
  readonly reversal: { readonly reason: string; readonly by: string | null; readonly at: string } | null;
  readonly journalEntryId: number;
  /** How it was applied (empty while in suspense); sums to the amount. */
  readonly allocations: readonly AllocationLineView[];
  readonly byBucket: Readonly<Record<AllocationBucketName, number>>;
  /** Lease-to-own agreements this payment paid off (completed by it). */
  readonly completedAgreements: readonly number[];
}

/** What made the console apply credit paid ahead to charges (core/payments/README.md). */
export const CREDIT_OCCASIONS = ['settlement', 'drawdown', 'payment', 'reversal', 'resolution', 'catch-up'] as const;
export type CreditOccasion = (typeof CREDIT_OCCASIONS)[number];

/** One piece of a payment's credit applied later to a charge posted after it. */
export interface CreditApplicationView extends AllocationLineView {
  readonly id: number;
  readonly paymentId: number;
  /** The receipt of the payment whose credit paid it. */
  readonly receiptNo: string;
  readonly appliedOn: string;
  readonly occasion: CreditOccasion;
  /** Null while it counts; else why it stopped counting (append-only: the row stays, as history). */
  readonly endedBy: 'payment-reversed' | 'charge-reversed' | null;
}

/** A member's credit paid ahead: what is left to apply and where it was applied. */
export interface MemberCreditView {
  readonly memberId: number;
  /** Σ of live payments less every live allocation on a live charge line (≥ 0). */
  readonly availableMinor: number;
  /** Newest first. */
  readonly applications: readonly CreditApplicationView[];
  /** Σ of the applications still counting, per step of the order (for the split chart). */
  readonly byBucket: Readonly<Record<AllocationBucketName, number>>;
}

export type StatementLineStatus = 'matched' | 'unmatched' | 'duplicate' | 'skipped' | 'invalid';

export interface StatementLinePreview {
  readonly line: number;
  readonly status: StatementLineStatus;
  readonly receipt: string;
  readonly completedAt: string | null;
  readonly amountMinor: number | null;
  readonly details: string;
  /** Skipped lines: the statement's status ("Failed") or 'money-out'. */
  readonly transactionStatus: string;
  readonly memberId: number | null;
  readonly memberNo: string | null;
  readonly memberName: string | null;
  readonly matchedBy: 'account' | 'phone' | null;
  /** Why an unmatched line found nobody. */
  readonly unmatchedReason: 'no-reference' | 'unknown-reference' | 'shared-phone' | null;
  /** Duplicates: the receipt of the payment already booked under this reference. */
  readonly bookedAs: string | null;
  readonly issues: readonly StatementIssue[];
}

export interface StatementPreview {
  readonly currency: string;
  readonly fileIssues: readonly StatementIssue[];
  readonly lines: readonly StatementLinePreview[];
  readonly totals: Readonly<Record<StatementLineStatus, { readonly count: number; readonly amountMinor: number }>>;
  /** Set when this very file (same SHA-256) was imported before. */
  readonly importedBefore: { readonly at: string; readonly fileName: string } | null;
}

export interface StatementImportResult {
  readonly statementId: number | null;
  readonly booked: number;
  readonly suspense: number;
  readonly duplicates: number;
  readonly skipped: number;
  readonly payments: readonly PaymentView[];
}

export const PaymentListQuery = z.object({
  memberId: Id.nullable().default(null),
  status: z.enum(['booked', 'suspense', 'reversed']).nullable().default(null),
  limit: z.number().int().min(1).max(500).default(100),
});
export type PaymentListQueryValue = z.output<typeof PaymentListQuery>;

export const RecordPaymentInput = z.object({
  memberId: Id,
  amountMinor: AmountMinor,
  method: z.enum(PAYMENT_METHODS),
  /** Cash without a receipt-book number: leave empty and the console numbers it. */
  reference: ShortText(64).regex(/^[A-Za-z0-9 ./_-]*$/, 'Letters, digits, space . / _ - only'),
  receivedOn: IsoDate,
});
export type RecordPaymentValue = z.output<typeof RecordPaymentInput>;

const StatementCsv = z.string().min(1, 'The file is empty').max(10_000_000, 'The file is larger than 10 MB; export a shorter period');

export const paymentsChannels = {
  'payments.list': defineChannel<PaymentView[]>()({ input: PaymentListQuery, access: STAFF, description: 'Payments, newest first (by member or status).' }),
  'payments.get': defineChannel<PaymentView>()({ input: z.object({ id: Id }), access: STAFF, description: 'One payment with its allocation split.' }),
  'payments.credit': defineChannel<MemberCreditView>()({
    input: z.object({ memberId: Id }),
    access: STAFF,
    description: "A member's credit paid ahead: what is left, and each piece applied to a charge posted later.",
  }),
  'payments.preview': defineChannel<{ split: readonly AllocationLineView[]; byBucket: Readonly<Record<AllocationBucketName, number>>; balanceMinor: number }>()({
    input: z.object({ memberId: Id, amountMinor: AmountMinor, receivedOn: IsoDate }),
    access: STAFF,
    description: "How an amount would be applied to the member's open items (nothing written), and their balance.",
  }),
  'payments.record': defineChannel<PaymentView>()({
    input: RecordPaymentInput,
    access: STAFF,
    description: 'Books a payment (journal entry + allocation) in one transaction; a reference is booked once.',
  }),
  'payments.reverse': defineChannel<PaymentView>()({
    input: z.object({ id: Id, reason: NoteText(500).min(1, 'Say why the payment is reversed') }),
    access: STAFF,
    description: 'Reverses a payment by a reversing journal entry with the reason.',
  }),
  'payments.receipt': defineChannel<DocumentFile>()({ input: z.object({ id: Id }), access: STAFF, description: 'The printable PDF receipt of a payment.' }),
  'payments.statementPreview': defineChannel<StatementPreview>()({
    input: z.object({ csv: StatementCsv }),
    access: STAFF,
    description: 'Reads a mobile-money statement: matched, unmatched, duplicate and skipped lines; nothing written.',
  }),
  'payments.statementImport': defineChannel<StatementImportResult>()({
    input: z.object({ csv: StatementCsv, fileName: ShortText(200) }),
    access: STAFF,
    description: 'Books the matched lines, puts the unmatched ones in suspense; a line already booked is never booked twice.',
  }),
  'payments.resolveSuspense': defineChannel<PaymentView>()({
    input: z.object({ id: Id, memberId: Id }),
    access: STAFF,
    description: 'Assigns a suspense payment to a member (a journal entry moves it from suspense to the member).',
  }),
} as const;
