// The equipment registry list: filters go to the core (one fetch per change, search debounced), and
// the capacity-by-kind-and-site figures for the chart are derived from the fetched rows.
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { Equipment, EquipmentKind, EquipmentStatus } from '@contract';
import { useApi } from '../api/index.js';

export interface EquipmentFilters {
  search: string;
  kind: EquipmentKind | null;
  status: EquipmentStatus | null;
  siteId: number | null;
  ownerMemberId: number | null;
}

export const EQUIPMENT_SEARCH_DEBOUNCE_MS = 250;
const FETCH_LIMIT = 5000;
const emptyFilters = (): EquipmentFilters => ({ search: '', kind: null, status: null, siteId: null, ownerMemberId: null });

export interface CapacityMatrix {
  readonly sites: readonly string[];
  readonly kinds: readonly EquipmentKind[];
  /** watts[kindIndex][siteIndex] */
  readonly watts: readonly (readonly number[])[];
}

/** Rated power summed per kind and site; retired equipment no longer counts as capacity. */
export function capacityByKindAndSite(rows: readonly Equipment[]): CapacityMatrix {
  const live = rows.filter((row) => row.status !== 'retired');
  const sites = [...new Set(live.map((row) => row.siteName))].sort((a, b) => a.localeCompare(b));
  const kinds = [...new Set(live.map((row) => row.kind))].sort();
  const watts = kinds.map((kind) => sites.map((site) => live.filter((row) => row.kind === kind && row.siteName === site).reduce((sum, row) => sum + row.ratedPowerW, 0)));
  return { sites, kinds, watts };
}

export const useEquipmentStore = defineStore('equipment', () => {
  const api = useApi();
  const filters = ref<EquipmentFilters>(emptyFilters());
  const rows = ref<readonly Equipment[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const error = ref<unknown>(null);
  let requestSeq = 0;
  let debounceTimer: ReturnType<typeof setTimeout> | null = null;

  const capacity = computed(() => capacityByKindAndSite(rows.value));

  async function fetch() {
    const seq = ++requestSeq;
    loading.value = true;
    try {
      const page = await api.call('equipment.list', { ...filters.value, limit: FETCH_LIMIT, offset: 0 });
      // A slower answer to an older filter must not overwrite a newer one.
      if (seq !== requestSeq) return;
      rows.value = page.rows;
      total.value = page.total;
      error.value = null;
    } catch (err) {
      if (seq === requestSeq) error.value = err;
      throw err;
    } finally {
      if (seq === requestSeq) loading.value = false;
    }
  }

  function scheduleFetch(delay: number) {
    if (debounceTimer) clearTimeout(debounceTimer);
    debounceTimer = setTimeout(() => {
      debounceTimer = null;
      fetch().catch(() => undefined); // kept in `error` for the view
    }, delay);
  }

  watch(
    () => filters.value.search,
    () => scheduleFetch(EQUIPMENT_SEARCH_DEBOUNCE_MS),
  );
  watch(
    () => [filters.value.kind, filters.value.status, filters.value.siteId, filters.value.ownerMemberId],
    () => scheduleFetch(0),
  );

  function reset() {
    requestSeq++;
    if (debounceTimer) clearTimeout(debounceTimer);
    filters.value = emptyFilters();
    rows.value = [];
    total.value = 0;
    error.value = null;
    loading.value = false;
  }

  return { filters, rows, total, loading, error, capacity, fetch, reset };
});
