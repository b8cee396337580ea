import { describe, expect, it } from 'vitest';
import type { AgreementTermsValue } from '@contract';
import { addMonths, emptyTermsForm, formFromTerms, previewInstalments, termsFromForm } from './terms-form.js';

const units = {
  rateFromUnits: (u: number) => Math.round(u * 100_000),
  rateToUnits: (m: number) => m / 100_000,
  moneyFromUnits: (u: number) => Math.round(u * 100),
  moneyToUnits: (m: number) => m / 100,
};

describe('terms form', () => {
  it('round-trips every kind through the form without changing a unit', () => {
    const all: AgreementTermsValue[] = [
      { kind: 'hosted_lease', equipmentId: 1, ownerMemberId: 2, hostMemberId: 3, startsOn: '2026-04-01', termYears: 12, energyRateMilliPerKwh: 2_550_000, rentShareBps: 1_250, surplusOwnerBps: 6_000, endOfTerm: 'host_may_buy_at_residual', notes: 'n' },
      { kind: 'lease_to_own', equipmentId: 1, ownerMemberId: 2, hostMemberId: 3, startsOn: '2026-04-01', priceMinor: 12_345_67, instalmentCount: 36, instalmentPeriod: 'quarterly', energyRateMilliPerKwh: 1_000_000, notes: '' },
      { kind: 'p2p_sale', sellerMemberId: 2, buyers: { mode: 'members', memberIds: [4, 5] }, priceRule: { mode: 'tariff', tariffPlanId: 7, discountBps: 1_000 }, gridFee: { operatorMemberId: 8, rateMilliPerKwh: 300_000 }, tax: { governmentMemberId: 9, rateBps: 1_600 }, startsOn: '2026-04-01', termMonths: 12, notes: '' },
      { kind: 'p2p_sale', sellerMemberId: 2, buyers: { mode: 'site', siteId: 3 }, priceRule: { mode: 'fixed', rateMilliPerKwh: 2_000_000 }, gridFee: null, tax: null, startsOn: '2026-04-01', termMonths: 6, notes: '' },
    ];
    for (const terms of all) expect(termsFromForm(formFromTerms(terms, units), units)).toEqual(terms);
  });

  it('sends blanks as invalid values so the core names the field', () => {
    const terms = termsFromForm(emptyTermsForm('hosted_lease', null), units);
    expect(terms).toMatchObject({ equipmentId: 0, ownerMemberId: 0, startsOn: '', energyRateMilliPerKwh: -1 });
  });

  it('previews instalments that sum exactly to the price, extra units first, dates one period apart', () => {
    const plan = previewInstalments(100_001, 3, 'quarterly', '2026-01-31');
    expect(plan.map((i) => i.amountMinor)).toEqual([33_334, 33_334, 33_333]);
    expect(plan.reduce((s, i) => s + i.amountMinor, 0)).toBe(100_001);
    expect(plan.map((i) => i.dueOn)).toEqual(['2026-04-30', '2026-07-31', '2026-10-31']);
    expect(previewInstalments(0, 3, 'monthly', '2026-01-01')).toEqual([]);
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });
});
