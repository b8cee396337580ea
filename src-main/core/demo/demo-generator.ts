// The whole demo cooperative in one call, for `npm run demo` and the benchmark: the demo village
// (sites, members, equipment, listings, tariffs, agreements — demo-loader.ts), then months of
// signed readings from emulated attested meters through the verified ingest (demo-energy-feed.ts).
// Deterministic for a given seed and period.
import type { Database } from 'better-sqlite3';
import type { DemoLoadResult, OperatorPublic } from '../../contract/session.js';
import type { EventBus } from '../api/event-bus.js';
import { AuditRepo } from '../audit/audit-repo.js';
import { CooperativeRepo } from '../cooperative/cooperative-repo.js';
import { loadDemoVillage } from '../cooperative/demo-loader.js';
import { buildMarketServices } from '../marketplace/market-services.js';
import { MembersService } from '../members/members-service.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { feedDemoEnergy, type DemoFeedProgress, type DemoFeedResult } from './demo-energy-feed.js';

export type DemoGeneratorProgress = DemoFeedProgress | { readonly phase: 'village'; readonly done: number; readonly total: number };

export interface DemoGeneratorOptions {
  readonly members: number;
  readonly seed: number;
  readonly fromMs: number;
  readonly toMs: number;
  readonly onProgress?: (progress: DemoGeneratorProgress) => void;
}

export interface DemoGeneratorResult extends DemoFeedResult {
  readonly village: DemoLoadResult;
}

export async function generateDemoCooperative(deps: { db: Database; clock: Clock; events: EventBus }, actor: OperatorPublic, options: DemoGeneratorOptions): Promise<DemoGeneratorResult> {
  const { db, clock, events } = deps;
  const audit = new AuditRepo(db, () => isoNow(clock));
  const members = new MembersService({ db, clock, audit, events });
  const market = buildMarketServices({ db, clock, audit, cooperative: new CooperativeRepo(db) });
  const stop = events.subscribe((m) => {
    if (m.event !== 'job.progress') return;
    const p = m.payload as { job: string; done: number; total: number };
    if (p.job === 'demo.load') options.onProgress?.({ phase: 'village', done: p.done, total: p.total });
  });
  let village: DemoLoadResult;
  try {
    village = loadDemoVillage({ db, clock, audit, events, members: members.members, sites: members.sites, market }, actor, { members: options.members });
  } finally {
    stop();
  }
  const feed = await feedDemoEnergy({ db, clock, audit, equipment: market.equipment }, actor, {
    seed: options.seed, fromMs: options.fromMs, toMs: options.toMs, ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { village, ...feed };
}
