// The cooperative's books (append-only double-entry journal) as the console sees them: integrity,
// the cooperative's own accounts, one member's account, and reversing an entry. Amounts are integer
// minor units of the cooperative's currency; every balance is credits − debits (for a member:
// positive = in credit, negative = owes). Rules: src-main/core/journal/README.md.
import { z } from 'zod';
import { defineChannel, STAFF, ANY_SIGNED_IN } from './define.js';
import { Id, NoInput, NoteText, Paging, type Page } from './common.js';
import type { SettlementLineCode } from './settlements.js';
import type { PaymentMethod } from './payments.js';

export const ACCOUNT_KINDS = ['member', 'cooperative-fees', 'cooperative-energy', 'grid', 'government', 'cash', 'mobile-money', 'suspense', 'token-redemption'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export type CooperativeAccountKind = Exclude<AccountKind, 'member'>;

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

export const ENTRY_KINDS = ['settlement', 'adjustment', 'payment', 'payment-reversal', 'reversal', 'prepaid-drawdown', 'token-redemption'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Where an entry's money came from (journal_entries.source_type), one per place that posts. */
export const JOURNAL_SOURCE_TYPES = ['settlement-transfer', 'payment', 'payment-resolution', 'prepaid-day', 'token-redemption', 'journal-entry'] as const;
export type JournalSourceType = (typeof JOURNAL_SOURCE_TYPES)[number];

/**
 * What an entry was, as codes and values the screen says in the reader's language (the stored memo
 * is the record, in the words of the day it was written: English). Dates are YYYY-MM-DD; `line` is a
 * settlement line code; `method` a payment method. 'unrecognised' is an entry whose source the
 * console cannot read back (the screen then names its kind only).
 */
export type EntryDescription =
  | { readonly code: 'settlement'; readonly params: { readonly site: string; readonly from: string; readonly to: string; readonly line: SettlementLineCode; readonly agreementId?: number } }
  | { readonly code: 'adjustment'; readonly params: { readonly site: string; readonly from: string; readonly to: string; readonly line: SettlementLineCode } }
  | { readonly code: 'payment' | 'payment-suspense'; readonly params: { readonly method: PaymentMethod; readonly reference: string; readonly receiptNo?: string } }
  | { readonly code: 'payment-assigned'; readonly params: { readonly reference: string; readonly receiptNo: string; readonly memberNo: string } }
  | { readonly code: 'prepaid-day'; readonly params: { readonly day: string } }
  /** `of`: what the cancelled entry was (absent when it cannot be read back). */
  | { readonly code: 'reversal' | 'payment-reversal'; readonly params: { readonly entryId: number; readonly reason: string; readonly of?: EntryDescription } }
  /** `tokens` in whole units of the chain asset (`decimals` places: 1 500 units = 1.5 with 3). */
  | { readonly code: 'token-credit' | 'token-cash-out'; readonly params: { readonly tokens: number; readonly decimals: number; readonly symbol: string } }
  | { readonly code: 'unrecognised'; readonly params: { readonly kind: EntryKind } };
export type EntryDescriptionCode = EntryDescription['code'];
export const ENTRY_DESCRIPTION_CODES = [
  'settlement', 'adjustment', 'payment', 'payment-suspense', 'payment-assigned', 'prepaid-day', 'reversal', 'payment-reversal', 'token-credit', 'token-cash-out', 'unrecognised',
] as const satisfies readonly EntryDescriptionCode[];

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
  balanceMismatches: { accountId: number; account: AccountRef; cachedDebits: number; cachedCredits: number; derivedDebits: number; derivedCredits: number }[];
}

/** The last integrity check (at core start, or on demand) with how it was triggered. */
export interface JournalIntegrityStatus {
  readonly report: JournalIntegrityReport;
  readonly trigger: 'startup' | 'on-demand';
  /** Set when the check itself could not run (e.g. the database refused the read); report.ok is false then. */
  readonly failure: string | null;
}

export interface AccountTotals {
  readonly debitTotal: number;
  readonly creditTotal: number;
  /** credits − debits */
  readonly balance: number;
  readonly lineCount: number;
}

export interface CooperativeAccountsView {
  readonly currency: string;
  /** Every cooperative account, in ACCOUNT_KINDS order, zero when never posted to. */
  readonly accounts: readonly ({ readonly kind: CooperativeAccountKind } & AccountTotals)[];
  /** All member accounts together: Σ balances, how many are in credit and how many owe. */
  readonly members: { readonly accounts: number; readonly inCredit: number; readonly owing: number; readonly netBalance: number };
}

export interface JournalLineView {
  readonly lineNo: number;
  readonly account: AccountRef;
  /** The member's name for a member account; null for the cooperative's accounts. */
  readonly memberName: string | null;
  readonly debit: number;
  readonly credit: number;
  readonly memo: string | null;
  readonly charge: ChargeInfo | null;
}

export interface JournalEntryView {
  readonly id: number;
  readonly kind: EntryKind;
  readonly effectiveDate: string;
  readonly createdAt: string;
  readonly createdBy: string | null;
  /** The stored memo (English, the record as written); the screen says `description` instead. */
  readonly memo: string;
  readonly description: EntryDescription;
  readonly source: { readonly type: string; readonly id: string };
  /** What the entry did to this member's account: Σ credits − Σ debits of their lines. */
  readonly memberAmount: number;
  readonly lines: readonly JournalLineView[];
  readonly reversesEntryId: number | null;
  readonly reversalReason: string | null;
  readonly reversedByEntryId: number | null;
}

export interface MemberJournalView {
  readonly memberId: number;
  readonly currency: string;
  readonly totals: AccountTotals;
  /** Newest first. */
  readonly entries: Page<JournalEntryView>;
  /** The balance at the end of each day with a movement, oldest first (whole history). */
  readonly series: readonly { readonly date: string; readonly balance: number }[];
}

export const journalChannels = {
  'journal.integrity.status': defineChannel<JournalIntegrityStatus>()({
    input: NoInput,
    access: ANY_SIGNED_IN,
    description: 'The last journal integrity check (run at core start and on demand)',
  }),
  'journal.integrity.check': defineChannel<JournalIntegrityStatus>()({
    input: NoInput,
    access: STAFF,
    description: 'Runs the journal integrity check now: Σ debits = Σ credits overall and per entry, every cached balance = its lines',
  }),
  'journal.accounts.balances': defineChannel<CooperativeAccountsView>()({
    input: NoInput,
    access: STAFF,
    description: "The cooperative's own accounts (cash, mobile money, suspense, grid, government, fees, energy) and member accounts together",
  }),
  'journal.member.account': defineChannel<MemberJournalView>()({
    input: Paging.extend({ memberId: Id, limit: z.number().int().min(1).max(500).default(50) }),
    access: STAFF,
    description: "A member's account: balance, entries with all their lines (newest first, paged), balance over time",
  }),
  'journal.entries.reverse': defineChannel<{ reversalEntryId: number }>()({
    input: z.object({
      entryId: Id,
      reason: NoteText(500).min(1, 'Say why the entry is reversed'),
    }),
    access: STAFF,
    description: 'Cancels a journal entry with a reversing entry; the reason is kept and audited',
  }),
} as const;
