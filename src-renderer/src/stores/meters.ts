// Meters: the list (filters sent to the core, search debounced) and the technician's provisioning
// run. The run is followed through pushed 'meters.provisioning' events; its id is kept in
// sessionStorage so a reload (or a crashed tab) finds it again with one status call.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { InputOf, MeterStatus, MeterSummary, ProvisioningRun } from '@contract';
import { useApi } from '../api/index.js';
import { storage } from './storage.js';
import { useFilteredList } from './filtered-list.js';

export const RUN_KEY = 'coop.meters.run';
/** While a run is in progress its status is also fetched at this pace, in case pushed events are lost (socket reconnecting). */
export const RUN_POLL_MS = 2000;

export interface MeterFilters {
  search: string;
  status: MeterStatus | null;
}

/** Where the wizard stands for a run: the index of the NSteps step to show. */
export const WIZARD_STEPS = ['port', 'identify', 'attest', 'bind', 'provision', 'first-batch'] as const;

export function wizardStepOf(run: ProvisioningRun | null): number {
  if (!run) return 0;
  const order = ['find', 'identify', 'attest', 'bind', 'provision', 'first-batch'] as const;
  const failed = order.findIndex((s) => run.steps[s].status === 'failed');
  if (failed >= 0) return Math.max(failed, 1);
  const open = order.findIndex((s) => run.steps[s].status !== 'passed');
  return open === -1 ? order.length - 1 : Math.max(open, 1);
}

export const useMetersStore = defineStore('meters', () => {
  const api = useApi();
  // meters.list answers every matching meter as a plain array, not a page.
  const list = useFilteredList<MeterSummary, MeterFilters>(
    () => ({ search: '', status: null }),
    async ({ search, status }) => {
      const rows = await api.call('meters.list', { search, status });
      return { rows, total: rows.length };
    },
  );
  const { filters, rows, loading, error, fetch } = list;
  const run = ref<ProvisioningRun | null>(null);
  let pollTimer: ReturnType<typeof setTimeout> | null = null;

  function followRun() {
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = null;
    const current = run.value;
    if (!current || current.status !== 'running') return;
    pollTimer = setTimeout(() => {
      pollTimer = null;
      api
        .call('meters.provision.status', { runId: current.id })
        .then((latest) => adopt(latest))
        .catch(() => undefined)
        .finally(followRun);
    }, RUN_POLL_MS);
  }

  /** Adopts a run snapshot unless it is older news about the run already shown. */
  function adopt(next: ProvisioningRun) {
    if (run.value && run.value.id !== next.id) return;
    // Events carry whole snapshots; a finished run never goes back to running.
    if (run.value && run.value.status !== 'running' && next.status === 'running') return;
    if (run.value && run.value.status === 'running' && next.status === 'running' && progress(next) < progress(run.value)) return;
    run.value = next;
  }

  async function startProvisioning(input: InputOf<'meters.provision.start'>) {
    const started = await api.call('meters.provision.start', input);
    run.value = started;
    storage.session.setItem(RUN_KEY, started.id);
    // Events may have arrived before the answer: fetch once more so nothing is missed.
    const latest = await api.call('meters.provision.status', { runId: started.id });
    adopt(latest);
    followRun();
    return started;
  }

  /** After a reload: the run this tab was following, if the core still knows it. */
  async function recoverRun(): Promise<ProvisioningRun | null> {
    const id = storage.session.getItem(RUN_KEY);
    if (!id) return null;
    try {
      run.value = await api.call('meters.provision.status', { runId: id });
      followRun();
    } catch {
      storage.session.removeItem(RUN_KEY);
      run.value = null;
    }
    return run.value;
  }

  function forgetRun() {
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = null;
    storage.session.removeItem(RUN_KEY);
    run.value = null;
  }

  const wizardStep = computed(() => wizardStepOf(run.value));

  const stopRunEvents = api.on('meters.provisioning', (payload) => adopt(payload));
  const stopChangeEvents = api.on('meters.changed', () => {
    if (rows.value.length > 0 || loading.value) fetch().catch(() => undefined);
  });

  function reset() {
    list.reset();
    forgetRun();
  }

  function dispose() {
    if (pollTimer) clearTimeout(pollTimer);
    stopRunEvents();
    stopChangeEvents();
  }

  return { filters, rows, loading, error, run, wizardStep, fetch, startProvisioning, recoverRun, forgetRun, adopt, reset, dispose };
});

/** How far a run got: passed steps + checks reported (events can arrive out of order over two carriers). */
function progress(run: ProvisioningRun): number {
  return Object.values(run.steps).filter((s) => s.status !== 'pending').length * 100 + run.checks.length;
}
