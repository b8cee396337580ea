// The Ledger's state: chain status (live through 'chain.status' and 'chain.head' events), the
// cooperative accounts, recent transactions, the outbox and anchors. Pushed events update what
// they carry; derived lists (accounts, anchors) are refetched, debounced, when events say they changed.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { AnchorVerdict, AnchorView, ChainAccountView, ChainStatusView, ChainTxView, InputOf, OutboxPage, OutboxRowView } from '@contract';
import { useApi } from '../api/index.js';

/** Derived lists are refetched at most this often while events stream in. */
export const REFETCH_DEBOUNCE_MS = 400;
const TX_LIMIT = 100;

export type ConnectionLight = 'off' | 'idle' | 'connecting' | 'ready' | 'disconnected' | 'error';

/** The one state the status strip shows: the chain being off, or the connection's state. */
export function connectionLight(status: ChainStatusView | null): ConnectionLight {
  if (!status || status.choice.mode === 'off') return 'off';
  if (status.startError && (!status.connection || status.connection.state !== 'ready')) return 'error';
  return status.connection?.state ?? 'idle';
}

/** Upserts a transaction by hash, newest first, capped. */
export function mergeTx(list: readonly ChainTxView[], tx: ChainTxView, limit = TX_LIMIT): ChainTxView[] {
  const rest = list.filter((t) => !(t.hash === tx.hash && t.hash !== ''));
  return [tx, ...rest].slice(0, limit);
}

/** Replaces changed outbox rows in place and adds new ones on top (ids descending). */
export function mergeOutboxRows(list: readonly OutboxRowView[], changed: readonly OutboxRowView[]): OutboxRowView[] {
  const byId = new Map(list.map((r) => [r.id, r]));
  for (const row of changed) byId.set(row.id, row);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

export const useChainStore = defineStore('chain', () => {
  const api = useApi();
  const status = ref<ChainStatusView | null>(null);
  const accounts = ref<readonly ChainAccountView[]>([]);
  const transactions = ref<readonly ChainTxView[]>([]);
  const outbox = ref<OutboxPage | null>(null);
  const anchors = ref<readonly AnchorView[]>([]);
  const verdicts = ref<Record<number, AnchorVerdict | { error: unknown }>>({});
  const loading = ref(false);
  const error = ref<unknown>(null);
  const accountsError = ref<unknown>(null);
  let refetchTimer: ReturnType<typeof setTimeout> | null = null;
  let refetchWanted = { accounts: false, anchors: false };

  const light = computed(() => connectionLight(status.value));
  const chainOn = computed(() => status.value !== null && status.value.choice.mode !== 'off');
  const ready = computed(() => status.value?.connection?.state === 'ready');
  const setUp = computed(() => status.value?.setup !== null && status.value?.setup !== undefined);

  async function fetchAccounts() {
    if (!chainOn.value || !setUp.value || !ready.value) {
      accounts.value = [];
      return;
    }
    try {
      accounts.value = await api.call('chain.accounts', {});
      accountsError.value = null;
    } catch (err) {
      accountsError.value = err;
    }
  }

  async function fetchAnchors() {
    anchors.value = await api.call('chain.anchors.list', { limit: 50 });
  }

  /** Everything the Ledger shows, in one go. */
  async function load() {
    loading.value = true;
    try {
      status.value = await api.call('chain.status', {});
      const [tx, box, anc] = await Promise.all([api.call('chain.transactions', { limit: TX_LIMIT }), api.call('chain.outbox.list', { limit: 200 }), api.call('chain.anchors.list', { limit: 50 })]);
      transactions.value = tx;
      outbox.value = box;
      anchors.value = anc;
      await fetchAccounts();
      error.value = null;
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  /** Only the status (keystore, set-up, connection): what screens outside the Ledger need to warn before a chain action. */
  async function loadStatus() {
    status.value = await api.call('chain.status', {});
    return status.value;
  }

  function refetchSoon(what: { accounts?: boolean; anchors?: boolean }) {
    refetchWanted = { accounts: refetchWanted.accounts || !!what.accounts, anchors: refetchWanted.anchors || !!what.anchors };
    if (refetchTimer) return;
    refetchTimer = setTimeout(() => {
      refetchTimer = null;
      const wanted = refetchWanted;
      refetchWanted = { accounts: false, anchors: false };
      if (wanted.accounts) void fetchAccounts();
      if (wanted.anchors) void fetchAnchors().catch(() => undefined);
    }, REFETCH_DEBOUNCE_MS);
  }

  /** Runs a keystore/settings call that returns the new status, and adopts it. */
  async function withStatus(run: () => Promise<ChainStatusView>) {
    const next = await run();
    status.value = next;
    refetchSoon({ accounts: true });
    return next;
  }

  const initialize = (passphrase: string) => withStatus(() => api.call('chain.keystore.initialize', { passphrase }));
  const unlock = (passphrase: string) => withStatus(() => api.call('chain.keystore.unlock', { passphrase }));
  const lock = () => withStatus(() => api.call('chain.keystore.lock', {}));
  const bootstrap = () => withStatus(() => api.call('chain.bootstrap', {}));
  const setEndpoint = async (choice: InputOf<'chain.settings.setEndpoint'>) => {
    const next = await withStatus(() => api.call('chain.settings.setEndpoint', choice));
    await load();
    return next;
  };

  async function retry(id: number | null = null) {
    outbox.value = await api.call('chain.outbox.retry', { id });
  }

  async function anchorTestRecord(text: string) {
    const key = `note:${new Date().toISOString()}`;
    const anchor = await api.call('chain.anchors.create', { subject: 'notes', records: [{ key, data: text }] });
    anchors.value = [anchor, ...anchors.value.filter((a) => a.id !== anchor.id)];
    return anchor;
  }

  async function check(anchorId: number) {
    try {
      verdicts.value = { ...verdicts.value, [anchorId]: await api.call('chain.anchors.check', { anchorId }) };
    } catch (err) {
      verdicts.value = { ...verdicts.value, [anchorId]: { error: err } };
    }
    return verdicts.value[anchorId];
  }

  const stops = [
    api.on('chain.status', (next) => {
      const hadSetup = setUp.value;
      const wasReady = ready.value;
      status.value = next;
      if ((setUp.value && !hadSetup) || (ready.value && !wasReady) || next.bootstrap.state === 'done') refetchSoon({ accounts: true });
    }),
    api.on('chain.head', (head) => {
      if (status.value && (!status.value.head || head.number >= status.value.head.number)) status.value = { ...status.value, head };
    }),
    api.on('chain.outbox', ({ rows, counts }) => {
      const waiting = status.value?.outboxWaiting ?? null;
      outbox.value = { rows: mergeOutboxRows(outbox.value?.rows ?? [], rows), counts, waiting: outbox.value?.waiting ?? waiting };
      if (status.value) status.value = { ...status.value, outbox: counts };
      if (rows.some((r) => r.kind === 'anchor')) refetchSoon({ anchors: true });
      if (rows.some((r) => r.status === 'finalized')) refetchSoon({ accounts: true });
    }),
    api.on('chain.tx', (tx) => {
      transactions.value = mergeTx(transactions.value, tx);
      if (tx.status === 'finalized') refetchSoon({ accounts: true });
    }),
  ];

  function dispose() {
    stops.forEach((stop) => stop());
    if (refetchTimer) clearTimeout(refetchTimer);
  }

  return {
    status, accounts, transactions, outbox, anchors, verdicts, loading, error, accountsError,
    light, chainOn, ready, setUp,
    load, loadStatus, fetchAccounts, initialize, unlock, lock, bootstrap, setEndpoint, retry, anchorTestRecord, check, dispose,
  };
});
