// Recompute of stored flows on a real SQLite file: hand-computed numbers through the metering model
// and the pool, idempotence, incremental recompute, estimation replaced by the real reading, and
// readings that must not be used (retired / unprovisioned meters).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../../src-main/core/db/connection.js';
import { recomputeSite } from '../../../src-main/core/energy/recompute.js';
import { auditSiteFlows } from '../../../src-main/core/energy/energy-audit.js';
import { EnergyService } from '../../../src-main/core/energy/energy-service.js';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { EventBus } from '../../../src-main/core/api/event-bus.js';
import { decodeMemberDay, F } from '../../../src-main/core/energy/member-day-codec.js';
import { SOURCE_INDEX } from '../../../src-main/core/energy/source-pool.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { insertEquipment, insertMember, insertMeter, insertReadings, insertSite } from '../../support/energy-fixture.js';

const DAY = Date.parse('2026-03-02T00:00:00Z');
const Q = 900_000;
const NOW = Date.parse('2026-04-01T00:00:00Z');

let dir: ReturnType<typeof makeTempDir>;
let db: Database;
let site: number;
let a: number, b: number, c: number;
let aConn: number, aGen: number, bConn: number, cConn: number;

beforeEach(() => {
  dir = makeTempDir('coop-energy-');
  db = openDatabase({ file: join(dir.path, 'coop.sqlite') });
  site = insertSite(db);
  a = insertMember(db, site, 'M-A', 'Amina');
  b = insertMember(db, site, 'M-B', 'Baraka');
  c = insertMember(db, site, 'M-C', 'Chiku');
  const solar = insertEquipment(db, site, 'solar', a);
  aConn = insertMeter(db, a, null);
  aGen = insertMeter(db, a, `EQ-SOLAR-${solar}`);
  bConn = insertMeter(db, b, null);
  cConn = insertMeter(db, c, null);
});
afterEach(() => {
  db.close();
  dir.remove();
});

/** One slot of one member's stored day: field → value. */
function slotOf(memberId: number, day: string, q: number): (field: number) => number {
  const row = db.prepare(`SELECT flows FROM energy_member_days WHERE site_id = ? AND day = ? AND member_id = ?`).get(site, day, memberId) as { flows: Buffer } | undefined;
  if (!row) throw new Error(`no flows for member ${memberId} on ${day}`);
  const values = decodeMemberDay(row.flows);
  return (field) => values[field * 96 + q] ?? 0;
}

describe('recomputeSite', () => {
  it('follows a solar host, two neighbours and the pool, by hand', () => {
    // Slot 0: A's array makes 100 Wh; A's connection exports 60 → A self-consumes 100 − 60 = 40 solar.
    // B imports 50, C imports 30: the pool (60) < needs (80) → 60·50/80 = 37.5, 60·30/80 = 22.5 →
    // floors 37 + 22, the missing 1 to the earlier of the equal remainders (B) → B 38, C 22.
    // B imports 50 − 38 = 12 from the main supply, C 30 − 22 = 8; nothing exported.
    insertReadings(db, [[aGen, DAY, 0, 100], [aConn, DAY, 0, 60], [bConn, DAY, 50, 0], [cConn, DAY, 30, 0]]);
    const result = recomputeSite(db, site, DAY, DAY + 86_400_000, DAY + Q);
    expect(result.intervalsRecomputed).toBe(1);
    const A = slotOf(a, '2026-03-02', 0);
    expect([A(F.self), A(F.selfMix + SOURCE_INDEX.solar), A(F.surplus), A(F.poolShared), A(F.mainExport)]).toEqual([40, 40, 60, 60, 0]);
    const B = slotOf(b, '2026-03-02', 0);
    expect([B(F.deficit), B(F.poolMix + SOURCE_INDEX.solar), B(F.mainImport)]).toEqual([50, 38, 12]);
    const C = slotOf(c, '2026-03-02', 0);
    expect([C(F.poolMix + SOURCE_INDEX.solar), C(F.mainImport), C(F.estimated)]).toEqual([22, 8, 0]);
    const siteRow = db.prepare(`SELECT gen_solar, exp_solar, consumption_wh, self_wh, pool_wh, main_import_wh, main_export_wh FROM energy_site_intervals WHERE site_id = ?`).get(site);
    expect(siteRow).toEqual({ gen_solar: 100, exp_solar: 0, consumption_wh: 40 + 50 + 30, self_wh: 40, pool_wh: 60, main_import_wh: 20, main_export_wh: 0 });
  });

  it('is idempotent and incremental: a second run changes nothing; one changed reading redoes one interval', () => {
    const rows: [number, number, number, number][] = [];
    for (let q = 0; q < 96; q++) rows.push([aGen, DAY + q * Q, 0, 100], [aConn, DAY + q * Q, 0, 60], [bConn, DAY + q * Q, 50, 0], [cConn, DAY + q * Q, 30, 0]);
    insertReadings(db, rows);
    const end = DAY + 86_400_000;
    expect(recomputeSite(db, site, DAY, end, NOW).intervalsRecomputed).toBe(96);
    const before = db.prepare(`SELECT * FROM energy_member_days ORDER BY member_id`).all();
    expect(recomputeSite(db, site, DAY, end, NOW).intervalsRecomputed).toBe(0);
    expect(db.prepare(`SELECT * FROM energy_member_days ORDER BY member_id`).all()).toEqual(before);
    // A preference of B from 12:00 on changes the inputs of the 48 afternoon intervals only.
    db.prepare(`INSERT INTO energy_source_preferences (member_id, valid_from, kinds, created_at) VALUES (?, '2026-03-02T12:00:00.000Z', 'wind', ?)`).run(b, new Date().toISOString());
    expect(recomputeSite(db, site, DAY, end, NOW).intervalsRecomputed).toBe(48);
  });

  it('recomputes after an ingest for the site the meter measures (the collector\'s call)', () => {
    const service = new EnergyService({ db, audit: new AuditRepo(db, () => new Date().toISOString()), events: new EventBus(), now: () => new Date(NOW) });
    insertReadings(db, [[aGen, DAY, 0, 100], [aConn, DAY, 0, 60], [bConn, DAY, 50, 0], [cConn, DAY, 30, 0]]);
    // The generation meter resolves to its equipment's site; the whole UTC day is recomputed once.
    expect(service.recomputeAfterIngest(aGen, new Date(DAY).toISOString(), new Date(DAY).toISOString())?.intervalsRecomputed).toBe(96);
    expect(service.recomputeAfterIngest(bConn, new Date(DAY).toISOString(), new Date(DAY).toISOString())?.intervalsRecomputed).toBe(0);
    expect(service.recomputeAfterIngest(insertMeter(db, null, null, 'attested'), new Date(DAY).toISOString(), new Date(DAY).toISOString())).toBeNull();
  });

  it('estimates a missing reading from the day before, flags it, and replaces it when the reading arrives', () => {
    // Day 1 measured; day 2 lacks B's reading of slot 5 → estimated from day 1's slot 5 (50 Wh).
    const rows: [number, number, number, number][] = [];
    for (let d = 0; d < 2; d++) for (let q = 0; q < 96; q++) {
      const t = DAY + d * 86_400_000 + q * Q;
      rows.push([aConn, t, 10, 0], [cConn, t, 30, 0]);
      if (!(d === 1 && q === 5)) rows.push([bConn, t, 50, 0]);
    }
    insertReadings(db, rows);
    recomputeSite(db, site, DAY, DAY + 2 * 86_400_000, NOW);
    let B = slotOf(b, '2026-03-03', 5);
    expect([B(F.deficit), B(F.estimated), B(F.mainImport)]).toEqual([50, 50, 50]);
    expect(slotOf(b, '2026-03-03', 6)(F.estimated)).toBe(0);
    insertReadings(db, [[bConn, DAY + 86_400_000 + 5 * Q, 44, 0]]);
    expect(recomputeSite(db, site, DAY, DAY + 2 * 86_400_000, NOW).intervalsRecomputed).toBe(1);
    B = slotOf(b, '2026-03-03', 5);
    expect([B(F.deficit), B(F.estimated)]).toEqual([44, 0]);
  });

  it('uses the key version in force for each interval: one on each side of a boundary', () => {
    // Key v1 (fixed: B = 1, C = 0, unused exported) from 00:15. Slot 0 (00:00) is before it: pro rata
    // as in the first test (B 38, C 22). Slot 1 (00:15): B's share is all 60, capped at its need 50;
    // C gets 0; the unused 10 go to the main supply.
    const at = new Date().toISOString();
    const v = Number(db.prepare(`INSERT INTO energy_key_versions (site_id, version, valid_from, mode, unused, created_at) VALUES (?, 1, '2026-03-02T00:15:00.000Z', 'fixed', 'export', ?)`).run(site, at).lastInsertRowid);
    db.prepare(`INSERT INTO energy_key_members (key_version_id, position, member_id, ppm) VALUES (?, 0, ?, 1000000), (?, 1, ?, 0)`).run(v, b, v, c);
    const rows: [number, number, number, number][] = [];
    for (const q of [0, 1]) rows.push([aGen, DAY + q * Q, 0, 100], [aConn, DAY + q * Q, 0, 60], [bConn, DAY + q * Q, 50, 0], [cConn, DAY + q * Q, 30, 0]);
    insertReadings(db, rows);
    recomputeSite(db, site, DAY, DAY + 86_400_000, DAY + 2 * Q);
    expect([0, 1].map((q) => [slotOf(b, '2026-03-02', q)(F.poolMix + SOURCE_INDEX.solar), slotOf(c, '2026-03-02', q)(F.poolMix + SOURCE_INDEX.solar), slotOf(a, '2026-03-02', q)(F.mainExport)])).toEqual([[38, 22, 0], [50, 0, 10]]);
    expect(db.prepare(`SELECT key_version_id FROM energy_site_intervals WHERE site_id = ? ORDER BY interval_start`).raw().all(site)).toEqual([[null], [v]]);
  });

  it('splits by a custom per-interval table, and falls back to pro rata where the table is silent', () => {
    // Table row for 00:00 only: B 0.25, C 0.75 → targets 15 / 45 of the pool 60; C is capped at its
    // need 30, the unused 15 are handed on to B (the only one still short) → B 30, C 30.
    // 00:15 is not in the table → pro rata: B 38, C 22 (as by hand above).
    const at = new Date().toISOString();
    const v = Number(db.prepare(`INSERT INTO energy_key_versions (site_id, version, valid_from, mode, unused, table_rows, created_at) VALUES (?, 1, '2026-03-02T00:00:00.000Z', 'custom_table', 'reallocate', 1, ?)`).run(site, at).lastInsertRowid);
    db.prepare(`INSERT INTO energy_key_members (key_version_id, position, member_id, ppm) VALUES (?, 0, ?, 0), (?, 1, ?, 0)`).run(v, b, v, c);
    const ppm = Buffer.alloc(8);
    ppm.writeUInt32LE(250_000, 0);
    ppm.writeUInt32LE(750_000, 4);
    db.prepare(`INSERT INTO energy_key_table (key_version_id, interval_start, ppm) VALUES (?, '2026-03-02T00:00:00.000Z', ?)`).run(v, ppm);
    const rows: [number, number, number, number][] = [];
    for (const q of [0, 1]) rows.push([aGen, DAY + q * Q, 0, 100], [aConn, DAY + q * Q, 0, 60], [bConn, DAY + q * Q, 50, 0], [cConn, DAY + q * Q, 30, 0]);
    insertReadings(db, rows);
    recomputeSite(db, site, DAY, DAY + 86_400_000, DAY + 2 * Q);
    expect([0, 1].map((q) => [slotOf(b, '2026-03-02', q)(F.poolMix + SOURCE_INDEX.solar), slotOf(c, '2026-03-02', q)(F.poolMix + SOURCE_INDEX.solar)])).toEqual([[30, 30], [38, 22]]);
  });

  it('the audit passes on computed flows and names an interval whose stored totals were altered', () => {
    insertReadings(db, [[aGen, DAY, 0, 100], [aConn, DAY, 0, 60], [bConn, DAY, 50, 0], [cConn, DAY, 30, 0]]);
    recomputeSite(db, site, DAY, DAY + 86_400_000, DAY + Q);
    expect(auditSiteFlows(db, site, '2026-03-02', '2026-03-02')).toMatchObject({ ok: true, intervalsChecked: 1, violationCount: 0 });
    db.prepare(`UPDATE energy_site_intervals SET main_import_wh = main_import_wh + 5 WHERE site_id = ?`).run(site);
    const report = auditSiteFlows(db, site, '2026-03-02', '2026-03-02');
    expect([report.ok, report.violations.map((v) => [v.intervalStart, v.rule])]).toEqual([false, [['2026-03-02T00:00:00.000Z', 'stale']]]);
  });

  it('never uses readings of an unprovisioned meter, nor a retired meter after retirement, and says why', () => {
    const stray = insertMeter(db, null, null, 'attested');
    const retired = insertMeter(db, c, null, 'retired', '2026-03-02T06:00:00.000Z');
    const rows: [number, number, number, number][] = [];
    for (let q = 0; q < 96; q++) rows.push([stray, DAY + q * Q, 999, 0], [retired, DAY + q * Q, 7, 0]);
    insertReadings(db, rows);
    const result = recomputeSite(db, site, DAY, DAY + 86_400_000, NOW);
    expect(result.excluded.map((e) => [e.reason, e.readings])).toEqual([['unprovisioned', 96], ['retired', 72]]);
    expect(result.excluded[1]?.message).toContain('retired on 2026-03-02');
    // Before 06:00 (slot 23) the retired meter's 7 Wh count for C; from slot 24 on they do not.
    expect(slotOf(c, '2026-03-02', 23)(F.deficit)).toBe(7);
    expect(slotOf(c, '2026-03-02', 24)(F.deficit)).toBe(0);
  });
});
