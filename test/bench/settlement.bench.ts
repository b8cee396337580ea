// Settlement benchmark (`npm run bench -- settlement`): one month of the demo village (the demo
// generator, as the energy bench: 2,000 members over its sites, their agreements, flows computed)
// settled by the settlement service — draft ≤ 10 s and ≤ 1 GB RSS — then approved and posted,
// the posting timed against a raw insert of the same journal rows (same database, rolled back):
// raw ms / post ms ≥ 0.5. SETTLEMENT_BENCH_MEMBERS picks another size.
import { join } from 'node:path';
import { createCore } from '../../src-main/core/app/core.js';
import type { OperatorPublic } from '../../src-main/contract/session.js';
import { demoClock, generateDemoCooperative } from '../../src-main/core/demo/demo-generator.js';
import { openDatabase, type Database } from '../../src-main/core/db/connection.js';
import { AuditRepo } from '../../src-main/core/audit/audit-repo.js';
import { SettlementService } from '../../src-main/core/settlement/settlement-service.js';
import { recordPeriodTokenAwards } from '../../src-main/core/tokens/token-posting.js';
import { makeTempDir } from '../support/temp-dir.js';
import { measured, saveBenchRecords, type BenchRecord } from './report.js';

const MEMBERS = Number(process.env['SETTLEMENT_BENCH_MEMBERS'] ?? 2_000);
const FROM = Date.parse('2026-10-31T21:00:00Z'); // 1 November 2026, 00:00 in Nairobi (the demo's time zone)
const TO = FROM + 30 * 86_400_000;

/** The same journal rows as the posting wrote, inserted with plain statements, then rolled back. */
function rawInsertMs(db: Database, periodId: number): { ms: number; entries: number; lines: number } {
  const prefix = `settlement:${periodId}:`;
  const entries = db.prepare(`SELECT id, kind, source_type, source_id, memo, effective_date, created_at, created_by FROM journal_entries WHERE substr(idempotency_key, 1, ?) = ? ORDER BY id`).all(prefix.length, prefix) as { id: number; kind: string; source_type: string; source_id: string; memo: string; effective_date: string; created_at: string; created_by: number | null }[];
  const linesOf = db.prepare(`SELECT line_no, account_id, debit, credit, memo, charge_code, charge_agreement_id, charge_instalment_no, charge_due_date FROM journal_lines WHERE entry_id = ? ORDER BY line_no`);
  const rows = entries.map((e) => ({ e, lines: linesOf.all(e.id) as { line_no: number; account_id: number; debit: number; credit: number; memo: string | null; charge_code: string | null; charge_agreement_id: number | null; charge_instalment_no: number | null; charge_due_date: string | null }[] }));
  const insertEntry = db.prepare(`INSERT INTO journal_entries (kind, source_type, source_id, memo, idempotency_key, effective_date, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLine = db.prepare(`INSERT INTO journal_lines (entry_id, line_no, account_id, debit, credit, memo, charge_code, charge_agreement_id, charge_instalment_no, charge_due_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const balance = db.prepare(`UPDATE journal_balances SET debit_total = debit_total + ?, credit_total = credit_total + ?, line_count = line_count + 1 WHERE account_id = ?`);
  db.exec('BEGIN');
  const t = performance.now();
  let lines = 0;
  for (const { e, lines: ls } of rows) {
    const id = Number(insertEntry.run(e.kind, e.source_type, e.source_id, e.memo, `raw:${e.id}`, e.effective_date, e.created_at, e.created_by).lastInsertRowid);
    for (const l of ls) {
      insertLine.run(id, l.line_no, l.account_id, l.debit, l.credit, l.memo, l.charge_code, l.charge_agreement_id, l.charge_instalment_no, l.charge_due_date);
      balance.run(l.debit, l.credit, l.account_id);
      lines += 1;
    }
  }
  const ms = performance.now() - t;
  db.exec('ROLLBACK');
  return { ms, entries: rows.length, lines };
}

const temp = makeTempDir('coop-settlement-bench-');
const records: BenchRecord[] = [];
try {
  const clock = demoClock(FROM);
  const core = createCore({ dataDir: temp.path, clock, chain: { mode: 'off' }, log: () => {} });
  const setup = await core.dispatch('setup.initialize', { cooperative: { name: 'Bench', currency: 'KES', timezone: 'Africa/Nairobi', locale: 'en' }, admin: { username: 'admin', displayName: 'Bench', password: 'bench-admin-password' } }, null);
  if (!setup.ok) throw new Error(setup.error.message);
  const actor = (setup.value as { operator: OperatorPublic }).operator;
  let t = performance.now();
  const demo = await generateDemoCooperative({ db: core.database(), clock, events: core.events }, actor, { members: MEMBERS, seed: 1, fromMs: FROM, toMs: TO });
  console.log(`demo: ${MEMBERS} members, ${demo.meters} meters, ${demo.p2pAgreements} P2P agreements, flows computed, in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await core.close();

  const db = openDatabase({ file: join(temp.path, 'coop-console.sqlite') });
  const agreements = (db.prepare(`SELECT count(*) AS n FROM agreements WHERE status = 'active'`).get() as { n: number }).n;
  const sites = (db.prepare(`SELECT id FROM sites ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
  const service = new SettlementService({ db, audit: new AuditRepo(db, () => new Date().toISOString()), now: () => new Date(TO + 86_400_000) });
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  t = performance.now();
  const periods = [];
  for (const siteId of sites) periods.push(await service.run(actor, siteId, '2026-11-01', '2026-11-30'));
  const draftMs = performance.now() - t;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const lineCount = periods.reduce((n, p) => n + (db.prepare('SELECT count(*) AS n FROM settlement_lines WHERE period_id = ?').get(p.id) as { n: number }).n, 0);
  console.log(`draft: ${sites.length} site-periods, ${lineCount} lines, ${agreements} active agreements`);

  let postMs = 0;
  let rawMs = 0;
  let entries = 0;
  for (const p of periods) {
    service.approve(actor, p.id);
    t = performance.now();
    service.post(actor, p.id);
    postMs += performance.now() - t;
    const raw = rawInsertMs(db, p.id);
    rawMs += raw.ms;
    entries += raw.entries;
  }
  // The green-token award the posting hook adds (services.ts onPosted): generation read per meter,
  // the policy applied, certificates and ledger rows written.
  t = performance.now();
  let awardedMembers = 0;
  for (const p of periods) awardedMembers += recordPeriodTokenAwards(db, p.id, new Date(TO + 86_400_000)).members;
  const awardMs = performance.now() - t;
  db.close();
  records.push(
    measured(`settlement.draft.site-month (${MEMBERS} members, ${agreements} agreements, ${sites.length} sites)`, draftMs / 1000, 's', { target: '<= 10 s', pass: draftMs <= 10_000 }),
    measured('settlement.draft.peak-rss', peakRss / 1_048_576, 'MB', { target: '<= 1024 MB', pass: peakRss <= 1024 * 1_048_576, digits: 0 }),
    measured(`settlement.post (${entries} journal entries)`, rawMs / postMs, 'raw/post', { target: '>= 0.5', pass: rawMs / postMs >= 0.5 }),
    measured('settlement.post.time', postMs, 'ms', { baseline: rawMs, digits: 0 }),
    measured(`tokens.award.site-month (${awardedMembers} earning members)`, awardMs, 'ms', { target: '<= 5000 ms', pass: awardMs <= 5_000, digits: 0 }),
  );
} finally {
  saveBenchRecords(records);
  temp.remove();
}
