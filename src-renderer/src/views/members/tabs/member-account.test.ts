// The member account's pure helpers: where a balance stands, which entries can be reversed, which
// account a line names, and the balance chart (a step line through each day's closing balance).
import { describe, expect, it } from 'vitest';
import type { JournalEntryView, JournalLineView } from '@contract';
import { balanceChartOption, balanceState, canReverse, lineAccountLabel, settlementTransferOf } from './member-account.js';

const entry = (over: Partial<JournalEntryView>): JournalEntryView => ({
  id: 1, kind: 'payment', effectiveDate: '2026-11-02', createdAt: '2026-11-02T08:00:00Z', createdBy: 'Amina', memo: 'Cash', description: { code: 'payment', params: { method: 'cash', reference: 'R-1' } }, source: { type: 'payment', id: 'R-1' },
  memberAmount: 500, lines: [], reversesEntryId: null, reversalReason: null, reversedByEntryId: null, ...over,
});

describe('member account helpers', () => {
  it('reads credits − debits: positive is in credit, negative owes, zero settled', () => {
    expect([balanceState(1), balanceState(-1), balanceState(0)]).toEqual(['inCredit', 'owes', 'settled']);
  });

  it('offers reversal only for an entry neither reversed nor itself a reversal', () => {
    expect(canReverse(entry({}))).toBe(true);
    expect(canReverse(entry({ reversedByEntryId: 9 }))).toBe(false);
    expect(canReverse(entry({ kind: 'payment-reversal', reversesEntryId: 3, reversalReason: 'typo' }))).toBe(false);
  });

  it("names a line's account: the member by name, the cooperative's accounts by their label", () => {
    const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`;
    const line = (over: Partial<JournalLineView>): JournalLineView => ({ lineNo: 1, account: { kind: 'cash' }, memberName: null, debit: 1, credit: 0, memo: null, charge: null, ...over });
    expect(lineAccountLabel(line({ account: { kind: 'member', memberId: 4 }, memberName: 'Neema' }), t)).toBe('Neema');
    expect(lineAccountLabel(line({ account: { kind: 'member', memberId: 4 } }), t)).toBe('journal.accounts.memberNumbered{"id":4}');
    expect(lineAccountLabel(line({ account: { kind: 'mobile-money' } }), t)).toBe('journal.accounts.mobile-money');
  });

  it('draws the closing balance of each day as a step line on a time axis, money on the axis', () => {
    const option = balanceChartOption(
      [{ date: '2026-08-28', balance: -140_000 }, { date: '2026-09-03', balance: 10_000 }],
      { balance: 'Balance', money: (m) => `KES ${m / 100}`, date: (d) => d },
    );
    const series = (option.series as { data: [number, number][]; step: string }[])[0]!;
    expect(series.step).toBe('end');
    expect(series.data).toEqual([[Date.UTC(2026, 7, 28), -140_000], [Date.UTC(2026, 8, 3), 10_000]]);
    const axis = option.yAxis as { axisLabel: { formatter: (v: number) => string } };
    expect(axis.axisLabel.formatter(-140_000)).toBe('KES -1400');
  });
  it("says the balance in words in the tooltip when given the member's wording (the kiosk), else label: amount", () => {
    const series = [{ date: '2026-08-28', balance: -140_000 }];
    const labels = { balance: 'Balance', money: (m: number) => `KES ${m / 100}`, date: (d: string) => d };
    const tip = (option: ReturnType<typeof balanceChartOption>) => (option.tooltip as { formatter: (p: unknown) => string }).formatter([{ value: [Date.UTC(2026, 7, 28), -140_000] }]);
    expect(tip(balanceChartOption(series, labels))).toBe('2026-08-28<br/>Balance: KES -1400');
    expect(tip(balanceChartOption(series, { ...labels, balanceInWords: (m) => (m < 0 ? `You owe KES ${-m / 100}` : 'x') }))).toBe('2026-08-28<br/>You owe KES 1400');
  });
  it('reads the settlement period and transfer a settlement entry links to; other sources link nowhere', () => {
    expect(settlementTransferOf({ type: 'settlement-transfer', id: '12:40' })).toEqual({ periodId: 12, transferNo: 40 });
    expect(settlementTransferOf({ type: 'payment', id: '12:40' })).toBeNull();
    expect(settlementTransferOf({ type: 'settlement-transfer', id: '12' })).toBeNull();
  });
});
