// Credit paid ahead applied to later charges, on hand-computed cases, and its invariants on random
// pools and open items (fast-check): no pool gives more than it has, no item gets more than it owes,
// Σ pieces = min(Σ credit, Σ owed), and the order is the payment order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePayment, type ChargeCode, type OpenItem } from './allocation.js';
import { applyCredit } from './credit-application.js';

const item = (chargeLineId: number, code: ChargeCode, owed: number, dueDate: string, extra: Partial<OpenItem> = {}): OpenItem => ({ chargeLineId, code, owed, dueDate, agreementId: null, instalmentNo: null, ...extra });

describe('applyCredit', () => {
  // Charges posted by next month's settlement, applied on 2026-12-02.
  const posted = [
    item(21, 'energy', 400, '2026-12-30'),
    item(22, 'fixed-fee', 300, '2026-12-30'),
    item(23, 'instalment', 3_000, '2026-12-15', { agreementId: 5, instalmentNo: 3 }),
    item(20, 'energy', 250, '2026-11-30'), // November's energy, overdue on 2026-12-02: arrears
  ];

  it('applies the oldest payment’s credit first, in the payment order (arrears → instalment → fixed fee → energy)', () => {
    // R-1 left 2,000 of credit, R-2 left 1,700: 3,700 in all against 3,950 owed.
    const pieces = applyCredit([{ paymentId: 1, available: 2_000 }, { paymentId: 2, available: 1_700 }], posted, '2026-12-02');
    expect(pieces.map((p) => [p.paymentId, p.chargeLineId, p.bucket, p.amount, p.settles])).toEqual([
      [1, 20, 'arrears', 250, true],
      [1, 23, 'instalment', 1_750, false], // R-1 runs out part-way through the instalment …
      [2, 23, 'instalment', 1_250, true], // … R-2 finishes it: only the last piece settles it
      [2, 22, 'fixed-fee', 300, true],
      [2, 21, 'energy', 150, false], // 1,700 − 1,250 − 300 = 150 left for energy; 250 of it stays owed
    ]);
    expect(pieces.find((p) => p.chargeLineId === 23)).toMatchObject({ agreementId: 5, instalmentNo: 3, code: 'instalment' });
  });

  it('is the split a payment of the whole credit would make on that day', () => {
    const pools = [{ paymentId: 4, available: 900 }, { paymentId: 9, available: 3_100 }];
    const pieces = applyCredit(pools, posted, '2026-12-02');
    const perLine = new Map<number, number>();
    for (const p of pieces) perLine.set(p.chargeLineId, (perLine.get(p.chargeLineId) ?? 0) + p.amount);
    const split = allocatePayment(4_000, posted, '2026-12-02');
    expect([...perLine]).toEqual(split.lines.map((l) => [l.chargeLineId, l.amount]));
    expect(split.credit).toBe(50); // 4,000 − 3,950: stays as credit for the next charges
  });

  it('writes nothing without credit or without anything open (a re-run changes nothing)', () => {
    expect(applyCredit([], posted, '2026-12-02')).toEqual([]);
    expect(applyCredit([{ paymentId: 1, available: 0 }], posted, '2026-12-02')).toEqual([]);
    expect(applyCredit([{ paymentId: 1, available: 500 }], [], '2026-12-02')).toEqual([]);
  });

  it('refuses a pool that is not a whole number ≥ 0', () => {
    expect(() => applyCredit([{ paymentId: 1, available: -1 }], posted, '2026-12-02')).toThrow(RangeError);
    expect(() => applyCredit([{ paymentId: 1, available: 1.5 }], posted, '2026-12-02')).toThrow(RangeError);
  });

  it('never takes more than a pool has or gives more than an item owes; Σ = min(credit, owed)', () => {
    const codes: ChargeCode[] = ['energy', 'fixed-fee', 'instalment', 'rent', 'p2p', 'wheeling', 'tax', 'other'];
    const arbItem = fc.record({ code: fc.constantFrom(...codes), owed: fc.integer({ min: 1, max: 50_000 }), day: fc.integer({ min: 1, max: 28 }) });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60_000 }), { maxLength: 6 }), fc.array(arbItem, { maxLength: 10 }), fc.integer({ min: 1, max: 28 }), (credits, raw, today) => {
        const pools = credits.map((available, i) => ({ paymentId: i + 1, available }));
        const items = raw.map((r, i) => item(100 + i, r.code, r.owed, `2026-12-${String(r.day).padStart(2, '0')}`));
        const pieces = applyCredit(pools, items, `2026-12-${String(today).padStart(2, '0')}`);
        const byPool = new Map<number, number>();
        const byLine = new Map<number, number>();
        for (const p of pieces) {
          expect(Number.isSafeInteger(p.amount) && p.amount > 0).toBe(true);
          byPool.set(p.paymentId, (byPool.get(p.paymentId) ?? 0) + p.amount);
          byLine.set(p.chargeLineId, (byLine.get(p.chargeLineId) ?? 0) + p.amount);
        }
        for (const pool of pools) expect(byPool.get(pool.paymentId) ?? 0).toBeLessThanOrEqual(pool.available);
        for (const it of items) {
          expect(byLine.get(it.chargeLineId) ?? 0).toBeLessThanOrEqual(it.owed);
          expect(pieces.filter((p) => p.chargeLineId === it.chargeLineId && p.settles).length).toBe((byLine.get(it.chargeLineId) ?? 0) === it.owed ? 1 : 0);
        }
        const total = pieces.reduce((s, p) => s + p.amount, 0);
        expect(total).toBe(Math.min(credits.reduce((s, c) => s + c, 0), items.reduce((s, i) => s + i.owed, 0)));
        // Oldest payment's credit first: a later pool is touched only once every earlier pool is used up.
        const used = pools.map((pool) => byPool.get(pool.paymentId) ?? 0);
        used.forEach((u, i) => { if (u > 0) for (let j = 0; j < i; j++) expect(used[j]).toBe(pools[j]!.available); });
      }),
      { numRuns: 300 },
    );
  });
});
