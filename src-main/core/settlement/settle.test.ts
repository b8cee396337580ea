// Hand-computed settlements, one per agreement kind. Rates are milli-minor-units per kWh, so an
// energy amount = Wh × rate / 1,000,000 minor units, rounded half up; shares in basis points.
import { describe, expect, it } from 'vitest';
import { counterpartyTotals, settle } from './settle.js';
import { agreement, leasedSlots, memberFlows, settlementInput, tariff } from './test-support.js';
import { SettlementInputError, type SettlementResult } from './types.js';

const linesOf = (r: SettlementResult, memberId: number) => r.lines.filter((l) => l.memberId === memberId).map((l) => [l.code, l.amountMinor]);

describe('settle — main supply and community pool at the site tariff', () => {
  it('charges main and pool energy at the tariff, fixed fees pro rata, and pays the pool seller what buyers paid', () => {
    // Tariff: flat 20,000 milli/kWh (20 minor per kWh), fixed fee 3,000 per month; period 2 of 30 days.
    // Member 1: 1,000 Wh main + 500 Wh pool = 1,500 Wh → 30; split main/pool by Wh 1,000:500 → 20 / 10.
    //           fixed fee 3,000 × 2/30 = 200.                                    total −230
    // Member 2: 1,500 Wh pool → 30 (all pool); fixed fee 200.                    total −230
    // Member 3: gave 2,000 Wh to the pool; fixed fee 200; pool earnings = 10 + 30 = 40. total −160
    // Cooperative energy: 20 + 10 + 30 − 40 = 20 (its main supply); fees 600. Σ = −620 + 620 = 0.
    const input = settlementInput({
      memberIds: [1, 2, 3],
      tariffVersions: [tariff(1, 1, '2026-01-01T00:00:00Z', { energy: { mode: 'flat', rateMilliPerKwh: 20_000 }, fixedMonthlyMinor: 3_000 })],
      flows: [memberFlows(1, { main: { 0: 1_000 }, pool: { 1: 500 } }), memberFlows(2, { pool: { 2: 1_500 } }), memberFlows(3, { shared: { 1: 500, 2: 1_500 } })],
    });
    const r = settle(input);
    expect(linesOf(r, 1)).toEqual([['energy_main', -20], ['energy_pool', -10], ['fixed_fee', -200]]);
    expect(linesOf(r, 2)).toEqual([['energy_pool', -30], ['fixed_fee', -200]]);
    expect(linesOf(r, 3)).toEqual([['fixed_fee', -200], ['pool_earnings', 40]]);
    expect([...r.memberTotals]).toEqual([[1, -230], [2, -230], [3, -160]]);
    expect(Object.fromEntries(counterpartyTotals(r))).toEqual({ 'cooperative-energy': 20, 'cooperative-fees': 600 });
    const main = r.lines.find((l) => l.memberId === 1 && l.code === 'energy_main')!;
    expect(main.quantityWh).toBe(1_000);
    expect(main.source).toEqual({ tariffVersionId: 1, intervalFrom: '2026-11-01T00:00:00.000Z', intervalTo: '2026-11-01T00:15:00.000Z' });
  });

  it('rates each local day with the version in force at its start (a version change mid-period)', () => {
    // v1 (id 1) 20,000 milli/kWh from January; v2 (id 2) 30,000 from 2 Nov 00:00. Fixed fee 3,000/month.
    // Day 1: 1,000 Wh × 20 = 20, fee 3,000 × 1/30 = 100.  Day 2: 1,000 Wh × 30 = 30, fee 100.
    const fee = 3_000;
    const input = settlementInput({
      memberIds: [1],
      tariffVersions: [
        tariff(1, 1, '2026-01-01T00:00:00Z', { energy: { mode: 'flat', rateMilliPerKwh: 20_000 }, fixedMonthlyMinor: fee }),
        tariff(2, 1, '2026-11-02T00:00:00Z', { energy: { mode: 'flat', rateMilliPerKwh: 30_000 }, fixedMonthlyMinor: fee }, 2),
      ],
      flows: [memberFlows(1, { main: { 10: 1_000, 100: 1_000 } })],
    });
    const r = settle(input);
    expect(r.lines.map((l) => [l.code, l.amountMinor, l.source.tariffVersionId])).toEqual([
      ['energy_main', -20, 1], ['fixed_fee', -100, 1], ['energy_main', -30, 2], ['fixed_fee', -100, 2],
    ]);
  });

  it('refuses a period without a tariff in force, in one sentence', () => {
    const input = settlementInput({ memberIds: [1], tariffVersions: [tariff(1, 1, '2026-11-02T00:00:00Z', { energy: { mode: 'flat', rateMilliPerKwh: 1 } })] });
    expect(() => settle(input)).toThrow(SettlementInputError);
    expect(() => settle(input)).toThrow('No version of the tariff "of the site" is in force on 2026-11-01');
  });
});

describe('settle — hosted lease', () => {
  it('host pays the owner for energy used, the rent share returns, the surplus income is split owner/host', () => {
    // Owner 10, host 11, buyer 12. Rate 50,000 milli/kWh, rent share 20 %, owner's surplus share 60 %.
    // Host used 3,333 Wh from the equipment: 3,333 × 50,000 / 1e6 = 166.65 → 167 (host → owner).
    // Rent: 20 % of 167 = 33.4 → 33 (owner → host).
    // Host gave 1,000 Wh to the pool, 800 of them from the leased equipment; buyer 12 took 1,000 Wh at
    // the site's 20 per kWh = 20 → pool earnings of the host 20. Split 20 by Wh [800 leased, 200 rest]
    // = [16, 4]; owner gets 60 % of 16 = 9.6 → 10 (host → owner).
    // Host: −167 + 33 + 20 − 10 = −124. Owner: 167 − 33 + 10 = 144. Buyer: −20. Σ = 0.
    const input = settlementInput({
      memberIds: [10, 11, 12],
      flows: [memberFlows(11, { shared: { 40: 1_000 } }), memberFlows(12, { pool: { 40: 1_000 } })],
      agreements: [agreement(7, { kind: 'hosted_lease', equipmentId: 5, ownerMemberId: 10, hostMemberId: 11, startsOn: '2026-01-01', termYears: 5, energyRateMilliPerKwh: 50_000, rentShareBps: 2_000, surplusOwnerBps: 6_000 })],
      leased: [leasedSlots(7, { used: { 30: 3_000, 31: 333 }, sold: { 40: 800 } })],
    });
    const r = settle(input);
    expect(linesOf(r, 11)).toEqual([['pool_earnings', 20], ['lease_energy', -167], ['rent_share', 33], ['surplus_share', -10]]);
    expect(linesOf(r, 10)).toEqual([['lease_energy', 167], ['rent_share', -33], ['surplus_share', 10]]);
    expect([...r.memberTotals].sort((a, b) => a[0] - b[0])).toEqual([[10, 144], [11, -124], [12, -20]]);
    const lease = r.lines.find((l) => l.memberId === 11 && l.code === 'lease_energy')!;
    expect(lease).toMatchObject({ quantityWh: 3_333, rateMilliPerKwh: 50_000, counterparty: { kind: 'member', memberId: 10 } });
    expect(lease.source).toEqual({ agreementId: 7, agreementVersion: 1, intervalFrom: '2026-11-01T07:30:00.000Z', intervalTo: '2026-11-01T07:45:00.000Z' });
  });

  it('charges nothing for energy used outside the agreement’s running time', () => {
    // Active from 2 Nov 00:00 (slot 96): only the 1,000 Wh at slot 100 count → 1,000 × 50,000 / 1e6 = 50, rent 0 %.
    const input = settlementInput({
      memberIds: [10, 11],
      agreements: [agreement(7, { kind: 'hosted_lease', equipmentId: 5, ownerMemberId: 10, hostMemberId: 11, startsOn: '2026-11-02', termYears: 5, energyRateMilliPerKwh: 50_000, rentShareBps: 0, surplusOwnerBps: 0 }, { activeFrom: '2026-11-02T00:00:00.000Z' })],
      leased: [leasedSlots(7, { used: { 5: 9_000, 100: 1_000 } })],
    });
    expect(linesOf(settle(input), 11)).toEqual([['lease_energy', -50]]);
  });
});

describe('settle — lease-to-own', () => {
  it('charges the instalments due by the period’s end not charged before, and energy at the agreed rate', () => {
    // Price 1,000 in 3 monthly instalments from 1 Sep: 334 (1 Oct), 333 (1 Nov), 333 (1 Dec).
    // Instalment 1 was charged by October's settlement; this period (1–2 Nov) charges no. 2 = 333.
    // Energy: 2,500 Wh × 30,000 / 1e6 = 75. Host −408, owner +408.
    const terms = { kind: 'lease_to_own' as const, equipmentId: 6, ownerMemberId: 20, hostMemberId: 21, startsOn: '2026-09-01', priceMinor: 1_000, instalmentCount: 3, instalmentPeriod: 'monthly' as const, energyRateMilliPerKwh: 30_000 };
    const input = settlementInput({ memberIds: [20, 21], agreements: [agreement(8, terms, { instalmentsCharged: [1] })], leased: [leasedSlots(8, { used: { 50: 2_500 } })] });
    const r = settle(input);
    expect(linesOf(r, 21)).toEqual([['instalment', -333], ['lto_energy', -75]]);
    expect(r.lines.find((l) => l.code === 'instalment')!.source).toEqual({ agreementId: 8, agreementVersion: 1, instalmentNo: 2, dueOn: '2026-11-01' });
    expect([...r.memberTotals]).toEqual([[21, -408], [20, 408]]);
    // Nothing charged before (a late first settlement): no. 1 (334) and no. 2 (333) both fall due.
    const late = settle({ ...input, agreements: [agreement(8, terms)] });
    expect(linesOf(late, 21)).toEqual([['instalment', -334], ['instalment', -333], ['lto_energy', -75]]);
    // December, the last instalment: 333; once completed (activeUntil) no energy is charged after it.
    const december = settle({ ...input, from: '2026-12-01', to: '2026-12-02', firstSlotMs: Date.parse('2026-12-01T00:00:00Z'), agreements: [agreement(8, terms, { instalmentsCharged: [1, 2], activeUntil: '2026-12-01T12:00:00.000Z' })], leased: [leasedSlots(8, { used: { 10: 1_000, 60: 1_000 } })] });
    // 1,000 Wh before noon × 30 = 30; the 1,000 Wh at slot 60 (15:00) are after completion.
    expect(linesOf(december, 21)).toEqual([['instalment', -333], ['lto_energy', -30]]);
  });
});

describe('settle — P2P sale', () => {
  const base = { kind: 'p2p_sale' as const, sellerMemberId: 30, buyers: { mode: 'members' as const, memberIds: [31] }, startsOn: '2026-01-01', termMonths: 24 };
  it('buyer pays the seller by a fixed price, wheeling to the grid party and tax to the government', () => {
    // 2,500 Wh. Price 2,500 × 40,000 / 1e6 = 100. Wheeling 2,500 × 5,000 / 1e6 = 12.5 → 13.
    // Tax 16 % of (100 + 13) = 18.08 → 18. Buyer −131; seller +100; grid +13; government +18.
    const input = settlementInput({
      memberIds: [30, 31],
      agreements: [agreement(9, { ...base, priceRule: { mode: 'fixed', rateMilliPerKwh: 40_000 }, gridFee: { operatorMemberId: 40, rateMilliPerKwh: 5_000 }, tax: { governmentMemberId: 41, rateBps: 1_600 } })],
      p2p: [{ agreementId: 9, slot: 20, buyerMemberId: 31, sellerMemberId: 30, wh: 1_500 }, { agreementId: 9, slot: 21, buyerMemberId: 31, sellerMemberId: 30, wh: 1_000 }],
    });
    const r = settle(input);
    expect(linesOf(r, 31)).toEqual([['p2p_energy', -100], ['p2p_wheeling', -13], ['p2p_tax', -18]]);
    expect(linesOf(r, 30)).toEqual([['p2p_energy', 100]]);
    expect(Object.fromEntries(counterpartyTotals(r))).toEqual({ grid: 13, government: 18 });
  });

  it('prices by a named tariff less a discount (the rating function’s energy lines)', () => {
    // Plan 2 flat 60,000 milli/kWh: 2,500 Wh → 150; discount 10 % = 15 → price 135. No fee, no tax.
    const input = settlementInput({
      memberIds: [30, 31],
      tariffVersions: [tariff(1, 1, '2026-01-01T00:00:00Z', { energy: { mode: 'flat', rateMilliPerKwh: 20_000 } }), tariff(2, 2, '2026-01-01T00:00:00Z', { energy: { mode: 'flat', rateMilliPerKwh: 60_000 }, fixedMonthlyMinor: 9_000 })],
      agreements: [agreement(9, { ...base, priceRule: { mode: 'tariff', tariffPlanId: 2, discountBps: 1_000 } })],
      p2p: [{ agreementId: 9, slot: 20, buyerMemberId: 31, sellerMemberId: 30, wh: 2_500 }],
    });
    expect(linesOf(settle(input), 31)).toEqual([['p2p_energy', -135]]);
  });
});
