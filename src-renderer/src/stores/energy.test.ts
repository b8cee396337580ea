// Energy store: the period's three queries go out with the period's dates and bucket, a slower
// answer to an older request never replaces a newer one, recompute progress follows pushed events
// (older news ignored, the chart reloaded when the job succeeds), and 'energy.changed' refetches
// only when it touches the site and period shown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { EnergyBucket } from '@contract';
import { provideApi } from '../api/index.js';
import { RECOMPUTE_POLL_MS, useEnergyStore } from './energy.js';
import { flowsOf, kpisOf, recomputeOf, seriesOf } from './energy-fixtures.js';
import { scriptedApi } from './test-api.js';

function energyApi(options: { seriesDelay?: (input: { from: string }) => number } = {}) {
  return scriptedApi({
    'energy.series': async (input) => {
      const { from, bucket } = input as { from: string; bucket: EnergyBucket };
      const delay = options.seriesDelay?.({ from }) ?? 0;
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      return { ...seriesOf(3), bucket, starts: [`${from}T00:00:00.000Z`, 'b', 'c'] };
    },
    'energy.flows': () => flowsOf(),
    'energy.kpis': () => kpisOf(),
    'energy.recompute.state': () => recomputeOf(0, 'idle', ''),
    'energy.recompute.start': () => recomputeOf(0),
  });
}

describe('energy store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.useRealTimers());

  it('asks for the month around the anchor by day, and the year by day unless 15-min is chosen', async () => {
    const script = energyApi();
    provideApi(script.api);
    const store = useEnergyStore();
    await store.open(1, { kind: 'month', anchor: '2025-02-14' });
    const series = script.calls.filter((c) => c.channel === 'energy.series').map((c) => c.input);
    expect(series).toEqual([{ siteId: 1, bucket: 'day', from: '2025-02-01', to: '2025-02-28' }]);
    expect(script.calls.find((c) => c.channel === 'energy.flows')?.input).toMatchObject({ siteId: 1, from: '2025-02-01', to: '2025-02-28' });
    await store.setKind('year');
    await store.setBucket('interval');
    const last = script.calls.filter((c) => c.channel === 'energy.series').map((c) => c.input);
    // A past year at 15-min: its last month first (what the chart opens on), the whole year once drawn.
    expect(last.slice(1)).toEqual([
      { siteId: 1, bucket: 'day', from: '2025-01-01', to: '2025-12-31' },
      { siteId: 1, bucket: 'interval', from: '2025-12-01', to: '2025-12-31' },
    ]);
    expect(store.series?.bucket).toBe('interval');
    expect(store.seriesPartial).toBe(true);
    await store.completeSeries();
    await store.completeSeries(); // asked once only
    const whole = script.calls.filter((c) => c.channel === 'energy.series').map((c) => c.input);
    expect(whole.slice(3)).toEqual([{ siteId: 1, bucket: 'interval', from: '2025-01-01', to: '2025-12-31' }]);
    expect(store.seriesPartial).toBe(false);
    expect(store.kpis?.selfSufficiencyBp).toBe(7500);
  });

  it('keeps the newest period when an older answer arrives last', async () => {
    // The first (February) answer is slow; March is asked meanwhile and answers first.
    const script = energyApi({ seriesDelay: ({ from }) => (from === '2026-02-01' ? 40 : 0) });
    provideApi(script.api);
    const store = useEnergyStore();
    store.siteId = 1;
    store.kind = 'month';
    const slow = store.setAnchor('2026-02-10');
    const fast = store.setAnchor('2026-03-10');
    await Promise.all([slow, fast]);
    expect(store.series?.starts[0]).toBe('2026-03-01T00:00:00.000Z');
    expect(store.loading).toBe(false);
  });

  it('follows recompute progress, ignores older news and reloads the charts when it succeeds', async () => {
    vi.useFakeTimers();
    const script = energyApi();
    provideApi(script.api);
    const store = useEnergyStore();
    await store.open(1, { kind: 'month', anchor: '2026-11-05' });
    await store.startRecompute('2026-11');
    script.emit('energy.recompute', recomputeOf(1000));
    script.emit('energy.recompute', recomputeOf(400)); // late, out of order
    expect(store.recompute?.intervalsDone).toBe(1000);
    expect(store.recomputePercent).toBe(34);
    script.emit('energy.recompute', recomputeOf(10, 'running', 'job-1', 2)); // another site
    expect(store.recompute?.siteId).toBe(1);
    const seriesCalls = () => script.calls.filter((c) => c.channel === 'energy.series').length;
    const before = seriesCalls();
    script.emit('energy.recompute', recomputeOf(2880, 'succeeded'));
    script.emit('energy.recompute', recomputeOf(2000)); // a running snapshot after the end is old news
    expect(store.recompute?.status).toBe('succeeded');
    expect(store.recomputePercent).toBe(100);
    await vi.runAllTimersAsync();
    expect(seriesCalls()).toBe(before + 1);
    store.dispose();
  });

  it('polls the job while it runs, in case pushed events were lost', async () => {
    vi.useFakeTimers();
    const script = energyApi();
    provideApi(script.api);
    const store = useEnergyStore();
    await store.open(1);
    await store.startRecompute('2026-11');
    const polls = () => script.calls.filter((c) => c.channel === 'energy.recompute.state').length;
    const before = polls();
    await vi.advanceTimersByTimeAsync(RECOMPUTE_POLL_MS + 10);
    expect(polls()).toBe(before + 1);
    store.dispose();
  });

  it('refetches on energy.changed for the site and period shown only', async () => {
    const script = energyApi();
    provideApi(script.api);
    const store = useEnergyStore();
    await store.open(1, { kind: 'month', anchor: '2026-11-05' });
    const count = () => script.calls.filter((c) => c.channel === 'energy.kpis').length;
    const before = count();
    script.emit('energy.changed', { siteId: 2, from: '2026-11-01', to: '2026-11-30', reason: 'recompute' });
    script.emit('energy.changed', { siteId: 1, from: '2026-12-01', to: '2026-12-02', reason: 'recompute' });
    expect(count()).toBe(before);
    script.emit('energy.changed', { siteId: 1, from: '2026-11-30', to: '2026-12-02', reason: 'late readings' });
    expect(count()).toBe(before + 1);
    store.dispose();
  });
});
