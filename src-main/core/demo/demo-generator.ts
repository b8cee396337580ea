// The whole demo cooperative in one call, for `npm run demo`, the first-run wizard's demo village
// and the benchmark. The demo's own clock stands just before the period while the cooperative is
// set up (village, members' own generators, P2P sales signed and activated, a custom key, source
// preferences — all in force from the first interval), then at the end of the period while the
// meters are attested and their readings fed through the verified ingest, and the flows computed.
// Deterministic for a given seed and period.
import type { Database } from 'better-sqlite3';
import type { DemoLoadResult, OperatorPublic } from '../../contract/session.js';
import type { JobProgressCode } from '../../contract/events.js';
import type { EventBus } from '../api/event-bus.js';
import { AuditRepo } from '../audit/audit-repo.js';
import { CooperativeRepo } from '../cooperative/cooperative-repo.js';
import { DEMO_PROGRESS_LABELS, loadDemoVillage } from '../cooperative/demo-loader.js';
import { EnergyService } from '../energy/energy-service.js';
import { buildMarketServices } from '../marketplace/market-services.js';
import { MembersService } from '../members/members-service.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { addMembersOwnGenerators, DemoFeedStopped, feedDemoEnergy, type DemoFeedProgress, type DemoFeedResult } from './demo-energy-feed.js';
import { activateDemoP2pSales, createDemoCustomKey, recomputeDemoFlows, setDemoPreferences } from './demo-energy-setup.js';
import { activateDemoLeases } from './demo-leases.js';
import { demoFirstDay, wizardDemoSpan } from './demo-span.js';

export type DemoGeneratorPhase = 'village' | 'agreements' | 'flows';
export type DemoGeneratorProgress = DemoFeedProgress | { readonly phase: DemoGeneratorPhase; readonly done: number; readonly total: number };

/** A clock the demo moves: set to just before the period, then to its end. */
export interface DemoClock extends Clock {
  set(ms: number): void;
}
export function demoClock(ms: number): DemoClock {
  let now = ms;
  return { now: () => new Date(now), set: (next) => void (now = next) };
}

export interface DemoGeneratorOptions {
  /** Members of the village (the wizard's has 60); ignored when `loadVillage` is false. */
  readonly members: number;
  readonly seed: number;
  /** Local midnights in the cooperative's time zone (demo-span.ts), so the first and last days are whole. */
  readonly fromMs: number;
  readonly toMs: number;
  /** False when the village is already loaded (the first-run wizard loads it first). Default true. */
  readonly loadVillage?: boolean;
  /** False to leave the flows uncomputed (the benchmark times the allocation itself). Default true. */
  readonly computeFlows?: boolean;
  readonly onProgress?: (progress: DemoGeneratorProgress) => void;
}

export interface DemoGeneratorResult extends DemoFeedResult {
  readonly village: DemoLoadResult | null;
  readonly ownGeneratorsAdded: number;
  readonly p2pAgreements: number;
  readonly hostedLeases: number;
  readonly leasesToOwn: number;
  readonly preferences: number;
  readonly intervalsComputed: number;
  readonly recomputeMs: number;
}

/** Site whose pool is shared by a custom per-interval table (the mill: index 1 of DEMO_SITES). */
const CUSTOM_KEY_SITE_INDEX = 1;

export interface DemoSetUp {
  readonly village: DemoLoadResult | null;
  readonly ownGeneratorsAdded: number;
  readonly p2pAgreements: number;
  readonly hostedLeases: number;
  readonly leasesToOwn: number;
  readonly preferences: number;
}

type DemoDeps = { db: Database; clock: DemoClock; events: EventBus };

const cooperativeTimeZone = (db: Database): string => new CooperativeRepo(db).get()?.timezone ?? 'UTC';

function servicesOf(deps: DemoDeps) {
  const audit = new AuditRepo(deps.db, () => isoNow(deps.clock));
  return { audit, market: buildMarketServices({ db: deps.db, clock: deps.clock, audit, cooperative: new CooperativeRepo(deps.db) }), energy: new EnergyService({ db: deps.db, audit, events: deps.events, now: () => deps.clock.now() }) };
}

/** Step 1 (quick): the village if asked, members' own generators, leases, P2P sales, the custom key, preferences. */
export async function setUpDemoCooperative(deps: DemoDeps, actor: OperatorPublic, options: DemoGeneratorOptions): Promise<DemoSetUp> {
  const { db, clock, events } = deps;
  const progress = options.onProgress ?? (() => undefined);
  const { audit, market, energy } = servicesOf(deps);
  clock.set(options.fromMs - 900_000);
  let village: DemoLoadResult | null = null;
  if (options.loadVillage !== false) {
    const members = new MembersService({ db, clock, audit, events });
    const stop = events.subscribe((m) => {
      const p = m.payload as { job?: string; done: number; total: number };
      if (m.event === 'job.progress' && p.job === 'demo.load') progress({ phase: 'village', done: p.done, total: p.total });
    });
    try {
      village = loadDemoVillage({ db, clock, audit, events, members: members.members, sites: members.sites, market }, actor, { members: options.members });
    } finally {
      stop();
    }
  }
  const ownGeneratorsAdded = addMembersOwnGenerators({ db, equipment: market.equipment }, actor, options.seed, options.fromMs, progress);
  // Leases first: their hosts then have equipment and are not chosen as P2P buyers.
  // In force from the span's first local day (its first instant is the evening before in UTC east of Greenwich).
  const firstDay = demoFirstDay(options, cooperativeTimeZone(db));
  const leases = await activateDemoLeases(db, market, actor, options.seed, firstDay);
  const p2p = await activateDemoP2pSales(db, market.agreements, actor, options.seed, firstDay);
  const agreements = leases.hostedLeases.length + leases.leasesToOwn.length + p2p.length;
  progress({ phase: 'agreements', done: agreements, total: agreements });
  const site = db.prepare(`SELECT id FROM sites ORDER BY id LIMIT 1 OFFSET ?`).get(CUSTOM_KEY_SITE_INDEX) as { id: number } | undefined;
  if (site) createDemoCustomKey(db, energy, actor, site.id, options.seed, options.fromMs, options.toMs);
  const preferences = setDemoPreferences(db, energy, actor, options.seed);
  return { village, ownGeneratorsAdded, p2pAgreements: p2p.length, hostedLeases: leases.hostedLeases.length, leasesToOwn: leases.leasesToOwn.length, preferences };
}

/** Step 2 (the long one): the meters, their signed readings through the verified ingest, the flows. */
export async function feedDemoCooperative(deps: DemoDeps, actor: OperatorPublic, options: DemoGeneratorOptions & { readonly shouldStop?: () => boolean }): Promise<DemoFeedResult & { intervalsComputed: number; recomputeMs: number }> {
  const { db, clock } = deps;
  const progress = options.onProgress ?? (() => undefined);
  const { audit, market, energy } = servicesOf(deps);
  clock.set(options.toMs);
  const feed = await feedDemoEnergy({ db, clock, audit, equipment: market.equipment }, actor, {
    seed: options.seed, fromMs: options.fromMs, toMs: options.toMs, onProgress: progress, ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
  });
  if (options.shouldStop?.()) throw new DemoFeedStopped();
  const t0 = performance.now();
  const intervalsComputed = options.computeFlows === false ? 0 : recomputeDemoFlows(db, energy, options.fromMs, options.toMs, (done, total) => progress({ phase: 'flows', done, total }));
  return { ...feed, intervalsComputed, recomputeMs: performance.now() - t0 };
}

export async function generateDemoCooperative(deps: DemoDeps, actor: OperatorPublic, options: DemoGeneratorOptions): Promise<DemoGeneratorResult> {
  const setUp = await setUpDemoCooperative(deps, actor, options);
  return { ...setUp, ...(await feedDemoCooperative(deps, actor, options)) };
}

/** COOP_DEMO_DAYS as a number of days, or null (the default span: the previous month and this one so far). */
export function demoDaysFromEnv(value: string | undefined): number | null {
  const days = Number(value);
  return value !== undefined && Number.isInteger(days) && days > 0 ? days : null;
}

/**
 * The first-run wizard's demo village energy, after loadDemoVillage: the wizardDemoSpan before
 * `today` in the cooperative's time zone, seed 1. The set-up (generators, sales, key, preferences) is done when this resolves;
 * `feed` (meters, readings, flows: seconds to a minute on a small laptop) runs on, reporting
 * 'job.progress' events of job 'demo.energy', and stops early when `shouldStop` says so.
 */
export async function startWizardDemoEnergy(deps: { db: Database; events: EventBus }, actor: OperatorPublic, today: Date, shouldStop: () => boolean, days: number | null = null): Promise<{ feed: () => Promise<unknown> }> {
  const { fromMs, toMs } = wizardDemoSpan(today, cooperativeTimeZone(deps.db), days);
  const codes: Record<DemoGeneratorProgress['phase'], JobProgressCode> = {
    village: 'demo.ready', equipment: 'demo.generators', agreements: 'demo.sales', meters: 'demo.meters', readings: 'demo.readings', flows: 'demo.flows',
  };
  const options: DemoGeneratorOptions = {
    members: 0, seed: 1, fromMs, toMs, loadVillage: false,
    onProgress: (p) => deps.events.emit('job.progress', { job: 'demo.energy', done: p.done, total: p.total, label: DEMO_PROGRESS_LABELS[codes[p.phase]], code: codes[p.phase] }),
  };
  const demoDeps = { db: deps.db, clock: demoClock(fromMs), events: deps.events };
  await setUpDemoCooperative(demoDeps, actor, options);
  return { feed: () => feedDemoCooperative(demoDeps, actor, { ...options, shouldStop }) };
}
