// The settlement the kill -9 trials post: a site of members with chain accounts, a flat tariff, a
// quarter of the members prepaid (so posting has drawdowns to release), and one local day of energy
// flows per trial, stored as core/energy stores them. The posting itself is the app's:
// SettlementService.post() with settlementPostingHook (drawdowns released + chain mirror recorded in
// the outbox, inside the posting's transaction), built here as core/app/services.ts builds it.
import type { Database } from 'better-sqlite3';
import type { OperatorPublic } from '../../src-main/contract/session.js';
import { AuditRepo } from '../../src-main/core/audit/audit-repo.js';
import { BillingService } from '../../src-main/core/billing/billing-service.js';
import { siteDayCharges } from '../../src-main/core/billing/site-day-charges.js';
import { SettlementService, settlementPostingHook } from '../../src-main/core/settlement/index.js';
import { addFlow } from '../integration/settlement/settlement-fixture.js';
import { insertMembersWithAccounts } from '../integration/settlement/mirror-fixture.js';

const TIME_ZONE = 'Africa/Nairobi'; // insertMembersWithAccounts' cooperative
/** Local date of trial `k` (1, 2, …): one day per trial, settled in order. */
export const trialDay = (k: number): string => new Date(Date.UTC(2026, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
/** Noon (UTC) of the day after `day`: the day has ended, so it can be settled and drawn. */
const dayAfter = (day: string): Date => new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000);

export interface TrialServices {
  readonly settlement: SettlementService;
  readonly billing: BillingService;
  readonly actor: OperatorPublic;
  /** Moves the services' clock (the parent drafts and draws each trial's day after it ended). */
  setNow(at: Date): void;
}

export function trialServices(db: Database): TrialServices {
  let now = new Date();
  const actor = db.prepare(`SELECT id, username, display_name AS displayName, role FROM operators ORDER BY id LIMIT 1`).get() as OperatorPublic;
  const audit = new AuditRepo(db, () => now.toISOString());
  const billing = new BillingService({
    db, audit, now: () => now, timeZone: () => TIME_ZONE, currency: () => 'KES', locale: () => 'en',
    dayCharges: (siteId, day) => siteDayCharges(db, siteId, day, TIME_ZONE),
    postedThrough: (siteId) => (db.prepare(`SELECT MAX(period_to) FROM settlement_periods WHERE site_id = ? AND status = 'posted'`).pluck().get(siteId) as string | null) ?? null,
    switchSupply: () => Promise.reject(new Error('The trials have no meters to switch')),
  });
  const settlement = new SettlementService({ db, audit, now: () => now, onPosted: settlementPostingHook({ releaseDrawdowns: (periodId) => billing.releaseDrawdownsOfPeriod(periodId) }) });
  return { settlement, billing, actor, setNow: (at) => void (now = at) };
}

export interface TrialSite {
  readonly siteId: number;
  readonly memberIds: readonly number[];
  readonly addresses: readonly string[];
}

/** The site, its tariff, an operator, and a quarter of its members prepaid from trial 1's day. */
export function seedTrialSite(db: Database, members: number): TrialSite {
  const { siteId, memberIds, addresses } = insertMembersWithAccounts(db, members, 'trials');
  const at = '2025-12-01T00:00:00.000Z';
  db.prepare(`INSERT INTO operators (username, display_name, role, password_hash, created_at) VALUES ('trials', 'Trials', 'admin', 'x', ?)`).run(at);
  const plan = Number(db.prepare(`INSERT INTO tariff_plans (site_id, name, created_at) VALUES (?, 'Trials', ?)`).run(siteId, at).lastInsertRowid);
  db.prepare(`INSERT INTO tariff_versions (plan_id, version, valid_from, definition_json, created_at) VALUES (?, 1, ?, ?, ?)`)
    .run(plan, at, JSON.stringify({ energy: { mode: 'flat', rateMilliPerKwh: 25_000 }, fixedMonthlyMinor: 0, gridFeeMilliPerKwh: 0, taxBps: 0, loadLimitW: null, dailyEnergyLimitWh: null }), at);
  const services = trialServices(db);
  services.setNow(new Date(`${trialDay(1)}T00:00:00Z`));
  memberIds.forEach((id, i) => i % 4 === 1 && services.billing.setMode(services.actor, id, 'prepaid', trialDay(1)));
  return { siteId, memberIds, addresses };
}

/**
 * Trial k's day of flows: one member in three shares surplus to the pool (and earns what the pool
 * buyers pay: a net credit, mirrored as an energy-credit transfer), the others buy from the main
 * supply and the pool. Then the day is drawn for prepaid members, drafted and approved.
 */
export async function prepareTrialPeriod(db: Database, services: TrialServices, site: TrialSite, k: number): Promise<{ periodId: number; drawdownEntries: number[] }> {
  const day = trialDay(k);
  let shared = 0;
  let bought = 0;
  db.transaction(() => {
    site.memberIds.forEach((id, i) => {
      if (i % 3 === 0) return;
      const pool = 100 + ((i * 53 + k) % 400);
      addFlow(db, site.siteId, id, `${day}T09:00:00.000Z`, { mainImport: 500 + ((i * 37 + k) % 1_500), poolSolar: pool });
      bought += pool;
    });
    site.memberIds.forEach((id, i) => {
      if (i % 3 !== 0) return;
      const give = i + 3 >= site.memberIds.length ? bought - shared : Math.floor(bought / Math.ceil(site.memberIds.length / 3));
      shared += give;
      if (give > 0) addFlow(db, site.siteId, id, `${day}T09:00:00.000Z`, { poolShared: give });
    });
    // The day's last quarter hour (20:45 UTC in Nairobi) computed too, with nothing flowing: billing
    // draws only days whose every interval was computed.
    addFlow(db, site.siteId, site.memberIds[0]!, `${day}T20:45:00.000Z`, {});
  })();
  services.setNow(dayAfter(day));
  await services.billing.runDrawdown();
  const drawdownEntries = db.prepare(`SELECT entry_id FROM prepaid_drawdowns WHERE site_id = ? AND day = ? AND entry_id IS NOT NULL ORDER BY entry_id`).pluck().all(site.siteId, day) as number[];
  const period = await services.settlement.run(services.actor, site.siteId, day, day);
  services.settlement.approve(services.actor, period.id);
  return { periodId: period.id, drawdownEntries };
}
