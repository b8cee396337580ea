// What a journal entry was, as a code and values the screen says in the reader's language. The
// stored memo is the record (written once, in English, never rewritten: the books are append-only),
// so the description is derived from what the entry is — its kind, its source and its lines — and
// from the facts its source row holds (the settlement period and line, the payment, the token
// redemption). Pure: the facts are read by entry-facts.ts.
import { SETTLEMENT_LINE_CODES, type SettlementLineCode } from '../../contract/settlements.js';
import type { PaymentMethod } from '../../contract/payments.js';
import type { AccountRef, EntryDescription, EntryKind } from '../../contract/journal.js';

export interface DescribedEntry {
  readonly kind: EntryKind;
  readonly source: { readonly type: string; readonly id: string };
  readonly lines: readonly { readonly account: AccountRef; readonly debit: number; readonly credit: number }[];
  readonly reversesEntryId: number | null;
  readonly reversalReason: string | null;
}

/** What the entry's source row says, when it can be read (see entry-facts.ts). */
export interface EntryFacts {
  /** The settlement line(s) the transfer was posted from, with their period and site. */
  readonly settlement?: {
    readonly siteName: string;
    readonly periodFrom: string;
    readonly periodTo: string;
    readonly code: string;
    readonly agreementId: number | null;
    /** On an adjustment line: the code of the line it corrects. */
    readonly adjustedCode: string | null;
  };
  /** The payment the entry booked (a payment) or assigned (a suspense resolution). */
  readonly payment?: { readonly method: PaymentMethod; readonly reference: string; readonly receiptNo: string };
  /** A suspense resolution: the member number the payment was assigned to. */
  readonly assignedTo?: string;
  /** A token redemption: whole units redeemed, and the token's decimals and symbol. */
  /** A reversal: the description of the entry it cancels. */
  readonly reversed?: EntryDescription;
  readonly redemption?: { readonly tokens: number; readonly decimals: number; readonly symbol: string };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isLineCode = (code: string | null | undefined): code is SettlementLineCode => (SETTLEMENT_LINE_CODES as readonly string[]).includes(code ?? '');
const credits = (entry: DescribedEntry, kind: AccountRef['kind']) => entry.lines.some((line) => line.account.kind === kind && line.credit > 0);
const debits = (entry: DescribedEntry, kind: AccountRef['kind']) => entry.lines.some((line) => line.account.kind === kind && line.debit > 0);

export function describeEntry(entry: DescribedEntry, facts: EntryFacts = {}): EntryDescription {
  const unrecognised: EntryDescription = { code: 'unrecognised', params: { kind: entry.kind } };
  if (entry.reversesEntryId !== null || entry.source.type === 'journal-entry') {
    const entryId = entry.reversesEntryId ?? Number(entry.source.id);
    if (!Number.isSafeInteger(entryId) || entryId <= 0) return unrecognised;
    const of = facts.reversed && facts.reversed.code !== 'reversal' && facts.reversed.code !== 'payment-reversal' && facts.reversed.code !== 'unrecognised' ? { of: facts.reversed } : {};
    return { code: entry.kind === 'payment-reversal' ? 'payment-reversal' : 'reversal', params: { entryId, reason: entry.reversalReason ?? '', ...of } };
  }
  switch (entry.source.type) {
    case 'settlement-transfer': {
      const s = facts.settlement;
      if (!s || !isLineCode(s.code)) return unrecognised;
      const where = { site: s.siteName, from: s.periodFrom, to: s.periodTo };
      if (entry.kind === 'adjustment' || s.code === 'adjustment') return { code: 'adjustment', params: { ...where, line: isLineCode(s.adjustedCode) ? s.adjustedCode : 'adjustment' } };
      return { code: 'settlement', params: { ...where, line: s.code, ...(s.agreementId !== null ? { agreementId: s.agreementId } : {}) } };
    }
    case 'payment': {
      // The cash or mobile-money account the money landed in says how it was paid when the payments
      // book cannot be read; the reference then is the stored key (upper case, no spaces).
      const method: PaymentMethod | null = facts.payment?.method ?? (debits(entry, 'cash') ? 'cash' : debits(entry, 'mobile-money') ? 'mobile-money' : null);
      if (method === null) return unrecognised;
      const params = { method, reference: facts.payment?.reference ?? entry.source.id, ...(facts.payment ? { receiptNo: facts.payment.receiptNo } : {}) };
      return credits(entry, 'suspense') ? { code: 'payment-suspense', params } : { code: 'payment', params };
    }
    case 'payment-resolution':
      return facts.payment && facts.assignedTo !== undefined ? { code: 'payment-assigned', params: { reference: facts.payment.reference, receiptNo: facts.payment.receiptNo, memberNo: facts.assignedTo } } : unrecognised;
    case 'prepaid-day': {
      const day = entry.source.id.slice(entry.source.id.indexOf(':') + 1);
      return ISO_DAY.test(day) ? { code: 'prepaid-day', params: { day } } : unrecognised;
    }
    case 'token-redemption': {
      if (!facts.redemption) return unrecognised;
      // A credit lands on the member's account; a cash-out leaves the till.
      const params = { tokens: facts.redemption.tokens, decimals: facts.redemption.decimals, symbol: facts.redemption.symbol };
      if (credits(entry, 'member')) return { code: 'token-credit', params };
      if (credits(entry, 'cash')) return { code: 'token-cash-out', params };
      return unrecognised;
    }
    default:
      return unrecognised;
  }
}
