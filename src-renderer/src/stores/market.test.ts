// Market store: listings split by side, suggestions per listing, and drafting from a pair sends the
// pair and kind the operator chose.
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Listing, MatchSuggestion } from '@contract';
import { provideApi } from '../api/index.js';
import { useMarketStore } from './market.js';
import { scriptedApi } from './test-api.js';

const meta = { memberName: 'X', siteId: 1, siteName: 'Mto', status: 'open' as const, statusReason: '', createdAt: '', updatedAt: '', notes: '', title: 't' };
const owner = (id: number): Listing => ({ ...meta, id, side: 'owner', memberId: 10 + id, offer: 'equipment', equipmentId: 5, kind: 'solar', capacityW: 3000, capitalMinor: null, preferredSiteIds: [], maxDistanceKm: null, expectedRateMilliPerKwh: null });
const host = (id: number): Listing => ({ ...meta, id, side: 'host', memberId: 20 + id, premisesM2: 40, orientation: 'north', siteNotes: '', preferredKinds: ['solar'], expectedConsumptionWhPerMonth: null });
const pair = (ownerListingId: number, hostListingId: number, score: number): MatchSuggestion => ({
  ownerListingId, hostListingId, ownerMemberId: 1, hostMemberId: 2, ownerName: 'O', hostName: 'H', kind: 'solar', score,
  factors: [{ factor: 'kind', weight: 40, points: 40, reason: 'Host prefers solar' }],
});

describe('market store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('loads open listings of the chosen site and splits them by side', async () => {
    const script = scriptedApi({
      'listings.list': () => ({ rows: [owner(1), host(2), owner(3)], total: 3 }),
      'matching.suggest': () => [pair(1, 2, 80), pair(3, 2, 55)],
    });
    provideApi(script.api);
    const store = useMarketStore();
    store.siteId = 4;
    await store.load();
    expect(script.calls.find((c) => c.channel === 'listings.list')?.input).toMatchObject({ status: 'open', siteId: 4 });
    expect(store.ownerListings.map((l) => l.id)).toEqual([1, 3]);
    expect(store.hostListings.map((l) => l.id)).toEqual([2]);
    expect(store.suggestionsFor(host(2)).map((s) => s.ownerListingId)).toEqual([1, 3]);
    expect(store.suggestionsFor(owner(3)).map((s) => s.score)).toEqual([55]);
    store.showClosed = true;
    await store.load();
    expect(script.calls.filter((c) => c.channel === 'listings.list')[1]?.input).toMatchObject({ status: null });
  });

  it('drafts an agreement from a pair with the chosen kind', async () => {
    const script = scriptedApi({
      'listings.list': () => ({ rows: [], total: 0 }),
      'matching.suggest': () => [],
      'matching.draftAgreement': (input) => ({ id: 9, ...(input as object) }),
    });
    provideApi(script.api);
    const store = useMarketStore();
    const draft = await store.draftAgreement(pair(1, 2, 80), 'lease_to_own');
    expect(draft.id).toBe(9);
    expect(script.calls[0]).toMatchObject({ channel: 'matching.draftAgreement', input: { ownerListingId: 1, hostListingId: 2, kind: 'lease_to_own', title: '' } });
  });
});
