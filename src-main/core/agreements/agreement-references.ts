// Checks an agreement's terms against the database: every party is an active member, the equipment
// belongs to the owner and can be leased, the P2P tariff plan exists at the seller's site.
// Also the side effects of a lifecycle step on the equipment and the listings (run inside the step's transaction).
import type { Database } from 'better-sqlite3';
import type { AgreementTermsValue } from '../../contract/agreements.js';
import type { ApiIssue } from '../../contract/errors.js';
import type { Equipment } from '../../contract/equipment.js';
import { CoreError, refusal } from '../api/core-error.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import type { EquipmentRepo } from '../equipment/equipment-repo.js';
import { editable } from '../equipment/equipment-service.js';
import { partiesOf, partyProblems } from './terms-rules.js';
import { ruleIssue } from '../../contract/issues.js';

export interface ResolvedPlacement {
  readonly siteId: number;
  readonly equipmentId: number | null;
}

export function checkTermsReferences(db: Database, equipment: EquipmentRepo, terms: AgreementTermsValue): ResolvedPlacement {
  const issues: ApiIssue[] = [...partyProblems(terms)];
  const member = db.prepare('SELECT id, site_id AS siteId, active FROM members WHERE id = ?');
  const members = new Map<number, { siteId: number; active: number }>();
  for (const party of partiesOf(terms)) {
    const row = member.get(party.memberId) as { siteId: number; active: number } | undefined;
    if (!row) issues.push(ruleIssue('terms', 'memberMissing', `The ${party.role} (member ${party.memberId}) does not exist`, { role: party.role, memberId: party.memberId }));
    else if (row.active !== 1) issues.push(ruleIssue('terms', 'memberInactive', `The ${party.role} (member ${party.memberId}) is deactivated`, { role: party.role, memberId: party.memberId }));
    else members.set(party.memberId, row);
  }
  let placement: ResolvedPlacement | null = null;
  if (terms.kind === 'hosted_lease' || terms.kind === 'lease_to_own') {
    const item = equipment.byId(terms.equipmentId);
    if (!item) issues.push({ path: 'terms.equipmentId', message: `Equipment ${terms.equipmentId} does not exist` });
    else {
      if (item.ownerMemberId !== terms.ownerMemberId) issues.push({ path: 'terms.ownerMemberId', message: `Equipment ${item.id} belongs to ${item.ownerName}, not to member ${terms.ownerMemberId}` });
      if (item.status === 'retired' || item.status === 'transferred') issues.push({ path: 'terms.equipmentId', message: `Equipment ${item.id} is ${item.status} and cannot be leased` });
      placement = { siteId: item.siteId, equipmentId: item.id };
    }
  } else {
    const seller = members.get(terms.sellerMemberId);
    if (terms.buyers.mode === 'site' && !db.prepare('SELECT 1 FROM sites WHERE id = ?').get(terms.buyers.siteId)) issues.push({ path: 'terms.buyers.siteId', message: `Site ${terms.buyers.siteId} does not exist` });
    if (terms.priceRule.mode === 'tariff') {
      const plan = db.prepare('SELECT site_id AS siteId FROM tariff_plans WHERE id = ?').get(terms.priceRule.tariffPlanId) as { siteId: number } | undefined;
      if (!plan) issues.push({ path: 'terms.priceRule.tariffPlanId', message: `Tariff plan ${terms.priceRule.tariffPlanId} does not exist` });
      else if (seller && plan.siteId !== seller.siteId) issues.push({ path: 'terms.priceRule.tariffPlanId', message: "The tariff plan belongs to another site than the seller's" });
    }
    if (seller) placement = { siteId: seller.siteId, equipmentId: null };
  }
  if (issues.length > 0 || !placement) {
    const first = issues[0];
    throw new CoreError('VALIDATION', `The agreement terms are not valid — ${first?.message ?? 'unknown problem'}.`, issues);
  }
  return placement;
}

/** Refuses a second live (proposed, signed or active) lease of the same equipment. */
export function assertEquipmentFree(db: Database, equipmentId: number | null, agreementId: number): void {
  if (equipmentId === null) return;
  const other = db
    .prepare(`SELECT id, status FROM agreements WHERE equipment_id = ? AND id <> ? AND status IN ('proposed', 'signed', 'active') LIMIT 1`)
    .get(equipmentId, agreementId) as { id: number; status: string } | undefined;
  if (other) throw refusal('CONFLICT', 'equipmentInAgreement', `Equipment ${equipmentId} is already in agreement ${other.id} (${other.status}); end or withdraw that one first.`, { agreementId: other.id, status: other.status });
}

type EquipmentChange = Partial<Pick<Equipment, 'ownerMemberId' | 'hostMemberId' | 'status'>>;

/** What a lifecycle step does to the leased equipment: installed at the host, returned, or transferred. */
export function equipmentEffect(terms: AgreementTermsValue, step: 'activate' | 'complete' | 'terminate'): EquipmentChange | null {
  if (terms.kind === 'p2p_sale') return null;
  if (step === 'activate') return { hostMemberId: terms.hostMemberId, status: 'leased' };
  if (step === 'complete' && terms.kind === 'lease_to_own') return { ownerMemberId: terms.hostMemberId, hostMemberId: terms.hostMemberId, status: 'transferred' };
  return { hostMemberId: null, status: 'listed' };
}

export function applyEquipmentEffect(deps: { db: Database; equipment: EquipmentRepo; audit: AuditRepo }, agreementId: number, terms: AgreementTermsValue, step: 'activate' | 'complete' | 'terminate', operatorId: number, at: string): void {
  const change = equipmentEffect(terms, step);
  if (!change || terms.kind === 'p2p_sale') return;
  const item = deps.equipment.byId(terms.equipmentId);
  if (!item || item.status === 'retired') return;
  const before = editable(item);
  const after = { ...before, ...change };
  deps.equipment.update(item.id, after, at);
  const hostName = terms.hostMemberId === null ? '' : ((deps.db.prepare('SELECT full_name FROM members WHERE id = ?').get(terms.hostMemberId) as { full_name: string } | undefined)?.full_name ?? `#${terms.hostMemberId}`);
  const what = step === 'activate' ? `leased to member ${terms.hostMemberId}` : change.status === 'transferred' ? `ownership transferred to member ${terms.hostMemberId}` : 'returned to its owner';
  deps.audit.record({ operatorId, action: `agreement_${step}`, entity: 'equipment', entityId: item.id, summary: `Agreement ${agreementId}: ${what}`, summaryCode: step === 'activate' ? 'equipment.leasedByAgreement' : change.status === 'transferred' ? 'equipment.transferredByAgreement' : 'equipment.returnedByAgreement', summaryParams: { agreementId, member: hostName }, before, after });
}
