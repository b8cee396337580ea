// Energy benchmark (`npm run bench`): allocation of one site-month for 2,000 meters against a raw
// SQL scan of the same readings (targets: ≤ 3 × the scan, ≤ 15 s, ≤ 1 GB RSS), disk of the month's
// flows against its readings (≤ 1.5 ×), and the incremental recompute of one late day.
// Data: the demo generator (`npm run demo -- --members 2000 --months 1`, in process): 2,000 members
// of the demo village's three sites with their connection and generation meters, signed batches
// through the verified ingest — its own speed is a line here too, against the raw verified ingest
// of the same kind of batches measured in this run. The allocation is timed over the three sites
// (every meter of the village). ENERGY_BENCH_FIXTURE=direct uses the quick direct fixture instead
// (one site, readings written straight into SQLite); ENERGY_BENCH_DB names a prepared database
// (with ENERGY_BENCH_SITE).
import { join } from 'node:path';
import { round, saveBenchRecords, type BenchRecord } from './report.js';
import { openDatabase } from '../../src-main/core/db/connection.js';
import { recomputeSite } from '../../src-main/core/energy/recompute.js';
import { makeTempDir } from '../support/temp-dir.js';
import { insertReadings, seedVillage } from '../support/energy-fixture.js';
import { createCore } from '../../src-main/core/app/core.js';
import type { OperatorPublic } from '../../src-main/contract/session.js';
import { demoClock, generateDemoCooperative } from '../../src-main/core/demo/demo-generator.js';
import { rawVerifiedIngestRate } from './demo-ingest-baseline.js';

const MEMBERS = Number(process.env.ENERGY_BENCH_MEMBERS ?? 1700); // + 1 generation meter per 5 members ≈ 2,040 meters
const DAYS = 30;
const FROM = Date.parse('2026-03-01T00:00:00Z');
const TO = FROM + DAYS * 86_400_000;
const NOW = TO + 86_400_000;

const records: BenchRecord[] = [];
const report = (record: BenchRecord): void => void records.push(record);
const save = (): void => saveBenchRecords(records);


const DEMO_MEMBERS = Number(process.env.ENERGY_BENCH_MEMBERS ?? 2000);
const useDemo = !process.env.ENERGY_BENCH_DB && process.env.ENERGY_BENCH_FIXTURE !== 'direct';
const temp = process.env.ENERGY_BENCH_DB ? null : makeTempDir('coop-energy-bench-');
if (useDemo) {
  // The demo cooperative, built like `npm run demo`, with the last day left out (it arrives late below).
  const baseline = rawVerifiedIngestRate();
  const clock = demoClock(FROM);
  const core = createCore({ dataDir: temp!.path, clock, chain: { mode: 'off' }, log: () => {} });
  const setup = await core.dispatch('setup.initialize', { cooperative: { name: 'Bench', currency: 'KES', timezone: 'Africa/Nairobi', locale: 'en' }, admin: { username: 'admin', displayName: 'Bench', password: 'bench-admin-password' } }, null);
  if (!setup.ok) throw new Error(setup.error.message);
  const t = performance.now();
  const demo = await generateDemoCooperative({ db: core.database(), clock, events: core.events }, (setup.value as { operator: OperatorPublic }).operator, {
    members: DEMO_MEMBERS, seed: 1, fromMs: FROM, toMs: TO - 86_400_000, computeFlows: false,
  });
  const seconds = (performance.now() - t) / 1000;
  await core.close();
  const rate = demo.readings / seconds;
  console.log(`demo: ${DEMO_MEMBERS} members, ${demo.meters} meters, ${demo.batches} signed batches, ${demo.readings} readings in ${seconds.toFixed(1)} s (signing ${(demo.signMs / 1000).toFixed(1)} s, verified ingest ${(demo.ingestMs / 1000).toFixed(1)} s)`);
  report({ name: 'demo.generate.readings-rate', value: Math.round(rate), unit: 'readings/s', baseline: Math.round(baseline), ratio: round(rate / baseline), target: '≥ 0.3 × the raw verified ingest (attestation, signing and set-up included)', pass: rate >= 0.3 * baseline });
  report({ name: 'demo.generate.total', value: round(seconds, 1), unit: 's', baseline: null, ratio: null, target: `≤ 300 s for ${DEMO_MEMBERS} members × ${DAYS - 1} days`, pass: seconds <= 300 });
}
const db = openDatabase({ file: process.env.ENERGY_BENCH_DB ?? join(temp!.path, useDemo ? 'coop-console.sqlite' : 'coop.sqlite') });
try {
  let siteId = Number(process.env.ENERGY_BENCH_SITE ?? 0);
  const siteIds = useDemo ? (db.prepare(`SELECT id FROM sites ORDER BY id`).all() as { id: number }[]).map((r) => r.id) : [];
  if (!process.env.ENERGY_BENCH_DB && !useDemo) {
    const t = performance.now();
    // The last day's readings arrive late (written after the first allocation), as from a collector.
    const fixture = seedVillage(db, { members: MEMBERS, days: DAYS - 1, fromMs: FROM });
    siteId = fixture.siteId;
    console.log(`fixture: ${MEMBERS} members, ${fixture.connectionMeterIds.length + fixture.generationMeters.length} meters, ${DAYS - 1} days in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const meterCount = (db.prepare(`SELECT count(*) AS n FROM meters`).get() as { n: number }).n;

  // Raw baseline: every reading of the site's meters in the month read into the process (the least an
  // allocation must do), with the same per-meter range queries on the primary key.
  const scan = (): { ms: number; rows: number } => {
    const ids = (db.prepare(`SELECT id FROM meters ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
    const q = db.prepare(`SELECT interval_start, interval_seconds, import_wh, export_wh FROM meter_readings WHERE meter_id = ? AND interval_start >= ? AND interval_start < ?`).raw();
    const from = new Date(FROM).toISOString();
    const to = new Date(TO).toISOString();
    const t = performance.now();
    let rows = 0;
    let sum = 0;
    for (const id of ids) for (const r of q.iterate(id, from, to) as Iterable<[string, number, number, number]>) {
      rows++;
      sum += r[2] + r[3] + r[0].length;
    }
    if (sum < 0) throw new Error('unreachable');
    return { ms: performance.now() - t, rows };
  };
  scan(); // warm the page cache like the allocation will find it
  const baseline = scan();

  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const t0 = performance.now();
  const allocate = (from: number) => {
    const sites = useDemo ? siteIds : [siteId];
    const results = sites.map((id) => recomputeSite(db, id, from, TO, NOW, () => (peakRss = Math.max(peakRss, process.memoryUsage.rss())) /* rss() alone: memoryUsage() also walks the heap */));
    return { intervalsRecomputed: results.reduce((a, r) => a + r.intervalsRecomputed, 0), rowsRead: results.reduce((a, r) => a + r.rowsRead, 0) };
  };
  const result = allocate(FROM);
  const allocMs = performance.now() - t0;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(`allocated ${result.intervalsRecomputed} intervals of ${meterCount} meters (${result.rowsRead} readings read; scan read ${baseline.rows})`);
  report({ name: 'energy.allocate.site-month', value: round(allocMs / 1000), unit: 's', baseline: round(baseline.ms / 1000), ratio: round(allocMs / baseline.ms), target: `≤ 3 × raw scan and ≤ 15 s (${meterCount} meters${useDemo ? `, the demo village's ${siteIds.length} sites together` : ''})`, pass: allocMs <= 3 * baseline.ms && allocMs <= 15_000 });
  report({ name: 'energy.allocate.peak-rss', value: Math.round(peakRss / 1_048_576), unit: 'MB', baseline: null, ratio: null, target: '≤ 1024 MB', pass: peakRss <= 1024 * 1_048_576 });

  // Disk: the month's flows (member-days, site intervals, P2P rows) against the readings they came from.
  const bytes = (name: string): number => (db.prepare(`SELECT coalesce(sum(pgsize), 0) AS b FROM dbstat WHERE name = ?`).get(name) as { b: number }).b;
  const flowsBytes = bytes('energy_member_days') + bytes('energy_member_days_member') + bytes('energy_site_intervals') + bytes('energy_p2p_flows');
  const readingsBytes = bytes('meter_readings');
  report({ name: 'energy.flows.disk', value: round(flowsBytes / 1_048_576, 1), unit: 'MB', baseline: round(readingsBytes / 1_048_576, 1), ratio: round(flowsBytes / readingsBytes, 3), target: '≤ 1.5 × the readings', pass: flowsBytes <= 1.5 * readingsBytes });

  // Idempotent: a second run finds nothing to redo.
  const t1 = performance.now();
  const again = allocate(FROM);
  report({ name: 'energy.recompute.unchanged-month', value: round((performance.now() - t1) / 1000), unit: 's', baseline: round(allocMs / 1000), ratio: round((performance.now() - t1) / allocMs), target: '0 intervals redone', pass: again.intervalsRecomputed === 0 });

  // A late day: the last day's readings arrive; only that day is read and redone.
  if (!process.env.ENERGY_BENCH_DB) {
    // Written straight into SQLite (both data sets): this part times the recompute, not the ingest.
    const day = TO - 86_400_000;
    const meters = db.prepare(`SELECT id, equipment_ref FROM meters ORDER BY id`).all() as { id: number; equipment_ref: string | null }[];
    const rows: [number, number, number, number][] = [];
    for (const m of meters) for (let q = 0; q < 96; q++) rows.push([m.id, day + q * 900_000, m.equipment_ref ? 0 : 60 + (q % 20), m.equipment_ref ? 100 + (q % 50) : 0]);
    insertReadings(db, rows);
  }
  const lateFrom = TO - 86_400_000;
  const t2 = performance.now();
  const late = allocate(lateFrom);
  const lateMs = performance.now() - t2;
  report({ name: 'energy.recompute.late-day', value: round(lateMs / 1000), unit: 's', baseline: round(allocMs / 1000), ratio: round(lateMs / allocMs, 3), target: `≤ 1/${DAYS} of the month × 2 (${late.intervalsRecomputed} intervals redone)`, pass: lateMs <= (2 * allocMs) / DAYS });
  save();
} finally {
  db.close();
  temp?.remove();
}
