// The settlement benchmark's agreements (issue 11: "2,000 members and 200 agreements" in one
// site-month). The demo village activates only a few P2P sales, so the bench adds, before the
// readings are fed and the flows computed, hosted leases and lease-to-own agreements of members'
// own generators to a neighbour without equipment, and more P2P sales, round-robin over the sites,
// until `target` agreements are active — all through the agreements service (created, proposed,
// signed by every party, activated), as an operator would. Not the shipped demo: a bench fixture.
import type { Database } from 'better-sqlite3';
import type { OperatorPublic } from '../../src-main/contract/session.js';
import type { AgreementsService } from '../../src-main/core/agreements/agreements-service.js';
import type { AgreementTermsValue } from '../../src-main/contract/agreements.js';

interface Generator { id: number; owner: number; siteId: number }

export async function activateBenchAgreements(db: Database, agreements: AgreementsService, actor: OperatorPublic, fromMs: number, target: number): Promise<{ active: number; added: Record<AgreementTermsValue['kind'], number> }> {
  const startsOn = new Date(fromMs).toISOString().slice(0, 10);
  const activeCount = () => db.prepare(`SELECT count(*) FROM agreements WHERE status = 'active'`).pluck().get() as number;
  const sites = db.prepare(`SELECT id FROM sites ORDER BY id`).pluck().all() as number[];
  // Own generators (owner = host) not in any agreement, and per site the members without equipment.
  const generators = db.prepare(`SELECT e.id, e.owner_member_id AS owner, e.site_id AS siteId FROM equipment e WHERE e.kind IN ('solar', 'wind') AND e.status = 'installed'
      AND e.host_member_id = e.owner_member_id AND e.id NOT IN (SELECT equipment_id FROM agreements WHERE equipment_id IS NOT NULL) ORDER BY e.id`).all() as Generator[];
  const neighbours = new Map(sites.map((site) => [site, db.prepare(`SELECT id FROM members WHERE site_id = ? AND active = 1 AND id NOT IN (SELECT COALESCE(host_member_id, owner_member_id) FROM equipment) ORDER BY id`).pluck().all(site) as number[]]));
  const sellers = new Set(db.prepare(`SELECT json_extract(v.terms_json, '$.sellerMemberId') FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id WHERE a.kind = 'p2p_sale'`).pluck().all() as number[]);
  const added = { hosted_lease: 0, lease_to_own: 0, p2p_sale: 0 };
  const kinds: AgreementTermsValue['kind'][] = ['hosted_lease', 'lease_to_own', 'p2p_sale'];
  let active = activeCount();
  let misses = 0;
  for (let i = 0; active < target; i += 1) {
    if (misses > kinds.length * sites.length) throw new Error(`Only ${active} agreements could be made active (target ${target}): no own generator or neighbour left`);
    const kind = kinds[i % kinds.length]!;
    const siteId = sites[i % sites.length]!;
    const gen = generators.find((g) => g.siteId === siteId && (kind !== 'p2p_sale' || !sellers.has(g.owner)));
    const free = neighbours.get(siteId) ?? [];
    if (!gen || free.length < 3) {
      misses += 1;
      continue;
    }
    misses = 0;
    let terms: AgreementTermsValue;
    let parties: number[];
    if (kind === 'p2p_sale') {
      // The generator stays with its owner, who sells to the next two neighbours (they stay free for leases too).
      const buyers = free.slice(0, 2);
      free.push(...free.splice(0, 2));
      terms = { kind, sellerMemberId: gen.owner, buyers: { mode: 'members', memberIds: buyers }, priceRule: { mode: 'fixed', rateMilliPerKwh: 17_000 + (i % 5) * 500 }, gridFee: null, tax: null, startsOn, termMonths: 12, notes: 'Settlement bench' };
      parties = [gen.owner, ...buyers];
      sellers.add(gen.owner);
    } else {
      const host = free.shift()!;
      generators.splice(generators.indexOf(gen), 1);
      terms = kind === 'hosted_lease'
        ? { kind, equipmentId: gen.id, ownerMemberId: gen.owner, hostMemberId: host, startsOn, termYears: 5, energyRateMilliPerKwh: 45_000, rentShareBps: 1_500, surplusOwnerBps: 6_000, endOfTerm: 'equipment_returns_to_owner', notes: 'Settlement bench' }
        : { kind, equipmentId: gen.id, ownerMemberId: gen.owner, hostMemberId: host, startsOn, priceMinor: 120_000, instalmentCount: 24, instalmentPeriod: 'monthly', energyRateMilliPerKwh: 30_000, notes: 'Settlement bench' };
      parties = [gen.owner, host];
    }
    const created = agreements.create(actor, `Bench ${kind} ${i + 1}`, terms);
    await agreements.transition(actor, created.id, 'propose', '');
    for (const party of parties) await agreements.sign(actor, created.id, party, 'bench');
    await agreements.transition(actor, created.id, 'activate', '');
    added[kind] += 1;
    active = activeCount();
  }
  return { active, added };
}
