// The audit the operator runs over stored flows: every interval's member flows must hold the
// invariants (invariants.ts — the same check the property tests use), and the site's stored totals
// must equal the sum of its members' flows (a mismatch = stale or damaged data: recompute).
import type { Database } from 'better-sqlite3';
import type { EnergyAuditReport } from '../../contract/energy.js';
import { SLOTS_PER_DAY } from './estimation.js';
import { checkIntervalFlows, type MemberIntervalFlows } from './invariants.js';
import { F, decodeMemberDay } from './member-day-codec.js';
import { SLOT_MS } from './site-inputs.js';
import { SOURCE_COUNT } from './source-pool.js';

const MAX_LISTED = 100;

/** Audits [from, to] as UTC dates. */
export function auditSiteFlows(db: Database, siteId: number, from: string, to: string): EnergyAuditReport {
  const violations: EnergyAuditReport['violations'][number][] = [];
  let violationCount = 0;
  const add = (v: EnergyAuditReport['violations'][number]) => {
    violationCount++;
    if (violations.length < MAX_LISTED) violations.push(v);
  };
  const siteRows = new Map((db.prepare(`SELECT interval_start, p2p_wh + pool_wh, main_import_wh, main_export_wh FROM energy_site_intervals WHERE site_id = ? AND interval_start >= ? AND interval_start < ?`).raw()
    .all(siteId, `${from}T00:00:00.000Z`, new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString()) as [string, number, number, number][]).map((r) => [r[0], r]));
  const S = SLOTS_PER_DAY;
  const K = SOURCE_COUNT;
  let intervalsChecked = 0;
  const days = db.prepare(`SELECT DISTINCT day FROM energy_member_days WHERE site_id = ? AND day >= ? AND day <= ? ORDER BY day`).raw().all(siteId, from, to) as [string][];
  const rows = db.prepare(`SELECT member_id, flows FROM energy_member_days WHERE site_id = ? AND day = ? ORDER BY member_id`).raw();
  for (const [day] of days) {
    const members = (rows.all(siteId, day) as [number, Buffer][]).map(([id, blob]) => ({ id, v: decodeMemberDay(blob) }));
    const dayMs = Date.parse(`${day}T00:00:00Z`);
    for (let q = 0; q < S; q++) {
      const computed = members.filter((m) => (m.v[F.computed * S + q] ?? 0) === 1);
      if (computed.length === 0) continue;
      intervalsChecked++;
      const iso = new Date(dayMs + q * SLOT_MS).toISOString();
      const flows: MemberIntervalFlows[] = computed.map(({ v }) => {
        let p2p = 0;
        let pool = 0;
        for (let k = 0; k < K; k++) {
          p2p += v[(F.p2pMix + k) * S + q] ?? 0;
          pool += v[(F.poolMix + k) * S + q] ?? 0;
        }
        const at = (f: number) => v[f * S + q] ?? 0;
        return { deficit: at(F.deficit), surplus: at(F.surplus), p2pReceived: p2p, poolReceived: pool, p2pSold: at(F.p2pSold), poolShared: at(F.poolShared), mainImport: at(F.mainImport), mainExport: at(F.mainExport), receivedMixTotal: p2p + pool };
      });
      for (const v of checkIntervalFlows(flows)) add({ intervalStart: iso, memberId: v.member === null ? null : (computed[v.member]?.id ?? null), rule: v.rule, message: v.message.replace(/Member #(\d+)/, (_, i: string) => `Member ${computed[Number(i)]?.id ?? i}`) });
      const site = siteRows.get(iso);
      const shared = flows.reduce((a, f) => a + f.p2pSold + f.poolShared, 0);
      const imported = flows.reduce((a, f) => a + f.mainImport, 0);
      const exported = flows.reduce((a, f) => a + f.mainExport, 0);
      if (!site) add({ intervalStart: iso, memberId: null, rule: 'stale', message: `The site's totals of ${iso} are missing: recompute the month` });
      else if (site[1] !== shared || site[2] !== imported || site[3] !== exported) add({ intervalStart: iso, memberId: null, rule: 'stale', message: `The site's totals of ${iso} (shared ${site[1]}, imported ${site[2]}, exported ${site[3]} Wh) differ from its members' flows (${shared}, ${imported}, ${exported} Wh): recompute the month` });
    }
  }
  return { siteId, from, to, intervalsChecked, ok: violationCount === 0, violations, violationCount };
}
