// A fast, direct fixture for energy tests and the benchmark: a site with members, connection meters,
// equipment with generation meters, and readings written straight into SQLite (no signing — the
// verified ingest has its own tests and benchmark; w10-feed's demo generator goes through it).
// Readings follow deterministic profiles so a test can hand-compute what it needs.
import type { Database } from 'better-sqlite3';

const iso = (ms: number) => new Date(ms).toISOString();

export interface FixtureIds {
  readonly siteId: number;
  readonly memberIds: number[];
  /** Connection meter id per member (same order). */
  readonly connectionMeterIds: number[];
  readonly generationMeters: { meterId: number; equipmentId: number; hostMemberId: number; kind: string }[];
}

let instanceCounter = 0;
export function insertMeter(db: Database, memberId: number | null, equipmentRef: string | null, status = 'provisioned', at = '2026-01-01T00:00:00.000Z'): number {
  instanceCounter += 1;
  const instance = `01${instanceCounter.toString(16).padStart(64, '0')}`;
  const id = Number(
    db.prepare(`INSERT INTO meters (instance_id_hex, implementation_id_hex, model, serial_number, firmware_version, status, member_id, equipment_ref, interval_seconds, provisioning_id, created_at, updated_at)
                VALUES (?, ?, 'CM-1', ?, '1', ?, ?, ?, 900, 'prov-fixture', ?, ?)`).run(instance, '00'.repeat(32), `SN-${instanceCounter}`, status, memberId, equipmentRef, at, at).lastInsertRowid,
  );
  db.prepare(`INSERT INTO meter_batches (meter_id, seq, sha256, prev_sha256, provisioning_id, record_count, raw, received_at) VALUES (?, 1, 'fixture', 'fixture', 'prov-fixture', 0, x'00', ?)`).run(id, at);
  return id;
}

export function insertSite(db: Database, name = 'Green Valley'): number {
  if (!db.prepare(`SELECT 1 FROM cooperative`).get()) db.prepare(`INSERT INTO cooperative (id, name, currency, timezone, locale, created_at) VALUES (1, 'Coop', 'KES', 'Africa/Nairobi', 'en', ?)`).run(iso(Date.now()));
  return Number(db.prepare(`INSERT INTO sites (name, created_at) VALUES (?, ?)`).run(name, iso(Date.now())).lastInsertRowid);
}

export function insertMember(db: Database, siteId: number, memberNo: string, name = memberNo): number {
  const at = iso(Date.now());
  return Number(db.prepare(`INSERT INTO members (member_no, full_name, site_id, joined_on, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', ?, ?)`).run(memberNo, name, siteId, at, at).lastInsertRowid);
}

export function insertEquipment(db: Database, siteId: number, kind: string, hostMemberId: number, ratedPowerW = 5000): number {
  const at = iso(Date.now());
  return Number(
    db.prepare(`INSERT INTO equipment (kind, rated_power_w, storage_wh, owner_member_id, host_member_id, site_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'installed', ?, ?)`)
      .run(kind, ratedPowerW, kind === 'battery' ? 10_000 : null, hostMemberId, hostMemberId, siteId, at, at).lastInsertRowid,
  );
}

/** Writes readings [meterId, startMs, importWh, exportWh] in multi-row INSERTs, one transaction. */
export function insertReadings(db: Database, rows: readonly (readonly [number, number, number, number])[]): void {
  const CHUNK = 200;
  const batchOf = new Map<number, number>();
  const batchId = (meterId: number) => {
    let id = batchOf.get(meterId);
    if (id === undefined) {
      id = (db.prepare(`SELECT id FROM meter_batches WHERE meter_id = ? ORDER BY id LIMIT 1`).get(meterId) as { id: number }).id;
      batchOf.set(meterId, id);
    }
    return id;
  };
  const many = db.prepare(`INSERT INTO meter_readings (meter_id, interval_start, interval_seconds, import_wh, export_wh, batch_id) VALUES ${new Array(CHUNK).fill('(?, ?, 900, ?, ?, ?)').join(', ')}`);
  const one = db.prepare(`INSERT INTO meter_readings (meter_id, interval_start, interval_seconds, import_wh, export_wh, batch_id) VALUES (?, ?, 900, ?, ?, ?)`);
  db.transaction(() => {
    let i = 0;
    const args: unknown[] = [];
    for (; i + CHUNK <= rows.length; i += CHUNK) {
      args.length = 0;
      for (let j = i; j < i + CHUNK; j++) {
        const [m, t, imp, exp] = rows[j] as [number, number, number, number];
        args.push(m, iso(t), imp, exp, batchId(m));
      }
      many.run(...args);
    }
    for (; i < rows.length; i++) {
      const [m, t, imp, exp] = rows[i] as [number, number, number, number];
      one.run(m, iso(t), imp, exp, batchId(m));
    }
  })();
}

/** Solar-shaped output (Wh per 15 min) at a UTC slot of the day, for a 5 kW array near the equator. */
export const solarWh = (slotOfDay: number, peakWh = 1000): number => {
  const hour = slotOfDay / 4 - 3; // UTC+3: local noon at 09:00 UTC
  return hour < 6 || hour >= 18 ? 0 : Math.round(peakWh * Math.sin(((hour - 6) / 12) * Math.PI));
};
/** A household's use (Wh per 15 min): base load, morning and evening peaks, varied by member. */
export const householdWh = (slotOfDay: number, member: number): number => {
  const hour = (slotOfDay / 4 + 3) % 24;
  const peak = (hour >= 6 && hour < 8) || (hour >= 18 && hour < 22) ? 120 : 0;
  return 40 + peak + ((member * 7 + slotOfDay * 13) % 30);
};

/**
 * A synthetic village: `members` households, every `hostEvery`-th hosting a solar array (or wind,
 * alternately) with a generation meter; readings every 15 min for `days` days from `fromMs`.
 * Connection meters see import = max(0, use − generation), export = max(0, generation − use).
 */
export function seedVillage(db: Database, opts: { members: number; days: number; fromMs: number; hostEvery?: number; siteId?: number }): FixtureIds {
  const siteId = opts.siteId ?? insertSite(db);
  const hostEvery = opts.hostEvery ?? 5;
  const memberIds: number[] = [];
  const connectionMeterIds: number[] = [];
  const generationMeters: FixtureIds['generationMeters'] = [];
  db.transaction(() => {
    for (let i = 0; i < opts.members; i++) {
      const memberId = insertMember(db, siteId, `M-${String(i + 1).padStart(4, '0')}`, `Member ${i + 1}`);
      memberIds.push(memberId);
      connectionMeterIds.push(insertMeter(db, memberId, null));
      if (i % hostEvery === 0) {
        const kind = (i / hostEvery) % 2 === 0 ? 'solar' : 'wind';
        const equipmentId = insertEquipment(db, siteId, kind, memberId);
        generationMeters.push({ meterId: insertMeter(db, memberId, `EQ-${equipmentId}`), equipmentId, hostMemberId: memberId, kind });
      }
    }
  })();
  const slots = opts.days * 96;
  const genByMember = new Map(generationMeters.map((g) => [g.hostMemberId, g]));
  const rows: [number, number, number, number][] = [];
  const flush = () => {
    insertReadings(db, rows);
    rows.length = 0;
  };
  memberIds.forEach((memberId, i) => {
    const gen = genByMember.get(memberId);
    for (let s = 0; s < slots; s++) {
      const t = opts.fromMs + s * 900_000;
      const q = s % 96;
      const use = householdWh(q, i);
      const produced = gen ? (gen.kind === 'solar' ? solarWh(q) : 150 + ((s * 31 + i) % 200)) : 0;
      rows.push([connectionMeterIds[i] as number, t, Math.max(0, use - produced), Math.max(0, produced - use)]);
      if (gen) rows.push([gen.meterId, t, 0, produced]);
    }
    if (rows.length > 200_000) flush();
  });
  flush();
  return { siteId, memberIds, connectionMeterIds, generationMeters };
}
