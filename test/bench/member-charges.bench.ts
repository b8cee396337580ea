// Member-charges benchmark (`npm run bench -- member-charges`): the demo village (the demo
// generator's set-up, as the settlement bench: 2,000 members over its sites, its leases and P2P
// sales), four months (August–November 2026) of posted charges on every member (energy, fixed fee,
// tax: as a settlement posts them) and ~4,000 payments booked through the payments service; a third of
// the members prepaid with a low-credit threshold. Then, on 7 December, timed (median of 5):
//  - the overdue list (BillingService.overdue, every site), against the per-member loop it replaced
//    (memberCharges called once per postpaid member in debt: the baseline, measured in the same run);
//  - the low-credit list (BillingService.overview, every site: balances only, no charges read);
//  - one payment booked at the window (PaymentsService.record: credit pass, split, journal, audit).
// MEMBER_CHARGES_BENCH_MEMBERS picks another size; MEMBER_CHARGES_BENCH_DB=file keeps the built
// database there (or, when it exists, measures a copy of it instead of building one).
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../src-main/core/app/core.js';
import type { OperatorPublic } from '../../src-main/contract/session.js';
import { demoClock, setUpDemoCooperative } from '../../src-main/core/demo/demo-generator.js';
import { AuditRepo } from '../../src-main/core/audit/audit-repo.js';
import { CooperativeRepo } from '../../src-main/core/cooperative/cooperative-repo.js';
import { BillingService } from '../../src-main/core/billing/billing-service.js';
import { buildPaymentServices } from '../../src-main/core/payments/index.js';
import { postEntries, type JournalEntryInput } from '../../src-main/core/journal/index.js';
import { openDatabase, type Database } from '../../src-main/core/db/connection.js';
import { makeTempDir } from '../support/temp-dir.js';
import { overduePerMemberLoop } from '../support/overdue-per-member-loop.js';
import { measured, saveBenchRecords, type BenchRecord } from './report.js';

const MEMBERS = Number(process.env['MEMBER_CHARGES_BENCH_MEMBERS'] ?? 2_000);
const FROM = Date.parse('2026-07-31T21:00:00Z'); // 1 August 2026, 00:00 in Nairobi
const KEEP = process.env['MEMBER_CHARGES_BENCH_DB'];
const TODAY = '2026-12-07';
const MONTHS = [['2026-08-31', '2026-09-30'], ['2026-09-30', '2026-10-30'], ['2026-10-31', '2026-11-30'], ['2026-11-30', '2026-12-30']] as const;

/** A deterministic pseudo-random stream (mulberry32), so every run builds the same books. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function median(run: () => unknown, times = 5): number {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)] as number;
}

/** Builds the fixture into `dataDir` through a real core (the demo set-up, charges, payments). */
async function buildFixture(dataDir: string): Promise<void> {
  const clock = demoClock(FROM);
  const core = createCore({ dataDir, clock, chain: { mode: 'off' }, log: () => {} });
  const setup = await core.dispatch('setup.initialize', { cooperative: { name: 'Bench', currency: 'KES', timezone: 'Africa/Nairobi', locale: 'en' }, admin: { username: 'admin', displayName: 'Bench', password: 'bench-admin-password' } }, null);
  if (!setup.ok) throw new Error(setup.error.message);
  const actor = (setup.value as { operator: OperatorPublic }).operator;
  const t = performance.now();
  const db = core.database();
  await setUpDemoCooperative({ db, clock, events: core.events }, actor, { members: MEMBERS, seed: 1, fromMs: FROM, toMs: FROM + 30 * 86_400_000 });
  const members = db.prepare('SELECT id FROM members WHERE active = 1 ORDER BY id').pluck().all() as number[];
  const rnd = random(7);
  // A third prepaid (from 1 August); the plans get a low-credit threshold of 5,000.
  db.transaction(() => {
    members.forEach((id, i) => i % 3 === 0 && db.prepare(`INSERT INTO member_billing_modes (member_id, valid_from, mode, created_by, created_at) VALUES (?, '2026-08-01', 'prepaid', NULL, '2026-08-01')`).run(id));
    for (const plan of db.prepare('SELECT id FROM tariff_plans').pluck().all() as number[]) db.prepare(`INSERT OR REPLACE INTO prepaid_thresholds (plan_id, low_balance_minor, updated_by, updated_at) VALUES (?, 5000, NULL, '2026-08-01')`).run(plan);
  })();
  const services = paymentServices(db, clock);
  MONTHS.forEach(([postedOn, dueDate], month) => {
    // The month's charges, one entry per member (as a settlement posts them), then its credit pass.
    clock.set(Date.parse(`${postedOn}T10:00:00Z`));
    const entries: JournalEntryInput[] = members.map((memberId) => {
      const energy = 500 + Math.floor(rnd() * 6_000);
      const tax = Math.floor(energy / 10);
      return {
        kind: 'settlement', source: { type: 'bench', id: `${month}:${memberId}` }, memo: 'Bench month', effectiveDate: postedOn, createdBy: null,
        lines: [
          { account: { kind: 'member', memberId }, debit: energy, credit: 0, charge: { code: 'energy', dueDate } },
          { account: { kind: 'member', memberId }, debit: 3_000, credit: 0, charge: { code: 'fixed-fee', dueDate } },
          { account: { kind: 'member', memberId }, debit: tax, credit: 0, charge: { code: 'tax', dueDate } },
          { account: { kind: 'cooperative-energy' }, debit: 0, credit: energy },
          { account: { kind: 'cooperative-fees' }, debit: 0, credit: 3_000 },
          { account: { kind: 'government' }, debit: 0, credit: tax },
        ],
      };
    });
    db.transaction(() => {
      postEntries(db, entries);
      services.credit.applyForAll('settlement');
    })();
    // About half the members pay in the month that follows: some short, some ahead.
    clock.set(Date.parse(`${postedOn}T10:00:00Z`) + 10 * 86_400_000);
    const receivedOn = clock.now().toISOString().slice(0, 10);
    for (const memberId of members) {
      if (rnd() < 0.5) continue;
      services.payments.record(actor, { memberId, amountMinor: 1_000 + Math.floor(rnd() * 12_000), method: 'mobile-money', reference: `B-${month}-${memberId}`, receivedOn });
    }
  });
  console.log(`fixture built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await core.close();
}

function paymentServices(db: Database, clock: { now: () => Date }) {
  const audit = new AuditRepo(db, () => clock.now().toISOString());
  return { audit, ...buildPaymentServices({ db, clock, audit, cooperative: new CooperativeRepo(db), agreements: () => { throw new Error('no agreement completes in this bench'); } }) };
}

const temp = makeTempDir('coop-member-charges-bench-');
const records: BenchRecord[] = [];
try {
  const file = join(temp.path, 'coop-console.sqlite');
  if (KEEP && existsSync(KEEP)) {
    copyFileSync(KEEP, file);
    console.log(`reusing ${KEEP}`);
  } else {
    await buildFixture(temp.path);
    if (KEEP) copyFileSync(file, KEEP);
  }
  const db = openDatabase({ file });
  const actor = db.prepare(`SELECT id, username, display_name AS displayName, role FROM operators ORDER BY id LIMIT 1`).get() as OperatorPublic;
  const members = db.prepare('SELECT id FROM members WHERE active = 1 ORDER BY id').pluck().all() as number[];
  const chargeLines = db.prepare('SELECT COUNT(*) FROM journal_lines WHERE charge_code IS NOT NULL').pluck().get() as number;
  const payments = db.prepare('SELECT COUNT(*) FROM payments').pluck().get() as number;
  console.log(`fixture: ${members.length} members, ${chargeLines} charge lines, ${payments} payments`);
  const clock = { now: () => new Date(`${TODAY}T09:00:00Z`) };
  const services = paymentServices(db, clock);
  const billing = new BillingService({
    db, audit: services.audit, now: () => clock.now(), timeZone: () => 'Africa/Nairobi', currency: () => 'KES', locale: () => 'en', credit: services.credit,
    dayCharges: () => new Map(), postedThrough: () => null, switchSupply: async () => undefined,
  });
  const overdue = billing.overdue(null);
  const baseline = overduePerMemberLoop(db, null, TODAY);
  if (JSON.stringify(overdue) !== JSON.stringify(baseline)) throw new Error('The overdue list differs from the per-member loop');
  const overdueMs = median(() => billing.overdue(null));
  const loopMs = median(() => overduePerMemberLoop(db, null, TODAY));
  const overview = billing.overview(null);
  const low = overview.members.filter((m) => m.creditStatus === 'low' || m.creditStatus === 'empty').length;
  const lowMs = median(() => billing.overview(null));
  let n = 0;
  const payMs = median(() => services.payments.record(actor, { memberId: members[(n++ * 97) % members.length] as number, amountMinor: 2_500, method: 'cash', reference: `BENCH-${n}`, receivedOn: TODAY }), 9);
  records.push(
    measured(`billing.overdue-list (${members.length} members, ${chargeLines} charge lines, ${overdue.length} overdue)`, overdueMs, 'ms', { baseline: loopMs, target: '<= 200 ms', pass: overdueMs <= 200, digits: 1 }),
    measured(`billing.low-credit-list (${members.length} members, ${low} low or empty)`, lowMs, 'ms', { target: '<= 200 ms', pass: lowMs <= 200, digits: 1 }),
    measured(`payments.record (one payment, ${payments} booked before)`, payMs, 'ms', { target: '<= 200 ms', pass: payMs <= 200, digits: 1 }),
  );
  db.close();
} finally {
  saveBenchRecords(records);
  temp.remove();
}
