// The settlement of one site-period: energy flows + tariff versions + agreements → transfers and
// each member's statement lines. Pure and deterministic (same input → same lines, same order).
import { accountKey } from '../journal/index.js';
import { agreementTransfers } from './agreement-lines.js';
import { poolEarnings, siteTariffTransfers } from './site-energy.js';
import { PeriodSlots, tariffSegments } from './tariff-calendar.js';
import { SettlementInputError, type MemberSlotFlows, type SettlementInput, type SettlementResult, type StatementLine, type Transfer } from './types.js';

export function settle(input: SettlementInput): SettlementResult {
  checkInput(input);
  const slots = new PeriodSlots(input);
  const flows = new Map<number, MemberSlotFlows>(input.flows.map((f) => [f.memberId, f]));
  const memberIds = [...new Set(input.memberIds)].sort((a, b) => a - b);
  const segments = tariffSegments(slots, input.tariffVersions, input.siteTariffPlanId, input.siteTariffName ?? 'of the site');
  const site = siteTariffTransfers(slots, segments, memberIds, flows);
  const pool = poolEarnings(slots, site.poolRevenue, memberIds, flows);
  const poolIncome = new Map<number, number>();
  const poolShared = new Map<number, number>();
  for (const t of pool) {
    if (t.payee.kind !== 'member') continue;
    poolIncome.set(t.payee.memberId, (poolIncome.get(t.payee.memberId) ?? 0) + t.amountMinor);
    poolShared.set(t.payee.memberId, t.quantityWh ?? 0);
  }
  // Sellers whose shared Wh earned nothing (no revenue) still count their Wh in the owner/host split.
  for (const id of memberIds) {
    const f = flows.get(id);
    if (!f || poolShared.has(id)) continue;
    let wh = 0;
    for (let k = 0; k < input.slotCount; k++) wh += f.poolSharedWh[k] ?? 0;
    if (wh > 0) poolShared.set(id, wh);
  }
  const transfers = [...site.transfers, ...pool, ...agreementTransfers(input, slots, poolIncome, poolShared)];
  return resultOf(transfers);
}

/** Statement lines and member totals from transfers (each member side of a transfer is one line). */
export function resultOf(transfers: readonly Transfer[]): SettlementResult {
  const lines: StatementLine[] = [];
  const memberTotals = new Map<number, number>();
  transfers.forEach((t, transferIndex) => {
    const common = { code: t.code, quantityWh: t.quantityWh, rateMilliPerKwh: t.rateMilliPerKwh, source: t.source, explain: t.explain, transferIndex };
    if (t.payer.kind === 'member') {
      lines.push({ ...common, memberId: t.payer.memberId, amountMinor: -t.amountMinor, counterparty: t.payee });
      memberTotals.set(t.payer.memberId, (memberTotals.get(t.payer.memberId) ?? 0) - t.amountMinor);
    }
    if (t.payee.kind === 'member') {
      lines.push({ ...common, memberId: t.payee.memberId, amountMinor: t.amountMinor, counterparty: t.payer });
      memberTotals.set(t.payee.memberId, (memberTotals.get(t.payee.memberId) ?? 0) + t.amountMinor);
    }
  });
  return { transfers, lines, memberTotals };
}

/**
 * What every non-member account (cooperative, grid, government) nets from the settlement: the
 * counterparties' side. Σ members' totals + Σ these = 0 exactly (money only moves).
 */
export function counterpartyTotals(result: SettlementResult): Map<string, number> {
  const totals = new Map<string, number>();
  for (const t of result.transfers) {
    if (t.payer.kind !== 'member') totals.set(accountKey(t.payer), (totals.get(accountKey(t.payer)) ?? 0) - t.amountMinor);
    if (t.payee.kind !== 'member') totals.set(accountKey(t.payee), (totals.get(accountKey(t.payee)) ?? 0) + t.amountMinor);
  }
  return totals;
}

function checkInput(input: SettlementInput): void {
  const bad = (message: string) => new SettlementInputError('BAD_INPUT', message);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.from) || !/^\d{4}-\d{2}-\d{2}$/.test(input.to)) throw bad('The period needs a start and an end date (YYYY-MM-DD).');
  if (input.to < input.from) throw bad(`The period ends (${input.to}) before it starts (${input.from}).`);
  if (!Number.isInteger(input.slotCount) || input.slotCount < 0 || !Number.isFinite(input.firstSlotMs) || input.firstSlotMs % 900_000 !== 0) throw bad('The period must be whole quarter hours.');
  for (const f of input.flows) {
    for (const series of [f.mainImportWh, f.poolWh, f.poolSharedWh]) {
      if (series.length !== input.slotCount) throw bad(`The flows of member ${f.memberId} do not cover the period's ${input.slotCount} quarter hours.`);
    }
  }
  for (const l of input.leased) {
    if (l.usedWh.length !== input.slotCount || l.soldWh.length !== input.slotCount) throw bad(`The equipment flows of agreement ${l.agreementId} do not cover the period.`);
  }
  for (const p of input.p2p) {
    if (!Number.isInteger(p.slot) || p.slot < 0 || p.slot >= input.slotCount || !Number.isSafeInteger(p.wh) || p.wh < 0) throw bad(`A P2P flow of agreement ${p.agreementId} lies outside the period or is not whole Wh.`);
  }
}
