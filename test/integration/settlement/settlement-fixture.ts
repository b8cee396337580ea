// A small settled site written straight into a real SQLite file: cooperative (Nairobi, KES), a tariff,
// members, a hosted lease, and energy flows stored the way core/energy stores them (member-day blobs
// through the codec, and the interval's input hash changed with them, as a recompute does), so each
// expected amount can be worked out by hand.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { OperatorPublic } from '../../../src-main/contract/session.js';
import { ENERGY_SOURCES } from '../../../src-main/contract/energy.js';
import { DAY_VALUES, F, encodeMemberDay, decodeMemberDay } from '../../../src-main/core/energy/member-day-codec.js';

const AT = '2026-10-01T00:00:00.000Z';
const SOLAR = ENERGY_SOURCES.indexOf('solar');

export interface SettledSite {
  siteId: number; a: number; host: number; owner: number; agreementId: number; equipmentId: number; planId: number; actor: OperatorPublic;
}

export function seedSite(db: Database): SettledSite {
  db.prepare(`INSERT INTO cooperative (id, name, currency, timezone, locale, created_at) VALUES (1, 'Coop', 'KES', 'Africa/Nairobi', 'en', ?)`).run(AT);
  const siteId = Number(db.prepare(`INSERT INTO sites (name, village, created_at) VALUES ('Green Valley', 'Kijiji', ?)`).run(AT).lastInsertRowid);
  const operatorId = Number(db.prepare(`INSERT INTO operators (username, display_name, role, password_hash, created_at) VALUES ('admin', 'Admin', 'admin', 'x', ?)`).run(AT).lastInsertRowid);
  const member = (no: string, name: string) => Number(db.prepare(`INSERT INTO members (member_no, full_name, site_id, joined_on, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', ?, ?)`).run(no, name, siteId, AT, AT).lastInsertRowid);
  const a = member('M-1', 'Amina');
  const host = member('M-2', 'Baraka');
  const owner = member('M-3', 'Chebet');
  const planId = Number(db.prepare(`INSERT INTO tariff_plans (site_id, name, created_at) VALUES (?, 'Standard', ?)`).run(siteId, AT).lastInsertRowid);
  db.prepare(`INSERT INTO tariff_versions (plan_id, version, valid_from, definition_json, created_at) VALUES (?, 1, '2026-01-01T00:00:00.000Z', ?, ?)`)
    .run(planId, JSON.stringify({ energy: { mode: 'flat', rateMilliPerKwh: 20_000 }, fixedMonthlyMinor: 3_000, gridFeeMilliPerKwh: 0, taxBps: 0, loadLimitW: null, dailyEnergyLimitWh: null }), AT);
  const equipmentId = Number(db.prepare(`INSERT INTO equipment (kind, rated_power_w, owner_member_id, host_member_id, site_id, status, created_at, updated_at) VALUES ('solar', 3000, ?, ?, ?, 'leased', ?, ?)`).run(owner, host, siteId, AT, AT).lastInsertRowid);
  const terms = { kind: 'hosted_lease', equipmentId, ownerMemberId: owner, hostMemberId: host, startsOn: '2026-10-01', termYears: 5, energyRateMilliPerKwh: 50_000, rentShareBps: 2_000, surplusOwnerBps: 6_000, endOfTerm: 'equipment_returns_to_owner', notes: '' };
  const agreementId = Number(db.prepare(`INSERT INTO agreements (kind, status, title, site_id, equipment_id, current_version, created_at, updated_at, activated_at) VALUES ('hosted_lease', 'active', 'Solar lease', ?, ?, 1, ?, ?, ?)`).run(siteId, equipmentId, AT, AT, AT).lastInsertRowid);
  db.prepare(`INSERT INTO agreement_versions (agreement_id, version, terms_json, created_at) VALUES (?, 1, ?, ?)`).run(agreementId, JSON.stringify(terms), AT);
  return { siteId, a, host, owner, agreementId, equipmentId, planId, actor: { id: operatorId, username: 'admin', displayName: 'Admin', role: 'admin' } };
}

/** Adds Wh to fields of one member's UTC day at the slot of `iso` (a quarter-hour start). */
export function addFlow(db: Database, siteId: number, memberId: number, iso: string, fields: Partial<Record<'mainImport' | 'poolSolar' | 'poolShared' | 'selfSolar', number>>): void {
  const day = iso.slice(0, 10);
  const slot = (Date.parse(iso) - Date.parse(`${day}T00:00:00Z`)) / 900_000;
  const row = db.prepare(`SELECT flows FROM energy_member_days WHERE site_id = ? AND day = ? AND member_id = ?`).get(siteId, day, memberId) as { flows: Buffer } | undefined;
  const values = row ? decodeMemberDay(row.flows) : new Float64Array(DAY_VALUES);
  const add = (field: number, wh: number) => (values[field * 96 + slot] = (values[field * 96 + slot] ?? 0) + wh);
  add(F.computed, values[F.computed * 96 + slot] ? 0 : 1);
  if (fields.mainImport) add(F.mainImport, fields.mainImport);
  if (fields.poolSolar) add(F.poolMix + SOLAR, fields.poolSolar);
  if (fields.poolShared) add(F.poolShared, fields.poolShared);
  if (fields.selfSolar) {
    add(F.selfMix + SOLAR, fields.selfSolar);
    add(F.self, fields.selfSolar);
  }
  db.prepare(`INSERT OR REPLACE INTO energy_member_days (site_id, day, member_id, flows) VALUES (?, ?, ?, ?)`).run(siteId, day, memberId, encodeMemberDay(values));
  // core/energy rewrites an interval's row (and its input hash) whenever its flows change: so here.
  const before = (db.prepare(`SELECT input_hash FROM energy_site_intervals WHERE site_id = ? AND interval_start = ?`).pluck().get(siteId, iso) as string | undefined) ?? '';
  const inputHash = createHash('sha256').update(`${before}|${memberId}|${JSON.stringify(fields)}`).digest('hex').slice(0, 16);
  db.prepare(`INSERT OR REPLACE INTO energy_site_intervals VALUES (?, ?, ?, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?)`).run(siteId, iso, inputHash, AT);
}

/** November's flows (see the test for the arithmetic). */
export function seedNovember(db: Database, s: SettledSite): void {
  addFlow(db, s.siteId, s.a, '2026-11-10T09:00:00.000Z', { mainImport: 1_000 });
  addFlow(db, s.siteId, s.a, '2026-11-10T10:00:00.000Z', { poolSolar: 500 });
  addFlow(db, s.siteId, s.host, '2026-11-10T09:00:00.000Z', { selfSolar: 2_000 });
  addFlow(db, s.siteId, s.host, '2026-11-10T10:00:00.000Z', { poolShared: 500 });
}
