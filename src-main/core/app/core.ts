// Composes the headless core: opens the database, builds the services and the dispatcher, and owns
// the lifecycle (restore swaps the database under a quiet dispatcher; close releases everything).
// Carriers (IPC, HTTP/WS) get `dispatch` and `events`; nothing else crosses into them.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { OperatorPublic } from '../../contract/session.js';
import { refusal } from '../api/core-error.js';
import { createDispatcher, type Dispatch } from '../api/dispatcher.js';
import { EventBus } from '../api/event-bus.js';
import { BackupService } from '../backup/backup-service.js';
import { openDatabase } from '../db/connection.js';
import { loadMigrations, schemaVersion } from '../db/migrations.js';
import { resolveResourceDir } from '../platform/resources.js';
import { systemClock, type Clock } from '../platform/clock.js';
import { createHandlers, type HandlerHost } from './handlers.js';
import { buildServices, type ChainChoice, type Services } from './services.js';
import type { MeterCollectionOptions } from './meters-services.js';

export interface CoreOptions {
  /** The app data folder: database, backups, chain and keystore live below it. */
  readonly dataDir: string;
  /** Overrides `<dataDir>/coop-console.sqlite`. */
  readonly databaseFile?: string;
  readonly clock?: Clock;
  readonly log?: (level: 'info' | 'error', message: string, error?: unknown) => void;
  /** The chain to mirror to; off unless asked for (the CLIs ask for the embedded node by default). */
  readonly chain?: ChainChoice;
  /** True: `chain` beats the choice saved in Settings for this run. Default: true when COOP_CHAIN is set. */
  readonly chainOverride?: boolean;
  /** Tuning of the background meter collector (tests shorten its waits). */
  readonly meterCollection?: MeterCollectionOptions;
  /** A members' kiosk only (`--kiosk`): the core answers the kiosk channels and no other. */
  readonly kioskOnly?: boolean;
}

export interface Core {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly databaseFile: string;
  readonly dataDir: string;
  /** For tests and tools in the same process only; carriers never get it. */
  database(): Database;
  /** Stops meter work and the chain (node included), then closes the database. */
  close(): Promise<void>;
  /** The desktop kiosk's exit gate: is this an active admin's password? (Electron main process only.) */
  isAdminPassword(username: string, password: string): Promise<boolean>;
}

export const DEFAULT_DATABASE_NAME = 'coop-console.sqlite';

export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((level, message, error) => (level === 'error' ? console.error(message, error) : console.log(message)));
  const databaseFile = options.databaseFile ?? join(options.dataDir, DEFAULT_DATABASE_NAME);
  const migrationsDir = resolveResourceDir('migrations');
  const supportedVersion = loadMigrations(migrationsDir).at(-1)?.version ?? 0;
  const events = new EventBus();
  const backups = new BackupService(join(options.dataDir, 'backups'), clock);

  const chainChoice = options.chain ?? { mode: 'off' };
  // A choice saved in Settings beats the launch default, unless this run was launched with an
  // explicit one (COOP_CHAIN, or a caller that says so).
  const chainOverride = options.chainOverride ?? process.env.COOP_CHAIN !== undefined;
  const build = (): Services =>
    buildServices(openDatabase({ file: databaseFile, migrationsDir }), clock, events, options.dataDir, chainChoice, { override: chainOverride, log, kioskOnly: options.kioskOnly ?? false }, options.meterCollection);
  // The chain starts in the background: the console is usable while the node boots (≈ 3–8 s), and
  // its state machine tells the UI how far it got.
  const startChain = (s: Services) => s.chainHost.start();
  const stopChain = async (s: Services) => {
    try {
      await s.chainHost.stop();
    } catch (error) {
      log('error', 'The chain did not stop cleanly', error);
    }
  };

  // Stock meters with a stored polling interval are polled again from the start, and every
  // provisioned meter with a port is collected again on its interval (from its stored last read).
  const startMeters = (s: Services) => {
    // A kiosk process serves the office's data folder beside the office console, which does the
    // meter work: a second collector would poll the same meters twice.
    if (options.kioskOnly) return;
    s.meters.modbus.resume();
    s.meters.collector.resume();
    s.billing.startSchedule((message, error) => log('error', message, error));
  };

  let services: Services = build();
  startChain(services);
  startMeters(services);
  let restoring = false;

  const host: HandlerHost = {
    get services() {
      if (restoring) throw refusal('RESTORE_FAILED', 'restoreBusy', 'A restore is in progress; try again in a moment.');
      return services;
    },
    clock,
    events,
    backups,
    createBackup: () => backups.create(services.db),
    schemaVersion: () => schemaVersion(services.db),
    async restore(actor: OperatorPublic, fileName: string) {
      const source = backups.verify(fileName, supportedVersion);
      const safety = await backups.create(services.db, 'before-restore');
      restoring = true;
      try {
        await services.demoEnergy.stop();
        await services.meters.dispose();
        await services.billing.stopSchedule();
        await stopChain(services);
        services.db.close();
        backups.replaceLiveFile(source, databaseFile);
      } finally {
        // Reopen whatever is now in place (the restored file, or the untouched one if the copy failed).
        services = build();
        startChain(services);
        startMeters(services);
        restoring = false;
      }
      services.audit.record({ operatorId: services.auth.listOperators().some((o) => o.id === actor.id) ? actor.id : null, action: 'restore', entity: 'database', entityId: null, summary: `Restored from ${fileName}; safety copy ${safety.fileName}`, summaryCode: 'database.restored', summaryParams: { file: fileName, safetyFile: safety.fileName } });
      events.emit('database.restored', { fileName });
      return { restoredFrom: fileName, safetyCopy: safety.fileName };
    },
  };

  const dispatch = createDispatcher({
    handlers: createHandlers(host),
    sessions: { resolve: (token) => host.services.sessions.resolve(token) },
    kioskSessions: { isKioskToken: (token) => host.services.kioskSessions.isKioskToken(token), resolve: (token) => host.services.kioskSessions.resolve(token) },
    kioskOnly: options.kioskOnly ?? false,
    onInternalError: (channel, error) => log('error', `Internal error on ${channel}`, error),
  });

  return {
    dispatch,
    events,
    databaseFile,
    dataDir: options.dataDir,
    database: () => services.db,
    isAdminPassword: (username, password) => host.services.kiosk.isAdminPassword(username, password),
    close: async () => {
      await services.demoEnergy.stop();
      await services.meters.dispose();
      await services.billing.stopSchedule();
      await stopChain(services);
      if (services.db.open) services.db.close();
    },
  };
}
