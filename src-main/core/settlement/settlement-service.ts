// Settlement use cases: run a draft (idempotent), approve, reopen, post (journal entries + status in
// ONE transaction, then the injected mirror hook in the same transaction), and the read models.
// Late readings of posted periods become adjustment lines of the next period run (adjustments.ts).
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { OperatorPublic } from '../../contract/session.js';
import type { SettlementPeriod, SettlementProgress, SettlementStatus } from '../../contract/settlements.js';
import { CoreError, notFound } from '../api/core-error.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import { postEntries } from '../journal/index.js';
import { localParts } from '../tariffs/local-time.js';
import { adjustmentTransfers } from './adjustments.js';
import { journalEntries } from './posting.js';
import { resultOf, settle } from './settle.js';
import { agreementsOfPeriod, equipmentAtHosts, equipmentRows, flowsFingerprint, flowsOfPeriod, leasedEquipmentSlots, memberIdsOfPeriod, periodSlots, tariffVersionsOf, type EquipmentRow } from './settlement-inputs.js';
import { settlementRefusal } from './settlement-refusal.js';
import { SettlementRepo, type PeriodRow } from './settlement-repo.js';
import { toStored, transfersOf } from './stored-lines.js';
import { SettlementInputError, type SettlementAgreement, type SettlementInput, type TariffVersionInput, type Transfer } from './types.js';

export interface SettlementDeps {
  readonly db: Database;
  readonly audit: AuditRepo;
  readonly now: () => Date;
  readonly progress?: (p: SettlementProgress) => void;
  /** Called inside the posting transaction (the chain mirror's outbox rows; wired at merge). */
  readonly onPosted?: (db: Database, periodId: number) => void;
}

/**
 * What the input hash of a site-period covers, read without decoding a member-day: the flows'
 * fingerprint, the tariff versions, the agreements (with instalments already charged), the members,
 * the equipment leased energy is split over. Reading them is cheap, so posting and every view can
 * check them; the flows themselves are decoded only to compute a draft.
 */
interface PeriodInputs {
  readonly siteId: number;
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly currency: string;
  readonly plan: { readonly id: number; readonly name: string };
  readonly firstSlotMs: number;
  readonly slotCount: number;
  readonly agreements: SettlementAgreement[];
  readonly tariffVersions: TariffVersionInput[];
  readonly memberIds: number[];
  readonly equipment: EquipmentRow[];
  readonly flowsHash: string;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The core's refusals of inputs it cannot settle, with the reason the console says them from. */
function inputRefusal(error: SettlementInputError): CoreError {
  return error.code === 'NO_TARIFF'
    ? settlementRefusal('VALIDATION', 'settlement_no_tariff_version', error.message, { plan: error.params['plan'] ?? '', date: error.params['date'] ?? '' })
    : settlementRefusal('VALIDATION', 'settlement_flows_inconsistent', `${error.message} Recompute the period's energy flows, then settle again.`, {});
}
function settling<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof SettlementInputError) throw inputRefusal(error);
    throw error;
  }
}

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
    if (!row) throw settlementRefusal('CONFLICT', 'settlement_no_cooperative', 'Set up the cooperative (its currency and time zone) before settling.', {});
    return { currency: row.currency, timeZone: row.timezone };
  }

  /** Computes the draft of a site-period; the same inputs leave the stored draft untouched. */
  async run(actor: OperatorPublic, siteId: number, from: string, to: string): Promise<SettlementPeriod> {
    const site = this.db.prepare(`SELECT id, name FROM sites WHERE id = ?`).get(siteId) as { id: number; name: string } | undefined;
    if (!site) throw new CoreError('NOT_FOUND', `Site ${siteId} does not exist.`, [{ path: 'siteId', message: 'Unknown site' }], { reason: 'notFound', params: {} });
    const { timeZone, currency } = this.coop();
    const today = localParts(this.deps.now().getTime(), timeZone).date;
    if (to < from) throw settlementRefusal('VALIDATION', 'settlement_period_reversed', `The period ends (${to}) before it starts (${from}).`, { from, to }, [{ path: 'to', message: 'Before the start' }]);
    if (to >= today) throw settlementRefusal('VALIDATION', 'settlement_period_not_ended', `A period is settled once it has ended: its last day (${to}) must be before today (${today}).`, { to, today }, [{ path: 'to', message: 'Not ended yet' }]);
    const existing = this.repo.overlapping(siteId, from, to);
    const same = existing.find((p) => p.period_from === from);
    const clash = existing.find((p) => p !== same || p.status !== 'draft');
    if (same && same.status === 'approved') throw settlementRefusal('CONFLICT', 'settlement_approved_rerun', `The settlement ${same.period_from} – ${same.period_to} is approved: reopen it before running it again.`, { from: same.period_from, to: same.period_to });
    if (clash) throw settlementRefusal('CONFLICT', 'settlement_overlaps', `This period overlaps the ${clash.status} settlement ${clash.period_from} – ${clash.period_to} of ${site.name}: pick days after it.`, { from: clash.period_from, to: clash.period_to, site: site.name }, [{ path: 'from', message: 'Overlaps another period' }]);
    const earlier = this.repo.earlier(siteId, from);
    const unposted = earlier.find((p) => p.status !== 'posted');
    if (unposted) throw settlementRefusal('CONFLICT', 'settlement_earlier_unposted', `Post the settlement ${unposted.period_from} – ${unposted.period_to} first: periods are settled in order.`, { from: unposted.period_from, to: unposted.period_to });
    const otherCurrency = earlier.find((p) => p.currency !== currency);
    if (otherCurrency) throw mixedCurrencies(currency, otherCurrency);

    const emit = (step: SettlementProgress['step'], done: number, total: number) => this.deps.progress?.({ siteId, from, to, step, done, total });
    emit('reading', 0, 3);
    await yieldToLoop();
    const inputs = this.inputsOf(siteId, site.name, from, to);
    const adjustments = settling(() => this.adjustments(siteId, from, site.name));
    const inputHash = inputHashOf(inputs, adjustments);
    if (same && same.input_hash === inputHash) {
      emit('done', 3, 3);
      return this.view(same.id);
    }
    const input = this.settlementInput(inputs);
    emit('computing', 1, 3);
    await yieldToLoop();
    const transfers = settling(() => [...settle(input).transfers, ...adjustments]);
    const lines = resultOf(transfers).lines.map(toStored);
    emit('writing', 2, 3);
    await yieldToLoop();
    const id = this.db.transaction(() => {
      // Re-checked inside the transaction: another run may have approved or created it meanwhile.
      const current = this.repo.overlapping(siteId, from, to);
      if (current.some((p) => p.status !== 'draft' || p.period_from !== from)) throw settlementRefusal('CONFLICT', 'settlement_changed_meanwhile', 'Another settlement of these days was approved or created meanwhile: reload and try again.', {});
      const periodId = this.repo.saveDraft(same?.id ?? null, { siteId, from, to, firstInterval: new Date(inputs.firstSlotMs).toISOString(), endInterval: new Date(inputs.firstSlotMs + inputs.slotCount * 900_000).toISOString(), currency, tariffPlanId: inputs.plan.id, inputHash, flowsHash: inputs.flowsHash, computedAt: this.deps.now().toISOString(), computedBy: actor.id }, lines);
      this.deps.audit.record({ operatorId: actor.id, action: same ? 'recompute' : 'create', entity: 'settlement', entityId: periodId, summary: `Settlement ${site.name} ${from} – ${to} computed (draft, ${lines.length} lines)`, summaryCode: 'settlement.computed', summaryParams: { site: site.name, from, to, lines: lines.length } });
      return periodId;
    })();
    emit('done', 3, 3);
    return this.view(id);
  }

  /** The hashed inputs of a site-period (no member-day decoded). */
  private inputsOf(siteId: number, siteName: string, from: string, to: string): PeriodInputs {
    const { currency, timeZone } = this.coop();
    const plan = this.db.prepare(`SELECT id, name FROM tariff_plans WHERE site_id = ? ORDER BY id LIMIT 1`).get(siteId) as { id: number; name: string } | undefined;
    if (!plan) throw settlementRefusal('VALIDATION', 'settlement_no_tariff_plan', `The site ${siteName} has no tariff plan: create one (Tariffs) before settling.`, { site: siteName });
    const { firstSlotMs, endMs, slotCount } = periodSlots(from, to, timeZone);
    const agreements = agreementsOfPeriod(this.db, siteId, new Date(firstSlotMs).toISOString(), new Date(endMs).toISOString(), from);
    const planIds = [plan.id, ...agreements.flatMap((a) => (a.terms.kind === 'p2p_sale' && a.terms.priceRule.mode === 'tariff' ? [a.terms.priceRule.tariffPlanId] : []))];
    return {
      siteId, from, to, timeZone, currency, plan, firstSlotMs, slotCount, agreements,
      tariffVersions: tariffVersionsOf(this.db, [...new Set(planIds)]),
      memberIds: memberIdsOfPeriod(this.db, siteId, to, firstSlotMs, slotCount),
      equipment: equipmentAtHosts(equipmentRows(this.db), agreements),
      flowsHash: flowsFingerprint(this.db, siteId, firstSlotMs, slotCount),
    };
  }

  /** The pure core's input: the hashed inputs and the period's decoded flows. */
  private settlementInput(p: PeriodInputs): SettlementInput {
    const hosts = new Set(p.agreements.flatMap((a) => (a.terms.kind === 'p2p_sale' ? [] : [a.terms.hostMemberId])));
    const { flows, hostSeries, p2p } = flowsOfPeriod(this.db, p.siteId, p.firstSlotMs, p.slotCount, hosts);
    return {
      from: p.from, to: p.to, timeZone: p.timeZone, firstSlotMs: p.firstSlotMs, slotCount: p.slotCount, siteTariffPlanId: p.plan.id, siteTariffName: p.plan.name,
      tariffVersions: p.tariffVersions, memberIds: p.memberIds, flows, agreements: p.agreements, leased: leasedEquipmentSlots(this.db, p.agreements, hostSeries, p.slotCount, p.equipment), p2p,
    };
  }

  /** Adjustment transfers for the posted periods before `from` whose flows changed since (only those are settled again). */
  private adjustments(siteId: number, from: string, siteName: string): Transfer[] {
    const transfers: Transfer[] = [];
    for (const posted of this.repo.earlier(siteId, from)) {
      if (posted.status !== 'posted') continue;
      const again = this.inputsOf(siteId, siteName, posted.period_from, posted.period_to);
      if (again.flowsHash === posted.flows_hash) continue;
      const recomputed = settle(this.settlementInput(again)).transfers;
      transfers.push(...adjustmentTransfers({ id: posted.id, from: posted.period_from, to: posted.period_to, lines: this.repo.lines(posted.id), adjustments: this.repo.postedAdjustmentsFor(posted.id) }, recomputed));
    }
    return transfers;
  }

  approve(actor: OperatorPublic, id: number): SettlementPeriod {
    const period = this.must(id);
    this.db.transaction(() => {
      if (!this.repo.setStatus(id, 'draft', 'approved', this.deps.now().toISOString(), actor.id)) throw statusRefusal(this.must(id).status, 'approve');
      this.deps.audit.record({ operatorId: actor.id, action: 'approve', entity: 'settlement', entityId: id, summary: `Settlement ${period.site_name} ${period.period_from} – ${period.period_to} approved`, summaryCode: 'settlement.approved', summaryParams: { site: period.site_name, from: period.period_from, to: period.period_to } });
    })();
    return this.view(id);
  }

  reopen(actor: OperatorPublic, id: number, reason: string): SettlementPeriod {
    const period = this.must(id);
    this.db.transaction(() => {
      if (!this.repo.setStatus(id, 'approved', 'draft', this.deps.now().toISOString(), actor.id)) throw statusRefusal(this.must(id).status, 'reopen');
      this.deps.audit.record({ operatorId: actor.id, action: 'reopen', entity: 'settlement', entityId: id, summary: `Settlement ${period.site_name} ${period.period_from} – ${period.period_to} reopened: ${reason}`, summaryCode: 'settlement.reopened', summaryParams: { site: period.site_name, from: period.period_from, to: period.period_to, reason } });
    })();
    return this.view(id);
  }

  /** Journal entries, status and the mirror hook in one transaction; the inputs must be those of the draft. */
  post(actor: OperatorPublic, id: number): SettlementPeriod {
    const period = this.must(id);
    if (period.status !== 'approved') throw statusRefusal(period.status, 'post');
    const { currency } = this.coop();
    if (period.currency !== currency) throw mixedCurrencies(currency, period);
    // Only the inputs are checked, by their hash (cheap: no member-day decoded, see PeriodInputs);
    // the lines posted are the approved draft's, so the period is not settled a second time here.
    const inputs = this.inputsOf(period.site_id, period.site_name, period.period_from, period.period_to);
    const adjustments = settling(() => this.adjustments(period.site_id, period.period_from, period.site_name));
    if (inputHashOf(inputs, adjustments) !== period.input_hash) throw settlementRefusal('CONFLICT', 'settlement_inputs_changed', 'Readings, tariffs or agreements changed since this draft was computed: reopen it, run it again, and approve the new figures.', {});
    this.db.transaction(() => {
      const transfers = transfersOf(this.repo.lines(id));
      if (transfers.length > 0) postEntries(this.db, journalEntries(id, period.period_to, period.site_name, transfers, actor.id));
      if (!this.repo.setStatus(id, 'approved', 'posted', this.deps.now().toISOString(), actor.id)) throw settlementRefusal('CONFLICT', 'settlement_changed_meanwhile', 'This settlement changed meanwhile: reload it.', {});
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

  /** Compares the stored flows' fingerprint with the one the period was computed from (cheap: see flowsFingerprint). */
  private flowsChanged(r: PeriodRow): boolean {
    const firstSlotMs = Date.parse(r.first_interval);
    return flowsFingerprint(this.db, r.site_id, firstSlotMs, (Date.parse(r.end_interval) - firstSlotMs) / 900_000) !== r.flows_hash;
  }

  list(siteId: number | null): SettlementPeriod[] {
    return this.repo.periods(siteId).map((r) => this.view(r.id));
  }
}

/** sha256 of everything a draft is computed from, but the decoded flows (their fingerprint stands for them). */
function inputHashOf(p: PeriodInputs, adjustments: readonly Transfer[]): string {
  return createHash('sha256')
    .update(JSON.stringify({ flows: p.flowsHash, to: p.to, currency: p.currency, plan: p.plan.id, tariffs: p.tariffVersions, agreements: p.agreements, members: p.memberIds, equipment: p.equipment, adjustments }))
    .digest('hex');
}

function statusRefusal(status: SettlementStatus, step: 'approve' | 'reopen' | 'post'): CoreError {
  if (status === 'posted') {
    return step === 'reopen'
      ? settlementRefusal('CONFLICT', 'settlement_posted_never_reopened', 'A posted settlement is never reopened: late changes go into the next period as adjustments.', {})
      : settlementRefusal('CONFLICT', 'settlement_already_posted', 'This settlement is already posted.', {});
  }
  if (step === 'approve') return settlementRefusal('CONFLICT', 'settlement_already_approved', 'This settlement is already approved: post it, or reopen it to run it again.', {});
  if (step === 'reopen') return settlementRefusal('CONFLICT', 'settlement_reopen_not_approved', 'Only an approved settlement can be reopened; this one is a draft: run it again instead.', {});
  return settlementRefusal('CONFLICT', 'settlement_not_approved', 'Approve the settlement before posting it.', {});
}

function mixedCurrencies(currency: string, other: Pick<PeriodRow, 'currency' | 'period_from' | 'period_to'>): CoreError {
  return settlementRefusal('CONFLICT', 'settlement_mixed_currencies', `The settlement ${other.period_from} – ${other.period_to} is in ${other.currency} but the cooperative now keeps its accounts in ${currency}: a site's settlements are all in one currency. Set the cooperative's currency back to ${other.currency} (Settings).`, { currency, previous: other.currency, from: other.period_from, to: other.period_to });
}
