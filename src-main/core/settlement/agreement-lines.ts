// The economics of agreements turned into transfers. Pure.
// - hosted lease: host → owner, agreed rate × Wh the host used from the equipment; owner → host, the
//   agreed rent share of that amount; host → owner, the owner's share of what the equipment's
//   surplus sold for (surplusShareTransfers below).
// - lease-to-own: host → owner, every instalment due by the end of the period not charged before;
//   host → owner, agreed rate × Wh used from the equipment while the agreement runs (it completes
//   when the last instalment is paid — payments' job — and then no more energy is charged).
// - P2P sale: buyer → seller by the price rule; buyer → grid, wheeling fee; buyer → government, tax
//   on price + wheeling.
import type { HostedLeaseTermsValue, LeaseToOwnTermsValue, P2pSaleTermsValue } from '../../contract/agreements.js';
import { energyAmount, shareOf, splitOrAll } from './money.js';
import { rateSlots, tariffSegments, type PeriodSlots } from './tariff-calendar.js';
import type { AccountRef, LeasedEquipmentSlots, LineSource, P2pFlowInput, SettlementAgreement, SettlementInput, Transfer } from './types.js';

const member = (memberId: number): AccountRef => ({ kind: 'member', memberId });

/** Slot range [from, to) in which the agreement runs inside the period. */
export function activeSlots(slots: PeriodSlots, agreement: SettlementAgreement): [number, number] {
  const { firstSlotMs, slotCount } = slots.input;
  const startMs = Date.parse(agreement.activeFrom);
  const endMs = agreement.activeUntil === null ? Infinity : Date.parse(agreement.activeUntil);
  const from = Math.max(0, Math.ceil((startMs - firstSlotMs) / 900_000));
  const to = Math.min(slotCount, endMs === Infinity ? slotCount : Math.ceil((endMs - firstSlotMs) / 900_000));
  return [from, Math.max(from, to)];
}

interface Used {
  wh: number;
  first: number;
  last: number;
}
function usedIn(values: ArrayLike<number> | undefined, from: number, to: number): Used {
  const used: Used = { wh: 0, first: -1, last: -1 };
  if (!values) return used;
  for (let k = from; k < to; k++) {
    const v = values[k] ?? 0;
    if (v <= 0) continue;
    used.wh += v;
    if (used.first < 0) used.first = k;
    used.last = k;
  }
  return used;
}

function sourceOf(slots: PeriodSlots, agreement: SettlementAgreement, used?: Used): LineSource {
  const base = { agreementId: agreement.id, agreementVersion: agreement.version };
  if (!used || used.first < 0) return base;
  return { ...base, intervalFrom: slots.iso[used.first]!, intervalTo: slots.iso[used.last]! };
}

function hostedLease(slots: PeriodSlots, a: SettlementAgreement, t: HostedLeaseTermsValue, leased: LeasedEquipmentSlots | undefined): Transfer[] {
  const [from, to] = activeSlots(slots, a);
  const used = usedIn(leased?.usedWh, from, to);
  const amount = energyAmount(used.wh, t.energyRateMilliPerKwh);
  if (amount === 0) return [];
  const source = sourceOf(slots, a, used);
  const rent = shareOf(amount, t.rentShareBps);
  const out: Transfer[] = [
    { code: 'lease_energy', payer: member(t.hostMemberId), payee: member(t.ownerMemberId), amountMinor: amount, quantityWh: used.wh, rateMilliPerKwh: t.energyRateMilliPerKwh, source, explain: { equipmentId: t.equipmentId, wh: used.wh, rate: t.energyRateMilliPerKwh } },
  ];
  if (rent > 0) out.push({ code: 'rent_share', payer: member(t.ownerMemberId), payee: member(t.hostMemberId), amountMinor: rent, quantityWh: null, rateMilliPerKwh: null, source, explain: { equipmentId: t.equipmentId, base: amount, bps: t.rentShareBps } });
  return out;
}

function leaseToOwn(slots: PeriodSlots, a: SettlementAgreement, t: LeaseToOwnTermsValue, leased: LeasedEquipmentSlots | undefined): Transfer[] {
  const out: Transfer[] = [];
  const [from, to] = activeSlots(slots, a);
  if (from >= to) return out;
  const charged = new Set(a.instalmentsCharged);
  for (const due of a.schedule) {
    // A zero instalment (a price smaller than the count) moves no money: nothing to charge.
    if (charged.has(due.number) || due.dueOn > slots.input.to || due.amountMinor === 0) continue;
    out.push({ code: 'instalment', payer: member(t.hostMemberId), payee: member(t.ownerMemberId), amountMinor: due.amountMinor, quantityWh: null, rateMilliPerKwh: null, source: { ...sourceOf(slots, a), instalmentNo: due.number, dueOn: due.dueOn }, explain: { equipmentId: t.equipmentId, number: due.number, count: a.schedule.length, dueOn: due.dueOn } });
  }
  const used = usedIn(leased?.usedWh, from, to);
  const amount = energyAmount(used.wh, t.energyRateMilliPerKwh);
  if (amount > 0) out.push({ code: 'lto_energy', payer: member(t.hostMemberId), payee: member(t.ownerMemberId), amountMinor: amount, quantityWh: used.wh, rateMilliPerKwh: t.energyRateMilliPerKwh, source: sourceOf(slots, a, used), explain: { equipmentId: t.equipmentId, wh: used.wh, rate: t.energyRateMilliPerKwh } });
  return out;
}

/** P2P transfers; `sellerIncome` collects what each seller earned (for the owner/host surplus split). */
function p2pSale(input: SettlementInput, slots: PeriodSlots, a: SettlementAgreement, t: P2pSaleTermsValue, flows: readonly P2pFlowInput[], sellerIncome: Map<number, number>): Transfer[] {
  const [from, to] = activeSlots(slots, a);
  const byBuyer = new Map<number, Float64Array>();
  for (const f of flows) {
    if (f.slot < from || f.slot >= to || f.wh <= 0) continue;
    let series = byBuyer.get(f.buyerMemberId);
    if (!series) byBuyer.set(f.buyerMemberId, (series = new Float64Array(slots.input.slotCount)));
    series[f.slot] = (series[f.slot] ?? 0) + f.wh;
  }
  const out: Transfer[] = [];
  const rule = t.priceRule;
  const segments = rule.mode === 'tariff' ? tariffSegments(slots, input.tariffVersions, rule.tariffPlanId, `plan ${rule.tariffPlanId} (price of P2P agreement ${a.id})`) : [];
  for (const [buyerId, series] of [...byBuyer].sort((x, y) => x[0] - y[0])) {
    const used = usedIn(series, from, to);
    if (used.wh === 0) continue;
    const source = sourceOf(slots, a, used);
    let price: number;
    let rate: number | null;
    if (rule.mode === 'fixed') {
      price = energyAmount(used.wh, rule.rateMilliPerKwh);
      rate = rule.rateMilliPerKwh;
    } else {
      // The named tariff's energy lines for these Wh (the rating function), less the discount.
      const rated = rateSlots(slots, segments, (k) => series[k] ?? 0);
      const energy = rated.reduce((sum, r) => sum + r.bill.lines.filter((l) => l.code === 'energy' || l.code === 'lifeline').reduce((s, l) => s + l.amountMinor, 0), 0);
      price = energy - shareOf(energy, rule.discountBps);
      rate = null;
    }
    const payer = member(buyerId);
    const explain = { wh: used.wh, sellerId: t.sellerMemberId, mode: rule.mode, ...(rule.mode === 'tariff' ? { planId: rule.tariffPlanId, discountBps: rule.discountBps } : {}) };
    if (price > 0) {
      out.push({ code: 'p2p_energy', payer, payee: member(t.sellerMemberId), amountMinor: price, quantityWh: used.wh, rateMilliPerKwh: rate, source, explain });
      sellerIncome.set(t.sellerMemberId, (sellerIncome.get(t.sellerMemberId) ?? 0) + price);
    }
    const wheeling = t.gridFee ? energyAmount(used.wh, t.gridFee.rateMilliPerKwh) : 0;
    if (wheeling > 0) out.push({ code: 'p2p_wheeling', payer, payee: { kind: 'grid' }, amountMinor: wheeling, quantityWh: used.wh, rateMilliPerKwh: t.gridFee?.rateMilliPerKwh ?? null, source, explain: { wh: used.wh, partyMemberId: t.gridFee?.operatorMemberId ?? 0 } });
    const tax = t.tax ? shareOf(price + wheeling, t.tax.rateBps) : 0;
    if (tax > 0) out.push({ code: 'p2p_tax', payer, payee: { kind: 'government' }, amountMinor: tax, quantityWh: null, rateMilliPerKwh: null, source, explain: { base: price + wheeling, bps: t.tax?.rateBps ?? 0, partyMemberId: t.tax?.governmentMemberId ?? 0 } });
  }
  return out;
}

/**
 * Owner's share of what leased equipment's surplus sold for. A host's income from selling (pool
 * earnings + P2P prices) is split by Wh over [each hosted-lease equipment's sold Wh …, the rest]
 * (largest remainder); the owner gets `surplusOwnerBps` of their equipment's part.
 */
function surplusShareTransfers(slots: PeriodSlots, leases: readonly { a: SettlementAgreement; t: HostedLeaseTermsValue }[], leasedById: ReadonlyMap<number, LeasedEquipmentSlots>, soldWhByMember: ReadonlyMap<number, number>, incomeByMember: ReadonlyMap<number, number>): Transfer[] {
  const byHost = new Map<number, { a: SettlementAgreement; t: HostedLeaseTermsValue; sold: Used }[]>();
  for (const { a, t } of leases) {
    const [from, to] = activeSlots(slots, a);
    const sold = usedIn(leasedById.get(a.id)?.soldWh, from, to);
    if (sold.wh === 0) continue;
    const list = byHost.get(t.hostMemberId) ?? [];
    list.push({ a, t, sold });
    byHost.set(t.hostMemberId, list);
  }
  const out: Transfer[] = [];
  for (const [hostId, list] of [...byHost].sort((x, y) => x[0] - y[0])) {
    const income = incomeByMember.get(hostId) ?? 0;
    if (income === 0) continue;
    const leasedWh = list.reduce((s, e) => s + e.sold.wh, 0);
    const rest = Math.max(0, (soldWhByMember.get(hostId) ?? 0) - leasedWh);
    const parts = splitOrAll(income, [...list.map((e) => e.sold.wh), rest]);
    list.forEach(({ a, t, sold }, i) => {
      const part = parts[i] ?? 0;
      const ownerShare = shareOf(part, t.surplusOwnerBps);
      if (ownerShare === 0) return;
      out.push({ code: 'surplus_share', payer: member(hostId), payee: member(t.ownerMemberId), amountMinor: ownerShare, quantityWh: sold.wh, rateMilliPerKwh: null, source: sourceOf(slots, a, sold), explain: { equipmentId: t.equipmentId, soldWh: sold.wh, income: part, bps: t.surplusOwnerBps } });
    });
  }
  return out;
}

export function agreementTransfers(input: SettlementInput, slots: PeriodSlots, poolIncome: ReadonlyMap<number, number>, poolSharedWh: ReadonlyMap<number, number>): Transfer[] {
  const leasedById = new Map(input.leased.map((l) => [l.agreementId, l]));
  const p2pByAgreement = new Map<number, P2pFlowInput[]>();
  for (const f of input.p2p) {
    const list = p2pByAgreement.get(f.agreementId) ?? [];
    list.push(f);
    p2pByAgreement.set(f.agreementId, list);
  }
  const out: Transfer[] = [];
  const sellerIncome = new Map(poolIncome);
  const soldWh = new Map(poolSharedWh);
  const leases: { a: SettlementAgreement; t: HostedLeaseTermsValue }[] = [];
  const ordered = [...input.agreements].sort((x, y) => x.id - y.id);
  for (const a of ordered) {
    const t = a.terms;
    if (t.kind === 'hosted_lease') {
      out.push(...hostedLease(slots, a, t, leasedById.get(a.id)));
      leases.push({ a, t });
    } else if (t.kind === 'lease_to_own') out.push(...leaseToOwn(slots, a, t, leasedById.get(a.id)));
    else {
      const flows = p2pByAgreement.get(a.id) ?? [];
      const [from, to] = activeSlots(slots, a);
      for (const f of flows) if (f.slot >= from && f.slot < to) soldWh.set(f.sellerMemberId, (soldWh.get(f.sellerMemberId) ?? 0) + f.wh);
      out.push(...p2pSale(input, slots, a, t, flows, sellerIncome));
    }
  }
  out.push(...surplusShareTransfers(slots, leases, leasedById, soldWh, sellerIncome));
  return out;
}
