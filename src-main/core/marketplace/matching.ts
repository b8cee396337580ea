// Matching owners with hosts: a pure, explainable score. Four factors, each worth a fixed number of
// points, each with a reason an operator can read out to a member. Deterministic order.
import type { EquipmentKind } from '../../contract/equipment.js';
import type { MatchFactorScore, MatchSuggestion, Orientation } from '../../contract/market.js';

export const WEIGHTS = { kind: 30, capacity: 30, location: 25, rating: 15 } as const;

/** Rule-of-thumb figures, documented so a member can follow the arithmetic. */
export const SOLAR_W_PER_M2 = 150; // installed panels incl. spacing
export const CAPACITY_FACTOR: Record<EquipmentKind, number> = { solar: 0.18, wind: 0.25, hydro: 0.5, biogas: 0.6, battery: 4 / 24, other: 0.2 };
const HOURS_PER_MONTH = 730;
const NEAR_KM = 1;
const FAR_KM = 20;

export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

export interface RatingFacts {
  /** Average stars × 100, or null without ratings. */
  readonly averageCentiStars: number | null;
  readonly count: number;
}

export interface OwnerCandidate {
  readonly listingId: number;
  readonly memberId: number;
  readonly memberName: string;
  readonly kind: EquipmentKind;
  readonly capacityW: number;
  readonly siteId: number;
  readonly preferredSiteIds: readonly number[];
  readonly maxDistanceKm: number | null;
  readonly location: GeoPoint | null;
  readonly rating: RatingFacts;
}

export interface HostCandidate {
  readonly listingId: number;
  readonly memberId: number;
  readonly memberName: string;
  readonly siteId: number;
  readonly siteName: string;
  readonly premisesM2: number | null;
  readonly orientation: Orientation;
  readonly preferredKinds: readonly EquipmentKind[];
  readonly expectedConsumptionWhPerMonth: number | null;
  readonly location: GeoPoint | null;
  readonly rating: RatingFacts;
}

const factor = (name: MatchFactorScore['factor'], fit: number, reason: string): MatchFactorScore => ({
  factor: name,
  weight: WEIGHTS[name],
  points: Math.round(WEIGHTS[name] * Math.min(1, Math.max(0, fit))),
  reason,
});

const kwh = (wh: number) => `${Math.round(wh / 1000).toLocaleString('en-US')} kWh`;

export function kindFit(owner: OwnerCandidate, host: HostCandidate): MatchFactorScore {
  if (host.preferredKinds.length === 0) return factor('kind', 0.6, `The host has no preferred kind; ${owner.kind} is acceptable`);
  if (host.preferredKinds.includes(owner.kind)) return factor('kind', 1, `The host prefers ${owner.kind}`);
  return factor('kind', 0, `The host prefers ${host.preferredKinds.join(', ')}, not ${owner.kind}`);
}

export function capacityFit(owner: OwnerCandidate, host: HostCandidate): MatchFactorScore {
  const parts: { fit: number; reason: string }[] = [];
  if (owner.kind === 'solar' && host.premisesM2 !== null) {
    const needM2 = Math.ceil(owner.capacityW / SOLAR_W_PER_M2);
    const fit = host.premisesM2 >= needM2 ? 1 : host.premisesM2 / needM2;
    parts.push({ fit, reason: `${owner.capacityW.toLocaleString('en-US')} W of solar needs about ${needM2} m²; the premises have ${host.premisesM2} m²` });
  }
  if (host.expectedConsumptionWhPerMonth !== null && host.expectedConsumptionWhPerMonth > 0) {
    const output = owner.capacityW * CAPACITY_FACTOR[owner.kind] * HOURS_PER_MONTH;
    const fit = Math.min(output, host.expectedConsumptionWhPerMonth) / Math.max(output, host.expectedConsumptionWhPerMonth);
    parts.push({ fit, reason: `expected output about ${kwh(output)}/month against the host's use of ${kwh(host.expectedConsumptionWhPerMonth)}/month` });
  }
  if (parts.length === 0) return factor('capacity', 0.5, 'Premises size and expected consumption unknown: neutral');
  const fit = parts.reduce((sum, p) => sum + p.fit, 0) / parts.length;
  const text = parts.map((p) => p.reason).join('; ');
  return factor('capacity', fit, text.charAt(0).toUpperCase() + text.slice(1));
}

export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function locationFit(owner: OwnerCandidate, host: HostCandidate): MatchFactorScore {
  let fit: number;
  let reason: string;
  if (owner.location && host.location) {
    const km = distanceKm(owner.location, host.location);
    const shown = km < 10 ? km.toFixed(1) : String(Math.round(km));
    if (owner.maxDistanceKm !== null && km > owner.maxDistanceKm) return factor('location', 0, `${shown} km apart, beyond the owner's limit of ${owner.maxDistanceKm} km`);
    fit = km <= NEAR_KM ? 1 : km >= FAR_KM ? 0.1 : 1 - (0.9 * (km - NEAR_KM)) / (FAR_KM - NEAR_KM);
    reason = `${shown} km apart`;
  } else if (owner.siteId === host.siteId) {
    fit = 0.8;
    reason = `Same site (${host.siteName}); no GPS position to measure the distance`;
  } else {
    fit = 0.2;
    reason = `Different sites; no GPS position to measure the distance`;
  }
  if (owner.preferredSiteIds.length > 0) {
    if (owner.preferredSiteIds.includes(host.siteId)) reason += `; ${host.siteName} is a site the owner prefers`;
    else {
      fit *= 0.5;
      reason += `; ${host.siteName} is not among the owner's preferred sites`;
    }
  }
  return factor('location', fit, reason);
}

/** Stars mapped to 0…1 and pulled towards neutral (0.5) while there are few ratings. */
export function ratingConfidence(r: RatingFacts): number {
  if (r.averageCentiStars === null || r.count === 0) return 0.5;
  const normalized = (r.averageCentiStars / 100 - 1) / 4;
  return (normalized * r.count + 0.5 * 2) / (r.count + 2);
}

export function ratingFit(owner: OwnerCandidate, host: HostCandidate): MatchFactorScore {
  const describe = (who: string, r: RatingFacts) => (r.averageCentiStars === null ? `${who} not rated yet` : `${who} ${(r.averageCentiStars / 100).toFixed(2)}★ from ${r.count} rating(s)`);
  const fit = (ratingConfidence(owner.rating) + ratingConfidence(host.rating)) / 2;
  return factor('rating', fit, `${describe('Owner', owner.rating)}; ${describe('host', host.rating)}`);
}

export function scorePair(owner: OwnerCandidate, host: HostCandidate): MatchSuggestion | null {
  if (owner.memberId === host.memberId) return null; // hosting one's own equipment is not a lease
  const factors = [kindFit(owner, host), capacityFit(owner, host), locationFit(owner, host), ratingFit(owner, host)];
  return {
    ownerListingId: owner.listingId,
    hostListingId: host.listingId,
    ownerMemberId: owner.memberId,
    hostMemberId: host.memberId,
    ownerName: owner.memberName,
    hostName: host.memberName,
    kind: owner.kind,
    score: factors.reduce((sum, f) => sum + f.points, 0),
    factors,
  };
}

export function suggestMatches(owners: readonly OwnerCandidate[], hosts: readonly HostCandidate[], options: { minScore: number; limit: number }): MatchSuggestion[] {
  const out: MatchSuggestion[] = [];
  for (const owner of owners) {
    for (const host of hosts) {
      const pair = scorePair(owner, host);
      if (pair && pair.score >= options.minScore) out.push(pair);
    }
  }
  out.sort((a, b) => b.score - a.score || a.ownerListingId - b.ownerListingId || a.hostListingId - b.hostListingId);
  return out.slice(0, options.limit);
}
