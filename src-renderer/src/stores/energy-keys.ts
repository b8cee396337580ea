// Allocation keys of one site (versions like tariffs: each from an interval start on, the past never
// rewritten) and the editor's two checks before saving: a per-interval CSV table read cell by cell,
// and last week's pool under the proposed key beside the key that was in force.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { AllocationKeyDefinitionInput, AllocationKeyVersion, KeyAllocationPreview, KeyCsvPreview } from '@contract';
import { useApi } from '../api/index.js';

/** Versions newest start first. */
export function sortKeyVersions(versions: readonly AllocationKeyVersion[]): AllocationKeyVersion[] {
  return [...versions].sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0));
}

export const useEnergyKeysStore = defineStore('energyKeys', () => {
  const api = useApi();
  const siteId = ref<number | null>(null);
  const versions = ref<readonly AllocationKeyVersion[]>([]);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const csvPreview = ref<KeyCsvPreview | null>(null);
  const allocationPreview = ref<KeyAllocationPreview | null>(null);

  const sorted = computed(() => sortKeyVersions(versions.value));
  const inForce = computed(() => sorted.value.find((v) => v.state === 'in_force') ?? null);

  async function load(site: number) {
    siteId.value = site;
    loading.value = true;
    try {
      const list = await api.call('energy.keys.list', { siteId: site });
      if (siteId.value === site) versions.value = list;
      error.value = null;
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  async function checkCsv(csv: string) {
    if (siteId.value === null) return null;
    csvPreview.value = await api.call('energy.keys.previewCsv', { siteId: siteId.value, csv });
    return csvPreview.value;
  }

  async function previewAllocation(definition: AllocationKeyDefinitionInput, weekEnding: string | null = null) {
    if (siteId.value === null) return null;
    allocationPreview.value = await api.call('energy.keys.previewAllocation', { siteId: siteId.value, definition, weekEnding });
    return allocationPreview.value;
  }

  async function create(validFrom: string, definition: AllocationKeyDefinitionInput, notes: string) {
    if (siteId.value === null) throw new Error('No site chosen');
    const created = await api.call('energy.keys.create', { siteId: siteId.value, validFrom, definition, notes });
    csvPreview.value = null;
    allocationPreview.value = null;
    await load(siteId.value);
    return created;
  }

  /** A preview belongs to the definition it was made for: editing the key clears it. */
  function clearPreviews() {
    csvPreview.value = null;
    allocationPreview.value = null;
  }

  return { siteId, versions: sorted, inForce, loading, error, csvPreview, allocationPreview, load, checkCsv, previewAllocation, create, clearPreviews };
});
