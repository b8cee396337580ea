// Sum invariants of the settlement on random sites (fast-check): every statement sums to its total,
// Σ members' lines = −Σ counterparties' lines, pool buyers' payments = pool sellers' earnings, each
// member's site-tariff lines = the rating function's bill of the same consumption, every split part
// within its whole, and the run is deterministic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TariffDefinition } from '../../contract/tariffs.js';
import { rateConsumption } from '../tariffs/rating.js';
import { counterpartyTotals, settle } from './settle.js';
import { agreement, FROM, SLOTS, TO, tariff } from './test-support.js';
import type { LeasedEquipmentSlots, MemberSlotFlows, P2pFlowInput, SettlementAgreement, SettlementInput } from './types.js';

const SLOT_COUNT = SLOTS; // two days
const SITE_CODES = new Set(['energy_main', 'energy_pool', 'grid_fee', 'fixed_fee', 'tax']);

const definitionArb = fc.record({
  rate: fc.integer({ min: 0, max: 90_000 }),
  fixed: fc.integer({ min: 0, max: 5_000 }),
  grid: fc.integer({ min: 0, max: 9_999 }),
  tax: fc.integer({ min: 0, max: 3_000 }),
  tiered: fc.boolean(),
});

const siteArb = fc
  .record({
    members: fc.integer({ min: 2, max: 7 }),
    def: definitionArb,
    events: fc.array(fc.record({ slot: fc.integer({ min: 0, max: SLOT_COUNT - 1 }), buyer: fc.nat(), seller: fc.nat(), main: fc.integer({ min: 0, max: 5_000 }), pool: fc.integer({ min: 0, max: 5_000 }) }), { maxLength: 40 }),
    leases: fc.array(fc.record({ kind: fc.constantFrom('hosted_lease', 'lease_to_own'), owner: fc.nat(), host: fc.nat(), rate: fc.integer({ min: 0, max: 80_000 }), rent: fc.integer({ min: 0, max: 10_000 }), surplus: fc.integer({ min: 0, max: 10_000 }), used: fc.array(fc.tuple(fc.integer({ min: 0, max: SLOT_COUNT - 1 }), fc.integer({ min: 0, max: 4_000 })), { maxLength: 6 }), soldShare: fc.integer({ min: 0, max: 100 }), price: fc.integer({ min: 1, max: 100_000 }), count: fc.integer({ min: 1, max: 12 }), charged: fc.integer({ min: 0, max: 3 }) }), { maxLength: 3 }),
    sales: fc.array(fc.record({ seller: fc.nat(), buyer: fc.nat(), rate: fc.integer({ min: 0, max: 80_000 }), grid: fc.integer({ min: 0, max: 9_000 }), tax: fc.integer({ min: 0, max: 2_500 }), flows: fc.array(fc.tuple(fc.integer({ min: 0, max: SLOT_COUNT - 1 }), fc.integer({ min: 1, max: 3_000 })), { maxLength: 5 }) }), { maxLength: 3 }),
  })
  .map(buildInput);

function buildInput(s: { members: number; def: { rate: number; fixed: number; grid: number; tax: number; tiered: boolean }; events: { slot: number; buyer: number; seller: number; main: number; pool: number }[]; leases: { kind: string; owner: number; host: number; rate: number; rent: number; surplus: number; used: [number, number][]; soldShare: number; price: number; count: number; charged: number }[]; sales: { seller: number; buyer: number; rate: number; grid: number; tax: number; flows: [number, number][] }[] }): SettlementInput {
  const ids = Array.from({ length: s.members }, (_, i) => i + 1);
  const pick = (n: number) => ids[n % ids.length]!;
  const flows = new Map<number, MemberSlotFlows>(ids.map((id) => [id, { memberId: id, mainImportWh: new Float64Array(SLOT_COUNT), poolWh: new Float64Array(SLOT_COUNT), poolSharedWh: new Float64Array(SLOT_COUNT) }]));
  // Pool energy is balanced per slot, as the allocation guarantees: what a buyer receives a seller gave.
  for (const e of s.events) {
    const buyer = flows.get(pick(e.buyer))!;
    (buyer.mainImportWh as Float64Array)[e.slot]! += e.main;
    (buyer.poolWh as Float64Array)[e.slot]! += e.pool;
    (flows.get(pick(e.seller))!.poolSharedWh as Float64Array)[e.slot]! += e.pool;
  }
  const agreements: SettlementAgreement[] = [];
  const leased: LeasedEquipmentSlots[] = [];
  s.leases.forEach((l, i) => {
    const id = 100 + i;
    const owner = pick(l.owner);
    const host = pick(l.host + (pick(l.host) === owner ? 1 : 0));
    if (host === owner) return;
    const common = { equipmentId: id, ownerMemberId: owner, hostMemberId: host, startsOn: '2026-01-01', energyRateMilliPerKwh: l.rate };
    agreements.push(l.kind === 'hosted_lease'
      ? agreement(id, { ...common, kind: 'hosted_lease', termYears: 5, rentShareBps: l.rent, surplusOwnerBps: l.surplus })
      : agreement(id, { ...common, kind: 'lease_to_own', priceMinor: l.price, instalmentCount: l.count, instalmentPeriod: 'monthly' }, { instalmentsCharged: Array.from({ length: l.charged }, (_, n) => n + 1) }));
    const used = new Float64Array(SLOT_COUNT);
    for (const [slot, wh] of l.used) used[slot]! += wh;
    // Sold from the equipment: a share of what the host gave to the pool.
    const sold = Float64Array.from(flows.get(host)!.poolSharedWh as Float64Array, (wh) => Math.floor((wh * l.soldShare) / 100 / Math.max(1, s.leases.length)));
    leased.push({ agreementId: id, usedWh: used, soldWh: sold });
  });
  const p2p: P2pFlowInput[] = [];
  s.sales.forEach((sale, i) => {
    const id = 200 + i;
    const seller = pick(sale.seller);
    const buyer = pick(sale.buyer + (pick(sale.buyer) === seller ? 1 : 0));
    if (buyer === seller) return;
    agreements.push(agreement(id, { kind: 'p2p_sale', sellerMemberId: seller, buyers: { mode: 'members', memberIds: [buyer] }, priceRule: { mode: 'fixed', rateMilliPerKwh: sale.rate }, gridFee: sale.grid ? { operatorMemberId: 900, rateMilliPerKwh: sale.grid } : null, tax: sale.tax ? { governmentMemberId: 901, rateBps: sale.tax } : null, startsOn: '2026-01-01', termMonths: 12 }));
    for (const [slot, wh] of sale.flows) if (!p2p.some((f) => f.agreementId === id && f.slot === slot)) p2p.push({ agreementId: id, slot, buyerMemberId: buyer, sellerMemberId: seller, wh });
  });
  const energy = s.def.tiered
    ? { mode: 'tiered' as const, blocks: [{ upToWh: 3_000, rateMilliPerKwh: s.def.rate }, { upToWh: null, rateMilliPerKwh: s.def.rate * 2 }], lifeline: { allowanceWh: 1_000, rateMilliPerKwh: Math.floor(s.def.rate / 2), waiveFixedFee: true } }
    : { mode: 'flat' as const, rateMilliPerKwh: s.def.rate };
  return {
    from: FROM, to: TO, timeZone: 'UTC', firstSlotMs: Date.parse(`${FROM}T00:00:00Z`), slotCount: SLOT_COUNT, siteTariffPlanId: 1,
    tariffVersions: [tariff(1, 1, '2026-01-01T00:00:00Z', { energy, fixedMonthlyMinor: s.def.fixed, gridFeeMilliPerKwh: s.def.grid, taxBps: s.def.tax })],
    memberIds: ids, flows: [...flows.values()], agreements, leased, p2p,
  };
}

describe('settle — invariants on random sites', () => {
  it('every statement sums to its total and Σ members = −Σ counterparties, exactly', () => {
    fc.assert(
      fc.property(siteArb, (input) => {
        const r = settle(input);
        for (const t of r.transfers) expect(Number.isSafeInteger(t.amountMinor) && t.amountMinor > 0).toBe(true);
        const byMember = new Map<number, number>();
        for (const l of r.lines) byMember.set(l.memberId, (byMember.get(l.memberId) ?? 0) + l.amountMinor);
        expect(byMember).toEqual(r.memberTotals);
        const members = [...r.memberTotals.values()].reduce((a, b) => a + b, 0);
        const counterparties = [...counterpartyTotals(r).values()].reduce((a, b) => a + b, 0);
        expect(members + counterparties).toBe(0);
        // Both sides of a member-to-member transfer are lines that cancel.
        const byTransfer = new Map<number, number>();
        for (const l of r.lines) byTransfer.set(l.transferIndex, (byTransfer.get(l.transferIndex) ?? 0) + l.amountMinor);
        r.transfers.forEach((t, i) => {
          if (t.payer.kind === 'member' && t.payee.kind === 'member') expect(byTransfer.get(i)).toBe(0);
        });
      }),
      { numRuns: 80 },
    );
  });

  it('pool sellers earn exactly what pool buyers paid; site-tariff lines re-derive from the rating function', () => {
    fc.assert(
      fc.property(siteArb, (input) => {
        const r = settle(input);
        const sum = (code: string) => r.lines.filter((l) => l.code === code).reduce((s, l) => s + l.amountMinor, 0);
        const anyShared = input.flows.some((f) => Array.from(f.poolSharedWh).some((wh) => wh > 0));
        if (anyShared) expect(sum('pool_earnings') + sum('energy_pool')).toBe(0);
        const definition = TariffDefinition.parse(input.tariffVersions[0]!.definition);
        for (const f of input.flows) {
          const intervals = [];
          for (let k = 0; k < input.slotCount; k++) {
            const wh = (f.mainImportWh[k] ?? 0) + (f.poolWh[k] ?? 0);
            if (wh > 0) intervals.push({ start: new Date(input.firstSlotMs + k * 900_000).toISOString(), minutes: 15, importWh: wh });
          }
          const bill = rateConsumption({ definition, timeZone: 'UTC', from: input.from, to: input.to, intervals });
          const charged = r.lines.filter((l) => l.memberId === f.memberId && SITE_CODES.has(l.code)).reduce((s, l) => s + l.amountMinor, 0);
          expect(charged + bill.totalMinor).toBe(0);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('rent and surplus shares stay within what they are shares of; P2P buyer pays seller + fees; deterministic', () => {
    fc.assert(
      fc.property(siteArb, (input) => {
        const r = settle(input);
        for (const a of input.agreements) {
          const of = (code: string) => r.transfers.filter((t) => t.code === code && t.source.agreementId === a.id).reduce((s, t) => s + t.amountMinor, 0);
          expect(of('rent_share')).toBeLessThanOrEqual(of('lease_energy'));
          if (a.terms.kind === 'p2p_sale') {
            const wh = input.p2p.filter((f) => f.agreementId === a.id).reduce((s, f) => s + f.wh, 0);
            const buyerPaid = 0 - r.lines.filter((l) => l.source.agreementId === a.id && l.memberId !== (a.terms.kind === 'p2p_sale' ? a.terms.sellerMemberId : 0)).reduce((s, l) => s + l.amountMinor, 0);
            expect(buyerPaid - (of('p2p_energy') + of('p2p_wheeling') + of('p2p_tax'))).toBe(0);
            expect(r.transfers.filter((t) => t.code === 'p2p_energy' && t.source.agreementId === a.id).reduce((s, t) => s + (t.quantityWh ?? 0), 0)).toBe(of('p2p_energy') > 0 ? wh : 0);
          }
        }
        const shares = r.transfers.filter((t) => t.code === 'surplus_share');
        for (const t of shares) {
          const hostIncome = r.lines.filter((l) => t.payer.kind === 'member' && l.memberId === t.payer.memberId && (l.code === 'pool_earnings' || (l.code === 'p2p_energy' && l.amountMinor > 0))).reduce((s, l) => s + l.amountMinor, 0);
          expect(t.amountMinor).toBeLessThanOrEqual(hostIncome);
        }
        expect(settle(input)).toEqual(r);
      }),
      { numRuns: 60 },
    );
  });
});
