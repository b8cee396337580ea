// Field sync (issue 13): this console's role, the laptops an office enrolled, conflicts waiting for a
// decision, and which meters came from the field (the badge). Files cross as base64; reading and
// saving them is the view's business (components/sync-files.ts).
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { LanStatusView, LanSyncProgress, LanSyncResultView, LanPairingView, FieldConsoleView, FieldRecordOriginView, FieldSyncConflictView, FieldSyncIdentityView, InputOf, SyncFileView, SyncImportView } from '@contract';
import { useApi } from '../api/index.js';

export const useFieldSyncStore = defineStore('field-sync', () => {
  const api = useApi();
  const identity = ref<FieldSyncIdentityView | null>(null);
  const consoles = ref<readonly FieldConsoleView[]>([]);
  const conflicts = ref<readonly FieldSyncConflictView[]>([]);
  const meterOrigins = ref<ReadonlyMap<number, FieldRecordOriginView>>(new Map());
  const role = computed(() => identity.value?.role ?? null);

  async function load(): Promise<void> {
    identity.value = await api.call('fieldSync.identity', {});
    if (identity.value.role === 'office') {
      [consoles.value, conflicts.value] = await Promise.all([api.call('fieldSync.consoles.list', {}), api.call('fieldSync.conflicts.list', {})]);
    } else {
      consoles.value = [];
      conflicts.value = [];
    }
  }
  async function loadMeterOrigins(): Promise<void> {
    const rows = await api.call('fieldSync.origins', { entity: 'meter' });
    meterOrigins.value = new Map(rows.map((r) => [r.recordId, r]));
  }
  async function setUpOffice(input: InputOf<'fieldSync.office.setUp'>): Promise<void> {
    identity.value = await api.call('fieldSync.office.setUp', input);
    await load();
  }
  async function enrol(input: InputOf<'fieldSync.consoles.enrol'>): Promise<SyncFileView> {
    const file = await api.call('fieldSync.consoles.enrol', input);
    await load();
    return file;
  }
  async function revoke(consoleId: string, reason: string): Promise<void> {
    await api.call('fieldSync.consoles.revoke', { consoleId, reason });
    await load();
  }
  async function acceptEnrolment(input: InputOf<'fieldSync.enrolment.accept'>): Promise<void> {
    identity.value = await api.call('fieldSync.enrolment.accept', input);
  }
  async function exportPack(input: InputOf<'fieldSync.pack.export'>): Promise<SyncFileView> {
    const file = await api.call('fieldSync.pack.export', input);
    await load();
    return file;
  }
  async function importReport(fileBase64: string): Promise<SyncImportView> {
    const result = await api.call('fieldSync.report.import', { fileBase64 });
    await load();
    return result;
  }
  async function importPack(fileBase64: string, passphrase: string): Promise<SyncImportView> {
    const result = await api.call('fieldSync.pack.import', { fileBase64, passphrase });
    await load();
    return result;
  }
  async function exportReport(keyPassphrase: string): Promise<SyncFileView> {
    const file = await api.call('fieldSync.report.export', { keyPassphrase });
    await load();
    return file;
  }
  async function decide(id: number, decision: 'office' | 'field'): Promise<void> {
    await api.call('fieldSync.conflicts.decide', { id, decision });
    await load();
  }

  // ── Over the network (pairing once, then syncs) ──
  const lan = ref<LanStatusView | null>(null);
  async function loadLan(): Promise<void> {
    lan.value = await api.call('fieldSync.lan.status', {});
  }
  async function acceptNetwork(keyPassphrase: string, minutes: number): Promise<void> {
    lan.value = await api.call('fieldSync.lan.accept', { keyPassphrase, minutes });
  }
  async function stopNetwork(): Promise<void> {
    lan.value = await api.call('fieldSync.lan.stop', {});
  }
  async function pair(officeUrl: string): Promise<LanPairingView> {
    const pairing = await api.call('fieldSync.lan.pair', { officeUrl });
    await loadLan();
    return pairing;
  }
  async function confirmPairing(consoleId: string, matches: boolean): Promise<void> {
    await api.call('fieldSync.lan.confirm', { consoleId, matches });
    await loadLan();
  }
  /** Syncs over the network; `progress` hears the core's steps as they happen. */
  async function syncOverNetwork(keyPassphrase: string, progress: (p: LanSyncProgress) => void): Promise<LanSyncResultView> {
    const stop = api.on('fieldSync.progress', progress);
    try {
      return await api.call('fieldSync.lan.sync', { keyPassphrase });
    } finally {
      stop();
      await Promise.all([load(), loadLan()]);
    }
  }

  return { lan, loadLan, acceptNetwork, stopNetwork, pair, confirmPairing, syncOverNetwork, identity, consoles, conflicts, meterOrigins, role, load, loadMeterOrigins, setUpOffice, enrol, revoke, acceptEnrolment, exportPack, importReport, importPack, exportReport, decide };
});
