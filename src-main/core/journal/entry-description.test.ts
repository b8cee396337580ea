// Every kind of journal entry and every source that posts one gets a description the screen can say
// in the reader's language; an entry kind or source type added without one fails here. Settlement
// and reversal entries are built by the code that posts them (posting.ts, rules.reversingLines).
import { describe, expect, it } from 'vitest';
import { ENTRY_DESCRIPTION_CODES, ENTRY_KINDS, JOURNAL_SOURCE_TYPES, type EntryDescription, type EntryKind, type JournalSourceType } from '../../contract/journal.js';
import { journalEntries } from '../settlement/posting.js';
import type { Transfer } from '../settlement/types.js';
import { reversingLines, reversalKindOf } from './rules.js';
import { describeEntry, type DescribedEntry, type EntryFacts } from './entry-description.js';
import type { JournalEntryInput } from './types.js';

const MEMBER = { kind: 'member', memberId: 7 } as const;
const transfer = (over: Partial<Transfer>): Transfer => ({
  code: 'instalment', payer: MEMBER, payee: { kind: 'member', memberId: 8 }, amountMinor: 30_000, quantityWh: null, rateMilliPerKwh: null, source: { agreementId: 4, instalmentNo: 1, dueOn: '2026-11-01' }, explain: {}, ...over,
});
const posted = (input: JournalEntryInput, over: Partial<DescribedEntry> = {}): DescribedEntry => ({ kind: input.kind, source: input.source, lines: input.lines, reversesEntryId: null, reversalReason: null, ...over });
const [instalment, adjustment] = journalEntries(12, '2026-11-30', 'Kilima Valley', [transfer({}), transfer({ code: 'adjustment', payee: { kind: 'cooperative-energy' }, source: { adjustsPeriodId: 9 }, explain: { of: 'energy_main' } })], null) as [JournalEntryInput, JournalEntryInput];
const settlementFacts = (code: string, adjustedCode: string | null = null): EntryFacts => ({ settlement: { siteName: 'Kilima Valley', periodFrom: '2026-11-01', periodTo: '2026-11-30', code, agreementId: code === 'instalment' ? 4 : null, adjustedCode } });

// As payments-service, billing-service and token-redemption post them.
const cashPayment: DescribedEntry = { kind: 'payment', source: { type: 'payment', id: 'R123' }, lines: [{ account: { kind: 'cash' }, debit: 5_000, credit: 0 }, { account: MEMBER, debit: 0, credit: 5_000 }], reversesEntryId: null, reversalReason: null };
const suspensePayment: DescribedEntry = { ...cashPayment, source: { type: 'payment', id: 'QX7' }, lines: [{ account: { kind: 'mobile-money' }, debit: 5_000, credit: 0 }, { account: { kind: 'suspense' }, debit: 0, credit: 5_000 }] };
const resolution: DescribedEntry = { ...cashPayment, source: { type: 'payment-resolution', id: '3' }, lines: [{ account: { kind: 'suspense' }, debit: 5_000, credit: 0 }, { account: MEMBER, debit: 0, credit: 5_000 }] };
const prepaid: DescribedEntry = { kind: 'prepaid-drawdown', source: { type: 'prepaid-day', id: '7:2026-11-03' }, lines: [{ account: MEMBER, debit: 120, credit: 0 }, { account: { kind: 'cooperative-energy' }, debit: 0, credit: 120 }], reversesEntryId: null, reversalReason: null };
const tokenCredit: DescribedEntry = { kind: 'token-redemption', source: { type: 'token-redemption', id: '5' }, lines: [{ account: { kind: 'token-redemption' }, debit: 900, credit: 0 }, { account: MEMBER, debit: 0, credit: 900 }], reversesEntryId: null, reversalReason: null };
const tokenCashOut: DescribedEntry = { ...tokenCredit, lines: [{ account: { kind: 'token-redemption' }, debit: 900, credit: 0 }, { account: { kind: 'cash' }, debit: 0, credit: 900 }] };
const reversalOf = (original: DescribedEntry, entryId: number): DescribedEntry => ({
  kind: reversalKindOf(original.kind), source: { type: 'journal-entry', id: String(entryId) }, lines: reversingLines(original.lines), reversesEntryId: entryId, reversalReason: 'Counted twice at the window',
});

/** One entry of every kind, as it is posted, with the facts its source row holds. */
const SAMPLES: Record<EntryKind, readonly [DescribedEntry, EntryFacts, EntryDescription][]> = {
  settlement: [[posted(instalment), settlementFacts('instalment'), { code: 'settlement', params: { site: 'Kilima Valley', from: '2026-11-01', to: '2026-11-30', line: 'instalment', agreementId: 4 } }]],
  adjustment: [[posted(adjustment), settlementFacts('adjustment', 'energy_main'), { code: 'adjustment', params: { site: 'Kilima Valley', from: '2026-11-01', to: '2026-11-30', line: 'energy_main' } }]],
  payment: [
    [cashPayment, { payment: { method: 'cash', reference: 'R 123', receiptNo: 'R-000001' } }, { code: 'payment', params: { method: 'cash', reference: 'R 123', receiptNo: 'R-000001' } }],
    [suspensePayment, { payment: { method: 'mobile-money', reference: 'qx7', receiptNo: 'R-000002' } }, { code: 'payment-suspense', params: { method: 'mobile-money', reference: 'qx7', receiptNo: 'R-000002' } }],
    [resolution, { payment: { method: 'mobile-money', reference: 'qx7', receiptNo: 'R-000002' }, assignedTo: 'K-001' }, { code: 'payment-assigned', params: { reference: 'qx7', receiptNo: 'R-000002', memberNo: 'K-001' } }],
  ],
  'payment-reversal': [
    [reversalOf(cashPayment, 12), {}, { code: 'payment-reversal', params: { entryId: 12, reason: 'Counted twice at the window' } }],
    [reversalOf(cashPayment, 12), { reversed: describeEntry(cashPayment) }, { code: 'payment-reversal', params: { entryId: 12, reason: 'Counted twice at the window', of: { code: 'payment', params: { method: 'cash', reference: 'R123' } } } }],
  ],
  reversal: [[reversalOf(posted(instalment), 14), {}, { code: 'reversal', params: { entryId: 14, reason: 'Counted twice at the window' } }]],
  'prepaid-drawdown': [[prepaid, {}, { code: 'prepaid-day', params: { day: '2026-11-03' } }]],
  'token-redemption': [
    [tokenCredit, { redemption: { tokens: 1_500, decimals: 3, symbol: 'GREEN' } }, { code: 'token-credit', params: { tokens: 1_500, decimals: 3, symbol: 'GREEN' } }],
    [tokenCashOut, { redemption: { tokens: 1_500, decimals: 3, symbol: 'GREEN' } }, { code: 'token-cash-out', params: { tokens: 1_500, decimals: 3, symbol: 'GREEN' } }],
  ],
};

describe('journal entry descriptions', () => {
  it('describes an entry of every kind from its kind, source, lines and facts', () => {
    for (const kind of ENTRY_KINDS) {
      const samples = SAMPLES[kind];
      expect(samples, `a sample entry of kind ${kind}`).toBeDefined();
      for (const [entry, facts, expected] of samples) {
        expect(entry.kind).toBe(kind);
        expect(describeEntry(entry, facts)).toEqual(expected);
      }
    }
  });

  it('covers every source type that posts, and every description code is produced by some entry', () => {
    const all = Object.values(SAMPLES).flat();
    const sources = new Set(all.map(([entry]) => entry.source.type));
    expect([...sources].sort()).toEqual([...JOURNAL_SOURCE_TYPES].sort() satisfies JournalSourceType[]);
    const codes = new Set(all.map(([entry, facts]) => describeEntry(entry, facts).code));
    expect([...codes, 'unrecognised'].sort()).toEqual([...ENTRY_DESCRIPTION_CODES].sort());
  });

  it('reads a payment without its payments row from its lines (method) and its source key (reference)', () => {
    expect(describeEntry(cashPayment)).toEqual({ code: 'payment', params: { method: 'cash', reference: 'R123' } });
    expect(describeEntry(suspensePayment)).toEqual({ code: 'payment-suspense', params: { method: 'mobile-money', reference: 'QX7' } });
  });

  it('says only the kind of an entry whose source it cannot read back, never guessing', () => {
    expect(describeEntry(posted(instalment))).toEqual({ code: 'unrecognised', params: { kind: 'settlement' } });
    expect(describeEntry(posted(instalment), settlementFacts('not_a_code'))).toEqual({ code: 'unrecognised', params: { kind: 'settlement' } });
    expect(describeEntry(resolution)).toEqual({ code: 'unrecognised', params: { kind: 'payment' } });
    expect(describeEntry(tokenCredit)).toEqual({ code: 'unrecognised', params: { kind: 'token-redemption' } });
    expect(describeEntry({ ...prepaid, source: { type: 'prepaid-day', id: '7:yesterday' } })).toEqual({ code: 'unrecognised', params: { kind: 'prepaid-drawdown' } });
    expect(describeEntry({ ...cashPayment, source: { type: 'settlement-line', id: '42' } })).toEqual({ code: 'unrecognised', params: { kind: 'payment' } });
    expect(describeEntry({ ...cashPayment, lines: [{ account: { kind: 'suspense' }, debit: 1, credit: 0 }, { account: MEMBER, debit: 0, credit: 1 }] })).toEqual({ code: 'unrecognised', params: { kind: 'payment' } });
  });

  it('says what a reversal cancelled only when that is itself a described entry, not another reversal', () => {
    const unreadable = describeEntry(posted(instalment));
    expect(describeEntry(reversalOf(posted(instalment), 14), { reversed: unreadable }).params).not.toHaveProperty('of');
    const reversal = describeEntry(reversalOf(cashPayment, 12));
    expect(describeEntry(reversalOf(cashPayment, 13), { reversed: reversal }).params).not.toHaveProperty('of');
  });

  it('keeps a reversal without a stored reason a reversal', () => {
    expect(describeEntry({ ...reversalOf(cashPayment, 3), reversalReason: null })).toEqual({ code: 'payment-reversal', params: { entryId: 3, reason: '' } });
  });
});
