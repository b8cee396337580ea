// Prepaid/postpaid billing: the overview (modes, balances, credit status, thresholds), overdue
// bills, proposed supply switches, and the drawdown run with its progress.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { BillingOverview, OverdueMemberView, RelayProposalView } from '@contract';
import { useApi } from '../api/index.js';

export const useBillingStore = defineStore('billing', () => {
  const api = useApi();
  const siteId = ref<number | null>(null);
  const overview = ref<BillingOverview | null>(null);
  const overdue = ref<readonly OverdueMemberView[]>([]);
  const switches = ref<readonly RelayProposalView[]>([]);
  const history = ref<readonly RelayProposalView[]>([]);
  const loading = ref(false);
  const drawdown = ref<{ done: number; total: number } | null>(null);

  async function load() {
    loading.value = true;
    try {
      const [o, d, s, h] = await Promise.all([
        api.call('billing.overview', { siteId: siteId.value }),
        api.call('billing.overdue', { siteId: siteId.value }),
        api.call('billing.switches.refresh', {}),
        api.call('billing.switches.list', { status: null }),
      ]);
      overview.value = o;
      overdue.value = d;
      switches.value = s;
      history.value = h.filter((p) => p.status !== 'proposed');
    } finally {
      loading.value = false;
    }
  }
  async function chooseSite(id: number | null) {
    siteId.value = id;
    await load();
  }
  async function setMode(memberId: number, mode: 'prepaid' | 'postpaid') {
    await api.call('billing.mode.set', { memberId, mode, validFrom: null });
    await load();
  }
  async function setThreshold(planId: number, lowBalanceMinor: number | null) {
    await api.call('billing.threshold.set', { planId, lowBalanceMinor });
    await load();
  }
  async function confirmSwitch(id: number, portPath: string | null) {
    try {
      await api.call('billing.switches.confirm', { id, portPath });
    } finally {
      await load();
    }
  }
  async function dismissSwitch(id: number, reason: string) {
    await api.call('billing.switches.dismiss', { id, reason });
    await load();
  }
  async function exportReminders() {
    return api.call('billing.reminders.export', { siteId: siteId.value });
  }
  async function runDrawdown() {
    drawdown.value = { done: 0, total: 0 };
    const stop = api.on('job.progress', (p) => {
      if (p.job === 'billing.drawdown') drawdown.value = { done: p.done, total: p.total };
    });
    try {
      const result = await api.call('billing.drawdown.run', {});
      await load();
      return result;
    } finally {
      stop();
      drawdown.value = null;
    }
  }

  return { siteId, overview, overdue, switches, history, loading, drawdown, load, chooseSite, setMode, setThreshold, confirmSwitch, dismissSwitch, exportReminders, runDrawdown };
});
