// The energy area's service: what the API handlers, the meter collector (w10-feed) and the demo
// generator call. Reads go to energy-views.ts; keys to allocation-keys.ts; recompute runs day by day
// (one transaction each) and yields between days so the console stays responsive.
import type { Database } from 'better-sqlite3';
import type { EnergyAuditReport, EnergyBucket, EnergyFlows, EnergyKpis, EnergyRefusal, EnergySeries, EnergySource, MemberEnergy, RecomputeErrorCode, RecomputeState, SourcePreference } from '../../contract/energy.js';
import type { OperatorPublic } from '../../contract/session.js';
import { CoreError, notFound } from '../api/core-error.js';
import type { EventBus } from '../api/event-bus.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import { AllocationKeys } from './allocation-keys.js';
import { parseKinds, preferenceRows } from './allocation-rules-repo.js';
import { auditSiteFlows } from './energy-audit.js';
import { memberEnergy, siteFlows, siteKpis, siteSeries } from './energy-views.js';
import { recomputeSite, type RecomputeResult } from './recompute.js';
import { SLOT_MS } from './site-inputs.js';

export interface EnergyServiceDeps {
  readonly db: Database;
  readonly audit: AuditRepo;
  readonly events: EventBus;
  readonly now: () => Date;
}

const DAY_MS = 86_400_000;
/** The farthest time zone ahead of UTC (UTC+14): a UTC month has begun somewhere once now passes its start minus this. */
const FARTHEST_ZONE_AHEAD_MS = 14 * 3_600_000;

/** A failed job's cause as a code the renderer can say (SQLite's own codes; anything else is 'failed'). */
export function recomputeErrorCode(error: unknown): RecomputeErrorCode {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'database_busy';
  if (code.startsWith('SQLITE_FULL')) return 'disk_full';
  if (code.startsWith('SQLITE_READONLY')) return 'read_only';
  return 'failed';
}

export class EnergyService {
  readonly keys: AllocationKeys;
  private readonly jobs = new Map<number, RecomputeState>();
  private readonly running = new Map<number, Promise<RecomputeState>>();
  private jobCounter = 0;

  constructor(private readonly deps: EnergyServiceDeps) {
    this.keys = new AllocationKeys({ db: deps.db, audit: deps.audit, now: deps.now });
  }

  // ---------- reads ----------
  series(siteId: number, from: string, to: string, bucket: EnergyBucket): EnergySeries {
    this.site(siteId);
    return siteSeries(this.deps.db, siteId, from, to, bucket, this.timeZone(), this.deps.now().getTime());
  }
  kpis(siteId: number, from: string, to: string): EnergyKpis {
    this.site(siteId);
    return siteKpis(this.deps.db, siteId, from, to, this.timeZone());
  }
  flows(siteId: number, from: string, to: string, maxMembers: number): EnergyFlows {
    this.site(siteId);
    return siteFlows(this.deps.db, siteId, from, to, maxMembers, this.timeZone());
  }
  member(memberId: number, from: string, to: string): MemberEnergy {
    const member = this.deps.db.prepare(`SELECT site_id FROM members WHERE id = ?`).get(memberId) as { site_id: number } | undefined;
    if (!member) throw notFound('Member', memberId);
    return memberEnergy(this.deps.db, memberId, member.site_id, from, to, this.timeZone());
  }
  audit(siteId: number, from: string, to: string): EnergyAuditReport {
    this.site(siteId);
    return auditSiteFlows(this.deps.db, siteId, from, to);
  }

  // ---------- source preferences (versioned: a change applies from the next interval on) ----------
  preference(memberId: number): SourcePreference {
    this.memberExists(memberId);
    const rows = preferenceRows(this.deps.db, memberId);
    const now = this.deps.now().toISOString();
    const current = [...rows].reverse().find((r) => r.valid_from <= now) ?? null;
    const scheduled = rows[rows.length - 1];
    const shown = scheduled && scheduled.valid_from > now ? scheduled : current;
    return { memberId, order: shown ? parseKinds(shown.kinds) : [], validFrom: shown?.valid_from ?? null, history: rows.map((r) => ({ validFrom: r.valid_from, order: parseKinds(r.kinds) })) };
  }
  setPreference(actor: OperatorPublic, memberId: number, order: readonly EnergySource[]): SourcePreference {
    const { db } = this.deps;
    const name = this.memberExists(memberId);
    const nowMs = this.deps.now().getTime();
    const validFrom = new Date(Math.floor(nowMs / SLOT_MS) * SLOT_MS + SLOT_MS).toISOString();
    db.transaction(() => {
      db.prepare(`INSERT OR REPLACE INTO energy_source_preferences (member_id, valid_from, kinds, created_by, created_at) VALUES (?, ?, ?, ?, ?)`).run(memberId, validFrom, order.join(','), actor.id, new Date(nowMs).toISOString());
      this.deps.audit.record({ operatorId: actor.id, action: 'update', entity: 'energy_source_preference', entityId: memberId, summary: `${name}: source preference ${order.length ? order.join(' > ') : 'none'} from ${validFrom}`, summaryCode: 'energy.sourcePreference', summaryParams: { member: name, sources: order, validFrom }, after: { order, validFrom } });
    })();
    return this.preference(memberId);
  }

  // ---------- recompute ----------
  /**
   * Recomputes whole UTC days [fromDay, toDay] at once (synchronous; for the collector after an
   * ingest and for tests/benchmarks). Only intervals whose inputs changed are redone.
   */
  recomputeDays(siteId: number, fromDay: string, toDay: string): RecomputeResult {
    this.site(siteId);
    const fromMs = Date.parse(`${fromDay}T00:00:00Z`);
    const toMs = Date.parse(`${toDay}T00:00:00Z`) + DAY_MS;
    const result = recomputeSite(this.deps.db, siteId, fromMs, toMs, this.deps.now().getTime());
    if (result.intervalsRecomputed > 0) this.deps.events.emit('energy.changed', { siteId, from: fromDay, to: toDay, reason: 'recompute' });
    return result;
  }

  /**
   * After an ingest: recomputes the days [first, last] (interval starts, ISO) of the site the meter
   * measures (its member's site, or its equipment's site for a generation meter). Returns null when
   * the meter belongs to no site yet (not provisioned) — its readings are not used anyway.
   */
  recomputeAfterIngest(meterId: number, firstIntervalStart: string, lastIntervalStart: string): RecomputeResult | null {
    const row = this.deps.db
      .prepare(`SELECT m.equipment_ref, mb.site_id FROM meters m LEFT JOIN members mb ON mb.id = m.member_id WHERE m.id = ?`)
      .get(meterId) as { equipment_ref: string | null; site_id: number | null } | undefined;
    if (!row) throw notFound('Meter', meterId);
    const equipmentId = row.equipment_ref ? /(\d+)\s*$/.exec(row.equipment_ref)?.[1] : undefined;
    const equipmentSite = equipmentId ? (this.deps.db.prepare(`SELECT site_id FROM equipment WHERE id = ?`).get(Number(equipmentId)) as { site_id: number } | undefined)?.site_id : undefined;
    const siteId = equipmentSite ?? row.site_id;
    if (siteId === null || siteId === undefined) return null;
    return this.recomputeDays(siteId, firstIntervalStart.slice(0, 10), lastIntervalStart.slice(0, 10));
  }

  /** Starts (or joins) the recompute of a site-month (UTC month); progress as 'energy.recompute' events. */
  startRecompute(siteId: number, month: string): RecomputeState {
    this.site(siteId);
    const current = this.jobs.get(siteId);
    if (current?.status === 'running') return current;
    const fromMs = Date.parse(`${month}-01T00:00:00Z`);
    if (fromMs - FARTHEST_ZONE_AHEAD_MS > this.deps.now().getTime()) {
      throw new CoreError('CONFLICT', `${month} has not begun yet: there are no readings to compute flows from. Choose this month or an earlier one.`, undefined, {
        reason: 'month_in_future' satisfies EnergyRefusal, params: { month },
      });
    }
    const next = new Date(fromMs);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const toMs = next.getTime();
    const state: RecomputeState = {
      jobId: `energy-${++this.jobCounter}`, siteId, status: 'running', from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(),
      intervalsTotal: Math.round((toMs - fromMs) / SLOT_MS), intervalsDone: 0, intervalsRecomputed: 0, excludedReadings: [], error: null, errorCode: null,
      startedAt: this.deps.now().toISOString(), finishedAt: null,
    };
    this.update(state);
    this.running.set(siteId, this.runMonth(state, fromMs, toMs));
    return state;
  }

  recomputeState(siteId: number): RecomputeState {
    this.site(siteId);
    return this.jobs.get(siteId) ?? { jobId: null, siteId, status: 'idle', from: null, to: null, intervalsTotal: 0, intervalsDone: 0, intervalsRecomputed: 0, excludedReadings: [], error: null, errorCode: null, startedAt: null, finishedAt: null };
  }

  /** Resolves when the site's running recompute ends (tests, shutdown). */
  async settled(siteId: number): Promise<RecomputeState> {
    return (await this.running.get(siteId)) ?? this.recomputeState(siteId);
  }

  private async runMonth(initial: RecomputeState, fromMs: number, toMs: number): Promise<RecomputeState> {
    let state = initial;
    let lastEmit = 0;
    try {
      const excluded = new Map<string, RecomputeState['excludedReadings'][number]>();
      for (let day = fromMs; day < toMs; day += DAY_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        const r = recomputeSite(this.deps.db, state.siteId, day, Math.min(day + DAY_MS, toMs), this.deps.now().getTime());
        for (const e of r.excluded) {
          const seen = excluded.get(`${e.meterKey}:${e.reason}`);
          excluded.set(`${e.meterKey}:${e.reason}`, seen ? { ...e, readings: seen.readings + e.readings } : e);
        }
        state = { ...state, intervalsDone: Math.round((Math.min(day + DAY_MS, toMs) - fromMs) / SLOT_MS), intervalsRecomputed: state.intervalsRecomputed + r.intervalsRecomputed, excludedReadings: [...excluded.values()] };
        if (Date.now() - lastEmit > 250) {
          lastEmit = Date.now();
          this.update(state);
        }
      }
      state = { ...state, status: 'succeeded', finishedAt: this.deps.now().toISOString() };
    } catch (error) {
      state = { ...state, status: 'failed', error: error instanceof Error ? error.message : String(error), errorCode: recomputeErrorCode(error), finishedAt: this.deps.now().toISOString() };
    }
    this.update(state);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    if (state.intervalsRecomputed > 0) this.deps.events.emit('energy.changed', { siteId: state.siteId, from: day(fromMs), to: day(toMs - DAY_MS), reason: 'recompute' });
    return state;
  }

  private update(state: RecomputeState): void {
    this.jobs.set(state.siteId, state);
    this.deps.events.emit('energy.recompute', state);
  }

  private timeZone(): string {
    return (this.deps.db.prepare(`SELECT timezone FROM cooperative WHERE id = 1`).get() as { timezone: string } | undefined)?.timezone ?? 'UTC';
  }
  private site(siteId: number): void {
    if (!this.deps.db.prepare(`SELECT 1 FROM sites WHERE id = ?`).get(siteId)) throw notFound('Site', siteId);
  }
  private memberExists(memberId: number): string {
    const row = this.deps.db.prepare(`SELECT full_name FROM members WHERE id = ?`).get(memberId) as { full_name: string } | undefined;
    if (!row) throw notFound('Member', memberId);
    return row.full_name;
  }
}

