// Recomputes a site's flows over a span of UTC days: loads readings and rules, fills the premises
// model per member and interval, hashes every interval's inputs, allocates only the intervals whose
// hash changed, and writes each day in one transaction (its member-days, site intervals, P2P rows
// and hashes together), so a crash leaves whole days, and running it again changes nothing.
import type { Database } from 'better-sqlite3';
import type { ExcludedReadings } from '../../contract/energy.js';
import { allocateInterval, allocationWorkspace, type IntervalAllocation, type IntervalInputs } from './allocation.js';
import { keyResolver, p2pResolver, preferenceResolver } from './allocation-rules-repo.js';
import { SLOTS_PER_DAY } from './estimation.js';
import { DAY_VALUES, F as FIELD_OFFSETS, decodeMemberDay, encodeMemberDay } from './member-day-codec.js';
import { emptyPremises, premisesFlows, type GenerationValue } from './premises.js';
import { LOOKBACK, SLOT_MS, loadSiteInputs, type MeterSeries, type SiteInputs } from './site-inputs.js';
import { SOURCE_COUNT, SOURCE_INDEX } from './source-pool.js';

export interface RecomputeProgress {
  readonly intervalsTotal: number;
  readonly intervalsDone: number;
  readonly intervalsRecomputed: number;
}
export interface RecomputeResult extends RecomputeProgress {
  readonly excluded: readonly ExcludedReadings[];
  readonly rowsRead: number;
}

const K = SOURCE_COUNT;
// A module-local copy of the field offsets: read millions of times per run (writeSlot, siteInterval),
// and an imported binding can be a getter per access once transpiled (tsx, CommonJS output).
const F = { ...FIELD_OFFSETS };
const OTHER = SOURCE_INDEX.other;
const DAY_MS = 86_400_000;

/** Recomputes [fromMs, toMs) (whole UTC days); intervals from `nowMs` on are not computed. */
export function recomputeSite(db: Database, siteId: number, fromMs: number, toMs: number, nowMs: number, onProgress: (p: RecomputeProgress) => void = () => {}): RecomputeResult {
  const inputs = loadSiteInputs(db, siteId, fromMs, toMs, nowMs);
  const n = inputs.members.length;
  const fromIso = new Date(fromMs).toISOString();
  const toIso = new Date(toMs).toISOString();
  const keys = keyResolver(db, siteId, inputs.memberIndex, fromIso, toIso);
  const prefs = preferenceResolver(db, siteId, inputs.memberIndex);
  const p2p = p2pResolver(db, siteId, inputs.memberIndex);
  const byMember = groupMeters(inputs);
  const stored = new Map((db.prepare(`SELECT interval_start, input_hash FROM energy_site_intervals WHERE site_id = ? AND interval_start >= ? AND interval_start < ?`).raw().all(siteId, fromIso, toIso) as [string, string][]));
  const st = statements(db);
  // Most sites have no P2P agreement: then no P2P row can exist for them (foreign key), and the
  // per-interval DELETE is skipped (it was a tenth of a small site's recompute).
  const siteHasAgreements = db.prepare(`SELECT 1 FROM agreements WHERE site_id = ? LIMIT 1`).get(siteId) !== undefined;
  const intervalsTotal = Math.ceil((toMs - fromMs) / SLOT_MS);
  let done = 0;
  let recomputed = 0;
  const scratch = new Uint8Array(DAY_VALUES * 8);
  const work = workspace(n);
  const dayBuffers: Float64Array[] = [];
  const reuse = allocationWorkspace(n);

  for (let dayMs = fromMs; dayMs < toMs; dayMs += DAY_MS) {
    const day = new Date(dayMs).toISOString().slice(0, 10);
    const computedAt = new Date().toISOString(); // once per day: the rows of one day are written together
    const changed: { q: number; iso: string; deliveries: IntervalAllocation['deliveries']; row: unknown[] }[] = [];
    const dayValues: Float64Array[] = [];
    for (let q = 0; q < SLOTS_PER_DAY; q++) {
      const slotMs = dayMs + q * SLOT_MS;
      if (slotMs >= toMs || slotMs >= nowMs) break;
      const slot = LOOKBACK + Math.round((slotMs - fromMs) / SLOT_MS);
      const iso = new Date(slotMs).toISOString();
      const key = keys(iso);
      const pref = prefs(iso);
      const rules = p2p(iso);
      const estimatedSlots = fillPremises(byMember, slot, work);
      const hash = hashInputs(work, n, `${key.tag}|${pref.tag}|${rules.tag}`);
      if (stored.get(iso) === hash) continue;
      const input: IntervalInputs = {
        memberCount: n, deficit: work.deficit, surplus: work.surplus, surplusMix: work.surplusMix,
        surplusEstimated: work.surplusEstimated, surplusUnattested: work.surplusUnattested,
        agreements: rules.rules, key: key.key, preferences: pref.preferences,
      };
      const allocation = allocateInterval(input, reuse);
      if (dayValues.length === 0) loadDay(st, siteId, day, inputs, dayValues, dayBuffers);
      writeSlot(dayValues, q, work, allocation, n);
      changed.push({ q, iso, deliveries: allocation.deliveries, row: siteInterval(siteId, iso, hash, key.tag, estimatedSlots, dayValues, q, work, allocation, n, computedAt) });
    }
    if (changed.length > 0) {
      db.transaction(() => {
        dayValues.forEach((values, i) => st.upsertDay.run(siteId, day, inputs.members[i]?.id ?? 0, encodeMemberDay(values, scratch)));
        // Multi-row statements (a day's intervals, its P2P rows): one call into SQLite per chunk
        // instead of one per row — the writes were the largest part of a small site's recompute.
        st.upsertIntervals(changed.map((c) => c.row));
        if (siteHasAgreements) {
          const first = changed[0] as (typeof changed)[number];
          const last = changed[changed.length - 1] as (typeof changed)[number];
          // Changed slots without a gap (a first run, a late day): one ranged DELETE covers exactly them.
          if (last.q - first.q + 1 === changed.length) st.deleteP2pRange.run(siteId, first.iso, last.iso);
          else for (const c of changed) st.deleteP2p.run(siteId, c.iso);
          const p2pRows: unknown[][] = [];
          for (const c of changed) for (const d of c.deliveries) p2pRows.push([d.agreementId, c.iso, inputs.members[d.buyer]?.id, inputs.members[d.seller]?.id, d.wh]);
          st.insertP2p(p2pRows);
        }
      })();
      recomputed += changed.length;
    }
    done = Math.min(intervalsTotal, done + SLOTS_PER_DAY);
    onProgress({ intervalsTotal, intervalsDone: done, intervalsRecomputed: recomputed });
  }
  return { intervalsTotal, intervalsDone: intervalsTotal, intervalsRecomputed: recomputed, excluded: inputs.excluded, rowsRead: inputs.rowsRead };
}

interface MemberMeters { connection: MeterSeries[]; generation: MeterSeries[] }
function groupMeters(inputs: SiteInputs): MemberMeters[] {
  const out: MemberMeters[] = inputs.members.map(() => ({ connection: [], generation: [] }));
  for (const m of inputs.meters) (m.source === null ? out[m.memberIndex]?.connection : out[m.memberIndex]?.generation)?.push(m);
  return out;
}

/** Per-interval scratch arrays, reused for every interval of a run. */
interface Workspace {
  deficit: Float64Array; surplus: Float64Array; surplusMix: Float64Array; selfMix: Float64Array; self: Float64Array;
  surplusEstimated: Float64Array; surplusUnattested: Float64Array; ownEstimated: Float64Array; ownUnattested: Float64Array;
  connectionEstimated: Uint8Array; connectionUnattested: Uint8Array;
}
function workspace(n: number): Workspace {
  return {
    deficit: new Float64Array(n), surplus: new Float64Array(n), surplusMix: new Float64Array(n * K), selfMix: new Float64Array(n * K), self: new Float64Array(n),
    surplusEstimated: new Float64Array(n), surplusUnattested: new Float64Array(n), ownEstimated: new Float64Array(n), ownUnattested: new Float64Array(n),
    connectionEstimated: new Uint8Array(n), connectionUnattested: new Uint8Array(n),
  };
}

const premises = emptyPremises();
/** Fills the workspace for one slot from the meters (premises model); returns how many meter values were estimated. */
function fillPremises(byMember: readonly MemberMeters[], slot: number, w: Workspace): number {
  let estimatedSlots = 0;
  for (let i = 0; i < byMember.length; i++) {
    const { connection, generation } = byMember[i] as MemberMeters;
    let imp = 0;
    let exp = 0;
    let est = false;
    let unatt = false;
    for (const c of connection) {
      const m = c.measured[slot] ?? 0;
      if (m === 0) continue;
      imp += c.importWh[slot] ?? 0;
      exp += c.exportWh[slot] ?? 0;
      if (m === 2) {
        est = true;
        estimatedSlots++;
      }
      if (c.unattested) unatt = true;
    }
    const hasConnection = connection.length > 0;
    if (generation.length === 0) {
      // No generation meter (most members): no self-consumption known; an export is an unmetered source.
      // (Its other mix entries are never written, so they stay 0 for the whole run.)
      w.deficit[i] = imp;
      w.surplus[i] = exp;
      w.self[i] = 0;
      w.surplusMix[i * K + OTHER] = exp;
      w.surplusEstimated[i] = est ? exp : 0;
      w.surplusUnattested[i] = unatt ? exp : 0;
      w.ownEstimated[i] = est ? imp + exp : 0;
      w.ownUnattested[i] = unatt ? imp + exp : 0;
      w.connectionEstimated[i] = est ? 1 : 0;
      w.connectionUnattested[i] = unatt ? 1 : 0;
      continue;
    }
    const gens: GenerationValue[] = [];
    for (const g of generation) {
      const m = g.measured[slot] ?? 0;
      if (m === 0) continue;
      if (m === 2) estimatedSlots++;
      // A generation meter measures the equipment's output as its export register.
      gens.push({ source: g.source ?? OTHER, wh: g.exportWh[slot] ?? 0, estimated: m === 2, unattested: g.unattested });
    }
    premisesFlows(hasConnection ? { importWh: imp, exportWh: exp, estimated: est, unattested: unatt } : null, gens, w.surplusMix, w.selfMix, i * K, premises);
    w.deficit[i] = premises.deficit;
    w.surplus[i] = premises.surplus;
    w.self[i] = premises.selfWh;
    w.surplusEstimated[i] = premises.surplusEstimated;
    w.surplusUnattested[i] = premises.surplusUnattested;
    w.ownEstimated[i] = est ? premises.deficit + premises.selfWh + premises.surplus : premises.selfEstimated + premises.surplusEstimated;
    w.ownUnattested[i] = unatt ? premises.deficit + premises.selfWh + premises.surplus : premises.selfUnattested + premises.surplusUnattested;
    w.connectionEstimated[i] = est ? 1 : 0;
    w.connectionUnattested[i] = unatt ? 1 : 0;
  }
  return estimatedSlots;
}

/** Two 32-bit FNV-1a style hashes over every input value and the rules' tags (collisions ~2^-64). */
function hashInputs(w: Workspace, n: number, tags: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ n;
  const arrays = [w.deficit, w.surplus, w.surplusEstimated, w.surplusUnattested, w.ownEstimated, w.ownUnattested, w.surplusMix, w.selfMix];
  // Only non-zero values are mixed in, each with its array and position (most entries are 0).
  for (let which = 0; which < arrays.length; which++) {
    const values = arrays[which] as Float64Array;
    const tag = (which + 1) << 24;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? 0;
      if (v === 0) continue;
      a = Math.imul(a ^ (v & 0xffffffff), 0x01000193);
      a = Math.imul(a ^ (tag + i), 0x01000193);
      b = Math.imul(b ^ ((v / 4294967296) | 0) ^ (v & 0xffff) ^ (tag + i), 0x5bd1e995) ^ (b >>> 15);
    }
  }
  for (let c = 0; c < tags.length; c++) {
    const v = tags.charCodeAt(c);
    a = Math.imul(a ^ v, 0x01000193);
    b = Math.imul(b ^ v, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function loadDay(st: Statements, siteId: number, day: string, inputs: SiteInputs, out: Float64Array[], pool: Float64Array[]): void {
  for (let i = 0; i < inputs.members.length; i++) {
    const values = pool[i] ?? new Float64Array(DAY_VALUES);
    values.fill(0);
    pool[i] = values;
    out.push(values);
  }
  for (const [memberId, blob] of st.selectDay.iterate(siteId, day) as Iterable<[number, Buffer]>) {
    const index = inputs.memberIndex.get(memberId);
    if (index !== undefined) decodeMemberDay(blob, out[index]);
  }
}

function writeSlot(dayValues: Float64Array[], q: number, w: Workspace, a: IntervalAllocation, n: number): void {
  const S = SLOTS_PER_DAY;
  for (let i = 0; i < n; i++) {
    const v = dayValues[i] as Float64Array;
    v[F.computed * S + q] = 1;
    v[F.deficit * S + q] = w.deficit[i] ?? 0;
    v[F.surplus * S + q] = w.surplus[i] ?? 0;
    v[F.self * S + q] = w.self[i] ?? 0;
    for (let k = 0; k < K; k++) {
      v[(F.selfMix + k) * S + q] = w.selfMix[i * K + k] ?? 0;
      v[(F.p2pMix + k) * S + q] = a.p2pReceived[i * K + k] ?? 0;
      v[(F.poolMix + k) * S + q] = a.poolReceived[i * K + k] ?? 0;
    }
    v[F.p2pSold * S + q] = a.p2pSold[i] ?? 0;
    v[F.poolShared * S + q] = a.poolShared[i] ?? 0;
    v[F.mainImport * S + q] = a.mainImport[i] ?? 0;
    v[F.mainExport * S + q] = a.mainExport[i] ?? 0;
    // A member's own estimated/unattested Wh, plus (if its own reading is not already flagged) what it received that was.
    v[F.estimated * S + q] = (w.connectionEstimated[i] ? 0 : (a.receivedEstimated[i] ?? 0)) + (w.ownEstimated[i] ?? 0);
    v[F.unattested * S + q] = (w.connectionUnattested[i] ? 0 : (a.receivedUnattested[i] ?? 0)) + (w.ownUnattested[i] ?? 0);
  }
}

/** The site's totals of one interval (a row of energy_site_intervals, in column order). */
function siteInterval(siteId: number, iso: string, hash: string, keyTag: string, estimatedSlots: number, dayValues: Float64Array[], q: number, w: Workspace, a: IntervalAllocation, n: number, computedAt: string): unknown[] {
  const S = SLOTS_PER_DAY;
  const gen = new Array<number>(K).fill(0);
  const exp = new Array<number>(K).fill(0);
  let consumption = 0, self = 0, p2p = 0, pool = 0, imp = 0, ex = 0, est = 0, unatt = 0;
  for (let i = 0; i < n; i++) {
    const v = dayValues[i] as Float64Array;
    for (let k = 0; k < K; k++) {
      gen[k] = (gen[k] ?? 0) + (w.selfMix[i * K + k] ?? 0) + (w.surplusMix[i * K + k] ?? 0);
      exp[k] = (exp[k] ?? 0) + (a.exportedMix[i * K + k] ?? 0);
    }
    self += v[F.self * S + q] ?? 0;
    consumption += (v[F.deficit * S + q] ?? 0) + (v[F.self * S + q] ?? 0);
    p2p += v[F.p2pSold * S + q] ?? 0;
    pool += v[F.poolShared * S + q] ?? 0;
    imp += v[F.mainImport * S + q] ?? 0;
    ex += v[F.mainExport * S + q] ?? 0;
    est += v[F.estimated * S + q] ?? 0;
    unatt += v[F.unattested * S + q] ?? 0;
  }
  const keyVersion = /^v(\d+)/.exec(keyTag)?.[1];
  return [siteId, iso, hash, keyVersion ? Number(keyVersion) : null, ...gen, ...exp, consumption, self, p2p, pool, imp, ex, est, unatt, estimatedSlots, computedAt];
}

type Statement = import('better-sqlite3').Statement<unknown[]>;
interface Statements {
  upsertDay: Statement; selectDay: Statement; deleteP2p: Statement; deleteP2pRange: Statement;
  upsertIntervals: (rows: readonly unknown[][]) => void; insertP2p: (rows: readonly unknown[][]) => void;
}
function statements(db: Database): Statements {
  return {
    upsertDay: db.prepare(`INSERT OR REPLACE INTO energy_member_days (site_id, day, member_id, flows) VALUES (?, ?, ?, ?)`),
    selectDay: db.prepare(`SELECT member_id, flows FROM energy_member_days WHERE site_id = ? AND day = ?`).raw(),
    upsertIntervals: multiRowInsert(db, `INSERT OR REPLACE INTO energy_site_intervals VALUES`, 26, SLOTS_PER_DAY),
    deleteP2p: db.prepare(`DELETE FROM energy_p2p_flows WHERE agreement_id IN (SELECT id FROM agreements WHERE site_id = ?) AND interval_start = ?`),
    deleteP2pRange: db.prepare(`DELETE FROM energy_p2p_flows WHERE agreement_id IN (SELECT id FROM agreements WHERE site_id = ?) AND interval_start >= ? AND interval_start <= ?`),
    insertP2p: multiRowInsert(db, `INSERT INTO energy_p2p_flows (agreement_id, interval_start, buyer_member_id, seller_member_id, wh) VALUES`, 5, 200),
  };
}

/** Writes rows of `columns` values with multi-row INSERTs of up to `chunk` rows (a statement cached per row count). */
function multiRowInsert(db: Database, head: string, columns: number, chunk: number): (rows: readonly unknown[][]) => void {
  const cache = new Map<number, Statement>();
  const row = `(${new Array(columns).fill('?').join(', ')})`;
  return (rows) => {
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      let stmt = cache.get(part.length);
      if (!stmt) {
        stmt = db.prepare(`${head} ${new Array(part.length).fill(row).join(', ')}`);
        cache.set(part.length, stmt);
      }
      stmt.run(...part.flat());
    }
  };
}
