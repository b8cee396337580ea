// The equipment registry list: filters go to the core (one fetch per change, search debounced), and
// the capacity-by-kind-and-site figures for the chart are derived from the fetched rows.
import { defineStore } from 'pinia';
import { computed } from 'vue';
import type { Equipment, EquipmentKind, EquipmentStatus } from '@contract';
import { useApi } from '../api/index.js';
import { SEARCH_DEBOUNCE_MS, useFilteredList } from './filtered-list.js';

export interface EquipmentFilters {
  search: string;
  kind: EquipmentKind | null;
  status: EquipmentStatus | null;
  siteId: number | null;
  ownerMemberId: number | null;
}

export const EQUIPMENT_SEARCH_DEBOUNCE_MS = SEARCH_DEBOUNCE_MS;
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
  const { filters, rows, total, loading, error, fetch, reset } = useFilteredList<Equipment, EquipmentFilters>(emptyFilters, (filters) =>
    api.call('equipment.list', { ...filters, limit: FETCH_LIMIT, offset: 0 }),
  );
  const capacity = computed(() => capacityByKindAndSite(rows.value));

  return { filters, rows, total, loading, error, capacity, fetch, reset };
});
