// Chain-layer values → the contract's Ledger views. Pure mapping: no secret crosses (signed bytes,
// key material and intents' internals stay behind; only addresses, hashes and states go out).
import type { ChainConnectionView, ChainDecodedError, ChainNodeView, ChainSetupView, ChainTxView, OutboxRowView, OutboxStatus, OutboxWaitingFor } from '../../contract/chain.js';
import type { ConnectionStatus, EmbeddedNodeStatus, OutboxRecord, TxEvent } from '../chain/index.js';
import type { ChainSetup } from '../chain/bootstrap.js';

/** How often the outbox settles rows whose fate is unknown (the chain layer's default). */
export const RECONCILE_INTERVAL_MS = 15_000;

export const nodeView = (s: EmbeddedNodeStatus): ChainNodeView => ({ state: s.state, endpoint: s.endpoint, restarts: s.restarts, lastError: s.lastError });

export const connectionView = (s: ConnectionStatus): ChainConnectionView => ({
  state: s.state,
  endpoint: s.endpoint,
  error: s.error,
  since: s.since,
  chain: s.identity?.chain ?? null,
  specName: s.identity?.specName ?? null,
  specVersion: s.identity?.specVersion ?? null,
  tokenSymbol: s.identity?.tokenSymbol ?? null,
  tokenDecimals: s.identity?.tokenDecimals ?? null,
});

export const setupView = (s: ChainSetup | null): ChainSetupView | null =>
  s ? { treasury: s.treasury, issuer: s.issuer, energyCredit: s.energyCredit, greenToken: s.greenToken, collections: s.collections } : null;

export const emptyCounts = (): Record<OutboxStatus, number> => ({ pending: 0, signed: 0, broadcast: 0, in_block: 0, finalized: 0, failed: 0 });

/** What keeps the whole outbox from sending now, in words an operator can act on; null when nothing does. */
export function outboxWaitingReason(state: { readonly chainOn: boolean; readonly unlocked: boolean; readonly connected: boolean; readonly open: number }): string | null {
  if (state.open === 0) return null;
  if (!state.chainOn) return 'The chain is off: nothing is sent until it is turned on in Settings → Chain.';
  if (!state.unlocked) return 'The keystore is locked: nothing is signed or sent until an admin unlocks it. The outbox keeps every record and sends them after unlocking.';
  if (!state.connected) return 'The chain is not connected: records wait and are sent as soon as the connection is back.';
  return null;
}

export function outboxRowView(r: OutboxRecord, ctx: { readonly unlocked: boolean; readonly connected: boolean; readonly now: number }): OutboxRowView {
  let waitingFor: OutboxWaitingFor | null = null;
  let nextRetryAt: string | null = null;
  if (r.status === 'pending') {
    waitingFor = !ctx.unlocked ? 'unlock' : !ctx.connected ? 'connection' : 'signing';
    nextRetryAt = ctx.unlocked && ctx.connected ? new Date(ctx.now).toISOString() : null;
  } else if (r.status === 'signed' || r.status === 'broadcast' || r.status === 'in_block') {
    waitingFor = ctx.connected ? 'inclusion' : 'connection';
    // The outbox looks again at unresolved rows on every reconcile tick (and at once on reconnect).
    const updated = Date.parse(r.updatedAt);
    const next = updated + RECONCILE_INTERVAL_MS * Math.max(1, Math.ceil((ctx.now - updated) / RECONCILE_INTERVAL_MS));
    nextRetryAt = ctx.connected ? new Date(next).toISOString() : null;
  } else if (r.status === 'failed') {
    waitingFor = 'operator';
  }
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    signer: r.signer,
    status: r.status,
    attempts: r.attempts,
    nonce: r.nonce,
    txHash: r.txHash,
    blockNumber: r.blockNumber,
    error: r.errorName ? { name: r.errorName, docs: r.errorDocs ?? '' } : null,
    waitingFor,
    nextRetryAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const OUTBOX_TO_TX: Record<OutboxStatus, ChainTxView['status']> = { pending: 'queued', signed: 'queued', broadcast: 'broadcast', in_block: 'inBlock', finalized: 'finalized', failed: 'failed' };

/** An outbox row as a transaction (rows that were never signed have no hash and are not transactions yet). */
export function outboxTxView(r: OutboxRecord): ChainTxView | null {
  if (!r.txHash && r.status !== 'failed') return null;
  return {
    hash: r.txHash ?? '',
    source: 'outbox',
    ref: r.reference ?? `outbox:${r.id}`,
    kind: r.kind,
    signer: r.signer,
    status: OUTBOX_TO_TX[r.status],
    blockNumber: r.blockNumber,
    blockHash: r.blockHash,
    error: r.errorName ? { name: r.errorName, docs: r.errorDocs ?? '' } : null,
    at: r.updatedAt,
  };
}

export function txEventView(e: TxEvent, previous: ChainTxView | undefined, at: string): ChainTxView {
  const s = e.status;
  const error: ChainDecodedError | null = s.kind === 'failed' ? { name: s.error.name, docs: s.error.docs } : s.kind === 'dropped' ? { name: 'dropped', docs: s.reason } : null;
  const blockHash = 'blockHash' in s ? s.blockHash : (previous?.blockHash ?? null);
  const blockNumber = 'blockNumber' in s ? s.blockNumber : (previous?.blockNumber ?? null);
  return {
    hash: s.hash,
    source: e.ref?.startsWith('outbox:') ? 'outbox' : 'direct',
    ref: e.ref,
    kind: previous?.kind ?? (e.ref?.split(':')[0] || 'transaction'),
    signer: e.signer,
    status: s.kind,
    blockNumber,
    blockHash,
    error,
    at,
  };
}
