// Matching: each factor against hand-worked cases, and the ranking built from them.
import { describe, expect, it } from 'vitest';
import { capacityFit, distanceKm, kindFit, locationFit, ratingConfidence, ratingFit, scorePair, suggestMatches, type HostCandidate, type OwnerCandidate } from './matching.js';
import { summarize } from './ratings-repo.js';

const owner: OwnerCandidate = {
  listingId: 1, memberId: 10, memberName: 'Otieno', kind: 'solar', capacityW: 3_000, siteId: 1,
  preferredSiteIds: [], maxDistanceKm: null, location: { lat: -3.36, lon: 35.8 }, rating: { averageCentiStars: null, count: 0 },
};
const host: HostCandidate = {
  listingId: 2, memberId: 20, memberName: 'Wanjiru', siteId: 1, siteName: 'Mto Mill', premisesM2: 40, orientation: 'north',
  preferredKinds: ['solar'], expectedConsumptionWhPerMonth: 394_200, location: { lat: -3.36, lon: 35.8 }, rating: { averageCentiStars: null, count: 0 },
};

describe('match factors', () => {
  it('kind: preferred 30, no preference 18, other kind 0', () => {
    expect(kindFit(owner, host)).toMatchObject({ points: 30, reason: 'The host prefers solar' });
    expect(kindFit(owner, { ...host, preferredKinds: [] }).points).toBe(18);
    expect(kindFit(owner, { ...host, preferredKinds: ['wind', 'hydro'] })).toMatchObject({ points: 0, reason: 'The host prefers wind, hydro, not solar' });
  });

  it('capacity: roof area and output against consumption', () => {
    // 3,000 W needs 20 m² (≤ 40): fit 1. Output 3,000 × 0.18 × 730 = 394,200 Wh = consumption: fit 1 → 30 points.
    expect(capacityFit(owner, host)).toMatchObject({ points: 30, reason: '3,000 W of solar needs about 20 m²; the premises have 40 m²; expected output about 394 kWh/month against the host\'s use of 394 kWh/month' });
    // 10 m² of 20 needed: 0.5; consumption a quarter of output: 0.25; mean 0.375 × 30 = 11.25 → 11
    expect(capacityFit(owner, { ...host, premisesM2: 10, expectedConsumptionWhPerMonth: 98_550 }).points).toBe(11);
    expect(capacityFit(owner, { ...host, premisesM2: null, expectedConsumptionWhPerMonth: null })).toMatchObject({ points: 15, reason: expect.stringMatching(/unknown: neutral/) });
  });

  it('location: distance when both have GPS, the owner limit, else same site or not', () => {
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.19, 1);
    expect(locationFit(owner, host)).toMatchObject({ points: 25, reason: '0.0 km apart' });
    // ≈ 11.1 km: 1 − 0.9 × (11.12 − 1) / 19 = 0.521 → 13 points
    const far = { ...host, location: { lat: -3.26, lon: 35.8 } };
    expect(locationFit(owner, far).points).toBe(13);
    expect(locationFit({ ...owner, maxDistanceKm: 5 }, far)).toMatchObject({ points: 0, reason: "11 km apart, beyond the owner's limit of 5 km" });
    expect(locationFit({ ...owner, location: null }, host)).toMatchObject({ points: 20, reason: 'Same site (Mto Mill); no GPS position to measure the distance' });
    expect(locationFit({ ...owner, location: null, preferredSiteIds: [2] }, { ...host, siteId: 3 }).points).toBe(3); // 0.2 × 0.5 × 25 = 2.5 → 3
  });

  it('rating: neutral without ratings, pulled towards neutral while ratings are few', () => {
    expect(ratingConfidence({ averageCentiStars: null, count: 0 })).toBe(0.5);
    // 5★ once: (1 × 1 + 0.5 × 2) / 3 = 0.667; 5★ ten times: (10 + 1) / 12 = 0.917
    expect(ratingConfidence({ averageCentiStars: 500, count: 1 })).toBeCloseTo(0.667, 3);
    expect(ratingConfidence({ averageCentiStars: 500, count: 10 })).toBeCloseTo(0.917, 3);
    expect(ratingFit({ ...owner, rating: { averageCentiStars: 100, count: 6 } }, host)).toMatchObject({ points: 5, reason: 'Owner 1.00★ from 6 rating(s); host not rated yet' });
  });

  it('rating summary averages in integers, half up', () => {
    expect(summarize(1, 3, 13)).toEqual({ memberId: 1, count: 3, averageCentiStars: 433 });
    expect(summarize(1, 8, 37)).toEqual({ memberId: 1, count: 8, averageCentiStars: 463 }); // 4.625 → 4.63
    expect(summarize(1, 0, 0).averageCentiStars).toBeNull();
  });
});

describe('suggestions', () => {
  it('sums the factors into a score out of 100 and explains each', () => {
    const pair = scorePair(owner, host)!;
    expect(pair.factors.map((f) => [f.factor, f.points])).toEqual([['kind', 30], ['capacity', 30], ['location', 25], ['rating', 8]]);
    expect(pair.score).toBe(93);
  });

  it('never pairs a member with themselves and ranks best first with a stable order', () => {
    const hosts: HostCandidate[] = [
      { ...host, listingId: 3, memberId: 10 },
      { ...host, listingId: 4, memberId: 21, preferredKinds: ['wind'] },
      { ...host, listingId: 5, memberId: 22 },
      { ...host, listingId: 2 },
    ];
    const suggestions = suggestMatches([owner], hosts, { minScore: 0, limit: 10 });
    expect(suggestions.map((s) => [s.hostListingId, s.score])).toEqual([[2, 93], [5, 93], [4, 63]]);
    expect(suggestMatches([owner], hosts, { minScore: 70, limit: 1 }).map((s) => s.hostListingId)).toEqual([2]);
  });
});
