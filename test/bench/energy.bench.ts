// Energy benchmark (`npm run bench`): allocation of one site-month for 2,000 meters against a raw
// SQL scan of the same readings (targets: ≤ 3 × the scan, ≤ 15 s, ≤ 1 GB RSS), disk of the month's
// flows against its readings (≤ 1.5 ×), and the incremental recompute of one late day.
// Data: a direct fixture (test/support/energy-fixture.ts) unless ENERGY_BENCH_DB names a database
// prepared another way (e.g. by `npm run demo -- --members 2000 --months 1`) with ENERGY_BENCH_SITE.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../src-main/core/db/connection.js';
import { recomputeSite } from '../../src-main/core/energy/recompute.js';
import { makeTempDir } from '../support/temp-dir.js';
import { insertReadings, seedVillage } from '../support/energy-fixture.js';

const MEMBERS = Number(process.env.ENERGY_BENCH_MEMBERS ?? 1700); // + 1 generation meter per 5 members ≈ 2,040 meters
const DAYS = 30;
const FROM = Date.parse('2026-03-01T00:00:00Z');
const TO = FROM + DAYS * 86_400_000;
const NOW = TO + 86_400_000;

interface BenchRecord { name: string; value: number; unit: string; baseline: number | null; ratio: number | null; target: string; pass: boolean }
const records: BenchRecord[] = [];
function report(record: BenchRecord): void {
  records.push(record);
  console.log(`${record.name}: ${record.value} ${record.unit}${record.baseline !== null ? ` (baseline ${record.baseline}, ratio ${record.ratio})` : ''}; target ${record.target} → ${record.pass ? 'pass' : 'FAIL'}`);
}
function save(): void {
  const dir = resolve(import.meta.dirname, '../../test-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'bench.json');
  const previous: BenchRecord[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchRecord[]) : [];
  const names = new Set(records.map((r) => r.name));
  writeFileSync(file, JSON.stringify([...previous.filter((r) => !names.has(r.name)), ...records], null, 2));
}
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

const temp = process.env.ENERGY_BENCH_DB ? null : makeTempDir('coop-energy-bench-');
const db = openDatabase({ file: process.env.ENERGY_BENCH_DB ?? join(temp!.path, 'coop.sqlite') });
try {
  let siteId = Number(process.env.ENERGY_BENCH_SITE ?? 0);
  if (!process.env.ENERGY_BENCH_DB) {
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
  const result = recomputeSite(db, siteId, FROM, TO, NOW, () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)));
  const allocMs = performance.now() - t0;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(`allocated ${result.intervalsRecomputed} intervals of ${meterCount} meters (${result.rowsRead} readings read; scan read ${baseline.rows})`);
  report({ name: 'energy.allocate.site-month', value: round(allocMs / 1000), unit: 's', baseline: round(baseline.ms / 1000), ratio: round(allocMs / baseline.ms), target: '≤ 3 × raw scan and ≤ 15 s', pass: allocMs <= 3 * baseline.ms && allocMs <= 15_000 });
  report({ name: 'energy.allocate.peak-rss', value: Math.round(peakRss / 1_048_576), unit: 'MB', baseline: null, ratio: null, target: '≤ 1024 MB', pass: peakRss <= 1024 * 1_048_576 });

  // Disk: the month's flows (member-days, site intervals, P2P rows) against the readings they came from.
  const bytes = (name: string): number => (db.prepare(`SELECT coalesce(sum(pgsize), 0) AS b FROM dbstat WHERE name = ?`).get(name) as { b: number }).b;
  const flowsBytes = bytes('energy_member_days') + bytes('energy_member_days_member') + bytes('energy_site_intervals') + bytes('energy_p2p_flows');
  const readingsBytes = bytes('meter_readings');
  report({ name: 'energy.flows.disk', value: round(flowsBytes / 1_048_576, 1), unit: 'MB', baseline: round(readingsBytes / 1_048_576, 1), ratio: round(flowsBytes / readingsBytes, 3), target: '≤ 1.5 × the readings', pass: flowsBytes <= 1.5 * readingsBytes });

  // Idempotent: a second run finds nothing to redo.
  const t1 = performance.now();
  const again = recomputeSite(db, siteId, FROM, TO, NOW);
  report({ name: 'energy.recompute.unchanged-month', value: round((performance.now() - t1) / 1000), unit: 's', baseline: round(allocMs / 1000), ratio: round((performance.now() - t1) / allocMs), target: '0 intervals redone', pass: again.intervalsRecomputed === 0 });

  // A late day: the last day's readings arrive; only that day is read and redone.
  if (!process.env.ENERGY_BENCH_DB) {
    const day = TO - 86_400_000;
    const meters = db.prepare(`SELECT id, equipment_ref FROM meters ORDER BY id`).all() as { id: number; equipment_ref: string | null }[];
    const rows: [number, number, number, number][] = [];
    for (const m of meters) for (let q = 0; q < 96; q++) rows.push([m.id, day + q * 900_000, m.equipment_ref ? 0 : 60 + (q % 20), m.equipment_ref ? 100 + (q % 50) : 0]);
    insertReadings(db, rows);
  }
  const lateFrom = TO - 86_400_000;
  const t2 = performance.now();
  const late = recomputeSite(db, siteId, lateFrom, TO, NOW);
  const lateMs = performance.now() - t2;
  report({ name: 'energy.recompute.late-day', value: round(lateMs / 1000), unit: 's', baseline: round(allocMs / 1000), ratio: round(lateMs / allocMs, 3), target: `≤ 1/${DAYS} of the month × 2 (${late.intervalsRecomputed} intervals redone)`, pass: lateMs <= (2 * allocMs) / DAYS });
  save();
} finally {
  db.close();
  temp?.remove();
}
