// A prepaid member's top-up, applied to the daily drawdowns as they are charged and then to the
// month's settlement lines when the settlement is posted (the drawdowns are reversed in the same
// transaction: the credit they took comes back and pays the exact lines). Real SQLite file, the real
// billing drawdown (core/settlement on one-day periods), the real settlement posting, wired as
// services.ts wires them. The site of test/integration/settlement (Nairobi, KES cents; fixed fee
// 3,000 a month; Amina uses 1,000 Wh main + 500 Wh pool on 10 November at 20 cents/kWh).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { BillingService } from '../../../src-main/core/billing/billing-service.js';
import { siteDayCharges } from '../../../src-main/core/billing/site-day-charges.js';
import { openDatabase, type Database } from '../../../src-main/core/db/connection.js';
import { accountBalance, checkJournalIntegrity } from '../../../src-main/core/journal/index.js';
import { CreditApplier } from '../../../src-main/core/payments/credit-applier.js';
import { PaymentsService } from '../../../src-main/core/payments/payments-service.js';
import { SettlementService } from '../../../src-main/core/settlement/settlement-service.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { seedNovember, seedSite, type SettledSite } from '../settlement/settlement-fixture.js';

let now = new Date('2026-10-31T08:00:00Z');
const clock = { now: () => now };
const TZ = 'Africa/Nairobi';
let dir: ReturnType<typeof makeTempDir>;
let db: Database;
let s: SettledSite;
let credit: CreditApplier;
let payments: PaymentsService;
let billing: BillingService;
let settlements: SettlementService;

beforeAll(() => {
  dir = makeTempDir('credit-prepaid-');
  db = openDatabase({ file: join(dir.path, 'coop.sqlite') });
  s = seedSite(db);
  seedNovember(db, s);
  // The energy service's mark that the site's flows are computed up to 10 Nov 10:00 UTC (one site
  // interval row; its figures do not matter to billing, which reads the member-day flows). The
  // fixture's addFlow already writes that row with its input hash, as core/energy does: kept if so.
  const columns = (db.prepare('PRAGMA table_info(energy_site_intervals)').all() as { name: string; notnull: number }[]).filter((c) => c.notnull === 1 && !['site_id', 'interval_start', 'input_hash'].includes(c.name));
  db.prepare(`INSERT OR IGNORE INTO energy_site_intervals (site_id, interval_start, input_hash, ${columns.map((c) => c.name).join(', ')}) VALUES (?, '2026-11-10T10:00:00.000Z', 'test', ${columns.map(() => '0').join(', ')})`).run(s.siteId);
  const audit = new AuditRepo(db, () => now.toISOString());
  credit = new CreditApplier({ db, clock });
  payments = new PaymentsService({ db, clock, audit, currency: () => 'KES', credit });
  billing = new BillingService({
    db, audit, now: () => now, timeZone: () => TZ, currency: () => 'KES', locale: () => 'en', credit,
    dayCharges: (siteId, day) => siteDayCharges(db, siteId, day, TZ),
    postedThrough: (siteId) => (db.prepare(`SELECT MAX(period_to) FROM settlement_periods WHERE site_id = ? AND status = 'posted'`).pluck().get(siteId) as string | null) ?? null,
    switchSupply: () => Promise.reject(new Error('no meter in this test')),
  });
  settlements = new SettlementService({ db, audit, now: () => now, onPosted: (_db, periodId) => {
    billing.releaseDrawdownsOfPeriod(periodId);
    credit.applyForAll('settlement');
  } });
});
afterAll(() => {
  db.close();
  dir.remove();
});

const live = (occasion: string) =>
  credit.view(s.a).applications.filter((a) => a.occasion === occasion && a.endedBy === null).reverse().map((a) => [a.bucket, a.code, a.amountMinor, a.settles]);

describe('a prepaid top-up pays the drawdowns, then the settlement that replaces them', () => {
  it('each drawdown is paid from the top-up as it is charged', async () => {
    billing.setMode(s.actor, s.a, 'prepaid', '2026-11-01');
    payments.record(s.actor, { memberId: s.a, amountMinor: 10_000, method: 'mobile-money', reference: 'TOPUP-1', receivedOn: '2026-10-31' });
    expect(credit.view(s.a).availableMinor).toBe(10_000);
    // On 12 November the flows are computed up to 10 Nov 13:15 Nairobi time: 1–9 November are
    // complete days, each drawn at the day's share of the fee, 3,000 / 30 = 100 (no energy used).
    now = new Date('2026-11-12T08:00:00Z');
    const run = await billing.runDrawdown();
    expect([run.entries, run.chargedMinor]).toEqual([9, 900]);
    // Each day's charge is due that day: on 12 November it is overdue (arrears), paid off at once.
    expect(live('drawdown')).toEqual(Array.from({ length: 9 }, () => ['arrears', 'energy', 100, true]));
    expect(credit.view(s.a).availableMinor).toBe(9_100);
    expect(accountBalance(db, { kind: 'member', memberId: s.a })).toBe(9_100);
  });

  it('posting the month reverses the drawdowns; the credit they took pays the exact lines', async () => {
    now = new Date('2026-12-01T08:00:00Z');
    const period = await settlements.run(s.actor, s.siteId, '2026-11-01', '2026-11-30');
    settlements.approve(s.actor, period.id);
    settlements.post(s.actor, period.id);
    // The drawdowns' applications stop counting (their charge lines are reversed) …
    expect(credit.view(s.a).applications.filter((a) => a.occasion === 'drawdown').every((a) => a.endedBy === 'charge-reversed')).toBe(true);
    // … and November's lines are paid in order on 1 December: the fee (due 30 Dec) 3,000, then the
    // energy, 20 from the main supply and 10 from the pool (due 30 Dec). 10,000 − 3,030 = 6,970 left.
    expect(live('settlement')).toEqual([['fixed-fee', 'fixed-fee', 3_000, true], ['energy', 'energy', 20, true], ['energy', 'energy', 10, true]]);
    expect(credit.view(s.a).availableMinor).toBe(6_970);
    expect(accountBalance(db, { kind: 'member', memberId: s.a })).toBe(6_970);
    expect(payments.repo.openItems(s.a)).toEqual([]);
    // Posting again is refused; a further pass writes nothing.
    expect(credit.applyForAll('catch-up')).toBe(0);
    expect(checkJournalIntegrity(db).ok).toBe(true);
  });
});
