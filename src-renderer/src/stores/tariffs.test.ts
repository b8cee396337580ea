// Tariffs store: versions newest first, the one in force found by state, and a new version reloads
// the plan so the list shows it at once.
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { TariffPlanDetail, TariffVersion } from '@contract';
import { provideApi } from '../api/index.js';
import { sortVersions, useTariffsStore } from './tariffs.js';
import { scriptedApi } from './test-api.js';

const version = (id: number, validFrom: string, state: TariffVersion['state']): TariffVersion => ({
  id, planId: 1, version: id, validFrom, validUntil: null, state, notes: '', createdAt: '',
  definition: { energy: { mode: 'flat', rateMilliPerKwh: 1 }, fixedMonthlyMinor: 0, gridFeeMilliPerKwh: 0, taxBps: 0, loadLimitW: null, dailyEnergyLimitWh: null },
});
const plan = (versions: TariffVersion[]): TariffPlanDetail => ({
  plan: { id: 1, siteId: 1, siteName: 'Mto', name: 'Households', description: '', createdAt: '', versionCount: versions.length, inForceVersionId: null },
  versions,
});

describe('tariffs store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('orders versions by start, newest first', () => {
    const sorted = sortVersions([version(1, '2026-01-01T00:00:00.000Z', 'superseded'), version(3, '2026-09-01T00:00:00.000Z', 'scheduled'), version(2, '2026-05-01T00:00:00.000Z', 'in_force')]);
    expect(sorted.map((v) => v.id)).toEqual([3, 2, 1]);
  });

  it('finds the version in force and reloads the plan after a new version', async () => {
    let versions = [version(1, '2026-01-01T00:00:00.000Z', 'in_force')];
    const script = scriptedApi({
      'tariffs.plans.get': () => plan(versions),
      'tariffs.versions.create': () => {
        versions = [...versions, version(2, '2026-06-01T00:00:00.000Z', 'scheduled')];
        return versions[1];
      },
    });
    provideApi(script.api);
    const store = useTariffsStore();
    await store.openPlan(1);
    expect(store.inForce?.id).toBe(1);
    await store.createVersion({ planId: 1, validFrom: '2026-06-01T00:00:00Z', definition: { energy: { mode: 'flat', rateMilliPerKwh: 5 } } });
    expect(store.versions.map((v) => v.state)).toEqual(['scheduled', 'in_force']);
    expect(script.calls.map((c) => c.channel)).toEqual(['tariffs.plans.get', 'tariffs.versions.create', 'tariffs.plans.get']);
  });
});
