// Settlements: periods of a site, the open period (members, counterparties), a member's statement
// lines with their sources, the monthly report; a run's progress from 'settlements.progress' events.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SettlementDetail, SettlementMemberPreview, SettlementPeriod, SettlementProgress, SettlementReport } from '@contract';
import { useApi } from '../api/index.js';

export const useSettlementsStore = defineStore('settlements', () => {
  const api = useApi();
  const siteId = ref<number | null>(null);
  const periods = ref<readonly SettlementPeriod[]>([]);
  const detail = ref<SettlementDetail | null>(null);
  const member = ref<SettlementMemberPreview | null>(null);
  const report = ref<SettlementReport | null>(null);
  const progress = ref<SettlementProgress | null>(null);
  const running = ref(false);

  async function loadPeriods() {
    periods.value = await api.call('settlements.list', { siteId: siteId.value });
  }
  async function open(id: number) {
    detail.value = await api.call('settlements.get', { id });
    return detail.value;
  }
  async function openMember(id: number, memberId: number) {
    member.value = await api.call('settlements.member', { id, memberId });
    return member.value;
  }
  async function loadReport(id: number) {
    report.value = await api.call('settlements.report', { id });
    return report.value;
  }
  async function reportCsv(id: number) {
    return api.call('settlements.reportCsv', { id });
  }
  async function run(input: { siteId: number; from: string; to: string }) {
    running.value = true;
    progress.value = null;
    try {
      const period = await api.call('settlements.run', input);
      await loadPeriods();
      return period;
    } catch (err) {
      progress.value = null;
      throw err;
    } finally {
      running.value = false;
    }
  }
  async function act(action: 'approve' | 'post', id: number) {
    const period = action === 'approve' ? await api.call('settlements.approve', { id }) : await api.call('settlements.post', { id });
    await open(id);
    return period;
  }
  async function reopen(id: number, reason: string) {
    const period = await api.call('settlements.reopen', { id, reason });
    await open(id);
    return period;
  }

  const stopProgress = api.on('settlements.progress', (p) => {
    progress.value = p;
  });
  const stopChanged = api.on('settlements.changed', (change) => {
    if (detail.value?.period.id === change.periodId) void open(change.periodId).catch(() => undefined);
    void loadPeriods().catch(() => undefined);
  });
  // The chain mirror moves on after the posting (outbox sends, blocks finalize): the open period is
  // read again on each outbox change until its mirror is done or failed.
  const stopOutbox = api.on('chain.outbox', () => {
    const mirror = detail.value?.mirror;
    if (detail.value && mirror && (mirror.status === 'pending' || mirror.status === 'anchored')) void open(detail.value.period.id).catch(() => undefined);
  });
  function dispose() {
    stopProgress();
    stopChanged();
    stopOutbox();
  }

  return { siteId, periods, detail, member, report, progress, running, loadPeriods, open, openMember, loadReport, reportCsv, run, act, reopen, dispose };
});
