// Equipment use cases. Every write runs in one transaction with its audit row.
import type { Database } from 'better-sqlite3';
import type { OperatorPublic } from '../../contract/session.js';
import type { Equipment, EquipmentDetail, EquipmentFieldsValue, EquipmentListQueryValue } from '../../contract/equipment.js';
import { CoreError, refusal, notFound } from '../api/core-error.js';
import { ruleIssue } from '../../contract/issues.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { EquipmentRepo, type ChainItemUpdate } from './equipment-repo.js';
import { equipmentProblems, statusChangeProblem } from './equipment-rules.js';

export interface EquipmentDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRepo;
}

type EditableFields = Omit<Equipment, 'id' | 'ownerName' | 'hostName' | 'siteName' | 'chain' | 'createdAt' | 'updatedAt'>;

export class EquipmentService {
  readonly repo: EquipmentRepo;

  constructor(private readonly deps: EquipmentDeps) {
    this.repo = new EquipmentRepo(deps.db);
  }

  list(query: EquipmentListQueryValue) {
    return this.repo.query(query);
  }

  get(id: number): EquipmentDetail {
    return { equipment: this.mustGet(id), history: this.deps.audit.list({ entity: 'equipment', entityId: String(id), beforeId: null, limit: 100 }) };
  }

  create(actor: OperatorPublic, fields: EquipmentFieldsValue): Equipment {
    this.check(fields, true);
    const id = this.write(() => {
      this.assertSerialFree(fields, null);
      const newId = this.repo.insert(fields, isoNow(this.deps.clock));
      this.deps.audit.record({ operatorId: actor.id, action: 'create', entity: 'equipment', entityId: newId, summary: `${describeEquipment(fields)} registered`, summaryCode: 'equipment.registered', summaryParams: { kind: fields.kind, ratedPowerW: fields.ratedPowerW, make: fields.make, model: fields.model }, after: fields });
      return newId;
    });
    return this.mustGet(id);
  }

  update(actor: OperatorPublic, id: number, changes: Partial<EquipmentFieldsValue>, reason: string): Equipment {
    const before = this.mustGet(id);
    const current = editable(before);
    const next: EquipmentFieldsValue = { ...current, ...changes };
    if (before.status === 'retired') throw refusal('CONFLICT', 'equipmentRetired', `Equipment ${id} is retired; its record can no longer change.`);
    const statusProblem = statusChangeProblem(before.status, next.status);
    if (statusProblem) throw new CoreError('CONFLICT', statusProblem, [{ path: 'status', message: statusProblem }]);
    if (next.status === 'retired' && !reason.trim()) throw new CoreError('VALIDATION', 'Say why the equipment is retired.', [{ path: 'reason', message: 'Required when retiring' }]);
    this.check(next, false, current);
    this.write(() => {
      this.assertSerialFree(next, id);
      this.repo.update(id, next, isoNow(this.deps.clock));
      const changed = Object.keys(changes).filter((key) => JSON.stringify(changes[key as keyof EquipmentFieldsValue]) !== JSON.stringify(current[key as keyof EquipmentFieldsValue]));
      const why = reason.trim() ? `: ${reason.trim()}` : '';
      this.deps.audit.record({ operatorId: actor.id, action: next.status === 'retired' ? 'retire' : 'update', entity: 'equipment', entityId: id, summary: `Changed ${changed.join(', ') || 'nothing'}${why}`, summaryCode: next.status === 'retired' ? 'equipment.retired' : 'equipment.updated', summaryParams: { fields: changed, reason: reason.trim() }, before: current, after: next });
    });
    return this.mustGet(id);
  }

  /** Seam for the chain work: record the Uniques item as registration progresses (audited). */
  recordChainItem(id: number, update: ChainItemUpdate): Equipment {
    this.mustGet(id);
    this.write(() => {
      this.repo.setChainItem(id, update);
      this.deps.audit.record({ operatorId: null, action: 'chain', entity: 'equipment', entityId: id, summary: `Chain registration: ${update.state}`, summaryCode: 'equipment.chain', summaryParams: { state: update.state }, after: update });
    });
    return this.mustGet(id);
  }

  mustGet(id: number): Equipment {
    const found = this.repo.byId(id);
    if (!found) throw notFound('Equipment', id);
    return found;
  }

  private check(fields: EquipmentFieldsValue, creating: boolean, current?: EquipmentFieldsValue): void {
    const issues = equipmentProblems(fields);
    const member = this.deps.db.prepare('SELECT id, active FROM members WHERE id = ?');
    const checkMember = (path: string, memberId: number | null) => {
      if (memberId === null) return;
      const row = member.get(memberId) as { active: number } | undefined;
      if (!row) issues.push({ path, message: `Member ${memberId} does not exist` });
      // Only newly named members must be active; history keeps whoever it had.
      else if (row.active !== 1 && (creating || current?.[path as 'ownerMemberId' | 'hostMemberId'] !== memberId)) issues.push({ path, message: `Member ${memberId} is deactivated` });
    };
    checkMember('ownerMemberId', fields.ownerMemberId);
    checkMember('hostMemberId', fields.hostMemberId);
    if (!this.deps.db.prepare('SELECT 1 FROM sites WHERE id = ?').get(fields.siteId)) issues.push({ path: 'siteId', message: `Site ${fields.siteId} does not exist` });
    if (issues.length > 0) throw new CoreError('VALIDATION', `The equipment is not valid — ${issues[0]?.path}: ${issues[0]?.message}`, issues);
  }

  private assertSerialFree(fields: EquipmentFieldsValue, exceptId: number | null): void {
    if (!fields.serial) return;
    const clash = this.repo.bySerial(fields.make, fields.serial);
    if (clash && clash.id !== exceptId) throw refusal('CONFLICT', 'serialTaken', `${fields.make || 'Equipment'} with serial ${fields.serial} is already registered (equipment ${clash.id}).`, { serial: fields.serial }, [ruleIssue('serial', 'alreadyUsed', 'Already registered')]);
  }

  private write<T>(work: () => T): T {
    return this.deps.db.transaction(work).immediate();
  }
}

export function editable(e: Equipment): EditableFields {
  const { id: _i, ownerName: _o, hostName: _h, siteName: _s, chain: _c, createdAt: _ca, updatedAt: _u, ...rest } = e;
  return rest;
}

export const describeEquipment = (f: Pick<EquipmentFieldsValue, 'kind' | 'ratedPowerW' | 'make' | 'model'>): string =>
  `${f.kind} ${f.ratedPowerW} W${f.make ? ` ${f.make}` : ''}${f.model ? ` ${f.model}` : ''}`;
