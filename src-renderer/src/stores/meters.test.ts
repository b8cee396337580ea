// Meters store: a provisioning run followed through pushed events (stale or foreign snapshots are
// ignored), recovered after a reload from sessionStorage, and the wizard step derived from it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import type { ProvisioningRun, ProvisioningStepName, StepState } from '@contract';
import { provideApi } from '../api/index.js';
import { ApiError } from '../api/api-error.js';
import { RUN_KEY, RUN_POLL_MS, useMetersStore, wizardStepOf } from './meters.js';
import { SEARCH_DEBOUNCE_MS } from './filtered-list.js';
import { scriptedApi } from './test-api.js';
import { storage } from './storage.js';

const STEPS: ProvisioningStepName[] = ['find', 'identify', 'attest', 'bind', 'provision', 'first-batch'];

function run(id: string, passed: number, extra: Partial<ProvisioningRun> = {}): ProvisioningRun {
  const steps = Object.fromEntries(STEPS.map((s, i): [ProvisioningStepName, StepState] => [s, { status: i < passed ? 'passed' : i === passed ? 'started' : 'pending', detail: '' }]));
  return {
    id, request: { portPath: '/dev/ttyUSB0', baudRate: 115200, memberId: 1, equipmentRef: null, intervalSeconds: 900 }, memberName: 'Amina (M-1)',
    status: 'running', steps: steps as ProvisioningRun['steps'], checks: [], device: null, result: null, error: null, startedAt: '', finishedAt: null, ...extra,
  };
}

describe('wizardStepOf', () => {
  it('shows the step in progress, the failed step, or the last one when done', () => {
    expect(wizardStepOf(null)).toBe(0);
    expect(wizardStepOf(run('a', 0))).toBe(1); // finding the port still shows "identify" as current (port step is done)
    expect(wizardStepOf(run('a', 2))).toBe(2);
    const failed = run('a', 2, { status: 'failed' });
    expect(wizardStepOf({ ...failed, steps: { ...failed.steps, attest: { status: 'failed', detail: 'measurement' } } })).toBe(2);
    expect(wizardStepOf(run('a', 6, { status: 'succeeded' }))).toBe(5);
  });
});

describe('meters store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    storage.session.removeItem(RUN_KEY);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts a run, remembers its id, and follows pushed snapshots in order', async () => {
    const { api, emit, calls } = scriptedApi({
      'meters.provision.start': () => run('r1', 0),
      'meters.provision.status': () => run('r1', 1),
    });
    provideApi(api);
    const store = useMetersStore();
    await store.startProvisioning({ portPath: '/dev/ttyUSB0', memberId: 1 });
    expect(storage.session.getItem(RUN_KEY)).toBe('r1');
    expect(store.run?.steps.find.status).toBe('passed');
    emit('meters.provisioning', run('r1', 3));
    expect(store.run?.steps.attest.status).toBe('passed');
    emit('meters.provisioning', run('r1', 2)); // a late, older snapshot
    expect(store.run?.steps.attest.status).toBe('passed');
    emit('meters.provisioning', run('other', 5)); // another technician's run
    expect(store.run?.id).toBe('r1');
    emit('meters.provisioning', run('r1', 6, { status: 'succeeded' }));
    emit('meters.provisioning', run('r1', 5));
    expect(store.run?.status).toBe('succeeded');
    expect(calls.map((c) => c.channel)).toEqual(['meters.provision.start', 'meters.provision.status']);
  });

  it('keeps fetching the status while the run is running, in case pushed events were lost', async () => {
    vi.useFakeTimers();
    let statusCalls = 0;
    const { api } = scriptedApi({
      'meters.provision.start': () => run('r3', 0),
      'meters.provision.status': () => (++statusCalls < 3 ? run('r3', 2) : run('r3', 6, { status: 'succeeded' })),
    });
    provideApi(api);
    const store = useMetersStore();
    await store.startProvisioning({ portPath: '/dev/ttyUSB0', memberId: 1 });
    expect(store.run?.status).toBe('running');
    await vi.advanceTimersByTimeAsync(RUN_POLL_MS * 3);
    expect(store.run?.status).toBe('succeeded');
    const after = statusCalls;
    await vi.advanceTimersByTimeAsync(RUN_POLL_MS * 3);
    expect(statusCalls).toBe(after); // a finished run is not polled any more
  });

  it('recovers the run after a reload, and forgets one the core no longer knows', async () => {
    storage.session.setItem(RUN_KEY, 'r2');
    let known = true;
    const { api } = scriptedApi({
      'meters.provision.status': (input) => {
        if (!known) throw new ApiError('NOT_FOUND', 'unknown run');
        return run((input as { runId: string }).runId, 4);
      },
    });
    provideApi(api);
    const store = useMetersStore();
    expect((await store.recoverRun())?.id).toBe('r2');
    expect(store.wizardStep).toBe(4);
    known = false;
    expect(await store.recoverRun()).toBeNull();
    expect(storage.session.getItem(RUN_KEY)).toBeNull();
  });

  it('refetches the list when meters change, once it has been loaded', async () => {
    let listed = 0;
    const { api, emit, calls } = scriptedApi({ 'meters.list': () => (listed++, [{ id: 1 }]) });
    provideApi(api);
    const store = useMetersStore();
    emit('meters.changed', { reason: 'x', meterId: null });
    expect(listed).toBe(0); // nothing shown yet: nothing to refresh
    store.filters.status = 'provisioned';
    await store.fetch();
    expect(listed).toBe(1);
    expect(calls[0]?.input).toEqual({ search: '', status: 'provisioned' });
    emit('meters.changed', { reason: 'provisioned', meterId: 1 });
    await Promise.resolve();
    expect(listed).toBe(2);
  });

  it('fetches the plain list itself on a filter change: the status at once, typing debounced', async () => {
    vi.useFakeTimers();
    const { api, calls } = scriptedApi({ 'meters.list': () => [{ id: 1 }, { id: 2 }] });
    provideApi(api);
    const store = useMetersStore();
    store.filters.status = 'attested';
    await nextTick();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.input)).toEqual([{ search: '', status: 'attested' }]);
    expect(store.rows.map((m) => m.id)).toEqual([1, 2]);
    for (const text of ['S', 'SD', 'SDM']) {
      store.filters.search = text;
      await nextTick();
      await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS / 2);
    }
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(calls.map((c) => c.input)).toEqual([{ search: '', status: 'attested' }, { search: 'SDM', status: 'attested' }]);
  });
});
