// Member energy store: a member's energy and source preference are read together; a slower answer
// for the member shown before never replaces the one shown now; a saved preference is adopted.
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { SourcePreference } from '@contract';
import { provideApi } from '../api/index.js';
import { useMemberEnergyStore } from './member-energy.js';
import { memberDay, memberEnergyOf } from './energy-fixtures.js';
import { scriptedApi } from './test-api.js';

const preference = (memberId: number, order: SourcePreference['order']): SourcePreference => ({ memberId, order, validFrom: null, history: [] });

describe('member energy store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('shows the member asked for last, and adopts a saved preference', async () => {
    const script = scriptedApi({
      'energy.member': async (input) => {
        const { memberId } = input as { memberId: number };
        if (memberId === 1) await new Promise((resolve) => setTimeout(resolve, 30));
        return memberEnergyOf([memberDay('2026-11-01', { consumptionWh: memberId * 100 })], memberId);
      },
      'energy.preferences.get': (input) => preference((input as { memberId: number }).memberId, []),
      'energy.preferences.set': (input) => preference((input as { memberId: number }).memberId, (input as { order: SourcePreference['order'] }).order),
    });
    provideApi(script.api);
    const store = useMemberEnergyStore();
    const range = { from: '2026-11-01', to: '2026-11-30' };
    await Promise.all([store.load(1, range), store.load(2, range)]);
    expect(store.energy?.memberId).toBe(2);
    expect(store.energy?.total.consumptionWh).toBe(200);
    expect(script.calls.find((c) => c.channel === 'energy.member')?.input).toEqual({ memberId: 1, from: '2026-11-01', to: '2026-11-30' });
    await store.setPreference(['wind', 'solar']);
    expect(store.preference?.order).toEqual(['wind', 'solar']);
    expect(script.calls.at(-1)?.input).toEqual({ memberId: 2, order: ['wind', 'solar'] });
  });
});
