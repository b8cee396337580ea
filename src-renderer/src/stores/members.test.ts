// Members store: one fetch per filter change (search debounced), a late answer to an old filter
// never overwrites a newer one, and sorting happens locally.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import type { Member } from '@contract';
import { provideApi } from '../api/index.js';
import { SEARCH_DEBOUNCE_MS, sortMembers, useMembersStore } from './members.js';
import { scriptedApi } from './test-api.js';

const member = (id: number, memberNo: string, fullName: string, extra: Partial<Member> = {}): Member => ({
  id,
  memberNo,
  fullName,
  siteId: 1,
  siteName: 'Kijiji',
  roles: ['consumer'],
  phone: '',
  email: '',
  village: '',
  gpsLat: null,
  gpsLon: null,
  premisesM2: null,
  preferredEnergy: [],
  notes: '',
  joinedOn: '2025-01-01',
  active: true,
  deactivatedReason: '',
  createdAt: '',
  updatedAt: '',
  ...extra,
});

describe('sortMembers', () => {
  const rows = [member(1, 'M-10', 'Zawadi'), member(2, 'M-2', 'amina'), member(3, 'M-1', 'Baraka', { joinedOn: '2024-05-01' })];
  it('sorts numbers naturally and names case-insensitively, both ways', () => {
    expect(sortMembers(rows, 'memberNo', 'ascend').map((m) => m.memberNo)).toEqual(['M-1', 'M-2', 'M-10']);
    expect(sortMembers(rows, 'fullName', 'ascend').map((m) => m.fullName)).toEqual(['amina', 'Baraka', 'Zawadi']);
    expect(sortMembers(rows, 'joinedOn', 'descend').map((m) => m.id)).toEqual([2, 1, 3]);
  });
});

describe('members store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    setActivePinia(createPinia());
  });
  afterEach(() => vi.useRealTimers());

  it('asks the core for up to 5000 rows with the current filters', async () => {
    const script = scriptedApi({ 'members.list': () => ({ rows: [member(1, 'M-1', 'Amina')], total: 1 }) });
    provideApi(script.api);
    const store = useMembersStore();
    await store.fetch();
    expect(script.calls[0]?.input).toEqual({ search: '', siteId: null, role: null, status: 'active', limit: 5000, offset: 0 });
    expect(store.total).toBe(1);
  });

  it('debounces typing into one request, and refetches at once for a filter change', async () => {
    const script = scriptedApi({ 'members.list': () => ({ rows: [], total: 0 }) });
    provideApi(script.api);
    const store = useMembersStore();
    for (const text of ['a', 'am', 'ami', 'amin']) {
      store.filters.search = text;
      await nextTick();
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS / 2);
    }
    expect(script.calls).toHaveLength(0);
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    expect(script.calls.map((c) => (c.input as { search: string }).search)).toEqual(['amin']);

    store.filters.status = 'all';
    await nextTick();
    vi.advanceTimersByTime(0);
    expect(script.calls).toHaveLength(2);
    expect((script.calls[1]?.input as { status: string }).status).toBe('all');
  });

  it('keeps the newest answer when an older request finishes last', async () => {
    vi.useRealTimers();
    const resolvers: ((value: unknown) => void)[] = [];
    const script = scriptedApi({ 'members.list': () => new Promise((resolve) => resolvers.push(resolve)) });
    provideApi(script.api);
    const store = useMembersStore();
    const older = store.fetch();
    const newer = store.fetch();
    resolvers[1]?.({ rows: [member(2, 'M-2', 'New')], total: 1 });
    await newer;
    resolvers[0]?.({ rows: [member(1, 'M-1', 'Old'), member(3, 'M-3', 'Older')], total: 2 });
    await older;
    expect(store.rows.map((m) => m.fullName)).toEqual(['New']);
    expect(store.loading).toBe(false);
  });
});
