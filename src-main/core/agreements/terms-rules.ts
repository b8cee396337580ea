// Pure facts derived from an agreement's terms: its parties, its end date, the lease-to-own
// instalment schedule, and the key terms registered as chain attributes.
import type { AgreementTermsValue, Instalment, PartyRole } from '../../contract/agreements.js';
import type { ApiIssue } from '../../contract/errors.js';
import { splitEvenly } from '../tariffs/largest-remainder.js';
import { ruleIssue } from '../../contract/issues.js';

export interface PartyRef {
  readonly memberId: number;
  readonly role: PartyRole;
}

export function partiesOf(terms: AgreementTermsValue): PartyRef[] {
  switch (terms.kind) {
    case 'hosted_lease':
    case 'lease_to_own':
      return [
        { memberId: terms.ownerMemberId, role: 'owner' },
        { memberId: terms.hostMemberId, role: 'host' },
      ];
    case 'p2p_sale':
      return [
        { memberId: terms.sellerMemberId, role: 'seller' },
        ...(terms.buyers.mode === 'members' ? terms.buyers.memberIds.map((memberId) => ({ memberId, role: 'buyer' as const })) : []),
        ...(terms.gridFee ? [{ memberId: terms.gridFee.operatorMemberId, role: 'grid_operator' as const }] : []),
        ...(terms.tax ? [{ memberId: terms.tax.governmentMemberId, role: 'government' as const }] : []),
      ];
  }
}

/** Each member may take one role only: an owner cannot host their own lease, a seller cannot buy. */
export function partyProblems(terms: AgreementTermsValue): ApiIssue[] {
  const seen = new Map<number, PartyRole>();
  const issues: ApiIssue[] = [];
  for (const party of partiesOf(terms)) {
    const other = seen.get(party.memberId);
    if (other) issues.push(ruleIssue('terms', 'memberTwoRoles', `Member ${party.memberId} cannot be both ${other} and ${party.role}`, { memberId: party.memberId, first: other, second: party.role }));
    else seen.set(party.memberId, party.role);
  }
  return issues;
}

const PERIOD_MONTHS = { monthly: 1, quarterly: 3, yearly: 12 } as const;

/** Adds calendar months to a YYYY-MM-DD date, keeping the day or the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export function termMonths(terms: AgreementTermsValue): number {
  switch (terms.kind) {
    case 'hosted_lease':
      return terms.termYears * 12;
    case 'lease_to_own':
      return terms.instalmentCount * PERIOD_MONTHS[terms.instalmentPeriod];
    case 'p2p_sale':
      return terms.termMonths;
  }
}

export const endsOn = (terms: AgreementTermsValue): string => addMonths(terms.startsOn, termMonths(terms));

/** Instalments due one period apart after the start; amounts differ by at most one minor unit and sum to the price. */
export function instalmentSchedule(terms: AgreementTermsValue): Instalment[] {
  if (terms.kind !== 'lease_to_own') return [];
  const amounts = splitEvenly(terms.priceMinor, terms.instalmentCount);
  return amounts.map((amountMinor, index) => ({ number: index + 1, dueOn: addMonths(terms.startsOn, (index + 1) * PERIOD_MONTHS[terms.instalmentPeriod]), amountMinor }));
}

/** Key terms as string attributes (Uniques attributes on chain; also in the proof pack). */
export function keyTermAttributes(terms: AgreementTermsValue): Record<string, string> {
  const common = { kind: terms.kind, startsOn: terms.startsOn, endsOn: endsOn(terms) };
  switch (terms.kind) {
    case 'hosted_lease':
      return { ...common, equipment: String(terms.equipmentId), rateMilliPerKwh: String(terms.energyRateMilliPerKwh), rentShareBps: String(terms.rentShareBps), surplusOwnerBps: String(terms.surplusOwnerBps) };
    case 'lease_to_own':
      return { ...common, equipment: String(terms.equipmentId), priceMinor: String(terms.priceMinor), instalments: `${terms.instalmentCount} ${terms.instalmentPeriod}`, rateMilliPerKwh: String(terms.energyRateMilliPerKwh) };
    case 'p2p_sale':
      return {
        ...common,
        buyers: terms.buyers.mode === 'site' ? `site ${terms.buyers.siteId}` : terms.buyers.memberIds.join(','),
        price: terms.priceRule.mode === 'fixed' ? `fixed ${terms.priceRule.rateMilliPerKwh}` : `tariff ${terms.priceRule.tariffPlanId} -${terms.priceRule.discountBps}bps`,
      };
  }
}
