// Marketplace: owner and host listings, the suggested pairs with their explained scores, and the
// step that turns a pair into a draft agreement.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Agreement, InputOf, Listing, MatchSuggestion } from '@contract';
import { useApi } from '../api/index.js';

export const useMarketStore = defineStore('market', () => {
  const api = useApi();
  const listings = ref<readonly Listing[]>([]);
  const suggestions = ref<readonly MatchSuggestion[]>([]);
  const siteId = ref<number | null>(null);
  /** Open listings only by default; 'all' shows matched and withdrawn ones too. */
  const showClosed = ref(false);
  const loading = ref(false);
  const error = ref<unknown>(null);

  const ownerListings = computed(() => listings.value.filter((l) => l.side === 'owner'));
  const hostListings = computed(() => listings.value.filter((l) => l.side === 'host'));

  async function load() {
    loading.value = true;
    try {
      const [page, pairs] = await Promise.all([
        api.call('listings.list', { status: showClosed.value ? null : 'open', siteId: siteId.value, limit: 5000 }),
        api.call('matching.suggest', { siteId: siteId.value, limit: 100 }),
      ]);
      listings.value = page.rows;
      suggestions.value = pairs;
      error.value = null;
    } catch (err) {
      error.value = err;
      throw err;
    } finally {
      loading.value = false;
    }
  }

  /** Suggestions for one listing (either side), best first. */
  function suggestionsFor(listing: Listing): MatchSuggestion[] {
    return suggestions.value.filter((s) => (listing.side === 'owner' ? s.ownerListingId : s.hostListingId) === listing.id);
  }

  async function createListing(fields: InputOf<'listings.create'>): Promise<Listing> {
    const listing = await api.call('listings.create', fields);
    await load();
    return listing;
  }

  async function withdraw(id: number, reason: string): Promise<Listing> {
    const listing = await api.call('listings.withdraw', { id, reason });
    await load();
    return listing;
  }

  async function draftAgreement(pair: Pick<MatchSuggestion, 'ownerListingId' | 'hostListingId'>, kind: 'hosted_lease' | 'lease_to_own', title = ''): Promise<Agreement> {
    const agreement = await api.call('matching.draftAgreement', { ownerListingId: pair.ownerListingId, hostListingId: pair.hostListingId, kind, title });
    // Drafting does not close the listings (activation does), but refresh so the view is current.
    await load().catch(() => undefined);
    return agreement;
  }

  return { listings, suggestions, siteId, showClosed, loading, error, ownerListings, hostListings, load, suggestionsFor, createListing, withdraw, draftAgreement };
});
