// Sites (microgrids): used by member filters, forms and the settings page.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { InputOf, Site } from '@contract';
import { useApi } from '../api/index.js';

export const useSitesStore = defineStore('sites', () => {
  const api = useApi();
  const sites = ref<readonly Site[]>([]);
  const loaded = ref(false);

  async function load() {
    sites.value = await api.call('sites.list', {});
    loaded.value = true;
  }
  async function ensureLoaded() {
    if (!loaded.value) await load();
  }
  async function create(fields: InputOf<'sites.create'>) {
    const site = await api.call('sites.create', fields);
    await load();
    return site;
  }
  async function update(id: number, changes: InputOf<'sites.update'>['changes']) {
    const site = await api.call('sites.update', { id, changes });
    await load();
    return site;
  }

  return { sites, loaded, load, ensureLoaded, create, update };
});
