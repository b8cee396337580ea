// Settlement use cases: run a draft (idempotent), approve, reopen, post (journal entries + status in
// ONE transaction, then the injected mirror hook in the same transaction), and the read models.
// Late readings of posted periods become adjustment lines of the next period run (adjustments.ts).
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { OperatorPublic } from '../../contract/session.js';
import type { SettlementPeriod, SettlementProgress } from '../../contract/settlements.js';
import { CoreError, notFound } from '../api/core-error.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import { postEntries } from '../journal/index.js';
import { localParts } from '../tariffs/local-time.js';
import { adjustmentTransfers } from './adjustments.js';
import { journalEntries } from './posting.js';
import { resultOf, settle } from './settle.js';
import { agreementsOfPeriod, flowsOfPeriod, leasedEquipmentSlots, periodSlots, tariffVersionsOf } from './settlement-inputs.js';
import { SettlementRepo, type PeriodRow } from './settlement-repo.js';
import { toStored, transfersOf } from './stored-lines.js';
import { SettlementInputError, type SettlementInput, type Transfer } from './types.js';

export interface SettlementDeps {
  readonly db: Database;
  readonly audit: AuditRepo;
  readonly now: () => Date;
  readonly progress?: (p: SettlementProgress) => void;
  /** Called inside the posting transaction (the chain mirror's outbox rows; wired at merge). */
  readonly onPosted?: (db: Database, periodId: number) => void;
}

interface Prepared {
  readonly input: SettlementInput;
  readonly flowsHash: string;
  readonly inputHash: string;
  readonly transfers: Transfer[];
  readonly currency: string;
  readonly planId: number;
  readonly firstIso: string;
  readonly endIso: string;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class SettlementService {
  readonly repo: SettlementRepo;
  constructor(private readonly deps: SettlementDeps) {
    this.repo = new SettlementRepo(deps.db);
  }

  private get db(): Database {
    return this.deps.db;
  }
  private coop(): { currency: string; timeZone: string } {
    const row = this.db.prepare(`SELECT currency, timezone FROM cooperative WHERE id = 1`).get() as { currency: string; timezone: string } | undefined;
    if (!row) throw new CoreError('CONFLICT', 'Set up the cooperative (its currency and time zone) before settling.');
    return { currency: row.currency, timeZone: row.timezone };
  }

  /** Computes the draft of a site-period; the same inputs leave the stored draft untouched. */
  async run(actor: OperatorPublic, siteId: number, from: string, to: string): Promise<SettlementPeriod> {
    const site = this.db.prepare(`SELECT id, name FROM sites WHERE id = ?`).get(siteId) as { id: number; name: string } | undefined;
    if (!site) throw new CoreError('NOT_FOUND', `Site ${siteId} does not exist.`, [{ path: 'siteId', message: 'Unknown site' }]);
    const { timeZone } = this.coop();
    const today = localParts(this.deps.now().getTime(), timeZone).date;
    if (to < from) throw new CoreError('VALIDATION', `The period ends (${to}) before it starts (${from}).`, [{ path: 'to', message: 'Before the start' }]);
    if (to >= today) throw new CoreError('VALIDATION', `A period is settled once it has ended: its last day (${to}) must be before today (${today}).`, [{ path: 'to', message: 'Not ended yet' }]);
    const existing = this.repo.overlapping(siteId, from, to);
    const same = existing.find((p) => p.period_from === from);
    const clash = existing.find((p) => p !== same || p.status !== 'draft');
    if (same && same.status === 'approved') throw new CoreError('CONFLICT', `The settlement ${same.period_from} – ${same.period_to} is approved: reopen it before running it again.`);
    if (clash) throw new CoreError('CONFLICT', `This period overlaps the ${clash.status} settlement ${clash.period_from} – ${clash.period_to} of ${site.name}: pick days after it.`, [{ path: 'from', message: 'Overlaps another period' }]);
    const unposted = this.repo.earlier(siteId, from).find((p) => p.status !== 'posted');
    if (unposted) throw new CoreError('CONFLICT', `Post the settlement ${unposted.period_from} – ${unposted.period_to} first: periods are settled in order.`);

    const emit = (step: SettlementProgress['step'], done: number, total: number) => this.deps.progress?.({ siteId, from, to, step, done, total });
    emit('reading', 0, 3);
    await yieldToLoop();
    const prepared = this.prepare(siteId, from, to, timeZone);
    emit('computing', 1, 3);
    await yieldToLoop();
    if (same && same.input_hash === prepared.inputHash) {
      emit('done', 3, 3);
      return this.view(same.id);
    }
    const lines = resultOf(prepared.transfers).lines.map(toStored);
    emit('writing', 2, 3);
    await yieldToLoop();
    const id = this.db.transaction(() => {
      // Re-checked inside the transaction: another run may have approved or created it meanwhile.
      const current = this.repo.overlapping(siteId, from, to);
      if (current.some((p) => p.status !== 'draft' || p.period_from !== from)) throw new CoreError('CONFLICT', 'Another settlement of these days was approved or created meanwhile: reload and try again.');
      const periodId = this.repo.saveDraft(same?.id ?? null, { siteId, from, to, firstInterval: prepared.firstIso, endInterval: prepared.endIso, currency: prepared.currency, tariffPlanId: prepared.planId, inputHash: prepared.inputHash, flowsHash: prepared.flowsHash, computedAt: this.deps.now().toISOString(), computedBy: actor.id }, lines);
      this.deps.audit.record({ operatorId: actor.id, action: same ? 'recompute' : 'create', entity: 'settlement', entityId: periodId, summary: `Settlement ${site.name} ${from} – ${to} computed (draft, ${lines.length} lines)`, summaryCode: 'settlement.computed', summaryParams: { site: site.name, from, to, lines: lines.length } });
      return periodId;
    })();
    emit('done', 3, 3);
    return this.view(id);
  }

  /** Everything the core needs, the transfers (with adjustments for posted periods whose flows changed) and the hashes. */
  private prepare(siteId: number, from: string, to: string, timeZone: string, settleThisPeriod = true): Prepared {
    const { currency } = this.coop();
    const plan = this.db.prepare(`SELECT id, name FROM tariff_plans WHERE site_id = ? ORDER BY id LIMIT 1`).get(siteId) as { id: number; name: string } | undefined;
    if (!plan) throw new CoreError('VALIDATION', 'This site has no tariff plan: create one (Tariffs) before settling.');
    const { input: loaded, flowsHash } = this.loadInput(siteId, from, to, timeZone, plan.id);
    const input: SettlementInput = { ...loaded, siteTariffName: plan.name };
    let transfers: Transfer[];
    try {
      transfers = settleThisPeriod ? [...settle(input).transfers] : [];
      for (const posted of this.repo.earlier(siteId, from)) {
        const again = this.loadInput(siteId, posted.period_from, posted.period_to, timeZone, plan.id);
        if (again.flowsHash === posted.flows_hash) continue;
        const recomputed = settle(again.input).transfers;
        transfers.push(...adjustmentTransfers({ id: posted.id, from: posted.period_from, to: posted.period_to, lines: this.repo.lines(posted.id), adjustments: this.repo.postedAdjustmentsFor(posted.id) }, recomputed));
      }
    } catch (error) {
      if (error instanceof SettlementInputError) throw new CoreError('VALIDATION', error.message);
      throw error;
    }
    const inputHash = createHash('sha256')
      .update(JSON.stringify({ flowsHash, to, currency, plan: plan.id, tariffs: input.tariffVersions, agreements: input.agreements, members: input.memberIds, transfers: transfers.filter((t) => t.code === 'adjustment') }))
      .digest('hex');
    return { input, flowsHash, inputHash, transfers, currency, planId: plan.id, firstIso: new Date(input.firstSlotMs).toISOString(), endIso: new Date(input.firstSlotMs + input.slotCount * 900_000).toISOString() };
  }

  private loadInput(siteId: number, from: string, to: string, timeZone: string, planId: number): { input: SettlementInput; flowsHash: string } {
    const { firstSlotMs, endMs, slotCount } = periodSlots(from, to, timeZone);
    const firstIso = new Date(firstSlotMs).toISOString();
    const endIso = new Date(endMs).toISOString();
    const agreements = agreementsOfPeriod(this.db, siteId, firstIso, endIso, from);
    const hosts = new Set(agreements.flatMap((a) => (a.terms.kind === 'p2p_sale' ? [] : [a.terms.hostMemberId])));
    const { flows, hostSeries, p2p, flowsHash } = flowsOfPeriod(this.db, siteId, firstSlotMs, slotCount, hosts);
    const planIds = [planId, ...agreements.flatMap((a) => (a.terms.kind === 'p2p_sale' && a.terms.priceRule.mode === 'tariff' ? [a.terms.priceRule.tariffPlanId] : []))];
    const members = this.db.prepare(`SELECT id FROM members WHERE site_id = ? AND active = 1 AND joined_on <= ?`).pluck().all(siteId, to) as number[];
    const memberIds = [...new Set([...members, ...flows.map((f) => f.memberId)])].sort((a, b) => a - b);
    const input: SettlementInput = { from, to, timeZone, firstSlotMs, slotCount, siteTariffPlanId: planId, tariffVersions: tariffVersionsOf(this.db, [...new Set(planIds)]), memberIds, flows, agreements, leased: leasedEquipmentSlots(this.db, agreements, hostSeries, slotCount), p2p };
    return { input, flowsHash };
  }

  approve(actor: OperatorPublic, id: number): SettlementPeriod {
    const period = this.must(id);
    this.db.transaction(() => {
      if (!this.repo.setStatus(id, 'draft', 'approved', this.deps.now().toISOString(), actor.id)) throw new CoreError('CONFLICT', `Only a draft can be approved; this settlement is ${period.status}.`);
      this.deps.audit.record({ operatorId: actor.id, action: 'approve', entity: 'settlement', entityId: id, summary: `Settlement ${period.site_name} ${period.period_from} – ${period.period_to} approved`, summaryCode: 'settlement.approved', summaryParams: { site: period.site_name, from: period.period_from, to: period.period_to } });
    })();
    return this.view(id);
  }

  reopen(actor: OperatorPublic, id: number, reason: string): SettlementPeriod {
    const period = this.must(id);
    this.db.transaction(() => {
      if (!this.repo.setStatus(id, 'approved', 'draft', this.deps.now().toISOString(), actor.id)) throw new CoreError('CONFLICT', period.status === 'posted' ? 'A posted settlement is never reopened: late changes go into the next period as adjustments.' : 'Only an approved settlement can be reopened.');
      this.deps.audit.record({ operatorId: actor.id, action: 'reopen', entity: 'settlement', entityId: id, summary: `Settlement ${period.site_name} ${period.period_from} – ${period.period_to} reopened: ${reason}`, summaryCode: 'settlement.reopened', summaryParams: { site: period.site_name, from: period.period_from, to: period.period_to, reason } });
    })();
    return this.view(id);
  }

  /** Journal entries, status and the mirror hook in one transaction; the inputs must be those of the draft. */
  post(actor: OperatorPublic, id: number): SettlementPeriod {
    const period = this.must(id);
    if (period.status !== 'approved') throw new CoreError('CONFLICT', period.status === 'posted' ? 'This settlement is already posted.' : 'Approve the settlement before posting it.');
    const { timeZone } = this.coop();
    // Only the inputs are checked (their hash does not include this period's own lines): the
    // lines posted are the approved draft's, so the period is not settled a second time here.
    const fresh = this.prepare(period.site_id, period.period_from, period.period_to, timeZone, false);
    if (fresh.inputHash !== period.input_hash) throw new CoreError('CONFLICT', 'Readings, tariffs or agreements changed since this draft was computed: reopen it, run it again, and approve the new figures.');
    this.db.transaction(() => {
      const transfers = transfersOf(this.repo.lines(id));
      if (transfers.length > 0) postEntries(this.db, journalEntries(id, period.period_to, period.site_name, transfers, actor.id));
      if (!this.repo.setStatus(id, 'approved', 'posted', this.deps.now().toISOString(), actor.id)) throw new CoreError('CONFLICT', 'This settlement changed meanwhile: reload it.');
      this.deps.audit.record({ operatorId: actor.id, action: 'post', entity: 'settlement', entityId: id, summary: `Settlement ${period.site_name} ${period.period_from} – ${period.period_to} posted (${transfers.length} journal entries)`, summaryCode: 'settlement.posted', summaryParams: { site: period.site_name, from: period.period_from, to: period.period_to, entries: transfers.length } });
      this.deps.onPosted?.(this.db, id);
    })();
    return this.view(id);
  }

  must(id: number): PeriodRow {
    const row = this.repo.period(id);
    if (!row) throw notFound('Settlement', id);
    return row;
  }

  view(id: number): SettlementPeriod {
    const r = this.must(id);
    return {
      id: r.id, siteId: r.site_id, siteName: r.site_name, from: r.period_from, to: r.period_to, status: r.status, currency: r.currency, tariffPlanId: r.tariff_plan_id,
      lineCount: r.line_count, chargedMinor: r.charged_minor, creditedMinor: r.credited_minor, memberCount: r.member_count,
      computedAt: r.computed_at, computedBy: r.computed_by, approvedAt: r.approved_at, approvedBy: r.approved_by, postedAt: r.posted_at, postedBy: r.posted_by,
      flowsChanged: this.flowsChanged(r), journalEntryIds: this.repo.journalEntryIds(id),
    };
  }

  private flowsChanged(r: PeriodRow): boolean {
    const { timeZone } = this.coop();
    const { firstSlotMs, slotCount } = periodSlots(r.period_from, r.period_to, timeZone);
    return flowsOfPeriod(this.db, r.site_id, firstSlotMs, slotCount, new Set()).flowsHash !== r.flows_hash;
  }

  list(siteId: number | null): SettlementPeriod[] {
    return this.repo.periods(siteId).map((r) => this.view(r.id));
  }
}
