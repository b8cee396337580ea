import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, creditStatus, duesOf, modeOn, relayToPropose } from './billing-rules.js';

describe('modeOn', () => {
  it('takes the latest change not after the day, postpaid without one', () => {
    const changes = [
      { validFrom: '2026-03-01', mode: 'prepaid' as const },
      { validFrom: '2026-05-10', mode: 'postpaid' as const },
    ];
    expect(modeOn(changes, '2026-02-28')).toBe('postpaid');
    expect(modeOn(changes, '2026-03-01')).toBe('prepaid');
    expect(modeOn(changes, '2026-05-09')).toBe('prepaid');
    expect(modeOn(changes, '2026-05-10')).toBe('postpaid');
    expect(modeOn([], '2026-05-10')).toBe('postpaid');
  });
});

describe('creditStatus', () => {
  it('is empty at zero, low under the threshold, ok from it', () => {
    expect(creditStatus(0, 500)).toBe('empty');
    expect(creditStatus(-1, null)).toBe('empty');
    expect(creditStatus(499, 500)).toBe('low');
    expect(creditStatus(500, 500)).toBe('ok');
    expect(creditStatus(1, null)).toBe('ok');
  });
});

describe('relayToPropose', () => {
  it('proposes off at zero credit, once', () => {
    expect(relayToPropose({ mode: 'prepaid', balanceMinor: 0, lastSent: null, hasOpenProposal: false })).toBe('off');
    expect(relayToPropose({ mode: 'prepaid', balanceMinor: 0, lastSent: 'on', hasOpenProposal: false })).toBe('off');
    expect(relayToPropose({ mode: 'prepaid', balanceMinor: -20, lastSent: 'off', hasOpenProposal: false })).toBeNull();
    expect(relayToPropose({ mode: 'prepaid', balanceMinor: 0, lastSent: null, hasOpenProposal: true })).toBeNull();
  });
  it('proposes on after a top-up only when the console switched it off', () => {
    expect(relayToPropose({ mode: 'prepaid', balanceMinor: 1, lastSent: 'off', hasOpenProposal: false })).toBe('on');
    expect(relayToPropose({ mode: 'prepaid', balanceMinor: 1, lastSent: null, hasOpenProposal: false })).toBeNull();
    // A member moved to postpaid while cut off is switched back on once in credit too.
    expect(relayToPropose({ mode: 'postpaid', balanceMinor: 5, lastSent: 'off', hasOpenProposal: false })).toBe('on');
  });
  it('never cuts a postpaid member', () => {
    expect(relayToPropose({ mode: 'postpaid', balanceMinor: -10_000, lastSent: null, hasOpenProposal: false })).toBeNull();
  });
});

describe('duesOf', () => {
  it('pays the oldest charges first: the newest are the unpaid ones', () => {
    // Charges: 1,000 due 1 Mar, 800 due 1 Apr, 600 due 1 May. Paid 1,200 → owes 1,200 (balance −1,200).
    // Unpaid, newest first: 600 (1 May, not yet due on 20 Apr), then 600 of the 800 due 1 Apr.
    const charges = [
      { amountMinor: 1000, dueDate: '2026-03-01' },
      { amountMinor: 800, dueDate: '2026-04-01' },
      { amountMinor: 600, dueDate: '2026-05-01' },
    ];
    expect(duesOf(-1200, charges, '2026-04-20')).toEqual({
      owedMinor: 1200,
      notYetDueMinor: 600,
      overdueMinor: 600,
      overdueSince: '2026-04-01',
      daysOverdue: 19,
    });
    // Owes 2,000: 600 not yet due, 1,400 overdue reaching back into the March charge.
    expect(duesOf(-2000, charges, '2026-04-20').overdueSince).toBe('2026-03-01');
    // In credit: nothing owed.
    expect(duesOf(300, charges, '2026-04-20')).toMatchObject({ owedMinor: 0, overdueMinor: 0, overdueSince: null });
    // Everything not yet due.
    expect(duesOf(-500, charges, '2026-02-01')).toMatchObject({ overdueMinor: 0, notYetDueMinor: 500 });
  });

  it('splits what is owed into overdue and not yet due, exactly', () => {
    const day = fc.integer({ min: 0, max: 120 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.array(fc.record({ amountMinor: fc.integer({ min: -100, max: 100_000 }), dueDate: day }), { maxLength: 20 }), day, (balance, charges, today) => {
        const d = duesOf(balance, charges, today);
        expect(d.overdueMinor + d.notYetDueMinor).toBe(d.owedMinor);
        expect(d.owedMinor).toBe(Math.max(0, -balance));
        expect(d.overdueMinor).toBeGreaterThanOrEqual(0);
        expect(d.notYetDueMinor).toBeGreaterThanOrEqual(0);
        expect(d.overdueSince === null).toBe(d.overdueMinor === 0);
        if (d.overdueSince !== null) expect(d.overdueSince <= today).toBe(true);
      }),
    );
  });
});
