// Tariffs: plans per site and the versions of the open plan (which one is in force, from when).
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { InputOf, TariffPlan, TariffPlanDetail, TariffVersion } from '@contract';
import { useApi } from '../api/index.js';

/** Versions newest start first; the one in force is the only `in_force` one. */
export function sortVersions(versions: readonly TariffVersion[]): TariffVersion[] {
  return [...versions].sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0));
}

export const useTariffsStore = defineStore('tariffs', () => {
  const api = useApi();
  const siteId = ref<number | null>(null);
  const plans = ref<readonly TariffPlan[]>([]);
  const plan = ref<TariffPlanDetail | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);

  const versions = computed(() => sortVersions(plan.value?.versions ?? []));
  const inForce = computed(() => versions.value.find((v) => v.state === 'in_force') ?? null);

  async function loadPlans() {
    loading.value = true;
    try {
      plans.value = await api.call('tariffs.plans.list', { siteId: siteId.value });
      error.value = null;
    } catch (err) {
      error.value = err;
      throw err;
    } finally {
      loading.value = false;
    }
  }

  async function openPlan(id: number) {
    plan.value = await api.call('tariffs.plans.get', { id });
    return plan.value;
  }

  async function createPlan(fields: InputOf<'tariffs.plans.create'>) {
    const created = await api.call('tariffs.plans.create', fields);
    await loadPlans();
    return created;
  }

  async function createVersion(input: InputOf<'tariffs.versions.create'>) {
    const version = await api.call('tariffs.versions.create', input);
    await openPlan(input.planId);
    return version;
  }

  async function updateVersion(input: InputOf<'tariffs.versions.update'>, planId: number) {
    const version = await api.call('tariffs.versions.update', input);
    await openPlan(planId);
    return version;
  }

  async function withdrawVersion(id: number, reason: string, planId: number) {
    await api.call('tariffs.versions.withdraw', { id, reason });
    await openPlan(planId);
  }

  return { siteId, plans, plan, versions, inForce, loading, error, loadPlans, openPlan, createPlan, createVersion, updateVersion, withdrawVersion };
});
