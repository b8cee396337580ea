// A small site whose generation is known by hand, written straight into a real SQLite file: three
// members, four generation meters (member 1: solar; member 2: solar + wind; member 3: solar,
// wind and hydro) with one reading each inside November (UTC) and one just outside, and November
// written as a posted settlement period (the token award reads the period, not its lines).
import type { Database } from 'better-sqlite3';
import { insertEquipment, insertMember, insertMeter, insertReadings, insertSite } from '../../support/energy-fixture.js';

export const NOV_FROM = '2026-11-01T00:00:00.000Z';
export const NOV_TO = '2026-12-01T00:00:00.000Z';
const at = (iso: string) => Date.parse(iso);

export interface TokenSite {
  readonly siteId: number;
  readonly members: readonly [number, number, number];
  readonly meters: Record<string, number>;
}

export function seedTokenSite(db: Database): TokenSite {
  const siteId = insertSite(db, 'Token Valley');
  const m1 = insertMember(db, siteId, 'T-1', 'Amina');
  const m2 = insertMember(db, siteId, 'T-2', 'Baraka');
  const m3 = insertMember(db, siteId, 'T-3', 'Chebet');
  const meter = (memberId: number, kind: string) => insertMeter(db, memberId, `EQ-${insertEquipment(db, siteId, kind, memberId)}`);
  const meters = { s1: meter(m1, 'solar'), s2: meter(m2, 'solar'), w2: meter(m2, 'wind'), s3: meter(m3, 'solar'), w3: meter(m3, 'wind'), h3: meter(m3, 'hydro') };
  insertReadings(db, [
    [meters.s1, at('2026-11-10T09:00:00Z'), 0, 2_501],
    [meters.s1, at('2026-10-31T23:45:00Z'), 0, 9_999], // October: not November's
    [meters.s1, at('2026-12-01T00:00:00Z'), 0, 7_777], // December: not November's
    [meters.s2, at('2026-11-10T09:00:00Z'), 0, 1_000],
    [meters.w2, at('2026-11-30T23:45:00Z'), 0, 333], // last quarter-hour of November
    [meters.s3, at('2026-11-01T00:00:00Z'), 0, 1_000], // first quarter-hour of November
    [meters.w3, at('2026-11-12T09:00:00Z'), 0, 1_000],
    [meters.h3, at('2026-11-13T09:00:00Z'), 0, 1_000],
  ]);
  return { siteId, members: [m1, m2, m3], meters };
}

/** November of the site as a posted settlement period (no lines: tokens need the period only). */
export function insertPostedPeriod(db: Database, siteId: number, from = NOV_FROM, to = NOV_TO): number {
  const now = new Date().toISOString();
  return Number(
    db.prepare(`INSERT INTO settlement_periods (site_id, period_from, period_to, first_interval, end_interval, status, currency, input_hash, flows_hash, computed_at, posted_at) VALUES (?, ?, ?, ?, ?, 'posted', 'KES', 'x', 'x', ?, ?)`)
      .run(siteId, from.slice(0, 10), new Date(Date.parse(to) - 86_400_000).toISOString().slice(0, 10), from, to, now, now).lastInsertRowid,
  );
}
