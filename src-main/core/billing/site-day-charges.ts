// The prepaid drawdown's rating of one site-day: the settlement core run on a one-day period with
// the same inputs a month's settlement reads, so provisional and final charges follow one rule.
import type { Database } from 'better-sqlite3';
import { settle } from '../settlement/settle.js';
import { agreementsOfPeriod, flowsOfPeriod, leasedEquipmentSlots, periodSlots, tariffVersionsOf } from '../settlement/settlement-inputs.js';
import type { SettlementInput } from '../settlement/types.js';
import { chargesByMember } from './day-charges.js';

export function siteDayCharges(db: Database, siteId: number, day: string, timeZone: string): Map<number, number> {
  const plan = db.prepare('SELECT id FROM tariff_plans WHERE site_id = ? ORDER BY id LIMIT 1').pluck().get(siteId) as number | undefined;
  if (plan === undefined) return new Map();
  const { firstSlotMs, endMs, slotCount } = periodSlots(day, day, timeZone);
  const agreements = agreementsOfPeriod(db, siteId, new Date(firstSlotMs).toISOString(), new Date(endMs).toISOString(), day);
  const hosts = new Set(agreements.flatMap((a) => (a.terms.kind === 'p2p_sale' ? [] : [a.terms.hostMemberId])));
  const { flows, hostSeries, p2p } = flowsOfPeriod(db, siteId, firstSlotMs, slotCount, hosts);
  const planIds = [plan, ...agreements.flatMap((a) => (a.terms.kind === 'p2p_sale' && a.terms.priceRule.mode === 'tariff' ? [a.terms.priceRule.tariffPlanId] : []))];
  const members = db.prepare('SELECT id FROM members WHERE site_id = ? AND active = 1 AND joined_on <= ?').pluck().all(siteId, day) as number[];
  const memberIds = [...new Set([...members, ...flows.map((f) => f.memberId)])].sort((a, b) => a - b);
  const input: SettlementInput = { from: day, to: day, timeZone, firstSlotMs, slotCount, siteTariffPlanId: plan, tariffVersions: tariffVersionsOf(db, [...new Set(planIds)]), memberIds, flows, agreements, leased: leasedEquipmentSlots(db, agreements, hostSeries, slotCount), p2p };
  return chargesByMember(settle(input));
}
