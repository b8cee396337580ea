// Read models over stored flows: site series (columnar buckets in the cooperative's time zone),
// KPIs with their definitions, the Sankey of a period, and a member's days. Everything is a sum
// of stored integers, so each figure can be re-derived from the intervals below it.
import type { Database } from 'better-sqlite3';
import { ENERGY_SOURCES, type EnergyBucket, type EnergyFlows, type EnergyKpis, type EnergySeries, type EnergySource, type FlowLink, type FlowNode, type MemberEnergy, type MemberEnergyDay } from '../../contract/energy.js';
import { splitByWeights } from '../tariffs/largest-remainder.js';
import { localParts } from '../tariffs/local-time.js';
import { SLOTS_PER_DAY } from './estimation.js';
import { F, decodeMemberDay } from './member-day-codec.js';
import { SLOT_MS } from './site-inputs.js';
import { emptyMix } from './source-pool.js';

const MARGIN_MS = 14 * 3_600_000; // the widest zone offset: a local date lies within its UTC date ± 14 h
const K = ENERGY_SOURCES.length;

interface IntervalRow {
  interval_start: string;
  gen: number[];
  exp: number[];
  consumption_wh: number; self_wh: number; p2p_wh: number; pool_wh: number; main_import_wh: number; main_export_wh: number; estimated_wh: number; unattested_wh: number;
}

/** Stored site intervals whose local date is within [from, to]. */
function siteIntervals(db: Database, siteId: number, from: string, to: string, timeZone: string): IntervalRow[] {
  const lo = new Date(Date.parse(`${from}T00:00:00Z`) - MARGIN_MS).toISOString();
  const hi = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000 + MARGIN_MS).toISOString();
  const raw = db
    .prepare(
      `SELECT interval_start, gen_solar, gen_wind, gen_hydro, gen_biogas, gen_battery, gen_other, exp_solar, exp_wind, exp_hydro, exp_biogas, exp_battery, exp_other,
              consumption_wh, self_wh, p2p_wh, pool_wh, main_import_wh, main_export_wh, estimated_wh, unattested_wh
       FROM energy_site_intervals WHERE site_id = ? AND interval_start >= ? AND interval_start < ? ORDER BY interval_start`,
    )
    .raw()
    .all(siteId, lo, hi) as (string | number)[][];
  const out: IntervalRow[] = [];
  for (const r of raw) {
    const start = r[0] as string;
    const date = localParts(Date.parse(start), timeZone).date;
    if (date < from || date > to) continue;
    out.push({
      interval_start: start, gen: r.slice(1, 7) as number[], exp: r.slice(7, 13) as number[],
      consumption_wh: r[13] as number, self_wh: r[14] as number, p2p_wh: r[15] as number, pool_wh: r[16] as number,
      main_import_wh: r[17] as number, main_export_wh: r[18] as number, estimated_wh: r[19] as number, unattested_wh: r[20] as number,
    });
  }
  return out;
}

/** The start of the bucket an instant falls in, as a UTC instant (local midnight / hour for day, week, month). */
function bucketKey(ms: number, bucket: EnergyBucket, timeZone: string): string {
  if (bucket === 'interval') return new Date(ms).toISOString();
  const local = localParts(ms, timeZone);
  if (bucket === 'hour') return `${local.date}T${String(local.hour).padStart(2, '0')}`;
  if (bucket === 'day') return local.date;
  if (bucket === 'month') return local.month;
  const d = new Date(`${local.date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - local.weekday); // ISO weeks start on Monday
  return d.toISOString().slice(0, 10);
}

/**
 * Every bucket of the period, in order, whether it has flows or not (time drawn as it passed: an
 * empty bucket is a gap, never skipped). A bucket starts at the first interval of the period in it
 * (local midnight / hour for day, week, month; the period's first day for a week or month it cuts).
 * intervalsMissing counts only intervals that have ended by `nowMs`: days not lived yet are not
 * missing data.
 */
export function siteSeries(db: Database, siteId: number, from: string, to: string, bucket: EnergyBucket, timeZone: string, nowMs: number): EnergySeries {
  const rows = siteIntervals(db, siteId, from, to, timeZone);
  const starts: string[] = [];
  const computedPerBucket: number[] = [];
  const gen = Object.fromEntries(ENERGY_SOURCES.map((s) => [s, [] as number[]])) as Record<EnergySource, number[]>;
  const cols = { consumptionWh: [] as number[], selfConsumedWh: [] as number[], sharedWh: [] as number[], p2pWh: [] as number[], mainImportWh: [] as number[], mainExportWh: [] as number[], estimatedWh: [] as number[], unattestedWh: [] as number[] };
  const lo = Date.parse(`${from}T00:00:00Z`) - MARGIN_MS;
  const hi = Date.parse(`${to}T00:00:00Z`) + 86_400_000 + MARGIN_MS;
  let lastKey = '';
  let next = 0; // the next stored row (rows are in time order, all within the period)
  let ended = 0;
  let endedComputed = 0;
  for (let ms = lo; ms < hi; ms += SLOT_MS) {
    const date = localParts(ms, timeZone).date;
    if (date < from || date > to) continue;
    const key = bucketKey(ms, bucket, timeZone);
    if (key !== lastKey) {
      lastKey = key;
      starts.push(new Date(ms).toISOString());
      computedPerBucket.push(0);
      for (const s of ENERGY_SOURCES) gen[s].push(0);
      for (const c of Object.values(cols)) c.push(0);
    }
    const hasEnded = ms + SLOT_MS <= nowMs;
    if (hasEnded) ended++;
    while (next < rows.length && Date.parse(rows[next]?.interval_start ?? '') < ms) next++;
    const r = rows[next];
    if (!r || Date.parse(r.interval_start) !== ms) continue;
    next++;
    if (hasEnded) endedComputed++;
    const i = starts.length - 1;
    computedPerBucket[i] = (computedPerBucket[i] ?? 0) + 1;
    ENERGY_SOURCES.forEach((s, k) => (gen[s][i] = (gen[s][i] ?? 0) + (r.gen[k] ?? 0)));
    const add = (c: number[], v: number) => (c[i] = (c[i] ?? 0) + v);
    add(cols.consumptionWh, r.consumption_wh);
    add(cols.selfConsumedWh, r.self_wh);
    add(cols.sharedWh, r.p2p_wh + r.pool_wh);
    add(cols.p2pWh, r.p2p_wh);
    add(cols.mainImportWh, r.main_import_wh);
    add(cols.mainExportWh, r.main_export_wh);
    add(cols.estimatedWh, r.estimated_wh);
    add(cols.unattestedWh, r.unattested_wh);
  }
  return { siteId, bucket, starts, computedPerBucket, generationBySource: gen, ...cols, intervalsComputed: rows.length, intervalsMissing: ended - endedComputed };
}

interface Totals { gen: number[]; exp: number[]; consumption: number; self: number; p2p: number; pool: number; imp: number; ex: number; est: number; unatt: number }
function totals(rows: readonly IntervalRow[]): Totals {
  const t: Totals = { gen: new Array<number>(K).fill(0), exp: new Array<number>(K).fill(0), consumption: 0, self: 0, p2p: 0, pool: 0, imp: 0, ex: 0, est: 0, unatt: 0 };
  for (const r of rows) {
    for (let k = 0; k < K; k++) {
      t.gen[k] = (t.gen[k] ?? 0) + (r.gen[k] ?? 0);
      t.exp[k] = (t.exp[k] ?? 0) + (r.exp[k] ?? 0);
    }
    t.consumption += r.consumption_wh;
    t.self += r.self_wh;
    t.p2p += r.p2p_wh;
    t.pool += r.pool_wh;
    t.imp += r.main_import_wh;
    t.ex += r.main_export_wh;
    t.est += r.estimated_wh;
    t.unatt += r.unattested_wh;
  }
  return t;
}

const bp = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part * 10_000) / whole) : null);

export const KPI_DEFINITIONS = {
  selfSufficiency: 'Self-sufficiency = demand met locally (self-consumed + shared between members) ÷ total demand (consumption).',
  selfConsumption: 'Self-consumption = local generation used in the site (self-consumed + shared) ÷ local generation.',
  sourceShare: "Share of a source = that source's generation ÷ all local generation.",
} as const;

export function siteKpis(db: Database, siteId: number, from: string, to: string, timeZone: string): EnergyKpis {
  const t = totals(siteIntervals(db, siteId, from, to, timeZone));
  const generation = t.gen.reduce((a, b) => a + b, 0);
  const local = t.self + t.p2p + t.pool;
  return {
    siteId, from, to, demandWh: t.consumption, localGenerationWh: generation, locallyCoveredWh: local, locallyUsedWh: local,
    selfSufficiencyBp: bp(local, t.consumption), selfConsumptionBp: bp(local, generation),
    sourceShares: ENERGY_SOURCES.map((source, k) => ({ source, wh: t.gen[k] ?? 0, shareBp: bp(t.gen[k] ?? 0, generation) })),
    estimatedWh: t.est, unattestedWh: t.unatt, definitions: KPI_DEFINITIONS,
  };
}

/** Sankey: source → self-consumption / community (its surplus); community → members (largest first, the rest grouped) / main supply; main supply → members. */
export function siteFlows(db: Database, siteId: number, from: string, to: string, maxMembers: number, timeZone: string): EnergyFlows {
  const t = totals(siteIntervals(db, siteId, from, to, timeZone));
  const members = memberTotals(db, siteId, from, to, timeZone);
  const nodes: FlowNode[] = [];
  const links: FlowLink[] = [];
  const link = (fromId: string, toId: string, wh: number, estimatedWh = 0, unattestedWh = 0) => {
    if (wh > 0) links.push({ from: fromId, to: toId, wh, estimatedWh, unattestedWh });
  };
  /** A member's (or group's) incoming links; its flagged Wh (capped at what came in) spread over them pro rata. */
  const incoming = (to: string, group: readonly MemberTotal[]) => {
    const sum = (f: (m: MemberTotal) => number) => group.reduce((a, m) => a + f(m), 0);
    const parts = [sum((m) => m.received), sum((m) => m.imported), sum((m) => m.self)];
    const total = parts[0]! + parts[1]! + parts[2]!;
    if (total === 0) return;
    const est = splitByWeights(Math.min(sum((m) => m.estimated), total), parts);
    const unatt = splitByWeights(Math.min(sum((m) => m.unattested), total), parts);
    ['community', 'main_in', 'self'].forEach((from, i) => link(from, to, parts[i] ?? 0, est[i] ?? 0, unatt[i] ?? 0));
  };
  ENERGY_SOURCES.forEach((source, k) => {
    if ((t.gen[k] ?? 0) === 0) return;
    nodes.push({ id: `source:${source}`, kind: 'source', label: source, source, memberId: null });
    link(`source:${source}`, 'self', selfOf(members, k));
    link(`source:${source}`, 'community', (t.gen[k] ?? 0) - selfOf(members, k));
  });
  link('community', 'main_out', t.ex);
  nodes.push({ id: 'self', kind: 'self', label: 'Self-consumption', source: null, memberId: null });
  nodes.push({ id: 'community', kind: 'community', label: 'Community', source: null, memberId: null });
  nodes.push({ id: 'main_in', kind: 'main_supply_in', label: 'Main supply (in)', source: null, memberId: null });
  nodes.push({ id: 'main_out', kind: 'main_supply_out', label: 'Main supply (out)', source: null, memberId: null });
  const ranked = [...members.values()].sort((a, b) => b.received + b.imported + b.self - (a.received + a.imported + a.self) || a.id - b.id);
  const shown = ranked.slice(0, maxMembers);
  const rest = ranked.slice(maxMembers);
  for (const m of shown) {
    nodes.push({ id: `member:${m.id}`, kind: 'member', label: m.name, source: null, memberId: m.id });
    incoming(`member:${m.id}`, [m]);
  }
  if (rest.length > 0) {
    nodes.push({ id: 'other_members', kind: 'other_members', label: `${rest.length} other members`, source: null, memberId: null });
    incoming('other_members', rest);
  }
  return { siteId, from, to, nodes, links };
}

interface MemberTotal { id: number; name: string; received: number; imported: number; self: number; selfMix: number[]; estimated: number; unattested: number }
const selfOf = (members: Map<number, MemberTotal>, k: number) => [...members.values()].reduce((a, m) => a + (m.selfMix[k] ?? 0), 0);

function memberTotals(db: Database, siteId: number, from: string, to: string, timeZone: string): Map<number, MemberTotal> {
  const out = new Map<number, MemberTotal>();
  const names = new Map((db.prepare(`SELECT id, full_name FROM members WHERE site_id = ?`).raw().all(siteId) as [number, string][]));
  forEachMemberSlot(db, `site_id = ?`, [siteId], from, to, timeZone, (memberId, _date, v, q) => {
    let m = out.get(memberId);
    if (!m) out.set(memberId, (m = { id: memberId, name: names.get(memberId) ?? `#${memberId}`, received: 0, imported: 0, self: 0, selfMix: new Array<number>(K).fill(0), estimated: 0, unattested: 0 }));
    for (let k = 0; k < K; k++) {
      m.received += (v[(F.p2pMix + k) * SLOTS_PER_DAY + q] ?? 0) + (v[(F.poolMix + k) * SLOTS_PER_DAY + q] ?? 0);
      m.selfMix[k] = (m.selfMix[k] ?? 0) + (v[(F.selfMix + k) * SLOTS_PER_DAY + q] ?? 0);
    }
    m.imported += v[F.mainImport * SLOTS_PER_DAY + q] ?? 0;
    m.self += v[F.self * SLOTS_PER_DAY + q] ?? 0;
    m.estimated += v[F.estimated * SLOTS_PER_DAY + q] ?? 0;
    m.unattested += v[F.unattested * SLOTS_PER_DAY + q] ?? 0;
  });
  return out;
}

/** Calls `visit` for every computed slot of the matching member-days whose local date is in [from, to]. */
function forEachMemberSlot(db: Database, where: string, params: unknown[], from: string, to: string, timeZone: string, visit: (memberId: number, localDate: string, values: Float64Array, slot: number) => void): void {
  const lo = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const hi = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const values = new Float64Array(F.unattested * SLOTS_PER_DAY + SLOTS_PER_DAY);
  for (const [memberId, day, blob] of db.prepare(`SELECT member_id, day, flows FROM energy_member_days WHERE ${where} AND day >= ? AND day <= ? ORDER BY day`).raw().iterate(...params, lo, hi) as Iterable<[number, string, Buffer]>) {
    decodeMemberDay(blob, values);
    const dayMs = Date.parse(`${day}T00:00:00Z`);
    for (let q = 0; q < SLOTS_PER_DAY; q++) {
      if ((values[F.computed * SLOTS_PER_DAY + q] ?? 0) === 0) continue;
      const date = localParts(dayMs + q * SLOT_MS, timeZone).date;
      if (date < from || date > to) continue;
      visit(memberId, date, values, q);
    }
  }
}

export function memberEnergy(db: Database, memberId: number, siteId: number, from: string, to: string, timeZone: string): MemberEnergy {
  type Mutable = { -readonly [P in keyof MemberEnergyDay]: MemberEnergyDay[P] extends Readonly<Record<EnergySource, number>> ? Record<EnergySource, number> : MemberEnergyDay[P] };
  const days = new Map<string, Mutable>();
  const blank = (date: string): Mutable => ({ date, consumptionWh: 0, selfBySource: emptyMix(), p2pReceivedBySource: emptyMix(), poolReceivedBySource: emptyMix(), mainImportWh: 0, p2pSoldWh: 0, poolSharedWh: 0, mainExportWh: 0, estimatedWh: 0, unattestedWh: 0 });
  const S = SLOTS_PER_DAY;
  forEachMemberSlot(db, `site_id = ? AND member_id = ?`, [siteId, memberId], from, to, timeZone, (_m, date, v, q) => {
    let d = days.get(date);
    if (!d) days.set(date, (d = blank(date)));
    d.consumptionWh += (v[F.deficit * S + q] ?? 0) + (v[F.self * S + q] ?? 0);
    ENERGY_SOURCES.forEach((s, k) => {
      d.selfBySource[s] += v[(F.selfMix + k) * S + q] ?? 0;
      d.p2pReceivedBySource[s] += v[(F.p2pMix + k) * S + q] ?? 0;
      d.poolReceivedBySource[s] += v[(F.poolMix + k) * S + q] ?? 0;
    });
    d.mainImportWh += v[F.mainImport * S + q] ?? 0;
    d.p2pSoldWh += v[F.p2pSold * S + q] ?? 0;
    d.poolSharedWh += v[F.poolShared * S + q] ?? 0;
    d.mainExportWh += v[F.mainExport * S + q] ?? 0;
    d.estimatedWh += v[F.estimated * S + q] ?? 0;
    d.unattestedWh += v[F.unattested * S + q] ?? 0;
  });
  const list = [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  const total = blank('');
  for (const d of list) {
    total.consumptionWh += d.consumptionWh;
    for (const s of ENERGY_SOURCES) {
      total.selfBySource[s] += d.selfBySource[s];
      total.p2pReceivedBySource[s] += d.p2pReceivedBySource[s];
      total.poolReceivedBySource[s] += d.poolReceivedBySource[s];
    }
    total.mainImportWh += d.mainImportWh;
    total.p2pSoldWh += d.p2pSoldWh;
    total.poolSharedWh += d.poolSharedWh;
    total.mainExportWh += d.mainExportWh;
    total.estimatedWh += d.estimatedWh;
    total.unattestedWh += d.unattestedWh;
  }
  const { date: _date, ...totalWithoutDate } = total;
  return { memberId, siteId, from, to, days: list, total: totalWithoutDate };
}
