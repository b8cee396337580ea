// Main supply and community pool at the site tariff, and what pool sellers earn. Pure.
// A member's site-tariff consumption per slot = main-supply import + pool received. It is rated by
// the existing rating function (tariff-calendar.ts); each energy line (energy, lifeline, block, ToU
// window) is then split main/pool by the segment's Wh (largest remainder), so the two parts sum to
// the rated line. Pool sellers share what pool buyers paid (energy_pool lines, tax and fees stay
// with their parties) pro rata of the Wh each gave to the pool over the period (largest remainder).
import type { ChargeLine } from '../../contract/tariffs.js';
import { splitOrAll, sumRange } from './money.js';
import { rateSlots, type PeriodSlots, type TariffSegment } from './tariff-calendar.js';
import type { AccountRef, MemberSlotFlows, SettlementLineCode, Transfer } from './types.js';

const COOP_ENERGY: AccountRef = { kind: 'cooperative-energy' };
const member = (memberId: number): AccountRef => ({ kind: 'member', memberId });

function counterpartyOf(line: ChargeLine): { code: SettlementLineCode; payee: AccountRef } {
  switch (line.code) {
    case 'grid_fee':
      return { code: 'grid_fee', payee: { kind: 'grid' } };
    case 'fixed_fee':
      return { code: 'fixed_fee', payee: { kind: 'cooperative-fees' } };
    case 'tax':
      return { code: 'tax', payee: { kind: 'government' } };
    default:
      return { code: 'energy_main', payee: COOP_ENERGY };
  }
}

export interface SiteEnergyResult {
  readonly transfers: Transfer[];
  /** Σ of energy_pool amounts: what pool buyers paid for pool energy. */
  readonly poolRevenue: number;
}

const EMPTY: ArrayLike<number> = { length: 0 };

export function siteTariffTransfers(slots: PeriodSlots, segments: readonly TariffSegment[], memberIds: readonly number[], flows: ReadonlyMap<number, MemberSlotFlows>): SiteEnergyResult {
  const transfers: Transfer[] = [];
  let poolRevenue = 0;
  for (const memberId of memberIds) {
    const f = flows.get(memberId);
    const main = f?.mainImportWh ?? EMPTY;
    const pool = f?.poolWh ?? EMPTY;
    const rated = rateSlots(slots, segments, (k) => (main[k] ?? 0) + (pool[k] ?? 0));
    for (const { segment, bill, firstSlot, lastSlot } of rated) {
      const mainWh = sumRange(main, segment.slotFrom, segment.slotTo);
      const poolWh = sumRange(pool, segment.slotFrom, segment.slotTo);
      const source = {
        tariffVersionId: segment.version.id,
        ...(firstSlot >= 0 ? { intervalFrom: slots.iso[firstSlot]!, intervalTo: slots.iso[lastSlot]! } : {}),
      };
      const explainBase = { tariffVersion: segment.version.version, from: segment.fromDate, to: segment.toDate };
      for (const line of bill.lines) {
        if (line.amountMinor === 0) continue;
        const payer = member(memberId);
        if (line.code === 'energy' || line.code === 'lifeline') {
          const [mainAmount = 0, poolAmount = 0] = splitOrAll(line.amountMinor, [mainWh, poolWh]);
          const [mainQty = 0, poolQty = 0] = splitOrAll(line.quantityWh ?? 0, [mainWh, poolWh]);
          const parts: [SettlementLineCode, number, number][] = [
            ['energy_main', mainAmount, mainQty],
            ['energy_pool', poolAmount, poolQty],
          ];
          for (const [code, amountMinor, quantityWh] of parts) {
            if (amountMinor === 0) continue;
            if (code === 'energy_pool') poolRevenue += amountMinor;
            transfers.push({ code, payer, payee: COOP_ENERGY, amountMinor, quantityWh, rateMilliPerKwh: line.rateMilliPerKwh, source, explain: { ...explainBase, label: line.label } });
          }
          continue;
        }
        const { code, payee } = counterpartyOf(line);
        transfers.push({ code, payer, payee, amountMinor: line.amountMinor, quantityWh: line.quantityWh, rateMilliPerKwh: line.rateMilliPerKwh, source, explain: { ...explainBase, label: line.label } });
      }
    }
  }
  return { transfers, poolRevenue };
}

/** Pool sellers earn the pool revenue pro rata of the Wh they gave (largest remainder). */
export function poolEarnings(slots: PeriodSlots, poolRevenue: number, memberIds: readonly number[], flows: ReadonlyMap<number, MemberSlotFlows>): Transfer[] {
  const shared = memberIds.map((id) => sumRange(flows.get(id)?.poolSharedWh ?? EMPTY, 0, slots.input.slotCount));
  const totalShared = shared.reduce((a, b) => a + b, 0);
  if (poolRevenue === 0 || totalShared === 0) return [];
  const parts = splitOrAll(poolRevenue, shared);
  const transfers: Transfer[] = [];
  memberIds.forEach((memberId, i) => {
    const amountMinor = parts[i] ?? 0;
    if (amountMinor === 0) return;
    transfers.push({
      code: 'pool_earnings',
      payer: COOP_ENERGY,
      payee: member(memberId),
      amountMinor,
      quantityWh: shared[i] ?? 0,
      rateMilliPerKwh: null,
      source: { intervalFrom: slots.iso[0]!, intervalTo: slots.iso[slots.iso.length - 1]! },
      explain: { sharedWh: shared[i] ?? 0, poolWh: totalShared, poolRevenue },
    });
  });
  return transfers;
}
