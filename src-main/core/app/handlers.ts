// Channel → use case. Thin on purpose: input is already validated and the role checked by the
// dispatcher; each line only picks the service call and the acting operator.
import type { OperatorPublic } from '../../contract/session.js';
import { CoreError } from '../api/core-error.js';
import type { AreaHandlers, CallContext, Handlers } from '../api/dispatcher.js';
import type { auditChannels } from '../../contract/audit.js';
import type { membersChannels } from '../../contract/members.js';
import type { sessionChannels } from '../../contract/session.js';
import type { systemChannels } from '../../contract/system.js';
import { loadDemoVillage } from '../cooperative/demo-loader.js';
import { demoDaysFromEnv, startWizardDemoEnergy } from '../demo/demo-generator.js';
import { dashboardSummary } from '../dashboard/dashboard-repo.js';
import type { BackupInfo } from '../../contract/system.js';
import type { EventBus } from '../api/event-bus.js';
import type { BackupService } from '../backup/backup-service.js';
import type { Clock } from '../platform/clock.js';
import type { Services } from './services.js';
import { marketHandlers } from './handlers-market.js';
import { metersHandlers } from './handlers-meters.js';
import { chainHandlers } from './handlers-chain.js';
import { memberAccountsHandlers } from './handlers-member-accounts.js';
import { energyHandlers } from './handlers-energy.js';
import { fieldSyncHandlers } from './handlers-field-sync.js';
import { fieldSyncLanHandlers } from './handlers-field-sync-lan.js';
import { paymentsHandlers } from './handlers-payments.js';
import { journalHandlers } from './handlers-journal.js';
import { billingHandlers } from './handlers-billing.js';
import { kioskHandlers } from './handlers-kiosk.js';
import { settlementsHandlers } from './handlers-settlements.js';
import { tokensHandlers } from './handlers-tokens.js';
import { statementsHandlers } from './handlers-statements.js';

export interface HandlerHost {
  readonly services: Services;
  readonly clock: Clock;
  readonly events: EventBus;
  readonly backups: BackupService;
  createBackup(): Promise<BackupInfo>;
  restore(actor: OperatorPublic, fileName: string): Promise<{ restoredFrom: string; safetyCopy: string }>;
  schemaVersion(): number;
}

export const actor = (ctx: CallContext): OperatorPublic => {
  if (!ctx.operator) throw new CoreError('UNAUTHENTICATED', 'Please sign in first.');
  return ctx.operator;
};
const token = (ctx: CallContext): string => {
  if (!ctx.token) throw new CoreError('UNAUTHENTICATED', 'Please sign in first.');
  return ctx.token;
};

/** Every channel's handler: one map per area, merged; the type makes a missing channel a compile error. */
export function createHandlers(host: HandlerHost): Handlers {
  return {
    ...foundationHandlers(host),
    ...marketHandlers(host),
    ...metersHandlers(host),
    ...chainHandlers(host),
    ...memberAccountsHandlers(host),
    ...energyHandlers(host),
    ...fieldSyncHandlers(host),
    ...fieldSyncLanHandlers(host),
    ...paymentsHandlers(host),
    ...journalHandlers(host),
    ...billingHandlers(host),
    ...kioskHandlers(host),
    ...settlementsHandlers(host),
    ...tokensHandlers(host),
    ...statementsHandlers(host),
  };
}

type FoundationChannel = keyof typeof sessionChannels | keyof typeof membersChannels | keyof typeof auditChannels | keyof typeof systemChannels;

function foundationHandlers(host: HandlerHost): AreaHandlers<FoundationChannel> {
  const s = () => host.services;
  return {
    'setup.status': () => ({ needsSetup: s().auth.needsSetup(), cooperative: s().cooperative.get(), schemaVersion: host.schemaVersion() }),
    'setup.initialize': (input) => s().auth.initialize(input),
    'setup.loadDemo': async (_input, ctx) => {
      const { db, audit, members, market } = s();
      const village = loadDemoVillage({ db, audit, members: members.members, sites: members.sites, market, clock: host.clock, events: host.events }, actor(ctx));
      // Then its energy: generators, sales, key and preferences now; its meters (emulated attested
      // devices), the previous month and this one so far of signed readings through the verified
      // ingest, and their flows, in the background with 'job.progress' events (job 'demo.energy').
      const job = s().demoEnergy;
      const { feed } = await startWizardDemoEnergy({ db, events: host.events }, actor(ctx), host.clock.now(), job.shouldStop, demoDaysFromEnv(process.env.COOP_DEMO_DAYS));
      job.run(feed, () => host.events.emit('meters.changed', { reason: 'demo', meterId: null }));
      return village;
    },
    'cooperative.get': () => {
      const coop = s().cooperative.get();
      if (!coop) throw new CoreError('SETUP_REQUIRED', 'This console is not set up yet.');
      return coop;
    },
    'cooperative.update': (input, ctx) => {
      const { db, cooperative, audit } = s();
      const before = cooperative.get();
      if (!before) throw new CoreError('SETUP_REQUIRED', 'This console is not set up yet.');
      const next = { ...before, ...input };
      db.transaction(() => {
        cooperative.update(next);
        audit.record({ operatorId: actor(ctx).id, action: 'update', entity: 'cooperative', entityId: 1, summary: 'Cooperative settings changed', summaryCode: 'cooperative.settingsChanged', before, after: next });
      })();
      return next;
    },
    'session.login': (input) => s().auth.login(input.username, input.password),
    'session.current': (_input, ctx) => s().auth.current(token(ctx)),
    'session.logout': (_input, ctx) => {
      s().auth.logout(token(ctx));
      return { signedOut: true };
    },
    'session.changePassword': async (input, ctx) => {
      await s().auth.changePassword(actor(ctx), input.current, input.next);
      return { changed: true };
    },
    'operators.list': () => s().auth.listOperators(),
    'operators.create': (input, ctx) => s().auth.createOperator(actor(ctx), input),
    'operators.update': (input, ctx) => s().auth.updateOperator(actor(ctx), input),
    'members.list': (input) => s().members.list(input),
    'members.get': (input) => s().members.get(input.id),
    'members.create': (input, ctx) => s().members.create(actor(ctx), input),
    'members.update': (input, ctx) => s().members.update(actor(ctx), input.id, stripUndefined(input.changes)),
    'members.setActive': (input, ctx) => s().members.setActive(actor(ctx), input.id, input.active, input.reason),
    'members.importPreview': (input) => s().members.importPreview(input.csv),
    'members.importCommit': (input, ctx) => s().members.importCommit(actor(ctx), input.csv, input.mode),
    'members.exportCsv': (input) => s().members.exportCsv(input),
    'sites.list': () => s().members.listSites(),
    'sites.create': (input, ctx) => s().members.createSite(actor(ctx), input),
    'sites.update': (input, ctx) => s().members.updateSite(actor(ctx), input.id, stripUndefined(input.changes)),
    'audit.list': (input) => s().audit.list(input),
    'dashboard.summary': () => dashboardSummary(s().db, host.clock.now().toISOString().slice(0, 7)),
    'backup.list': () => host.backups.list(),
    'backup.create': () => host.createBackup(),
    'backup.restore': (input, ctx) => host.restore(actor(ctx), input.fileName),
  };
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
