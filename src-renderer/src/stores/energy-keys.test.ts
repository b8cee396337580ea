// Allocation keys store: versions newest first, the version in force found by state, saving reloads
// the list and drops previews of the old draft; previews go out for the open site.
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { AllocationKeyVersion, KeyAllocationPreview } from '@contract';
import { provideApi } from '../api/index.js';
import { sortKeyVersions, useEnergyKeysStore } from './energy-keys.js';
import { scriptedApi } from './test-api.js';

const version = (id: number, validFrom: string, state: AllocationKeyVersion['state']): AllocationKeyVersion => ({
  id, siteId: 1, version: id, validFrom, validUntil: null, state, mode: 'pro_rata', coefficients: [], unused: null, tableRows: 0, tableFrom: null, tableTo: null, notes: '', createdAt: '',
});
const preview: KeyAllocationPreview = { siteId: 1, from: '2026-11-30', to: '2026-12-06', poolWh: 1000, rows: [], currentExportWh: 0, proposedExportWh: 100 };

describe('energy keys store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('orders versions newest first', () => {
    expect(sortKeyVersions([version(1, '2026-01-01T00:00:00.000Z', 'superseded'), version(2, '2026-06-01T00:00:00.000Z', 'in_force')]).map((v) => v.id)).toEqual([2, 1]);
  });

  it('previews for the open site and reloads the versions after saving', async () => {
    let versions = [version(1, '2026-01-01T00:00:00.000Z', 'in_force')];
    const script = scriptedApi({
      'energy.keys.list': () => versions,
      'energy.keys.previewCsv': () => ({ ok: false, rows: 1, members: [], from: null, to: null, issues: [{ line: 2, column: 'M-1', cell: '1.5', code: 'above_one', params: { cell: '1.5' }, message: 'more than 1' }], issueCount: 1 }),
      'energy.keys.previewAllocation': () => preview,
      'energy.keys.create': () => {
        versions = [...versions, version(2, '2026-12-08T00:00:00.000Z', 'scheduled')];
        return versions[1];
      },
    });
    provideApi(script.api);
    const store = useEnergyKeysStore();
    await store.load(7);
    expect(store.inForce?.id).toBe(1);
    await store.checkCsv('interval_start,M-1\n2026-12-08T00:00:00Z,1.5');
    expect(store.csvPreview?.issues[0]?.cell).toBe('1.5');
    await store.previewAllocation({ mode: 'pro_rata' });
    expect(store.allocationPreview?.proposedExportWh).toBe(100);
    await store.create('2026-12-08T00:00:00.000Z', { mode: 'pro_rata' }, 'assembly of 6 Dec');
    expect(store.versions.map((v) => v.id)).toEqual([2, 1]);
    expect(store.csvPreview).toBeNull();
    expect(store.allocationPreview).toBeNull();
    expect(script.calls.map((c) => [c.channel, (c.input as { siteId?: number }).siteId])).toEqual([
      ['energy.keys.list', 7], ['energy.keys.previewCsv', 7], ['energy.keys.previewAllocation', 7], ['energy.keys.create', 7], ['energy.keys.list', 7],
    ]);
  });
});
