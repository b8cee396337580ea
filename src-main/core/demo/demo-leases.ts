// The demo village's leases in force over the demo period, so a settlement of last month has every
// agreement kind to settle: at each site an investor's solar kit on a neighbour's roof under a
// hosted lease (the host pays the owner per kWh used, gets a rent share back, and the kit's surplus
// sold to the pool is split owner/host), and at two sites a kit bought by lease-to-own whose first
// monthly instalment falls due on the period's first day. Written through the equipment and
// agreements services (created, proposed, signed by both parties, activated — locally, NOT on
// chain, like the demo's P2P sales). Prices are in euro and converted to the cooperative's currency.
import type { Database } from 'better-sqlite3';
import type { OperatorPublic } from '../../contract/session.js';
import type { AgreementsService } from '../agreements/agreements-service.js';
import { CooperativeRepo } from '../cooperative/cooperative-repo.js';
import { euroToCurrency } from '../cooperative/demo-market.js';
import type { EquipmentService } from '../equipment/equipment-service.js';
import { noise } from './demo-profiles.js';

/** Euro milli-cents per kWh: a hosted kit's energy is a little below the sites' tariffs (0.20–0.24 €/kWh). */
const HOSTED_RATE_EURO_MILLI = 15_000;
/** Lease-to-own: the price of a small home kit (€600 over 24 months) and the energy rate until paid. */
const LEASE_TO_OWN_PRICE_EURO_CENTS = 60_000;
const LEASE_TO_OWN_INSTALMENTS = 24;
const LEASE_TO_OWN_RATE_EURO_MILLI = 8_000;

export interface DemoLeases {
  readonly hostedLeases: number[];
  readonly leasesToOwn: number[];
}

interface Candidate { id: number; site_id: number; full_name: string }

/** `date` (YYYY-MM-DD) one month earlier, the day clamped to the shorter month's end. */
export function monthBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 2, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export async function activateDemoLeases(db: Database, services: { equipment: EquipmentService; agreements: AgreementsService }, actor: OperatorPublic, seed: number, firstDay: string): Promise<DemoLeases> {
  const currency = new CooperativeRepo(db).get()?.currency ?? 'EUR';
  const sites = db.prepare(`SELECT id FROM sites ORDER BY id`).all() as { id: number }[];
  const owners = db.prepare(`SELECT m.id, m.site_id, m.full_name FROM members m JOIN member_roles r ON r.member_id = m.id AND r.role = 'owner' WHERE m.active = 1 AND m.site_id = ? ORDER BY m.id`);
  // Consumers only, hosting nothing yet: the households an investor's kit changes most.
  const hosts = db.prepare(`SELECT m.id, m.site_id, m.full_name FROM members m WHERE m.active = 1 AND m.site_id = ?
                              AND NOT EXISTS (SELECT 1 FROM member_roles r WHERE r.member_id = m.id AND r.role <> 'consumer')
                              AND m.id NOT IN (SELECT COALESCE(host_member_id, owner_member_id) FROM equipment) ORDER BY m.id`);
  const startsOn = firstDay;
  const result: DemoLeases = { hostedLeases: [], leasesToOwn: [] };
  for (const [index, site] of sites.entries()) {
    const investors = owners.all(site.id) as Candidate[];
    const households = hosts.all(site.id) as Candidate[];
    if (investors.length === 0 || households.length === 0) continue;
    const owner = investors[Math.floor(noise(seed, site.id, 51) * investors.length)]!.id;
    const host = households[Math.floor(noise(seed, site.id, 52) * households.length)]!;
    const ratedPowerW = 1_600 + 400 * Math.floor(noise(seed, site.id, 53) * 4);
    const kit = kitFor(services.equipment, actor, { owner, host: host.id, siteId: site.id, ratedPowerW, serial: `DEMO-LEASE-${seed}-${site.id}`, commissionedOn: startsOn });
    const lease = services.agreements.create(actor, `Solar kit ${ratedPowerW} W on ${host.full_name}'s roof`, {
      kind: 'hosted_lease', equipmentId: kit, ownerMemberId: owner, hostMemberId: host.id, startsOn, termYears: 10,
      energyRateMilliPerKwh: euroToCurrency(HOSTED_RATE_EURO_MILLI, currency), rentShareBps: 1_500, surplusOwnerBps: 7_000, endOfTerm: 'host_may_buy_at_residual',
      notes: 'Demo village: a hosted lease in force over the demo period (signed locally, not on chain).',
    });
    await signAndActivate(services.agreements, actor, lease.id, [owner, host.id]);
    result.hostedLeases.push(lease.id);

    // Lease-to-own at the first two sites, by another household; started a month before the period
    // so the first instalment is due on the period's first day.
    const buyer = households.find((h) => h.id !== host.id);
    if (index >= 2 || !buyer) continue;
    const homeKit = kitFor(services.equipment, actor, { owner, host: buyer.id, siteId: site.id, ratedPowerW: 800, serial: `DEMO-LTO-${seed}-${site.id}`, commissionedOn: monthBefore(startsOn) });
    const toOwn = services.agreements.create(actor, `Home solar kit 800 W bought by ${buyer.full_name}`, {
      kind: 'lease_to_own', equipmentId: homeKit, ownerMemberId: owner, hostMemberId: buyer.id, startsOn: monthBefore(startsOn),
      priceMinor: euroToCurrency(LEASE_TO_OWN_PRICE_EURO_CENTS, currency), instalmentCount: LEASE_TO_OWN_INSTALMENTS, instalmentPeriod: 'monthly',
      energyRateMilliPerKwh: euroToCurrency(LEASE_TO_OWN_RATE_EURO_MILLI, currency),
      notes: 'Demo village: a lease-to-own in force over the demo period (signed locally, not on chain).',
    });
    await signAndActivate(services.agreements, actor, toOwn.id, [owner, buyer.id]);
    result.leasesToOwn.push(toOwn.id);
  }
  return result;
}

function kitFor(equipment: EquipmentService, actor: OperatorPublic, k: { owner: number; host: number; siteId: number; ratedPowerW: number; serial: string; commissionedOn: string }): number {
  return equipment.create(actor, {
    kind: 'solar', ratedPowerW: k.ratedPowerW, storageWh: null, make: 'Demo Solar', model: `Roof kit ${k.ratedPowerW} W`, serial: k.serial,
    ownerMemberId: k.owner, hostMemberId: k.host, siteId: k.siteId, commissionedOn: k.commissionedOn, status: 'leased', meterRefs: null,
    notes: 'Demo village: an investor\'s kit on a member\'s roof, with a generation meter',
  }).id;
}

async function signAndActivate(agreements: AgreementsService, actor: OperatorPublic, id: number, parties: readonly number[]): Promise<void> {
  await agreements.transition(actor, id, 'propose', '');
  for (const party of parties) await agreements.sign(actor, id, party, 'demo');
  await agreements.transition(actor, id, 'activate', '');
}
