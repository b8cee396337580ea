import { describe, expect, it } from 'vitest';
import { AgreementTerms } from '../../contract/agreements.js';
import { addMonths, endsOn, instalmentSchedule, partiesOf, partyProblems } from './terms-rules.js';

describe('terms rules', () => {
  it('adds months keeping the day or the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('schedules lease-to-own instalments that sum exactly to the price', () => {
    const terms = AgreementTerms.parse({ kind: 'lease_to_own', equipmentId: 1, ownerMemberId: 1, hostMemberId: 2, startsOn: '2026-01-31', priceMinor: 100_000, instalmentCount: 3, instalmentPeriod: 'monthly', energyRateMilliPerKwh: 20_000 });
    expect(instalmentSchedule(terms)).toEqual([
      { number: 1, dueOn: '2026-02-28', amountMinor: 33_334 },
      { number: 2, dueOn: '2026-03-31', amountMinor: 33_333 },
      { number: 3, dueOn: '2026-04-30', amountMinor: 33_333 },
    ]);
    expect(endsOn(terms)).toBe('2026-04-30');
  });

  it('derives the parties of a P2P sale and refuses one member in two roles', () => {
    const terms = AgreementTerms.parse({
      kind: 'p2p_sale', sellerMemberId: 1, buyers: { mode: 'members', memberIds: [2, 3] }, priceRule: { mode: 'fixed', rateMilliPerKwh: 30_000 },
      gridFee: { operatorMemberId: 4, rateMilliPerKwh: 2_000 }, tax: { governmentMemberId: 5, rateBps: 1_600 }, startsOn: '2026-05-01', termMonths: 12,
    });
    expect(partiesOf(terms).map((p) => `${p.role}:${p.memberId}`)).toEqual(['seller:1', 'buyer:2', 'buyer:3', 'grid_operator:4', 'government:5']);
    expect(partyProblems(terms)).toEqual([]);
    const selfDealing = AgreementTerms.parse({ ...terms, buyers: { mode: 'members', memberIds: [1] } });
    expect(partyProblems(selfDealing)).toEqual([{ path: 'terms', message: 'Member 1 cannot be both seller and buyer', code: 'custom', reason: 'memberTwoRoles', params: { memberId: 1, first: 'seller', second: 'buyer' } }]);
  });
});
