// Everything that depends on an open database, built together so a restore can swap them at once.
import type { Database } from 'better-sqlite3';
import { AuditRepo } from '../audit/audit-repo.js';
import { AuthService } from '../auth/auth-service.js';
import { SessionStore } from '../auth/sessions.js';
import { CooperativeRepo } from '../cooperative/cooperative-repo.js';
import type { EventBus } from '../api/event-bus.js';
import { MembersService } from '../members/members-service.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { buildMarketServices, type MarketServices } from '../marketplace/market-services.js';
import { buildMeterServices, type MeterServices } from './meters-services.js';
import { createChainRuntime, type ChainRuntime } from '../chain/index.js';

/** Which chain the console mirrors to: none (tests, or an operator's explicit choice), the embedded
 *  node (the default of `npm start` / `npm run serve`), or an external Substrate endpoint. */
export type ChainChoice = { readonly mode: 'off' } | { readonly mode: 'embedded'; readonly port?: number } | { readonly mode: 'external'; readonly endpoint: string };

export interface Services {
  readonly db: Database;
  readonly audit: AuditRepo;
  readonly sessions: SessionStore;
  readonly cooperative: CooperativeRepo;
  readonly auth: AuthService;
  readonly members: MembersService;
  readonly market: MarketServices;
  readonly meters: MeterServices;
  /** Null when the chain is off; started and stopped by core.ts. */
  readonly chain: ChainRuntime | null;
}

export function buildServices(db: Database, clock: Clock, events: EventBus, dataDir: string, chainChoice: ChainChoice = { mode: 'off' }): Services {
  const audit = new AuditRepo(db, () => isoNow(clock));
  const sessions = new SessionStore(db, clock);
  const cooperative = new CooperativeRepo(db);
  const auth = new AuthService({ db, clock, sessions, audit, cooperative });
  const members = new MembersService({ db, clock, audit, events });
  const market = buildMarketServices({ db, clock, audit, cooperative });
  const meters = buildMeterServices({ db, clock, audit, events, keyDir: dataDir });
  const chain =
    chainChoice.mode === 'off'
      ? null
      : createChainRuntime({ dataDir, db, ...(chainChoice.mode === 'external' ? { endpoint: chainChoice.endpoint } : chainChoice.port ? { port: chainChoice.port } : {}) });
  return { db, audit, sessions, cooperative, auth, members, market, meters, chain };
}
