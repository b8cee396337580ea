// The cooperative itself: whether first-run setup is needed, and its settings.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Cooperative, InputOf } from '@contract';
import { useApi } from '../api/index.js';

export const useCooperativeStore = defineStore('cooperative', () => {
  const api = useApi();
  const needsSetup = ref<boolean | null>(null);
  const cooperative = ref<Cooperative | null>(null);

  async function loadStatus(): Promise<boolean> {
    const status = await api.call('setup.status', {});
    needsSetup.value = status.needsSetup;
    cooperative.value = status.cooperative;
    return status.needsSetup;
  }

  async function refresh() {
    cooperative.value = await api.call('cooperative.get', {});
  }

  async function update(changes: InputOf<'cooperative.update'>) {
    cooperative.value = await api.call('cooperative.update', changes);
  }

  function markSetUp(value: Cooperative | null) {
    needsSetup.value = false;
    if (value) cooperative.value = value;
  }

  return { needsSetup, cooperative, loadStatus, refresh, update, markSetUp };
});
