// Tariff use cases: plans per site, versions that never rewrite the past, and the editor's preview.
// Every write runs in one transaction with its audit row.
import type { Database } from 'better-sqlite3';
import type { OperatorPublic } from '../../contract/session.js';
import type { TariffDefinitionValue, TariffPlan, TariffPlanDetail, TariffPreview, TariffVersion } from '../../contract/tariffs.js';
import { CoreError, refusal, notFound } from '../api/core-error.js';
import { ruleIssue } from '../../contract/issues.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { hourlyPrices, sampleMonthBill } from './preview.js';
import { RatingInputError } from './rating.js';
import { TariffsRepo, type PlanRow, type VersionRow } from './tariffs-repo.js';
import { normalizeInstant, startRefusal, validUntil, versionInForce, versionState } from './tariff-versions.js';

export interface TariffsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRepo;
  /** The cooperative's time zone (windows and months are local). */
  readonly timeZone: () => string;
  /** Seam for the settlement work: periods up to this instant are settled (null: none yet). */
  readonly settledUntil?: (siteId: number) => string | null;
}

export class TariffsService {
  readonly repo: TariffsRepo;

  constructor(private readonly deps: TariffsDeps) {
    this.repo = new TariffsRepo(deps.db);
  }

  listPlans(siteId: number | null): TariffPlan[] {
    return this.repo.plans(siteId).map((plan) => this.toPlan(plan, this.repo.versions(plan.id)));
  }

  getPlan(id: number): TariffPlanDetail {
    const plan = this.mustPlan(id);
    const versions = this.repo.versions(id);
    return { plan: this.toPlan(plan, versions), versions: versions.map((v) => this.toVersion(v, versions)) };
  }

  createPlan(actor: OperatorPublic, fields: { siteId: number; name: string; description: string }): TariffPlan {
    if (!this.deps.db.prepare('SELECT 1 FROM sites WHERE id = ?').get(fields.siteId)) throw refusal('NOT_FOUND', 'notFound', `Site ${fields.siteId} does not exist.`, {}, [ruleIssue('siteId', 'unknownSite', 'Unknown site')]);
    if (this.repo.planByName(fields.siteId, fields.name)) throw refusal('CONFLICT', 'planNameTaken', `This site already has a tariff plan named "${fields.name}".`, { name: fields.name }, [ruleIssue('name', 'alreadyUsed', 'Already used')]);
    const id = this.write(() => {
      const newId = this.repo.insertPlan({ ...fields, createdAt: this.now() });
      this.deps.audit.record({ operatorId: actor.id, action: 'create', entity: 'tariff_plan', entityId: newId, summary: `Tariff plan ${fields.name} created`, summaryCode: 'tariff.planCreated', summaryParams: { name: fields.name }, after: fields });
      return newId;
    });
    return this.toPlan(this.mustPlan(id), []);
  }

  createVersion(
    actor: OperatorPublic,
    input: { planId: number; validFrom: string; definition: TariffDefinitionValue; notes: string; allowPast: boolean; reason: string },
  ): TariffVersion {
    const plan = this.mustPlan(input.planId);
    const validFrom = normalizeInstant(input.validFrom);
    if (input.allowPast && !input.reason.trim()) throw new CoreError('VALIDATION', 'Say why this version must start in the past.', [{ path: 'reason', message: 'Required with allowPast' }]);
    const id = this.write(() => {
      this.assertStart(plan, validFrom, input.allowPast);
      const newId = this.repo.insertVersion({ planId: plan.id, validFrom, definition: input.definition, notes: input.notes, createdAt: this.now(), createdBy: actor.id });
      const past = validFrom < this.now() ? ` (past start allowed: ${input.reason})` : '';
      this.deps.audit.record({ operatorId: actor.id, action: 'create', entity: 'tariff_version', entityId: newId, summary: `Tariff ${plan.name}: new version from ${validFrom}${past}`, summaryCode: 'tariff.versionCreated', summaryParams: { name: plan.name, validFrom }, after: { validFrom, definition: input.definition, notes: input.notes } });
      return newId;
    });
    return this.versionById(id);
  }

  updateVersion(actor: OperatorPublic, input: { id: number; validFrom?: string; definition?: TariffDefinitionValue; notes?: string }): TariffVersion {
    const before = this.mustVersion(input.id);
    const plan = this.mustPlan(before.planId);
    const next = {
      validFrom: input.validFrom === undefined ? before.validFrom : normalizeInstant(input.validFrom),
      definition: input.definition ?? before.definition,
      notes: input.notes ?? before.notes,
    };
    this.write(() => {
      this.assertScheduled(before, 'changed');
      this.assertStart(plan, next.validFrom, false, before.id);
      this.repo.updateVersion(before.id, next);
      this.deps.audit.record({ operatorId: actor.id, action: 'update', entity: 'tariff_version', entityId: before.id, summary: `Tariff ${plan.name}: scheduled version ${before.version} changed`, summaryCode: 'tariff.versionChanged', summaryParams: { name: plan.name, version: before.version }, before, after: next });
    });
    return this.versionById(before.id);
  }

  withdrawVersion(actor: OperatorPublic, id: number, reason: string): { withdrawn: true } {
    const version = this.mustVersion(id);
    const plan = this.mustPlan(version.planId);
    this.write(() => {
      this.assertScheduled(version, 'withdrawn');
      this.repo.deleteVersion(id);
      this.deps.audit.record({ operatorId: actor.id, action: 'withdraw', entity: 'tariff_version', entityId: id, summary: `Tariff ${plan.name}: scheduled version ${version.version} withdrawn: ${reason}`, summaryCode: 'tariff.versionWithdrawn', summaryParams: { name: plan.name, version: version.version, reason }, before: version });
    });
    return { withdrawn: true };
  }

  inForce(planId: number, at: string): TariffVersion | null {
    this.mustPlan(planId);
    const versions = this.repo.versions(planId);
    const found = versionInForce(versions, normalizeInstant(at));
    return found ? this.toVersion(found, versions) : null;
  }

  preview(input: { source: { versionId: number } | { definition: TariffDefinitionValue }; span: 'day' | 'week'; sample: { month: string; hourlyWh: number[] } | null }): TariffPreview {
    const definition = 'versionId' in input.source ? this.mustVersion(input.source.versionId).definition : input.source.definition;
    try {
      const sampleBill = input.sample ? sampleMonthBill(definition, this.deps.timeZone(), input.sample.month, input.sample.hourlyWh) : null;
      return { hours: hourlyPrices(definition, input.span), sampleBill };
    } catch (error) {
      if (error instanceof RatingInputError || error instanceof RangeError) throw new CoreError('VALIDATION', error.message);
      throw error;
    }
  }

  private assertStart(plan: PlanRow, validFrom: string, allowPast: boolean, ignoreId?: number): void {
    const refusal = startRefusal({
      validFrom,
      now: this.now(),
      settledUntil: this.deps.settledUntil?.(plan.siteId) ?? null,
      allowPast,
      existing: this.repo.versions(plan.id),
      ...(ignoreId === undefined ? {} : { ignoreId }),
    });
    if (refusal) throw new CoreError('CONFLICT', refusal, [{ path: 'validFrom', message: refusal }]);
  }

  private assertScheduled(version: VersionRow, what: string): void {
    if (version.validFrom <= this.now()) {
      throw refusal('CONFLICT', 'versionInForce', `Version ${version.version} has been in force since ${version.validFrom}; it can never be ${what}. Add a new version from a future date instead.`, { version: version.version, validFrom: version.validFrom });
    }
  }

  private toPlan(plan: PlanRow, versions: readonly VersionRow[]): TariffPlan {
    return { ...plan, versionCount: versions.length, inForceVersionId: versionInForce(versions, this.now())?.id ?? null };
  }

  private toVersion(v: VersionRow, all: readonly VersionRow[]): TariffVersion {
    return { ...v, validUntil: validUntil(all, v), state: versionState(all, v, this.now()) };
  }

  private versionById(id: number): TariffVersion {
    const v = this.mustVersion(id);
    return this.toVersion(v, this.repo.versions(v.planId));
  }

  private mustPlan(id: number): PlanRow {
    const plan = this.repo.plan(id);
    if (!plan) throw notFound('Tariff plan', id);
    return plan;
  }

  private mustVersion(id: number): VersionRow {
    const v = this.repo.version(id);
    if (!v) throw notFound('Tariff version', id);
    return v;
  }

  private now(): string {
    return isoNow(this.deps.clock);
  }

  private write<T>(work: () => T): T {
    return this.deps.db.transaction(work).immediate();
  }
}
