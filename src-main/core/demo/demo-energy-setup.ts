// What the demo village's energy needs besides readings, written through the services so their
// rules and audit rows apply: P2P sale agreements in force over the demo period (created, proposed,
// signed by every party and activated — NOT on chain: the demo runs with the local-only registrar),
// one site sharing its pool by a custom per-interval key table (the CSV import path of the key
// service), a few members who prefer wind first, and the energy flows recomputed for the period.
import type { Database } from 'better-sqlite3';
import type { OperatorPublic } from '../../contract/session.js';
import type { AgreementsService } from '../agreements/agreements-service.js';
import type { EnergyService } from '../energy/energy-service.js';
import { CooperativeRepo } from '../cooperative/cooperative-repo.js';
import { euroToCurrency } from '../cooperative/demo-market.js';
import { noise } from './demo-profiles.js';

/**
 * The neighbour-sale price in euro milli-cents per kWh (0.18 €/kWh: a little below the sites' tariffs
 * of 0.20–0.24 €/kWh, so buying from a neighbour pays), converted to the cooperative's currency like
 * the tariffs are (KES: 25.00 per kWh against the ridge's 31.00).
 */
export const DEMO_P2P_PRICE_EURO_MILLI = 18_000;

/**
 * P2P sales from generator hosts to two or three neighbours each (named buyers), starting on the
 * first local day of the period (`firstDay`, YYYY-MM-DD). Returns the ids of the activated agreements.
 */
export async function activateDemoP2pSales(db: Database, agreements: AgreementsService, actor: OperatorPublic, seed: number, firstDay: string, perSite = 2): Promise<number[]> {
  const sites = db.prepare(`SELECT id FROM sites ORDER BY id`).all() as { id: number }[];
  const ids: number[] = [];
  const rateMilliPerKwh = euroToCurrency(DEMO_P2P_PRICE_EURO_MILLI, new CooperativeRepo(db).get()?.currency ?? 'EUR');
  for (const site of sites) {
    const sellers = db.prepare(`SELECT DISTINCT COALESCE(e.host_member_id, e.owner_member_id) AS id FROM equipment e JOIN members m ON m.id = COALESCE(e.host_member_id, e.owner_member_id)
                                WHERE e.site_id = ? AND m.site_id = ? AND e.kind IN ('solar', 'wind', 'hydro', 'biogas') AND e.status IN ('installed', 'leased') ORDER BY id`).all(site.id, site.id) as { id: number }[];
    const others = db.prepare(`SELECT id FROM members WHERE site_id = ? AND active = 1 AND id NOT IN (SELECT COALESCE(host_member_id, owner_member_id) FROM equipment) ORDER BY id`).all(site.id) as { id: number }[];
    for (let k = 0; k < Math.min(perSite, sellers.length); k++) {
      const seller = sellers[k]!.id;
      const count = 2 + Math.floor(noise(seed, seller, 31) * 2);
      const start = Math.floor(noise(seed, seller, 32) * Math.max(1, others.length - count));
      const buyers = others.slice(start, start + count).map((o) => o.id);
      if (buyers.length === 0) continue;
      const sellerName = (db.prepare(`SELECT full_name FROM members WHERE id = ?`).pluck().get(seller) as string | undefined) ?? `member ${seller}`;
      const created = agreements.create(actor, `Surplus of ${sellerName} to ${buyers.length} neighbours`, {
        kind: 'p2p_sale', sellerMemberId: seller, buyers: { mode: 'members', memberIds: buyers }, priceRule: { mode: 'fixed', rateMilliPerKwh },
        gridFee: null, tax: null, startsOn: firstDay, termMonths: 12,
        notes: 'Demo village: a neighbour sale in force over the demo period (signed locally, not on chain).',
      });
      await agreements.transition(actor, created.id, 'propose', '');
      for (const party of [seller, ...buyers]) await agreements.sign(actor, created.id, party, 'demo');
      await agreements.transition(actor, created.id, 'activate', '');
      ids.push(created.id);
    }
  }
  return ids;
}

/**
 * A custom per-interval key for one site: its first `columns` members share the pool hour by hour
 * with coefficients that follow who is at home (ppm, each row summing to exactly 1). Imported as
 * CSV through the key service (the same checks as an operator's file).
 */
export function createDemoCustomKey(db: Database, energy: EnergyService, actor: OperatorPublic, siteId: number, seed: number, fromMs: number, toMs: number, columns = 8): void {
  const members = (db.prepare(`SELECT member_no FROM members WHERE site_id = ? AND active = 1 ORDER BY id LIMIT ?`).all(siteId, columns) as { member_no: string }[]).map((m) => m.member_no);
  const lines = [`interval_start,${members.join(',')}`];
  for (let t = fromMs; t < toMs; t += 900_000) {
    const hour = Math.floor(t / 3_600_000);
    const weights = members.map((_, j) => 1 + Math.floor(noise(seed, hour, j) * 9));
    const total = weights.reduce((a, b) => a + b, 0);
    // Whole ppm, the remainder to the last column: every row sums to exactly 1.
    const ppm = weights.map((w) => Math.floor((w * 1_000_000) / total));
    ppm[ppm.length - 1]! += 1_000_000 - ppm.reduce((a, b) => a + b, 0);
    lines.push(`${new Date(t).toISOString()},${ppm.map((p) => (p / 1_000_000).toFixed(6)).join(',')}`);
  }
  energy.keys.create(actor, { siteId, validFrom: new Date(fromMs).toISOString(), definition: { mode: 'custom_table', csv: lines.join('\n') }, notes: 'Demo village: the mill households share the pool by an hourly table' });
}

/** A few members of the first site want wind first (honoured inside the pool before the key). */
export function setDemoPreferences(db: Database, energy: EnergyService, actor: OperatorPublic, seed: number): number {
  const members = db.prepare(`SELECT id FROM members WHERE active = 1 ORDER BY id`).all() as { id: number }[];
  const chosen = members.filter((m) => noise(seed, m.id, 41) < 0.08);
  for (const m of chosen) energy.setPreference(actor, m.id, ['wind', 'hydro']);
  return chosen.length;
}

/** Recomputes every site's flows over the period (incremental: only intervals whose inputs changed). */
export function recomputeDemoFlows(db: Database, energy: EnergyService, fromMs: number, toMs: number, onSite: (done: number, total: number) => void): number {
  const sites = db.prepare(`SELECT id FROM sites ORDER BY id`).all() as { id: number }[];
  const firstDay = new Date(fromMs).toISOString().slice(0, 10);
  const lastDay = new Date(toMs - 1).toISOString().slice(0, 10);
  let intervals = 0;
  sites.forEach((site, i) => {
    intervals += energy.recomputeDays(site.id, firstDay, lastDay).intervalsRecomputed;
    onSite(i + 1, sites.length);
  });
  return intervals;
}
