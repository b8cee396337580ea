// The allocation order on hand-built cases, and its invariants on random open items (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOCATION_BUCKETS, allocatePayment, bucketOf, defaultDueDate, type ChargeCode, type OpenItem } from './allocation.js';
import { openItems } from './open-items.js';

const item = (chargeLineId: number, code: ChargeCode, owed: number, dueDate: string, extra: Partial<OpenItem> = {}): OpenItem => ({ chargeLineId, code, owed, dueDate, agreementId: null, instalmentNo: null, ...extra });

describe('allocatePayment', () => {
  const items = [
    item(1, 'energy', 300, '2026-12-20'),
    item(2, 'fixed-fee', 200, '2026-12-20'),
    item(3, 'instalment', 1000, '2026-12-15', { agreementId: 7, instalmentNo: 4 }),
    item(4, 'energy', 150, '2026-11-20'), // overdue on 2026-12-01: arrears
  ];

  it('pays arrears, then instalments, then fixed fees, then energy, and keeps the rest as credit', () => {
    const split = allocatePayment(2000, items, '2026-12-01');
    expect(split.lines.map((l) => [l.chargeLineId, l.bucket, l.amount, l.settles])).toEqual([
      [4, 'arrears', 150, true],
      [3, 'instalment', 1000, true],
      [2, 'fixed-fee', 200, true],
      [1, 'energy', 300, true],
    ]);
    expect(split.credit).toBe(350);
    expect(split.byBucket).toEqual({ arrears: 150, instalment: 1000, 'fixed-fee': 200, energy: 650 });
  });

  it('stops part-way through an item when the money runs out', () => {
    const split = allocatePayment(700, items, '2026-12-01');
    expect(split.lines.map((l) => [l.chargeLineId, l.amount, l.settles])).toEqual([[4, 150, true], [3, 550, false]]);
    expect(split.credit).toBe(0);
  });

  it('an instalment past its due date is arrears, paid before a newer one', () => {
    const two = [item(10, 'instalment', 500, '2026-12-15'), item(9, 'instalment', 500, '2026-11-15')];
    expect(allocatePayment(600, two, '2026-12-01').lines.map((l) => [l.chargeLineId, l.bucket, l.amount])).toEqual([[9, 'arrears', 500], [10, 'instalment', 100]]);
  });

  it('refuses a payment that is not a whole positive number', () => {
    expect(() => allocatePayment(0, items, '2026-12-01')).toThrow(RangeError);
    expect(() => allocatePayment(1.5, items, '2026-12-01')).toThrow(RangeError);
  });

  it('classifies rent, wheeling and tax with the fixed fees, P2P with energy', () => {
    for (const code of ['rent', 'wheeling', 'tax', 'other'] as const) expect(bucketOf(item(1, code, 1, '2027-01-01'), '2026-12-01')).toBe('fixed-fee');
    expect(bucketOf(item(1, 'p2p', 1, '2027-01-01'), '2026-12-01')).toBe('energy');
  });

  const codes: ChargeCode[] = ['energy', 'fixed-fee', 'instalment', 'rent', 'p2p', 'wheeling', 'tax', 'other'];
  const anItem = fc.record({
    code: fc.constantFrom(...codes),
    owed: fc.integer({ min: 1, max: 1_000_000 }),
    day: fc.integer({ min: 1, max: 28 }),
  });

  it('sums exactly to the payment and never pays an item more than it is owed (property)', () => {
    fc.assert(
      fc.property(fc.array(anItem, { maxLength: 30 }), fc.integer({ min: 1, max: 5_000_000 }), (raw, amount) => {
        const open = raw.map((r, i) => item(i + 1, r.code, r.owed, `2026-12-${String(r.day).padStart(2, '0')}`));
        const split = allocatePayment(amount, open, '2026-12-14');
        const paid = split.lines.reduce((sum, l) => sum + l.amount, 0);
        expect(paid + split.credit).toBe(amount);
        expect(Object.values(split.byBucket).reduce((a, b) => a + b, 0)).toBe(amount);
        for (const line of split.lines) {
          const owed = open.find((o) => o.chargeLineId === line.chargeLineId)!.owed;
          expect(line.amount).toBeGreaterThan(0);
          expect(line.amount).toBeLessThanOrEqual(owed);
          expect(line.settles).toBe(line.amount === owed);
        }
        // Credit only once everything is paid; buckets never go back in the order.
        if (split.credit > 0) expect(paid).toBe(open.reduce((s, o) => s + o.owed, 0));
        const ranks = split.lines.map((l) => ALLOCATION_BUCKETS.indexOf(l.bucket));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        expect(new Set(split.lines.map((l) => l.chargeLineId)).size).toBe(split.lines.length);
      }),
    );
  });
});

describe('openItems', () => {
  it('takes off what earlier allocations paid, drops reversed and paid-off lines, defaults the due date', () => {
    const charge = (lineId: number, amount: number, extra: object = {}) => ({ lineId, effectiveDate: '2026-11-30', amount, code: 'energy' as const, agreementId: null, instalmentNo: null, dueDate: null, reversed: false, ...extra });
    const open = openItems([charge(1, 500), charge(2, 300), charge(3, 200, { reversed: true }), charge(4, 100, { dueDate: '2026-12-05' })], new Map([[1, 200], [2, 300]]));
    expect(open).toEqual([
      { chargeLineId: 1, code: 'energy', owed: 300, dueDate: defaultDueDate('2026-11-30'), agreementId: null, instalmentNo: null },
      { chargeLineId: 4, code: 'energy', owed: 100, dueDate: '2026-12-05', agreementId: null, instalmentNo: null },
    ]);
    expect(defaultDueDate('2026-11-30')).toBe('2026-12-30');
  });
});
