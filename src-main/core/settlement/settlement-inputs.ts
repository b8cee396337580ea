// Reads what the pure core needs for one site-period from the database: stored energy flows
// (energy_member_days via the codec, energy_p2p_flows), tariff versions, agreements running in the
// period, instalments already charged by posted periods. Also the flows fingerprint (late readings)
// read from the site's per-interval input hashes, so checking a period never decodes a member-day.
//
// Leased equipment's energy at its host is derived from the host's member-day per slot:
// - used from the equipment = the host's self-consumption of the equipment's kind, split evenly
//   over the host's equipment of that kind (largest remainder);
// - sold from the equipment = the host's sold surplus (P2P + pool) × self of that kind ÷ self (export
//   is split over generators pro rata of generation, so the self mix is the generation mix), then
//   split evenly over the equipment of that kind. When nothing was self-consumed in a slot the mix
//   is unknown: the sold surplus is split evenly over all the host's generating equipment.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AgreementTerms, type AgreementTermsValue } from '../../contract/agreements.js';
import { ENERGY_SOURCES } from '../../contract/energy.js';
import { TariffDefinition } from '../../contract/tariffs.js';
import { endsOn, instalmentSchedule } from '../agreements/terms-rules.js';
import { SLOTS_PER_DAY } from '../energy/estimation.js';
import { DAY_VALUES, F, decodeMemberDay } from '../energy/member-day-codec.js';
import { splitByWeights, splitEvenly } from '../tariffs/largest-remainder.js';
import { periodSlots } from './period-slots.js';
import type { LeasedEquipmentSlots, MemberSlotFlows, P2pFlowInput, SettlementAgreement, SettlementInput, TariffVersionInput } from './types.js';

const Q = 900_000;
const DAY_MS = 86_400_000;
const KINDS = ENERGY_SOURCES.length;

interface HostSeries {
  readonly self: Float64Array;
  readonly selfMix: Float64Array[]; // per kind
  readonly sold: Float64Array;
}

export interface ReadProgress {
  (done: number, total: number): void | Promise<void>;
}

/** The UTC days whose member-day rows hold the quarter hours [firstSlotMs, endMs). */
function daySpan(firstSlotMs: number, endMs: number): { firstDay: string; lastDay: string } {
  return { firstDay: new Date(Math.floor(firstSlotMs / DAY_MS) * DAY_MS).toISOString().slice(0, 10), lastDay: new Date(Math.floor((endMs - 1) / DAY_MS) * DAY_MS).toISOString().slice(0, 10) };
}

/**
 * Fingerprint of the period's stored flows: sha256 of every interval's input hash of the site
 * (energy_site_intervals). core/energy rewrites an interval's member-day values, P2P rows and input
 * hash in one transaction, and only when that hash changes, so this changes exactly when the
 * period's flows do (a late reading, a new key or agreement) — read from 96 short rows a day
 * instead of decoding every member-day.
 */
export function flowsFingerprint(db: Database, siteId: number, firstSlotMs: number, slotCount: number): string {
  const joined = db.prepare(`SELECT group_concat(interval_start || '|' || input_hash, ';' ORDER BY interval_start) FROM energy_site_intervals WHERE site_id = ? AND interval_start >= ? AND interval_start < ?`)
    .pluck().get(siteId, new Date(firstSlotMs).toISOString(), new Date(firstSlotMs + slotCount * Q).toISOString()) as string | null;
  return createHash('sha256').update(joined ?? '').digest('hex');
}

/** Members settled: the site's active members who had joined by `to`, and anyone with flows in the period. */
export function memberIdsOfPeriod(db: Database, siteId: number, to: string, firstSlotMs: number, slotCount: number): number[] {
  const { firstDay, lastDay } = daySpan(firstSlotMs, firstSlotMs + slotCount * Q);
  // One index seek per member (energy_member_days_member), not a scan of the month's blobs.
  return db.prepare(`SELECT id FROM members m WHERE (site_id = ? AND active = 1 AND joined_on <= ?)
      OR EXISTS (SELECT 1 FROM energy_member_days d WHERE d.member_id = m.id AND d.day >= ? AND d.day <= ? AND d.site_id = ?) ORDER BY id`).pluck().all(siteId, to, firstDay, lastDay, siteId) as number[];
}

export function flowsOfPeriod(db: Database, siteId: number, firstSlotMs: number, slotCount: number, hosts: ReadonlySet<number>): { flows: MemberSlotFlows[]; hostSeries: Map<number, HostSeries>; p2p: P2pFlowInput[] } {
  const endMs = firstSlotMs + slotCount * Q;
  const { firstDay, lastDay } = daySpan(firstSlotMs, endMs);
  const rows = db.prepare(`SELECT day, member_id, flows FROM energy_member_days WHERE site_id = ? AND day >= ? AND day <= ? ORDER BY member_id, day`).raw().iterate(siteId, firstDay, lastDay) as Iterable<[string, number, Buffer]>;
  const byMember = new Map<number, MemberSlotFlows>();
  const hostSeries = new Map<number, HostSeries>();
  const values = new Float64Array(DAY_VALUES);
  const S = SLOTS_PER_DAY;
  const { mainImport, poolMix, poolShared, self, selfMix, p2pSold } = F;
  for (const [day, memberId, blob] of rows) {
    decodeMemberDay(blob, values);
    const dayMs = Date.parse(`${day}T00:00:00Z`);
    const from = Math.max(0, (firstSlotMs - dayMs) / Q);
    const to = Math.min(S, (endMs - dayMs) / Q);
    if (from >= to) continue;
    let f = byMember.get(memberId);
    if (!f) byMember.set(memberId, (f = { memberId, mainImportWh: new Float64Array(slotCount), poolWh: new Float64Array(slotCount), poolSharedWh: new Float64Array(slotCount) }));
    const main = f.mainImportWh as Float64Array;
    const pool = f.poolWh as Float64Array;
    const shared = f.poolSharedWh as Float64Array;
    const host = hosts.has(memberId) ? (hostSeries.get(memberId) ?? newHost(hostSeries, memberId, slotCount)) : null;
    // Whole rows copied natively (a month of 2,000 members is 6 M quarter hours); the pool is the
    // sum of its per-source rows. Each slot belongs to one day, so the sums start from zero.
    const offset = (dayMs - firstSlotMs) / Q;
    const row = (field: number) => values.subarray(field * S + from, field * S + to);
    main.set(row(mainImport), offset + from);
    shared.set(row(poolShared), offset + from);
    for (let i = 0; i < KINDS; i++) {
      const base = (poolMix + i) * S;
      for (let s = from; s < to; s++) pool[offset + s]! += values[base + s]!;
    }
    if (host) {
      host.self.set(row(self), offset + from);
      for (let i = 0; i < KINDS; i++) host.selfMix[i]!.set(row(selfMix + i), offset + from);
      const base = p2pSold * S;
      for (let s = from; s < to; s++) host.sold[offset + s] = values[base + s]! + values[poolShared * S + s]!;
    }
  }
  const firstIso = new Date(firstSlotMs).toISOString();
  const endIso = new Date(endMs).toISOString();
  const p2pRows = db.prepare(`SELECT f.agreement_id, f.interval_start, f.buyer_member_id, f.seller_member_id, f.wh FROM energy_p2p_flows f JOIN agreements a ON a.id = f.agreement_id
     WHERE a.site_id = ? AND f.interval_start >= ? AND f.interval_start < ? ORDER BY f.agreement_id, f.interval_start, f.buyer_member_id`).raw().all(siteId, firstIso, endIso) as [number, string, number, number, number][];
  const p2p = p2pRows.map(([agreementId, start, buyerMemberId, sellerMemberId, wh]) => ({ agreementId, slot: (Date.parse(start) - firstSlotMs) / Q, buyerMemberId, sellerMemberId, wh }));
  return { flows: [...byMember.values()], hostSeries, p2p };
}

function newHost(map: Map<number, HostSeries>, memberId: number, slotCount: number): HostSeries {
  const h = { self: new Float64Array(slotCount), selfMix: Array.from({ length: KINDS }, () => new Float64Array(slotCount)), sold: new Float64Array(slotCount) };
  map.set(memberId, h);
  return h;
}

interface AgreementRow { id: number; version: number; activated_at: string; ended_at: string | null; terms_json: string }
export interface EquipmentRow { readonly id: number; readonly kind: string; readonly premises: number }

/** Equipment in service and whose premises it stands at (its host, else its owner). */
export function equipmentRows(db: Database): EquipmentRow[] {
  return db.prepare(`SELECT id, kind, COALESCE(host_member_id, owner_member_id) AS premises FROM equipment WHERE status <> 'retired' ORDER BY id`).all() as EquipmentRow[];
}

/** The equipment a leased agreement's energy is split over: everything at its host's premises, and the leased item. */
export function equipmentAtHosts(equipment: readonly EquipmentRow[], agreements: readonly SettlementAgreement[]): EquipmentRow[] {
  const hosts = new Set<number>();
  const leased = new Set<number>();
  for (const a of agreements) {
    if (a.terms.kind === 'p2p_sale') continue;
    hosts.add(a.terms.hostMemberId);
    leased.add(a.terms.equipmentId);
  }
  return equipment.filter((e) => hosts.has(e.premises) || leased.has(e.id));
}

/** Agreements of the site that ran at some point of [firstIso, endIso). */
export function agreementsOfPeriod(db: Database, siteId: number, firstIso: string, endIso: string, periodFrom: string): SettlementAgreement[] {
  const rows = db.prepare(`SELECT a.id, a.current_version AS version, a.activated_at, a.ended_at, v.terms_json FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.current_version
     WHERE a.site_id = ? AND a.activated_at IS NOT NULL ORDER BY a.id`).all(siteId) as AgreementRow[];
  const charged = db.prepare(`SELECT DISTINCT l.instalment_no FROM settlement_lines l JOIN settlement_periods p ON p.id = l.period_id
     WHERE l.agreement_id = ? AND l.code = 'instalment' AND l.amount_minor < 0 AND p.status = 'posted' AND p.period_from < ?`).pluck();
  const out: SettlementAgreement[] = [];
  for (const row of rows) {
    const terms: AgreementTermsValue = AgreementTerms.parse(JSON.parse(row.terms_json));
    const start = `${terms.startsOn}T00:00:00.000Z`;
    const termEnd = `${endsOn(terms)}T00:00:00.000Z`;
    const activeFrom = row.activated_at > start ? row.activated_at : start;
    const activeUntil = row.ended_at !== null && row.ended_at < termEnd ? row.ended_at : termEnd;
    if (activeFrom >= endIso || activeUntil <= firstIso) continue;
    out.push({ id: row.id, version: row.version, terms, activeFrom, activeUntil, schedule: instalmentSchedule(terms), instalmentsCharged: (charged.all(row.id, periodFrom) as number[]).sort((a, b) => a - b) });
  }
  return out;
}

/** Per leased agreement, the Wh used from and sold from its equipment at the host, per slot (see the header). */
export function leasedEquipmentSlots(db: Database, agreements: readonly SettlementAgreement[], hostSeries: ReadonlyMap<number, HostSeries>, slotCount: number, equipment: readonly EquipmentRow[] = equipmentRows(db)): LeasedEquipmentSlots[] {
  const out: LeasedEquipmentSlots[] = [];
  for (const a of agreements) {
    const t = a.terms;
    if (t.kind === 'p2p_sale') continue;
    const usedWh = new Float64Array(slotCount);
    const soldWh = new Float64Array(slotCount);
    out.push({ agreementId: a.id, usedWh, soldWh });
    const host = hostSeries.get(t.hostMemberId);
    const me = equipment.find((e) => e.id === t.equipmentId);
    if (!host || !me) continue;
    const atHost = equipment.filter((e) => e.premises === t.hostMemberId || e.id === me.id);
    const sameKind = atHost.filter((e) => e.kind === me.kind);
    const myIndex = sameKind.findIndex((e) => e.id === me.id);
    const kind = Math.max(0, (ENERGY_SOURCES as readonly string[]).indexOf(me.kind));
    for (let k = 0; k < slotCount; k++) {
      const selfK = host.selfMix[kind]![k] ?? 0;
      if (selfK > 0) usedWh[k] = splitEvenly(selfK, sameKind.length)[myIndex] ?? 0;
      const sold = host.sold[k] ?? 0;
      if (sold === 0) continue;
      const self = host.self[k] ?? 0;
      if (self > 0) {
        const ofKind = selfK >= self ? sold : (splitByWeights(sold, [selfK, self - selfK])[0] ?? 0);
        soldWh[k] = splitEvenly(ofKind, sameKind.length)[myIndex] ?? 0;
      } else {
        const index = atHost.findIndex((e) => e.id === me.id);
        soldWh[k] = splitEvenly(sold, atHost.length)[index] ?? 0;
      }
    }
  }
  return out;
}

export function tariffVersionsOf(db: Database, planIds: readonly number[]): TariffVersionInput[] {
  if (planIds.length === 0) return [];
  const rows = db.prepare(`SELECT id, plan_id, version, valid_from, definition_json FROM tariff_versions WHERE plan_id IN (${planIds.map(() => '?').join(',')}) ORDER BY plan_id, valid_from`).all(...planIds) as { id: number; plan_id: number; version: number; valid_from: string; definition_json: string }[];
  return rows.map((r) => ({ id: r.id, planId: r.plan_id, version: r.version, validFrom: r.valid_from, definition: TariffDefinition.parse(JSON.parse(r.definition_json)) }));
}

export { periodSlots };
