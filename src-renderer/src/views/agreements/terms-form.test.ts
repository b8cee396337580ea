import { describe, expect, it } from 'vitest';
import type { ApiIssue, AgreementTermsValue } from '@contract';
import { addMonths, emptyTermsForm, formFromTerms, placeServerIssues, previewInstalments, termsFromForm, validateTerms } from './terms-form.js';

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

  it('names one thing to do per empty field of a P2P sale, and nothing once filled', () => {
    const empty = emptyTermsForm('p2p_sale', '2026-04-01');
    expect(validateTerms(' ', empty)).toEqual({ title: 'giveTitle', sellerMemberId: 'chooseSeller', 'buyers.memberIds': 'nameBuyers', 'priceRule.rateMilliPerKwh': 'enterRate' });
    const filled = { ...empty, sellerMemberId: 2, buyerMemberIds: [4], fixedRateUnits: 0 };
    expect(validateTerms('Mill surplus', filled)).toEqual({});
    expect(validateTerms('Mill surplus', { ...filled, fixedRateUnits: -1 })).toEqual({ 'priceRule.rateMilliPerKwh': 'rateNegative' });
    expect(validateTerms('Mill surplus', { ...filled, buyerMemberIds: [4, 4] })).toEqual({ 'buyers.memberIds': 'buyerTwice' });
    expect(validateTerms('Mill surplus', { ...filled, buyersMode: 'site' })).toEqual({ 'buyers.siteId': 'chooseSite' });
    expect(validateTerms('Mill surplus', { ...filled, priceMode: 'tariff' })).toEqual({ 'priceRule.tariffPlanId': 'choosePlan' });
    expect(validateTerms('Mill surplus', { ...filled, gridFeeOn: true, taxOn: true, taxPct: 120 })).toEqual({
      'gridFee.operatorMemberId': 'chooseGridOperator',
      'gridFee.rateMilliPerKwh': 'enterRate',
      'tax.governmentMemberId': 'chooseGovernment',
      'tax.rateBps': 'enterTax',
    });
  });

  it('checks the lease kinds by their own fields', () => {
    expect(validateTerms('Roof', emptyTermsForm('hosted_lease', null))).toEqual({ startsOn: 'chooseStart', ownerMemberId: 'chooseOwner', hostMemberId: 'chooseHost', equipmentId: 'chooseEquipment', energyRateMilliPerKwh: 'enterRate' });
    const lease = { ...emptyTermsForm('lease_to_own', '2026-04-01'), ownerMemberId: 1, hostMemberId: 2, equipmentId: 3, energyRateUnits: 0.2, instalmentCount: 0 };
    expect(validateTerms('Roof', lease)).toEqual({ priceMinor: 'enterPrice', instalmentCount: 'enterInstalments' });
  });

  it('puts the core issues at the same fields with the same problems, and says the others from their code', () => {
    const say = (issue: ApiIssue) => `said:${issue.code}:${issue.reason ?? issue.params?.maximum ?? ''}`;
    const placed = placeServerIssues([
      { path: 'title', message: 'Required', code: 'too_small', params: { origin: 'string', minimum: 1 } },
      { path: 'terms.sellerMemberId', message: 'Too small: expected number to be >0', code: 'too_small', params: { origin: 'number', minimum: 0, inclusive: false } },
      { path: 'terms.priceRule.rateMilliPerKwh', message: 'A rate cannot be negative', code: 'too_small', params: { origin: 'number', minimum: 0, inclusive: true } },
      { path: 'terms.buyers.memberIds', message: 'Name at least one buyer', code: 'too_small', params: { origin: 'array', minimum: 1 } },
      { path: 'terms.termMonths', message: 'Too big: expected number to be <=600', code: 'too_big', params: { origin: 'number', maximum: 600 } },
      { path: 'terms.sellerMemberId', message: 'A second issue of the same field', code: 'custom' },
      { path: 'terms', message: 'Member 3 cannot be both seller and buyer', code: 'custom', reason: 'memberTwoRoles' },
    ], say);
    expect(placed.fields).toEqual({
      title: { problem: 'giveTitle' },
      sellerMemberId: { problem: 'chooseSeller' },
      'priceRule.rateMilliPerKwh': { problem: 'enterRate' },
      'buyers.memberIds': { problem: 'nameBuyers' },
      termMonths: { text: 'said:too_big:600' },
    });
    expect(placed.unplaced).toEqual(['said:custom:memberTwoRoles']);
  });
});
