// Everything that depends on an open database, built together so a restore can swap them at once.
import type { Database } from 'better-sqlite3';
import { AuditRepo } from '../audit/audit-repo.js';
import { buildFieldSync, type FieldSync } from '../field-sync/index.js';
import { AuthService } from '../auth/auth-service.js';
import { SessionStore } from '../auth/sessions.js';
import { CooperativeRepo } from '../cooperative/cooperative-repo.js';
import type { EventBus } from '../api/event-bus.js';
import { MembersService } from '../members/members-service.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { buildMarketServices, type MarketServices } from '../marketplace/market-services.js';
import { buildMeterServices, type MeterCollectionOptions, type MeterServices } from './meters-services.js';
import { DemoEnergyJob } from '../demo/demo-energy-job.js';
import type { ChainRuntime } from '../chain/index.js';
import { ChainHost } from './chain-host.js';
import { ChainAgreementRegistrar } from '../agreements/chain-registrar.js';
import { SwitchingRegistrar } from '../agreements/switching-registrar.js';
import { EquipmentChainRegistration } from '../equipment/chain-registration.js';
import { MemberAccountsService } from '../members-chain/member-accounts-service.js';
import { EnergyService } from '../energy/energy-service.js';
import { buildPaymentServices, type PaymentServices } from '../payments/index.js';
import { JournalService } from '../journal/journal-service.js';
import { BillingService } from '../billing/billing-service.js';
import { siteDayCharges } from '../billing/site-day-charges.js';
import { KioskService } from '../kiosk/kiosk-service.js';
import { KioskSessionStore } from '../kiosk/kiosk-sessions.js';
import { buildSettlements, settledUntil, settlementPostingHook, type Settlements } from '../settlement/index.js';
import { resumeSettlementMirrors } from '../settlement/mirror/index.js';
import { enqueueTokenMint, resumeTokenMints } from '../settlement/mirror/token-mint.js';
import { recordPeriodTokenAwards } from '../tokens/token-posting.js';
import { TokenService } from '../tokens/token-service.js';
import { StatementsService } from '../statements/statements-service.js';
import { tokensFromLedger } from '../statements/statement-tokens.js';

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
  /** Null when the chain is off. Read it when needed (not once): Settings can switch the chain at run time. */
  readonly chain: ChainRuntime | null;
  /** Owns the chain runtime: choice, lifecycle (started and stopped by core.ts), set-up, push events, evidence anchoring. */
  readonly chainHost: ChainHost;
  /** Members' chain accounts (console keys behind a PIN, or own-wallet addresses). */
  readonly memberAccounts: MemberAccountsService;
  /** Equipment as Uniques items (outbox); reconciles every few seconds while a chain is ready. */
  readonly equipmentChain: EquipmentChainRegistration;
  /** The first-run wizard's demo energy feed (background); stopped before the database closes. */
  readonly demoEnergy: DemoEnergyJob;
  /** Energy flows: recompute, views, allocation keys, source preferences, audit (src-main/core/energy/README.md). */
  readonly energy: EnergyService;
  /** Office ↔ field laptop sync (enrolment, packs, reports, conflicts). */
  readonly fieldSync: FieldSync;
  /** Payments at the window and from mobile-money statements; lease-to-own auto completion (core/payments/README.md). */
  readonly payments: PaymentServices;
  /** The books: integrity check (run here at start, kept for the console), accounts views, reversals. */
  readonly journal: JournalService;
  /** Prepaid/postpaid: modes, low credit, overdue, reminders, supply switches, daily drawdown (core/billing/README.md). */
  readonly billing: BillingService;
  /** Members' kiosk sessions (each scoped to one member) and the kiosk's use cases. */
  readonly kioskSessions: KioskSessionStore;
  readonly kiosk: KioskService;
  /** Settlement runs per site-period: draft → approved → posted (src-main/core/settlement/README.md). */
  readonly settlements: Settlements;
  /** Green tokens: policy versions, members' balances and awards, redemption (core/tokens). */
  readonly tokens: TokenService;
  /** Members' statements of posted periods: build, verify against the chain, PDF, zip (core/statements). */
  readonly statements: StatementsService;
}

export interface ChainLaunchOptions {
  /** True when this run was launched with an explicit chain choice that beats the one saved in Settings. */
  readonly override?: boolean;
  readonly log?: (level: 'info' | 'error', message: string, error?: unknown) => void;
  /** A members' kiosk only (`--kiosk`). */
  readonly kioskOnly?: boolean;
}

export function buildServices(db: Database, clock: Clock, events: EventBus, dataDir: string, chainChoice: ChainChoice = { mode: 'off' }, chainLaunch: ChainLaunchOptions = {}, meterCollection?: MeterCollectionOptions): Services {
  const audit = new AuditRepo(db, () => isoNow(clock));
  const sessions = new SessionStore(db, clock);
  const cooperative = new CooperativeRepo(db);
  const auth = new AuthService({ db, clock, sessions, audit, cooperative });
  const members = new MembersService({ db, clock, audit, events });
  // Agreements go on chain (Multisig + Uniques) whenever a chain is on; local-only (labelled) otherwise.
  const chainNow = () => chainHost.runtime;
  const memberAccounts = new MemberAccountsService({ db, clock, audit, chain: chainNow });
  const chainRegistrar = new ChainAgreementRegistrar({ db, clock, chain: chainNow, accounts: memberAccounts, equipment: () => equipmentChain });
  const market = buildMarketServices({ db, clock, audit, cooperative, registrar: new SwitchingRegistrar(chainRegistrar, chainNow), settledUntil: (siteId) => settledUntil(db, siteId) });
  const equipmentChain = new EquipmentChainRegistration({ db, chain: chainNow, equipment: market.equipment, accounts: memberAccounts });
  equipmentChain.start();
  const chainHost = new ChainHost({ db, dataDir, events, launch: chainChoice, launchOverride: chainLaunch.override ?? false, now: () => isoNow(clock), onBootstrapped: () => {
    resumeSettlementMirrors(db);
    resumeTokenMints(db);
  }, ...(chainLaunch.log ? { log: chainLaunch.log } : {}) });
  // After the host exists: attaching kicks the Multisig canceller, which asks for the chain at once.
  chainRegistrar.attach(market.agreements);
  // Meter evidence is anchored through the chain outbox (no-op while the chain is off).
  const collection: MeterCollectionOptions = {
    ...meterCollection,
    // Collected readings change flows: recompute the days they cover (energy is built just below).
    onAttempt: (meterId, outcome) => {
      meterCollection?.onAttempt?.(meterId, outcome);
      if (!outcome.storedFrom || !outcome.storedTo) return;
      try {
        energy.recomputeAfterIngest(meterId, outcome.storedFrom, outcome.storedTo);
      } catch (error) {
        // The readings are stored either way; the flows catch up at the next recompute of the month.
        chainLaunch.log?.('error', `Energy flows could not be recomputed after collecting meter ${meterId}`, error);
      }
    },
  };
  const meters = buildMeterServices({ db, clock, audit, events, keyDir: dataDir, anchors: chainHost.evidence.sink, collection });
  const energy = new EnergyService({ db, audit, events, now: () => clock.now() });
  const fieldSync = buildFieldSync({ db, audit, trust: meters.trust, anchors: chainHost.evidence.sink, dataDir, now: () => isoNow(clock) });
  const payments = buildPaymentServices({ db, clock, audit, cooperative, agreements: () => market.agreements, ...(chainLaunch.log ? { log: chainLaunch.log } : {}) });
  // A completion a crash interrupted (payment committed, agreement still active) is caught up now.
  void payments.leaseToOwn.catchUp().catch((error: unknown) => chainLaunch.log?.('error', 'Lease-to-own catch-up failed', error));
  // A generic reversal ("Reverse…" on the Account tab) applies the members' credit in its transaction,
  // as a payment's own reversal does: nobody is left in credit and owing at once until the next payment.
  const journal = new JournalService({
    db, audit, cooperative, now: () => clock.now(), afterReverse: (entryId) => payments.credit.applyAfterEntryReversed(entryId),
    reverseOwned: (actor, entryId, reason) => payments.payments.reverseOwnedEntry(actor, entryId, reason),
    ...(chainLaunch.log ? { log: chainLaunch.log } : {}),
  });
  journal.checkIntegrity('startup');
  const coop = () => cooperative.get();
  const timeZone = () => coop()?.timezone ?? 'UTC';
  const billing = new BillingService({
    db, audit, now: () => clock.now(), timeZone, currency: () => coop()?.currency ?? 'EUR', locale: () => coop()?.locale ?? 'en', credit: payments.credit,
    dayCharges: (siteId, day) => siteDayCharges(db, siteId, day, timeZone()),
    postedThrough: (siteId) => (db.prepare(`SELECT MAX(period_to) FROM settlement_periods WHERE site_id = ? AND status = 'posted'`).pluck().get(siteId) as string | null) ?? null,
    switchSupply: (meterId, portPath, closed, operatorId) => meters.commands.setRelay(meterId, portPath, { closed, loadLimitW: null }, operatorId),
  });
  const kioskSessions = new KioskSessionStore(db, clock);
  const kiosk = new KioskService({ db, clock, audit, cooperative, sessions: kioskSessions, accounts: memberAccounts, agreements: market.agreements, energy, payments: payments.payments, kioskOnly: chainLaunch.kioskOnly ?? false });
  // Posting a period, in its own transaction: the provisional prepaid drawdowns of its days are
  // reversed, credit paid ahead applied, the chain mirror recorded in the outbox and the green
  // tokens awarded and queued for minting (settlementPostingHook): all or nothing.
  const settlements = buildSettlements({ db, audit, events, now: () => clock.now(), onPosted: settlementPostingHook({
    releaseDrawdowns: (periodId) => billing.releaseDrawdownsOfPeriod(periodId),
    applyCredit: () => payments.credit.applyForAll('settlement'),
    awardTokens: (postDb, periodId) => {
      recordPeriodTokenAwards(postDb, periodId, clock.now());
      enqueueTokenMint(postDb, periodId);
    },
  }) });
  const statements = new StatementsService({
    db,
    chainApi: () => {
      const runtime = chainHost.runtime;
      return runtime?.connection.isReady ? runtime.connection.api : null;
    },
    tokens: tokensFromLedger,
    progress: (p) => events.emit('statements.progress', p),
  });
  return {
    db, audit, sessions, cooperative, auth, members, market, meters, chainHost, memberAccounts, equipmentChain, energy, fieldSync, payments, journal, billing, kioskSessions, kiosk, settlements, statements,
    tokens: new TokenService({ db, audit, cooperative, now: () => clock.now() }),
    demoEnergy: new DemoEnergyJob((message, error) => chainLaunch.log?.('error', message, error)),
    get chain() {
      return chainHost.runtime;
    },
  };
}
