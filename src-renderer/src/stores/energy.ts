// Energy area of one site: the period shown (day/week/month/year around an anchor date, in the
// bucket chosen), the series, Sankey flows and KPIs of that period, and the site's recompute job.
// Answers to an older request are dropped, so a fast click through periods never shows a stale
// chart. 'energy.changed' refetches when it touches the period shown; 'energy.recompute' events
// carry the job's progress (a status call covers events lost while the socket reconnected).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { EnergyBucket, EnergyFlows, EnergyKpis, EnergySeries, RecomputeState } from '@contract';
import { useApi } from '../api/index.js';
import { openingWindow, periodAround, shiftAnchor, today, type PeriodKind } from '../views/energy/period.js';

/** While a recompute runs its state is also fetched at this pace (pushed events can be lost). */
export const RECOMPUTE_POLL_MS = 2000;
/** At most this many members get their own node in the Sankey; the rest are grouped. */
export const SANKEY_MEMBERS = 12;

const overlaps = (a: { from: string; to: string }, b: { from: string; to: string }) => a.from <= b.to && b.from <= a.to;

export const useEnergyStore = defineStore('energy', () => {
  const api = useApi();
  const siteId = ref<number | null>(null);
  const kind = ref<PeriodKind>('month');
  const anchor = ref<string>(today());
  /** A bucket the operator asked for (e.g. 15-min over a year); null = the period's own. */
  const bucketChoice = ref<EnergyBucket | null>(null);
  // Shallow: a year of 15-min points is 12 arrays of 35,040 numbers; deep reactive proxies on them
  // made every read by the chart go through Vue (seconds instead of milliseconds). Answers are
  // replaced whole, never edited.
  const series = shallowRef<EnergySeries | null>(null);
  const flows = shallowRef<EnergyFlows | null>(null);
  const kpis = shallowRef<EnergyKpis | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const recompute = ref<RecomputeState | null>(null);
  /** The shown series is a long period's opening window; the whole period follows (completeSeries). */
  const seriesPartial = ref(false);
  let pendingWhole: { siteId: number; bucket: EnergyBucket; from: string; to: string; request: number } | null = null;
  let request = 0;
  let pollTimer: ReturnType<typeof setTimeout> | null = null;

  const period = computed(() => periodAround(kind.value, anchor.value, bucketChoice.value));

  async function load() {
    const site = siteId.value;
    if (site === null) return;
    const mine = ++request;
    const { from, to, bucket } = period.value;
    loading.value = true;
    // Each answer is shown as soon as it arrives (the chart does not wait for the Sankey).
    const adopt = <T>(promise: Promise<T>, set: (value: T) => void) =>
      promise.then((value) => {
        if (mine === request) set(value);
      });
    // A long 15-min period: only its opening window first (what the chart's zoom opens on); the
    // whole period is asked by completeSeries() once that window is on screen, so the two answers
    // do not compete for the server or the page.
    const opening = openingWindow({ from, to, bucket });
    pendingWhole = opening ? { siteId: site, bucket, from, to, request: mine } : null;
    const seriesAnswer = api.call('energy.series', { siteId: site, bucket, ...(opening ?? { from, to }) });
    try {
      await Promise.all([
        adopt(seriesAnswer, (value) => {
          series.value = value;
          seriesPartial.value = opening !== null;
        }),
        adopt(api.call('energy.flows', { siteId: site, maxMembers: SANKEY_MEMBERS, from, to }), (value) => (flows.value = value)),
        adopt(api.call('energy.kpis', { siteId: site, from, to }), (value) => (kpis.value = value)),
      ]);
      if (mine !== request) return;
      error.value = null;
    } catch (err) {
      if (mine !== request) return;
      error.value = err;
    } finally {
      if (mine === request) loading.value = false;
    }
  }

  /** Asks the whole period behind an opening window (called once the window is drawn). */
  async function completeSeries() {
    const whole = pendingWhole;
    if (!whole || whole.request !== request) return;
    pendingWhole = null;
    try {
      const value = await api.call('energy.series', { siteId: whole.siteId, bucket: whole.bucket, from: whole.from, to: whole.to });
      if (whole.request !== request) return;
      series.value = value;
      seriesPartial.value = false;
    } catch (err) {
      if (whole.request === request) error.value = err;
    }
  }

  async function open(site: number, options: { kind?: PeriodKind; anchor?: string; bucket?: EnergyBucket | null } = {}) {
    if (siteId.value !== site) {
      series.value = null;
      flows.value = null;
      kpis.value = null;
      recompute.value = null;
    }
    siteId.value = site;
    if (options.kind) kind.value = options.kind;
    if (options.anchor) anchor.value = options.anchor;
    if (options.bucket !== undefined) bucketChoice.value = options.bucket;
    await Promise.all([load(), loadRecompute().catch(() => undefined)]);
  }

  function setKind(next: PeriodKind) {
    kind.value = next;
    bucketChoice.value = null;
    return load();
  }
  function setAnchor(next: string) {
    anchor.value = next;
    return load();
  }
  function setBucket(next: EnergyBucket | null) {
    bucketChoice.value = next;
    return load();
  }
  function step(direction: -1 | 1) {
    anchor.value = shiftAnchor(kind.value, anchor.value, direction);
    return load();
  }

  // ---------- recompute ----------

  function followRecompute() {
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = null;
    if (recompute.value?.status !== 'running') return;
    pollTimer = setTimeout(() => {
      pollTimer = null;
      loadRecompute().catch(() => undefined).finally(followRecompute);
    }, RECOMPUTE_POLL_MS);
  }

  /** Adopts a job snapshot of this site unless it is older news than the one shown. */
  function adoptRecompute(next: RecomputeState) {
    if (next.siteId !== siteId.value) return;
    const current = recompute.value;
    if (current && current.jobId === next.jobId) {
      if (current.status !== 'running' && next.status === 'running') return;
      if (current.status === 'running' && next.status === 'running' && next.intervalsDone < current.intervalsDone) return;
    }
    const finished = current?.status === 'running' && next.status !== 'running';
    recompute.value = next;
    if (finished && next.status === 'succeeded') void load();
  }

  async function loadRecompute() {
    if (siteId.value === null) return;
    adoptRecompute(await api.call('energy.recompute.state', { siteId: siteId.value }));
    followRecompute();
  }

  async function startRecompute(month: string) {
    if (siteId.value === null) return;
    const started = await api.call('energy.recompute.start', { siteId: siteId.value, month });
    recompute.value = started;
    followRecompute();
  }

  const recomputePercent = computed(() => {
    const job = recompute.value;
    if (!job || job.intervalsTotal === 0) return job?.status === 'succeeded' ? 100 : 0;
    return Math.floor((job.intervalsDone / job.intervalsTotal) * 100);
  });

  const stopProgress = api.on('energy.recompute', (state) => {
    adoptRecompute(state);
    followRecompute();
  });
  const stopChanged = api.on('energy.changed', (change) => {
    if (change.siteId === siteId.value && overlaps(change, period.value)) void load();
  });

  function dispose() {
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = null;
    stopProgress();
    stopChanged();
  }

  return {
    siteId, kind, anchor, bucketChoice, period, series, seriesPartial, flows, kpis, loading, error, recompute, recomputePercent,
    load, completeSeries, open, setKind, setAnchor, setBucket, step, loadRecompute, startRecompute, adoptRecompute, dispose,
  };
});
