// Marketplace use cases: listings, match suggestions, drafts from a match, ratings and profiles.
// Writes run in one transaction with their audit row.
import type { Database } from 'better-sqlite3';
import type { Agreement, AgreementTermsValue } from '../../contract/agreements.js';
import type { ApiIssue } from '../../contract/errors.js';
import type { HostListing, Listing, ListingChangesValue, ListingFieldsValue, ListingListQueryValue, MatchSuggestion, MemberMarketProfile, OwnerListing, Rating } from '../../contract/market.js';
import type { OperatorPublic } from '../../contract/session.js';
import { CoreError, refusal, notFound } from '../api/core-error.js';
import { ruleIssue } from '../../contract/issues.js';
import type { AgreementsService } from '../agreements/agreements-service.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import type { EquipmentRepo } from '../equipment/equipment-repo.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { columnsOf, ListingsRepo, type ListingColumns } from './listings-repo.js';
import { suggestMatches, type GeoPoint, type HostCandidate, type OwnerCandidate } from './matching.js';
import { RatingsRepo } from './ratings-repo.js';

/** A party may rate the other once the agreement has run this long (or has ended after running). */
export const RATING_AFTER_DAYS = 30;

export interface MarketplaceDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRepo;
  readonly equipment: EquipmentRepo;
  readonly agreements: AgreementsService;
}

const OWNER_ONLY = ['offer', 'equipmentId', 'kind', 'capacityW', 'capitalMinor', 'preferredSiteIds', 'maxDistanceKm', 'expectedRateMilliPerKwh'] as const;
const HOST_ONLY = ['premisesM2', 'orientation', 'siteNotes', 'preferredKinds', 'expectedConsumptionWhPerMonth'] as const;

export class MarketplaceService {
  readonly listings: ListingsRepo;
  readonly ratings: RatingsRepo;

  constructor(private readonly deps: MarketplaceDeps) {
    this.listings = new ListingsRepo(deps.db);
    this.ratings = new RatingsRepo(deps.db);
  }

  list(query: ListingListQueryValue) {
    return this.listings.query(query);
  }

  get(id: number): Listing {
    const found = this.listings.byId(id);
    if (!found) throw notFound('Listing', id);
    return found;
  }

  create(actor: OperatorPublic, fields: ListingFieldsValue): Listing {
    const member = this.activeMember(fields.memberId, 'memberId');
    const columns: ListingColumns = fields.side === 'owner'
      ? { ...fields, siteId: fields.siteId ?? member.siteId, premisesM2: null, orientation: null, siteNotes: '', preferredKinds: [], expectedConsumptionWhPerMonth: null }
      : { ...fields, siteId: fields.siteId ?? member.siteId, offer: null, equipmentId: null, kind: null, capacityW: null, capitalMinor: null, preferredSiteIds: [], maxDistanceKm: null, expectedRateMilliPerKwh: null };
    this.check(columns);
    const id = this.write(() => {
      const newId = this.listings.insert(columns, this.now());
      this.deps.audit.record({ operatorId: actor.id, action: 'create', entity: 'listing', entityId: newId, summary: `${fields.side === 'owner' ? 'Owner' : 'Host'} listing "${fields.title}" by ${member.name}`, summaryCode: fields.side === 'owner' ? 'listing.ownerCreated' : 'listing.hostCreated', summaryParams: { title: fields.title, member: member.name }, after: columns });
      return newId;
    });
    return this.get(id);
  }

  update(actor: OperatorPublic, id: number, changes: ListingChangesValue): Listing {
    const before = this.get(id);
    if (before.status !== 'open') throw refusal('CONFLICT', 'listingClosed', `Listing ${id} is ${before.status}; only open listings can be edited.`, { status: before.status });
    const foreign = (before.side === 'owner' ? HOST_ONLY : OWNER_ONLY).filter((key) => changes[key] !== undefined);
    if (foreign.length > 0) {
      throw new CoreError('VALIDATION', `A ${before.side} listing has no ${foreign.join(', ')}.`, foreign.map((path) => ({ path: `changes.${path}`, message: `Not a field of a ${before.side} listing` })));
    }
    const current = columnsOf(before);
    const next: ListingColumns = { ...current, ...changes, siteId: changes.siteId ?? current.siteId };
    this.check(next);
    this.write(() => {
      this.listings.update(id, next, this.now());
      this.deps.audit.record({ operatorId: actor.id, action: 'update', entity: 'listing', entityId: id, summary: `Changed ${Object.keys(changes).join(', ') || 'nothing'}`, summaryCode: 'listing.updated', summaryParams: { fields: Object.keys(changes) }, before: current, after: next });
    });
    return this.get(id);
  }

  withdraw(actor: OperatorPublic, id: number, reason: string): Listing {
    const before = this.get(id);
    if (before.status !== 'open') throw refusal('CONFLICT', 'listingClosed', `Listing ${id} is already ${before.status}.`, { status: before.status });
    this.write(() => {
      this.listings.setStatus(id, 'withdrawn', reason, this.now());
      this.deps.audit.record({ operatorId: actor.id, action: 'withdraw', entity: 'listing', entityId: id, summary: `Withdrawn: ${reason}`, summaryCode: 'listing.withdrawn', summaryParams: { reason } });
    });
    return this.get(id);
  }

  suggest(input: { ownerListingId: number | null; hostListingId: number | null; siteId: number | null; minScore: number; limit: number }): MatchSuggestion[] {
    const open = this.listings.query({ side: null, status: 'open', siteId: null, memberId: null, kind: null, limit: 5000, offset: 0 }).rows;
    const owners = open.filter((l): l is OwnerListing => l.side === 'owner' && (input.ownerListingId === null || l.id === input.ownerListingId));
    const hosts = open.filter((l): l is HostListing => l.side === 'host' && (input.hostListingId === null || l.id === input.hostListingId) && (input.siteId === null || l.siteId === input.siteId));
    for (const [id, found] of [[input.ownerListingId, owners], [input.hostListingId, hosts]] as const) {
      if (id !== null && found.length === 0) throw new CoreError('NOT_FOUND', `Listing ${id} is not an open listing of that side.`);
    }
    const memberIds = [...owners, ...hosts].map((l) => l.memberId);
    const ratings = this.ratings.summaries(memberIds);
    const places = this.locations(memberIds);
    const rating = (memberId: number) => ratings.get(memberId) ?? { averageCentiStars: null, count: 0 };
    const ownerCandidates: OwnerCandidate[] = owners.map((l) => ({
      listingId: l.id,
      memberId: l.memberId,
      memberName: l.memberName,
      kind: l.kind,
      capacityW: l.capacityW,
      siteId: l.siteId,
      preferredSiteIds: l.preferredSiteIds,
      maxDistanceKm: l.maxDistanceKm,
      location: places.get(l.memberId) ?? null,
      rating: rating(l.memberId),
    }));
    const hostCandidates: HostCandidate[] = hosts.map((l) => ({
      listingId: l.id,
      memberId: l.memberId,
      memberName: l.memberName,
      siteId: l.siteId,
      siteName: l.siteName,
      premisesM2: l.premisesM2,
      orientation: l.orientation,
      preferredKinds: l.preferredKinds,
      expectedConsumptionWhPerMonth: l.expectedConsumptionWhPerMonth,
      location: places.get(l.memberId) ?? null,
      rating: rating(l.memberId),
    }));
    return suggestMatches(ownerCandidates, hostCandidates, { minScore: input.minScore, limit: input.limit });
  }

  draftFromMatch(actor: OperatorPublic, input: { ownerListingId: number; hostListingId: number; kind: 'hosted_lease' | 'lease_to_own'; title: string }): Agreement {
    const owner = this.get(input.ownerListingId);
    const host = this.get(input.hostListingId);
    if (owner.side !== 'owner' || host.side !== 'host') throw new CoreError('VALIDATION', 'Choose one owner listing and one host listing.', [{ path: 'ownerListingId', message: 'Must be an owner listing' }]);
    for (const l of [owner, host]) if (l.status !== 'open') throw refusal('CONFLICT', 'listingClosed', `Listing ${l.id} is ${l.status}; only open listings can be matched.`, { status: l.status });
    if (owner.equipmentId === null) {
      throw new CoreError('VALIDATION', `Listing ${owner.id} offers capital, not registered equipment. Register the equipment, link it to the listing, then draft the agreement.`, [{ path: 'ownerListingId', message: 'No equipment linked' }]);
    }
    const startsOn = this.now().slice(0, 10);
    const notes = `Drafted from listings ${owner.id} and ${host.id}; review every figure with both parties.`;
    const rate = owner.expectedRateMilliPerKwh ?? 0;
    let terms: AgreementTermsValue;
    if (input.kind === 'hosted_lease') {
      terms = { kind: 'hosted_lease', equipmentId: owner.equipmentId, ownerMemberId: owner.memberId, hostMemberId: host.memberId, startsOn, termYears: 10, energyRateMilliPerKwh: rate, rentShareBps: 1_000, surplusOwnerBps: 5_000, endOfTerm: 'equipment_returns_to_owner', notes };
    } else {
      if (owner.capitalMinor === null) throw new CoreError('VALIDATION', `Listing ${owner.id} states no amount; set the price on the listing (capital) before drafting a lease-to-own.`, [{ path: 'ownerListingId', message: 'No price' }]);
      terms = { kind: 'lease_to_own', equipmentId: owner.equipmentId, ownerMemberId: owner.memberId, hostMemberId: host.memberId, startsOn, priceMinor: owner.capitalMinor, instalmentCount: 60, instalmentPeriod: 'monthly', energyRateMilliPerKwh: rate, notes };
    }
    const title = input.title.trim() || `${owner.kind} ${owner.memberName} → ${host.memberName}`;
    return this.deps.agreements.create(actor, title.slice(0, 160), terms, { ownerListingId: owner.id, hostListingId: host.id });
  }

  rate(actor: OperatorPublic, input: { agreementId: number; raterMemberId: number; rateeMemberId: number; stars: number; comment: string }): Rating {
    const agreement = this.deps.agreements.mustGet(input.agreementId);
    const parties = new Set(agreement.parties.map((p) => p.memberId));
    const partyName = (memberId: number) => agreement.parties.find((p) => p.memberId === memberId)?.memberName ?? `#${memberId}`;
    const issues: ApiIssue[] = [];
    if (!parties.has(input.raterMemberId)) issues.push({ path: 'raterMemberId', message: `Member ${input.raterMemberId} is not a party to agreement ${agreement.id}` });
    if (!parties.has(input.rateeMemberId)) issues.push({ path: 'rateeMemberId', message: `Member ${input.rateeMemberId} is not a party to agreement ${agreement.id}` });
    if (input.raterMemberId === input.rateeMemberId) issues.push({ path: 'rateeMemberId', message: 'A member cannot rate themselves' });
    if (issues.length > 0) throw new CoreError('VALIDATION', `The rating is not valid — ${issues[0]?.message}.`, issues);
    const ranFor = agreement.activatedAt ? (Date.parse(this.now()) - Date.parse(agreement.activatedAt)) / 86_400_000 : -1;
    const ended = agreement.status === 'completed' || agreement.status === 'terminated';
    if (agreement.activatedAt === null || (!ended && ranFor < RATING_AFTER_DAYS)) {
      const when = agreement.activatedAt ? `it has run ${Math.floor(ranFor)} day(s)` : 'it never became active';
      throw refusal('CONFLICT', 'ratingTooEarly', `Parties rate each other after an agreement has run at least ${RATING_AFTER_DAYS} days; ${when}.`, { days: RATING_AFTER_DAYS });
    }
    const id = this.write(() => {
      if (this.ratings.exists(agreement.id, input.raterMemberId, input.rateeMemberId)) throw refusal('CONFLICT', 'alreadyRated', `Member ${input.raterMemberId} has already rated member ${input.rateeMemberId} for agreement ${agreement.id}.`);
      const newId = this.ratings.insert({ ...input, at: this.now(), operatorId: actor.id });
      this.deps.audit.record({ operatorId: actor.id, action: 'rate', entity: 'agreement', entityId: agreement.id, summary: `Member ${input.raterMemberId} rated member ${input.rateeMemberId}: ${input.stars}★`, summaryCode: 'agreement.rated', summaryParams: { rater: partyName(input.raterMemberId), ratee: partyName(input.rateeMemberId), stars: input.stars }, after: input });
      return newId;
    });
    const rating = this.ratings.byId(id);
    if (!rating) throw notFound('Rating', id);
    return rating;
  }

  profile(memberId: number): MemberMarketProfile {
    const member = this.deps.db.prepare('SELECT full_name AS name FROM members WHERE id = ?').get(memberId) as { name: string } | undefined;
    if (!member) throw notFound('Member', memberId);
    const agreementCount = (this.deps.db.prepare('SELECT count(DISTINCT agreement_id) AS n FROM agreement_parties WHERE member_id = ?').get(memberId) as { n: number }).n;
    return {
      memberId,
      memberName: member.name,
      rating: this.ratings.summaries([memberId]).get(memberId) ?? { memberId, averageCentiStars: null, count: 0 },
      ratings: this.ratings.forMember(memberId),
      openListings: this.listings.query({ side: null, status: 'open', siteId: null, memberId, kind: null, limit: 500, offset: 0 }).rows,
      agreementCount,
    };
  }

  private check(c: ListingColumns): void {
    const issues: ApiIssue[] = [];
    if (!this.deps.db.prepare('SELECT 1 FROM sites WHERE id = ?').get(c.siteId)) issues.push({ path: 'siteId', message: `Site ${c.siteId} does not exist` });
    if (c.side === 'owner') {
      if (c.offer === 'equipment' && c.equipmentId === null) issues.push({ path: 'equipmentId', message: 'Choose the registered equipment offered' });
      if (c.offer === 'capital' && c.capitalMinor === null) issues.push({ path: 'capitalMinor', message: 'State the amount of capital offered' });
      if (c.equipmentId !== null) {
        const item = this.deps.equipment.byId(c.equipmentId);
        if (!item) issues.push({ path: 'equipmentId', message: `Equipment ${c.equipmentId} does not exist` });
        else {
          if (item.ownerMemberId !== c.memberId) issues.push({ path: 'equipmentId', message: `Equipment ${item.id} belongs to ${item.ownerName}` });
          if (item.kind !== c.kind) issues.push({ path: 'kind', message: `Equipment ${item.id} is ${item.kind}, not ${c.kind ?? 'unset'}` });
          if (item.status === 'retired' || item.status === 'transferred') issues.push({ path: 'equipmentId', message: `Equipment ${item.id} is ${item.status}` });
        }
      }
      for (const siteId of c.preferredSiteIds) if (!this.deps.db.prepare('SELECT 1 FROM sites WHERE id = ?').get(siteId)) issues.push({ path: 'preferredSiteIds', message: `Site ${siteId} does not exist` });
    }
    if (issues.length > 0) throw new CoreError('VALIDATION', `The listing is not valid — ${issues[0]?.path}: ${issues[0]?.message}`, issues);
  }

  private activeMember(id: number, path: string): { name: string; siteId: number } {
    const row = this.deps.db.prepare('SELECT full_name AS name, site_id AS siteId, active FROM members WHERE id = ?').get(id) as { name: string; siteId: number; active: number } | undefined;
    if (!row) throw refusal('NOT_FOUND', 'notFound', `Member ${id} does not exist.`, {}, [ruleIssue(path, 'unknownMember', 'Unknown member')]);
    if (row.active !== 1) throw new CoreError('VALIDATION', `Member ${id} (${row.name}) is deactivated.`, [{ path, message: 'Deactivated member' }]);
    return row;
  }

  private locations(memberIds: readonly number[]): Map<number, GeoPoint> {
    const out = new Map<number, GeoPoint>();
    const stmt = this.deps.db.prepare('SELECT gps_lat AS lat, gps_lon AS lon FROM members WHERE id = ?');
    for (const id of new Set(memberIds)) {
      const row = stmt.get(id) as { lat: number | null; lon: number | null } | undefined;
      if (row && row.lat !== null && row.lon !== null) out.set(id, { lat: row.lat, lon: row.lon });
    }
    return out;
  }

  private now(): string {
    return isoNow(this.deps.clock);
  }

  private write<T>(work: () => T): T {
    return this.deps.db.transaction(work).immediate();
  }
}
