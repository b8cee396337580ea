// The rules an interval is allocated by, read from SQLite and resolved per interval: the site's
// allocation key version in force (and its custom table row), members' source preferences in force,
// and the P2P sale agreements running then. Versions are chosen by their start, so a later change
// never alters an earlier interval.
import type { Database } from 'better-sqlite3';
import { ENERGY_SOURCES, type EnergySource, type KeyMode } from '../../contract/energy.js';
import { P2pSaleTerms } from '../../contract/agreements.js';
import type { P2pRule, PoolKey } from './allocation.js';
import { SOURCE_INDEX } from './source-pool.js';

export interface KeyVersionRow {
  id: number; site_id: number; version: number; valid_from: string; mode: KeyMode; unused: 'export' | 'reallocate' | null;
  table_rows: number; table_from: string | null; table_to: string | null; notes: string; created_at: string;
}

export function keyVersionRows(db: Database, siteId: number): KeyVersionRow[] {
  return db.prepare(`SELECT * FROM energy_key_versions WHERE site_id = ? ORDER BY valid_from`).all(siteId) as KeyVersionRow[];
}

export interface ResolvedKey {
  /** Part of the input hash: version id and, for a table, the row used. */
  readonly tag: string;
  readonly key: PoolKey;
}

/** Resolves the key in force at each interval start for one site, members indexed by `memberIndex`. */
export function keyResolver(db: Database, siteId: number, memberIndex: ReadonlyMap<number, number>, fromIso: string, toIso: string): (intervalIso: string) => ResolvedKey {
  const versions = keyVersionRows(db, siteId);
  const n = memberIndex.size;
  const memberRows = db.prepare(`SELECT member_id, ppm FROM energy_key_members WHERE key_version_id = ? ORDER BY position`);
  const tableRows = db.prepare(`SELECT interval_start, ppm FROM energy_key_table WHERE key_version_id = ? AND interval_start >= ? AND interval_start < ?`).raw();
  const prepared = versions.map((v) => {
    const columns = (memberRows.all(v.id) as { member_id: number; ppm: number }[]).map((r) => ({ index: memberIndex.get(r.member_id) ?? -1, ppm: r.ppm }));
    if (v.mode === 'fixed') {
      const weights = new Float64Array(n);
      for (const c of columns) if (c.index >= 0) weights[c.index] = c.ppm;
      return { v, fixed: { mode: 'weights', weights, unused: v.unused ?? 'export' } as PoolKey, table: null };
    }
    if (v.mode === 'custom_table') {
      const table = new Map<string, Float64Array>();
      for (const [start, blob] of tableRows.iterate(v.id, fromIso, toIso) as Iterable<[string, Buffer]>) {
        const weights = new Float64Array(n);
        columns.forEach((c, j) => {
          if (c.index >= 0) weights[c.index] = blob.readUInt32LE(j * 4);
        });
        table.set(start, weights);
      }
      return { v, fixed: null, table };
    }
    return { v, fixed: null, table: null };
  });
  const proRata: PoolKey = { mode: 'pro_rata' };
  return (intervalIso) => {
    let current: (typeof prepared)[number] | undefined;
    for (const p of prepared) if (p.v.valid_from <= intervalIso) current = p;
    if (!current) return { tag: 'default', key: proRata };
    if (current.fixed) return { tag: `v${current.v.id}`, key: current.fixed };
    if (current.table) {
      const weights = current.table.get(intervalIso);
      // An interval the table does not list falls back to pro rata (documented).
      return weights ? { tag: `v${current.v.id}:${intervalIso}`, key: { mode: 'weights', weights, unused: 'reallocate' } } : { tag: `v${current.v.id}:-`, key: proRata };
    }
    return { tag: `v${current.v.id}`, key: proRata };
  };
}

export interface PreferenceRow { member_id: number; valid_from: string; kinds: string }

export function preferenceRows(db: Database, memberId: number): PreferenceRow[] {
  return db.prepare(`SELECT member_id, valid_from, kinds FROM energy_source_preferences WHERE member_id = ? ORDER BY valid_from`).all(memberId) as PreferenceRow[];
}

export const parseKinds = (kinds: string): EnergySource[] => kinds.split(',').filter((k): k is EnergySource => (ENERGY_SOURCES as readonly string[]).includes(k));

/** Per interval: source-index orders per member index (null = none), and a tag for the input hash. */
export function preferenceResolver(db: Database, siteId: number, memberIndex: ReadonlyMap<number, number>): (intervalIso: string) => { tag: string; preferences: (readonly number[] | null)[] | null } {
  const rows = db.prepare(`SELECT p.member_id, p.valid_from, p.kinds FROM energy_source_preferences p JOIN members m ON m.id = p.member_id WHERE m.site_id = ? ORDER BY p.valid_from`).all(siteId) as PreferenceRow[];
  if (rows.length === 0) return () => ({ tag: '', preferences: null });
  let lastTag = '';
  let last: (readonly number[] | null)[] | null = null;
  // Asked for every interval of a run: rows are ordered by valid_from, so the rows in force are a
  // prefix of them; while that prefix is the same length, the previous answer stands (the per-interval
  // map and tag string of every member's preference cost more than the allocation at small sites).
  let lastCount = -1;
  let lastAnswer: { tag: string; preferences: (readonly number[] | null)[] | null } = { tag: '', preferences: null };
  return (intervalIso) => {
    let count = 0;
    while (count < rows.length && (rows[count] as PreferenceRow).valid_from <= intervalIso) count++;
    if (count === lastCount) return lastAnswer;
    lastCount = count;
    const current = new Map<number, string>();
    for (const r of rows.slice(0, count)) current.set(r.member_id, r.kinds);
    const tag = [...current].map(([m, k]) => `${m}:${k}`).join(';');
    if (tag === lastTag) return (lastAnswer = { tag, preferences: last });
    const preferences: (readonly number[] | null)[] = new Array(memberIndex.size).fill(null);
    for (const [memberId, kinds] of current) {
      const index = memberIndex.get(memberId);
      const order = parseKinds(kinds).map((k) => SOURCE_INDEX[k]);
      if (index !== undefined && order.length > 0) preferences[index] = order;
    }
    lastTag = tag;
    last = preferences;
    lastAnswer = { tag, preferences };
    return lastAnswer;
  };
}

interface AgreementRow { id: number; activated_at: string; ended_at: string | null; terms_json: string }
interface RunningAgreement { readonly rule: P2pRule; readonly fromIso: string; readonly untilIso: string | null }

/**
 * P2P sale agreements of the site that were ever activated, in the documented order (activation
 * time, then id). Each runs from max(activation, its start date) to min(its end, start + term).
 */
export function p2pResolver(db: Database, siteId: number, memberIndex: ReadonlyMap<number, number>): (intervalIso: string) => { tag: string; rules: P2pRule[] } {
  const rows = db
    .prepare(
      `SELECT a.id, a.activated_at, a.ended_at, v.terms_json FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.current_version
       WHERE a.kind = 'p2p_sale' AND a.site_id = ? AND a.activated_at IS NOT NULL ORDER BY a.activated_at, a.id`,
    )
    .all(siteId) as AgreementRow[];
  const running: RunningAgreement[] = [];
  for (const row of rows) {
    const parsed = P2pSaleTerms.safeParse(JSON.parse(row.terms_json));
    if (!parsed.success) continue;
    const terms = parsed.data;
    const seller = memberIndex.get(terms.sellerMemberId);
    if (seller === undefined) continue;
    const buyers = terms.buyers.mode === 'members' ? terms.buyers.memberIds.map((id) => memberIndex.get(id)).filter((i): i is number => i !== undefined) : null;
    const start = `${terms.startsOn}T00:00:00.000Z`;
    const termEnd = addMonths(terms.startsOn, terms.termMonths);
    const until = row.ended_at !== null && row.ended_at < termEnd ? row.ended_at : termEnd;
    running.push({ rule: { agreementId: row.id, seller, buyers }, fromIso: row.activated_at > start ? row.activated_at : start, untilIso: until });
  }
  // Asked for every interval of a run: the answer only changes when an agreement starts or ends, so
  // the previous answer is returned while the same agreements run (no new arrays, no new tag).
  let lastMask = '';
  let last = { tag: '', rules: [] as P2pRule[] };
  return (intervalIso) => {
    let mask = '';
    for (const r of running) mask += r.fromIso <= intervalIso && (r.untilIso === null || intervalIso < r.untilIso) ? '1' : '0';
    if (mask === lastMask && running.length > 0) return last;
    const rules = running.filter((_, i) => mask[i] === '1').map((r) => r.rule);
    lastMask = mask;
    last = { tag: rules.map((r) => r.agreementId).join(','), rules };
    return last;
  };
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString();
}
