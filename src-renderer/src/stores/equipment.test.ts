// Equipment store: filters reach the core once per change (search debounced), late answers never
// overwrite newer ones, and capacity is summed per kind and site without retired items.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import type { Equipment } from '@contract';
import { provideApi } from '../api/index.js';
import { capacityByKindAndSite, EQUIPMENT_SEARCH_DEBOUNCE_MS, useEquipmentStore } from './equipment.js';
import { scriptedApi } from './test-api.js';

const item = (id: number, extra: Partial<Equipment> = {}): Equipment => ({
  id,
  kind: 'solar',
  ratedPowerW: 1000,
  storageWh: null,
  make: '',
  model: '',
  serial: `S-${id}`,
  ownerMemberId: 1,
  hostMemberId: null,
  siteId: 1,
  commissionedOn: null,
  status: 'listed',
  meterRefs: null,
  notes: '',
  ownerName: 'Otieno',
  hostName: null,
  siteName: 'Mto Mill',
  chain: { state: 'unregistered', collectionId: null, itemId: null, blockHash: null, extrinsicHash: null },
  createdAt: '',
  updatedAt: '',
  ...extra,
});

describe('capacityByKindAndSite', () => {
  it('sums rated power per kind and site, sorted, leaving out retired equipment', () => {
    const matrix = capacityByKindAndSite([
      item(1, { kind: 'wind', ratedPowerW: 500, siteName: 'Soko' }),
      item(2, { kind: 'solar', ratedPowerW: 3000, siteName: 'Mto Mill' }),
      item(3, { kind: 'solar', ratedPowerW: 2000, siteName: 'Soko' }),
      item(4, { kind: 'solar', ratedPowerW: 1500, siteName: 'Soko' }),
      item(5, { kind: 'hydro', ratedPowerW: 9000, siteName: 'Soko', status: 'retired' }),
    ]);
    expect(matrix.sites).toEqual(['Mto Mill', 'Soko']);
    expect(matrix.kinds).toEqual(['solar', 'wind']);
    expect(matrix.watts).toEqual([
      [3000, 3500],
      [0, 500],
    ]);
  });
});

describe('equipment store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    setActivePinia(createPinia());
  });
  afterEach(() => vi.useRealTimers());

  it('sends every filter to the core and debounces the search', async () => {
    const script = scriptedApi({ 'equipment.list': () => ({ rows: [item(1)], total: 1 }) });
    provideApi(script.api);
    const store = useEquipmentStore();
    store.filters.kind = 'battery';
    store.filters.siteId = 3;
    await nextTick();
    vi.advanceTimersByTime(0);
    expect(script.calls).toHaveLength(1);
    expect(script.calls[0]?.input).toEqual({ search: '', kind: 'battery', status: null, siteId: 3, ownerMemberId: null, limit: 5000, offset: 0 });
    for (const text of ['S', 'SC', 'SC3']) {
      store.filters.search = text;
      await nextTick();
      vi.advanceTimersByTime(EQUIPMENT_SEARCH_DEBOUNCE_MS / 2);
    }
    expect(script.calls).toHaveLength(1);
    vi.advanceTimersByTime(EQUIPMENT_SEARCH_DEBOUNCE_MS);
    expect(script.calls.map((c) => (c.input as { search: string }).search)).toEqual(['', 'SC3']);
  });

  it('keeps the newest answer when an older request finishes last', async () => {
    vi.useRealTimers();
    const resolvers: ((value: unknown) => void)[] = [];
    const script = scriptedApi({ 'equipment.list': () => new Promise((resolve) => resolvers.push(resolve)) });
    provideApi(script.api);
    const store = useEquipmentStore();
    const older = store.fetch();
    const newer = store.fetch();
    resolvers[1]?.({ rows: [item(2, { ratedPowerW: 700 })], total: 1 });
    await newer;
    resolvers[0]?.({ rows: [item(1), item(3)], total: 2 });
    await older;
    expect(store.rows.map((r) => r.id)).toEqual([2]);
    expect(store.capacity.watts).toEqual([[700]]);
    expect(store.loading).toBe(false);
  });
});
