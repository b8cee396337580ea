// Writes the demo village in one transaction (all or nothing), with progress events: sites and
// members, then equipment, listings, tariff plans and draft agreements through their services (so
// their rules and audit rows apply; the services' own transactions nest as savepoints).
// Nothing here touches the chain: agreements stay drafts, proposing is the operator's step.
import type { Database } from 'better-sqlite3';
import type { JobProgressCode } from '../../contract/events.js';
import type { DemoLoadResult, OperatorPublic } from '../../contract/session.js';
import { refusal } from '../api/core-error.js';
import type { EventBus } from '../api/event-bus.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import { buildMarketServices, type MarketServices } from '../marketplace/market-services.js';
import type { MembersRepo } from '../members/members-repo.js';
import type { SitesRepo } from '../members/sites-repo.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { localParts } from '../tariffs/local-time.js';
import { CooperativeRepo } from './cooperative-repo.js';
import { demoMarket, euroToCurrency, tariffInCurrency, type DemoMarket } from './demo-market.js';
import { DEMO_SITES, demoMembers } from './demo-village.js';

export interface DemoLoaderDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRepo;
  readonly events: EventBus;
  readonly members: MembersRepo;
  readonly sites: SitesRepo;
  /** The running market services; built over `db` when not given (they hold no state of their own). */
  readonly market?: MarketServices;
}

/** English fallbacks of the progress codes (the wizard shows its own translation). */
export const DEMO_PROGRESS_LABELS: Readonly<Record<JobProgressCode, string>> = {
  'demo.sites': 'Sites created',
  'demo.members': 'Members registered',
  'demo.equipment': 'Equipment registered',
  'demo.listings': 'Marketplace listings posted',
  'demo.tariffs': 'Tariff plans in force',
  'demo.agreements': 'Draft agreements written',
  'demo.ready': 'Demo village ready',
  'demo.generators': "Members' own generators installed",
  'demo.sales': 'Neighbour sales signed',
  'demo.meters': 'Meters attested and provisioned',
  'demo.readings': 'Signed readings verified and stored',
  'demo.flows': 'Energy flows computed',
};

/** `members`: how many (the wizard's village has 60; `npm run demo -- --members N` asks for more). */
export function loadDemoVillage(deps: DemoLoaderDeps, actor: OperatorPublic, options: { members?: number } = {}): DemoLoadResult {
  if (deps.members.count() > 0) {
    throw refusal('CONFLICT', 'demoNeedsEmpty', 'The demo village can only be loaded into a cooperative that has no members yet.');
  }
  const cooperative = new CooperativeRepo(deps.db).get();
  const market = deps.market ?? buildMarketServices({ db: deps.db, clock: deps.clock, audit: deps.audit, cooperative: new CooperativeRepo(deps.db) });
  const today = deps.clock.now();
  const zone = cooperative?.timezone ?? 'UTC';
  const people = demoMembers(today, options.members);
  const plan = demoMarket(people, today);
  const extras = plan.equipment.length + plan.listings.length + plan.tariffs.length + plan.agreements.length;
  const total = DEMO_SITES.length + people.length + extras;
  let done = 0;
  const progress = (code: JobProgressCode, count: number) => {
    done += count;
    deps.events.emit('job.progress', { job: 'demo.load', done, total, label: DEMO_PROGRESS_LABELS[code], code });
  };
  deps.db.transaction(() => {
    const at = isoNow(deps.clock);
    const siteIds = DEMO_SITES.map((site) => deps.sites.byName(site.name)?.id ?? deps.sites.insert({ ...site, createdAt: at }));
    progress('demo.sites', DEMO_SITES.length);
    const memberIds = people.map((person, index) => {
      const id = deps.members.insert({ ...person.fields, siteId: siteIds[person.siteIndex] as number }, at);
      if ((index + 1) % 20 === 0) progress('demo.members', 20);
      return id;
    });
    if (people.length % 20 !== 0) progress('demo.members', people.length % 20);
    deps.audit.record({ operatorId: actor.id, action: 'demo.load', entity: 'cooperative', entityId: 1, summary: `Demo village loaded: ${DEMO_SITES.length} sites, ${people.length} members, ${plan.equipment.length} equipment, ${plan.listings.length} listings, ${plan.tariffs.length} tariff plans, ${plan.agreements.length} draft agreements`, summaryCode: 'demo.loaded', summaryParams: { sites: DEMO_SITES.length, members: people.length, equipment: plan.equipment.length, agreements: plan.agreements.length } });
    writeMarket(market, actor, plan, {
      member: (index) => memberIds[index] as number,
      site: (index) => siteIds[index] as number,
      currency: cooperative?.currency ?? 'EUR',
      month: localParts(today.getTime(), zone).month,
      // From the 1st of last month: the demo's energy starts there, and last month can be settled.
      monthStart: localMonthStart(new Date(Date.parse(localMonthStart(today, zone)) - 86_400_000), zone),
      progress,
    });
  }).immediate();
  progress('demo.ready', 0);
  deps.events.emit('members.changed', { reason: 'demo' });
  return { sites: DEMO_SITES.length, members: people.length };
}

interface Resolve {
  member(index: number): number;
  site(index: number): number;
  readonly currency: string;
  /** The cooperative's current local month (YYYY-MM) and the instant it began. */
  readonly month: string;
  readonly monthStart: string;
  progress(code: JobProgressCode, count: number): void;
}

function writeMarket(market: MarketServices, actor: OperatorPublic, plan: DemoMarket, r: Resolve): void {
  const equipmentIds = new Map<string, number>();
  for (const item of plan.equipment) {
    const { key, siteIndex, ownerIndex, hostIndex, ...fields } = item;
    const created = market.equipment.create(actor, { ...fields, ownerMemberId: r.member(ownerIndex), hostMemberId: hostIndex === null ? null : r.member(hostIndex), siteId: r.site(siteIndex), meterRefs: null });
    equipmentIds.set(key, created.id);
  }
  r.progress('demo.equipment', plan.equipment.length);
  const equipmentId = (key: string): number => {
    const id = equipmentIds.get(key);
    if (id === undefined) throw new Error(`Demo village: no equipment "${key}"`);
    return id;
  };

  for (const listing of plan.listings) {
    const common = { memberId: r.member(listing.memberIndex), siteId: null, title: listing.title, notes: listing.notes };
    if (listing.side === 'host') {
      market.marketplace.create(actor, { ...common, side: 'host', premisesM2: null, orientation: listing.orientation, siteNotes: '', preferredKinds: [...listing.preferredKinds], expectedConsumptionWhPerMonth: listing.expectedConsumptionWhPerMonth });
    } else if (listing.offer === 'equipment') {
      const item = plan.equipment.find((e) => e.key === listing.equipmentKey);
      market.marketplace.create(actor, { ...common, side: 'owner', offer: 'equipment', equipmentId: equipmentId(listing.equipmentKey), kind: item?.kind ?? 'other', capacityW: item?.ratedPowerW ?? 1, capitalMinor: null, preferredSiteIds: [], maxDistanceKm: listing.maxDistanceKm, expectedRateMilliPerKwh: euroToCurrency(listing.rateEuroMilli, r.currency) });
    } else {
      market.marketplace.create(actor, { ...common, side: 'owner', offer: 'capital', equipmentId: null, kind: listing.kind, capacityW: listing.capacityW, capitalMinor: euroToCurrency(listing.capitalEuroCents, r.currency), preferredSiteIds: [], maxDistanceKm: null, expectedRateMilliPerKwh: null });
    }
  }
  r.progress('demo.listings', plan.listings.length);

  const planIdBySite = new Map<number, number>();
  for (const tariff of plan.tariffs) {
    const created = market.tariffs.createPlan(actor, { siteId: r.site(tariff.siteIndex), name: tariff.name, description: tariff.description });
    // In force today: the version in force is the latest one starting at or before now.
    market.tariffs.createVersion(actor, { planId: created.id, validFrom: r.monthStart, definition: tariffInCurrency(tariff.definition, r.currency), notes: tariff.notes, allowPast: true, reason: 'Demo village: in force since the start of last month' });
    planIdBySite.set(tariff.siteIndex, created.id);
  }
  r.progress('demo.tariffs', plan.tariffs.length);

  // Drafts start on the 1st of next month: a date an operator could still agree to.
  const startsOn = nextMonthFirst(r.month);
  for (const agreement of plan.agreements) {
    if (agreement.kind === 'hosted_lease') {
      market.agreements.create(actor, agreement.title, { kind: 'hosted_lease', equipmentId: equipmentId(agreement.equipmentKey), ownerMemberId: r.member(agreement.ownerIndex), hostMemberId: r.member(agreement.hostIndex), startsOn, termYears: 10, energyRateMilliPerKwh: euroToCurrency(agreement.rateEuroMilli, r.currency), rentShareBps: 1_500, surplusOwnerBps: 7_000, endOfTerm: 'host_may_buy_at_residual', notes: agreement.notes });
    } else {
      const tariffPlanId = planIdBySite.get(agreement.tariffSiteIndex);
      if (tariffPlanId === undefined) throw new Error(`Demo village: no tariff plan at site ${agreement.tariffSiteIndex}`);
      market.agreements.create(actor, agreement.title, { kind: 'p2p_sale', sellerMemberId: r.member(agreement.sellerIndex), buyers: { mode: 'site', siteId: r.site(agreement.siteIndex) }, priceRule: { mode: 'tariff', tariffPlanId, discountBps: agreement.discountBps }, gridFee: null, tax: null, startsOn, termMonths: 12, notes: agreement.notes });
    }
  }
  r.progress('demo.agreements', plan.agreements.length);
}

/** The UTC instant of local midnight on the 1st of `now`'s local month in `timeZone`. */
export function localMonthStart(now: Date, timeZone: string): string {
  const month = localParts(now.getTime(), timeZone).month;
  const utcFirst = Date.parse(`${month}-01T00:00:00Z`);
  const seen = localParts(utcFirst, timeZone);
  const seenMs = Date.parse(`${seen.date}T${String(seen.hour).padStart(2, '0')}:${String(seen.minute).padStart(2, '0')}:00Z`);
  const start = utcFirst - (seenMs - utcFirst);
  const check = localParts(start, timeZone);
  // A zone whose midnight is skipped (a DST jump at 00:00) keeps the UTC start: still in the past.
  return new Date(check.date === `${month}-01` && check.hour === 0 && start <= now.getTime() ? start : Math.min(utcFirst, now.getTime())).toISOString();
}

/** The 1st of the month after `month` (YYYY-MM), as YYYY-MM-DD. */
function nextMonthFirst(month: string): string {
  const [year, monthNo] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNo, 1)).toISOString().slice(0, 10);
}
