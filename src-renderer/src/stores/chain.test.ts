// Chain store: the status strip's state, live head/outbox/tx events merged into what is shown,
// keystore calls adopting the returned status, and debounced refetches of derived lists.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { ChainStatusView, ChainTxView, OutboxRowView } from '@contract';
import { provideApi } from '../api/index.js';
import { ApiError } from '../api/api-error.js';
import { connectionLight, mergeOutboxRows, mergeTx, REFETCH_DEBOUNCE_MS, useChainStore } from './chain.js';
import { scriptedApi } from './test-api.js';

const counts = { pending: 0, signed: 0, broadcast: 0, in_block: 0, finalized: 0, failed: 0 };
function status(extra: Partial<ChainStatusView> = {}): ChainStatusView {
  return {
    choice: { mode: 'embedded', endpoint: null, source: 'default' },
    node: { state: 'running', endpoint: 'ws://127.0.0.1:9944', restarts: 0, lastError: null },
    connection: { state: 'ready', endpoint: 'ws://127.0.0.1:9944', error: null, since: '', chain: 'Rococo Asset Hub', specName: 'statemine', specVersion: 900, tokenSymbol: 'ROC', tokenDecimals: 12 },
    head: { number: 7, hash: '0x07' },
    keystore: { initialized: true, unlocked: true },
    outbox: counts,
    outboxWaiting: null,
    setup: null,
    bootstrap: { state: 'idle', step: null, actions: [], error: null, finishedAt: null },
    startError: null,
    ...extra,
  };
}
const setup = { treasury: '5T', issuer: '5I', energyCredit: { assetId: 1000, name: 'EC', symbol: 'EC-KES', decimals: 2 }, greenToken: { assetId: 1001, name: 'G', symbol: 'GREEN', decimals: 3 }, collections: { equipment: 1000, agreements: 1001 } };
const tx = (hash: string, s: ChainTxView['status'], at = '2026-11-21T10:00:00Z'): ChainTxView => ({ hash, source: 'outbox', ref: null, kind: 'anchor', signer: '5T', status: s, blockNumber: null, blockHash: null, error: null, at });
const row = (id: number, s: OutboxRowView['status'], kind = 'anchor'): OutboxRowView => ({
  id, reference: null, kind, signer: '5T', status: s, attempts: 1, nonce: null, txHash: null, blockNumber: null, error: null, waitingFor: null, nextRetryAt: null, createdAt: '', updatedAt: '',
});

describe('chain store helpers', () => {
  it('derives the status strip state: off, start error, or the connection state', () => {
    expect(connectionLight(null)).toBe('off');
    expect(connectionLight(status({ choice: { mode: 'off', endpoint: null, source: 'settings' }, connection: null, node: null }))).toBe('off');
    expect(connectionLight(status())).toBe('ready');
    expect(connectionLight(status({ startError: 'refused', connection: { ...status().connection!, state: 'error' } }))).toBe('error');
    expect(connectionLight(status({ connection: { ...status().connection!, state: 'disconnected' } }))).toBe('disconnected');
  });

  it('merges transactions by hash (newest first, capped) and outbox rows by id', () => {
    const list = mergeTx([tx('0xa', 'broadcast'), tx('0xb', 'finalized')], tx('0xa', 'finalized'));
    expect(list.map((t) => `${t.hash}:${t.status}`)).toEqual(['0xa:finalized', '0xb:finalized']);
    expect(mergeTx(Array.from({ length: 5 }, (_, i) => tx(`0x${i}`, 'queued')), tx('0xnew', 'queued'), 3).map((t) => t.hash)).toEqual(['0xnew', '0x0', '0x1']);
    expect(mergeOutboxRows([row(2, 'pending'), row(1, 'finalized')], [row(2, 'signed'), row(3, 'pending')]).map((r) => `${r.id}:${r.status}`)).toEqual(['3:pending', '2:signed', '1:finalized']);
  });
});

describe('chain store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.useRealTimers());

  it('loads everything, and follows head events only forwards', async () => {
    const { api, emit } = scriptedApi({
      'chain.status': () => status({ setup }),
      'chain.transactions': () => [tx('0xa', 'finalized')],
      'chain.outbox.list': () => ({ rows: [row(1, 'finalized')], counts: { ...counts, finalized: 1 }, waiting: null }),
      'chain.anchors.list': () => [],
      'chain.accounts': () => [{ role: 'treasury', label: 'T', address: '5T', free: '10', reserved: '0', tokenSymbol: 'ROC', tokenDecimals: 12, assets: [] }],
    });
    provideApi(api);
    const store = useChainStore();
    await store.load();
    expect(store.light).toBe('ready');
    expect(store.accounts.map((a) => a.role)).toEqual(['treasury']);
    emit('chain.head', { number: 9, hash: '0x09' });
    expect(store.status?.head?.number).toBe(9);
    emit('chain.head', { number: 8, hash: '0x08' }); // late
    expect(store.status?.head?.number).toBe(9);
    store.dispose();
  });

  it('does not ask for balances before the cooperative is set up, then does once the set-up finished', async () => {
    vi.useFakeTimers();
    let accountsCalls = 0;
    const { api, emit } = scriptedApi({
      'chain.status': () => status(),
      'chain.transactions': () => [],
      'chain.outbox.list': () => ({ rows: [], counts, waiting: null }),
      'chain.anchors.list': () => [],
      'chain.accounts': () => {
        accountsCalls++;
        return [];
      },
    });
    provideApi(api);
    const store = useChainStore();
    await store.load();
    expect(accountsCalls).toBe(0);
    emit('chain.status', status({ setup, bootstrap: { state: 'done', step: null, actions: ['created asset 1000'], error: null, finishedAt: '' } }));
    emit('chain.status', status({ setup, bootstrap: { state: 'done', step: null, actions: [], error: null, finishedAt: '' } }));
    await vi.advanceTimersByTimeAsync(REFETCH_DEBOUNCE_MS + 10);
    expect(accountsCalls).toBe(1); // two events, one debounced refetch
    store.dispose();
  });

  it('merges pushed outbox rows and counts, and refetches anchors when an anchor row moved', async () => {
    vi.useFakeTimers();
    let anchorCalls = 0;
    const { api, emit } = scriptedApi({
      'chain.status': () => status(),
      'chain.transactions': () => [],
      'chain.outbox.list': () => ({ rows: [row(1, 'pending')], counts: { ...counts, pending: 1 }, waiting: null }),
      'chain.anchors.list': () => {
        anchorCalls++;
        return [];
      },
    });
    provideApi(api);
    const store = useChainStore();
    await store.load();
    emit('chain.outbox', { rows: [row(1, 'finalized')], counts: { ...counts, finalized: 1 } });
    expect(store.outbox?.rows[0]?.status).toBe('finalized');
    expect(store.status?.outbox.finalized).toBe(1);
    await vi.advanceTimersByTimeAsync(REFETCH_DEBOUNCE_MS + 10);
    expect(anchorCalls).toBe(2);
    emit('chain.tx', tx('0xz', 'inBlock'));
    expect(store.transactions[0]?.hash).toBe('0xz');
    store.dispose();
  });

  it('adopts the status a keystore call returns, and lets its error through for the form', async () => {
    const { api, calls } = scriptedApi({
      'chain.keystore.unlock': (input) => {
        if ((input as { passphrase: string }).passphrase !== 'right passphrase') throw new ApiError('KEYSTORE_WRONG_PASSPHRASE', 'The keystore passphrase is wrong.');
        return status({ keystore: { initialized: true, unlocked: true } });
      },
    });
    provideApi(api);
    const store = useChainStore();
    await expect(store.unlock('wrong')).rejects.toMatchObject({ code: 'KEYSTORE_WRONG_PASSPHRASE' });
    expect(store.status).toBeNull();
    await store.unlock('right passphrase');
    expect(store.status?.keystore.unlocked).toBe(true);
    expect(calls.map((c) => c.channel)).toEqual(['chain.keystore.unlock', 'chain.keystore.unlock']);
    store.dispose();
  });

  it('keeps a verdict per anchor, including a failure to check', async () => {
    const { api } = scriptedApi({
      'chain.anchors.check': (input) => {
        if ((input as { anchorId: number }).anchorId === 2) throw new ApiError('CHAIN_NOT_CONNECTED', 'not connected');
        return { valid: true, reason: null, data: 'x', proof: {} };
      },
    });
    provideApi(api);
    const store = useChainStore();
    await store.check(1);
    await store.check(2);
    expect(store.verdicts[1]).toMatchObject({ valid: true });
    expect((store.verdicts[2] as { error: ApiError }).error.code).toBe('CHAIN_NOT_CONNECTED');
    store.dispose();
  });
});
