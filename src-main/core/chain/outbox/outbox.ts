// The chain outbox: anything the console wants on chain is recorded in SQLite first, then sent.
// - While the node is down, rows wait; when the connection is ready again they go out.
// - Each row is signed with a deliberate nonce and its signed bytes are stored BEFORE sending.
// - reconcile() (on start, after every reconnect, and periodically) settles rows whose fate is
//   unknown: hash found in a block → landed; nonce used by something else → sign afresh;
//   otherwise → resend the very same bytes (the nonce makes that idempotent).
//   So after a crash at any point, each row has at most one on-chain effect.
import type { Database } from 'better-sqlite3';
import { ChainError, errorMessage } from '../errors.js';
import type { ChainConnection } from '../connection.js';
import { TypedEmitter } from '../typed-emitter.js';
import { parseAddress } from '../validation.js';
import type { TransactionService } from '../tx/transaction-service.js';
import type { SignedTx, TxStatus, TxTerminal } from '../tx/tx-status.js';
import { systemRemark } from '../../../../substrate-bindings/src/index.js';
import { accountBalance } from '../../../../substrate-bindings/src/queries.js';
import { isNonceRejection } from '../tx/dispatch-error.js';
import { findExtrinsics } from './chain-scan.js';
import { buildCall, parseIntent, type ChainIntentInput } from './intents.js';
import { OutboxRepository, type OutboxRecord } from './outbox-repository.js';

export interface OutboxEvents extends Record<string, unknown> {
  /** A row changed (created, signed, sent, landed, failed, reset). */
  outbox: OutboxRecord;
  /** Something stops the outbox from sending (e.g. the keystore is locked). */
  outboxBlocked: { readonly reason: string };
}

export interface ReconcileReport {
  readonly landed: number;
  readonly resigned: number;
  readonly resent: number;
  readonly reopened: number;
  readonly rejected: number;
}

export interface OutboxOptions {
  /** At most this many rows sent and not yet settled at once (default 256). */
  readonly maxInFlight?: number;
  readonly reconcileIntervalMs?: number;
}

export interface OutboxEnqueueOptions {
  readonly signer: string;
  /** Idempotency key: a second enqueue with the same reference returns the first row. */
  readonly reference?: string;
}

/**
 * Validates an intent and records it as a pending row, nothing else: no event, no sending. This is
 * how code that only holds the database (e.g. a posting inside its own transaction) queues chain
 * work; the running outbox sends it on its next pump (kick(), a reconnect, or its periodic timer).
 */
export function recordOutboxIntent(repository: OutboxRepository, intent: ChainIntentInput, options: OutboxEnqueueOptions): { record: OutboxRecord; created: boolean } {
  const parsed = parseIntent(intent);
  const signer = parseAddress(options.signer, 'signer');
  if (options.reference !== undefined && (typeof options.reference !== 'string' || options.reference.length === 0 || options.reference.length > 200)) {
    throw new ChainError('CHAIN_INVALID_INPUT', 'An outbox reference must be a text of 1 to 200 characters.');
  }
  return repository.insert(parsed, signer, options.reference ?? null);
}

export class Outbox extends TypedEmitter<OutboxEvents> {
  readonly repository: OutboxRepository;
  readonly #inFlight = new Map<number, Promise<TxTerminal>>();
  readonly #maxInFlight: number;
  readonly #reconcileIntervalMs: number;
  #running = false;
  #pumping = false;
  #pumpAgain = false;
  #reconciling: Promise<ReconcileReport> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #offConnection: (() => void) | null = null;

  constructor(
    db: Database,
    private readonly connection: ChainConnection,
    private readonly tx: TransactionService,
    options: OutboxOptions = {},
  ) {
    super();
    this.repository = new OutboxRepository(db);
    this.#maxInFlight = options.maxInFlight ?? 256;
    this.#reconcileIntervalMs = options.reconcileIntervalMs ?? 15_000;
  }

  /** Records an intent (validated) for `signer`; idempotent per `reference`. Sending happens later. */
  enqueue(intent: ChainIntentInput, options: OutboxEnqueueOptions): OutboxRecord {
    const { record, created } = recordOutboxIntent(this.repository, intent, options);
    if (created) {
      this.emit('outbox', record);
      // After the caller's surrounding transaction (if any) has committed.
      queueMicrotask(() => this.#kick());
    }
    return record;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#offConnection = this.connection.on('connection', (status) => {
      if (status.state !== 'ready') return;
      // After a reconnect the node's pool may be gone: forget counters and settle what is unknown.
      this.tx.nonces.reset();
      this.#inFlight.clear();
      void this.#reconcileThenPump();
    });
    this.#timer = setInterval(() => {
      if (this.connection.isReady && this.repository.unresolved().some((r) => !this.#inFlight.has(r.id))) void this.#reconcileThenPump();
      else this.#kick();
    }, this.#reconcileIntervalMs);
    this.#timer.unref();
    if (this.connection.isReady) void this.#reconcileThenPump();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#offConnection?.();
    if (this.#timer) clearInterval(this.#timer);
    await this.#reconciling?.catch(() => undefined);
  }

  /** Sends what is pending now (also triggered by enqueue and by reconnects). */
  kick(): void {
    this.#kick();
  }

  /** Resolves when row `id` is finalized or failed. */
  async waitFor(id: number, timeoutMs = 120_000): Promise<OutboxRecord> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const record = this.repository.get(id);
      if (!record) throw new ChainError('CHAIN_INVALID_INPUT', `There is no outbox record ${id}.`);
      if (record.status === 'finalized' || record.status === 'failed') return record;
      if (Date.now() > deadline) throw new ChainError('CHAIN_TIMEOUT', `Outbox record ${id} is still ${record.status} after ${timeoutMs} ms.`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Resolves when no row is pending or unresolved. */
  async drain(timeoutMs = 300_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const c = this.repository.counts();
      if (c.pending + c.signed + c.broadcast + c.in_block === 0) return;
      if (Date.now() > deadline) throw new ChainError('CHAIN_TIMEOUT', `The outbox did not drain within ${timeoutMs} ms (${JSON.stringify(c)}).`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async reconcile(): Promise<ReconcileReport> {
    if (this.#reconciling) return await this.#reconciling;
    this.#reconciling = this.#reconcile().finally(() => (this.#reconciling = null));
    return await this.#reconciling;
  }

  async #reconcileThenPump(): Promise<void> {
    try {
      await this.reconcile();
    } catch (error) {
      this.emit('outboxBlocked', { reason: `reconcile failed: ${errorMessage(error)}` });
      return;
    }
    this.#kick();
  }

  #kick(): void {
    if (!this.#running) return;
    if (this.#pumping) {
      this.#pumpAgain = true;
      return;
    }
    void this.#pump();
  }

  async #pump(): Promise<void> {
    this.#pumping = true;
    try {
      do {
        this.#pumpAgain = false;
        while (this.#running && this.connection.isReady && !this.#reconciling) {
          const rows = this.repository.pending(64).filter((r) => !this.#inFlight.has(r.id));
          if (rows.length === 0) break;
          for (const row of rows) {
            if (!this.#running || !this.connection.isReady || this.#reconciling) break;
            while (this.#inFlight.size >= this.#maxInFlight) await Promise.race(this.#inFlight.values());
            if (!(await this.#signAndSend(row))) return;
          }
        }
      } while (this.#pumpAgain && this.#running);
    } finally {
      this.#pumping = false;
    }
  }

  /** Returns false when sending must pause (keystore locked, connection lost). */
  async #signAndSend(row: OutboxRecord): Promise<boolean> {
    let keepGoing = true;
    try {
      const call = buildCall(this.connection.api, row.intent);
      await this.tx.nonces.withNonce(row.signer, async (nonce) => {
        const signed = await this.tx.sign(call, row.signer, nonce);
        if (!this.repository.markSigned(row.id, signed)) throw new Error(`outbox row ${row.id} changed while signing`);
        this.#changed(row.id);
        const sending = this.#send(row.id, signed, { freshlySigned: true });
        try {
          await sending;
        } catch (error) {
          if (error instanceof ChainError && error.details?.['transient'] === true) {
            keepGoing = false; // the nonce stays taken by the stored bytes; reconcile resends them
            return;
          }
          throw error; // refused by the pool: the nonce was not used
        }
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'KEYSTORE_LOCKED' || code === 'KEYSTORE_UNKNOWN_KEY') {
        this.emit('outboxBlocked', { reason: errorMessage(error) });
        return false;
      }
      if (code === 'CHAIN_NOT_CONNECTED') return false;
      if (code !== 'CHAIN_TX_REJECTED') {
        this.emit('outboxBlocked', { reason: `outbox row ${row.id}: ${errorMessage(error)}` });
        return false;
      }
    }
    return keepGoing;
  }

  /**
   * Sends stored bytes; resolves once the node accepted them. Row updates follow the statuses.
   * `freshlySigned`: the bytes were signed just now with the nonce counter's next value. If the pool
   * then calls that nonce stale/future (after a node restart, resent extrinsics can take nonces the
   * counter did not know of), the call itself was never judged: the row goes back to pending and is
   * signed again with a nonce re-read from the node. Resent stored bytes are different: they may have
   * landed meanwhile, so their rejection is left to reconcile (which looks for them on chain).
   */
  #send(id: number, signed: SignedTx, options: { freshlySigned?: boolean } = {}): Promise<void> {
    const onStatus = (status: TxStatus): void => {
      if (status.kind === 'broadcast') this.repository.markBroadcast(id, signed.hash);
      else if (status.kind === 'inBlock') this.repository.markInBlock(id, signed.hash, status.blockHash);
      else if (status.kind === 'finalized') {
        this.repository.markLanded(id, signed.hash, { blockHash: status.blockHash, blockNumber: status.blockNumber, extrinsicIndex: status.extrinsicIndex, error: null });
      } else if (status.kind === 'failed') {
        if (status.blockHash !== null) {
          this.repository.markLanded(id, signed.hash, { blockHash: status.blockHash, blockNumber: status.blockNumber ?? -1, extrinsicIndex: status.extrinsicIndex ?? -1, error: status.error });
        } else if (isNonceRejection(status.error)) {
          if (options.freshlySigned === true) {
            this.repository.resetToPending(id, signed.hash);
            this.tx.nonces.invalidate(signed.signer);
          }
          // Resent stored bytes refused for their nonce (another extrinsic holds it in the pool, or it
          // is already used) are not failed: the next reconcile looks for them on chain and either
          // records them as landed or, once the nonce is used by something else, signs afresh.
        } else {
          this.repository.markRejected(id, signed.hash, status.error);
        }
      }
      // `dropped` leaves the row unresolved: reconcile decides from the chain.
      if (status.kind !== 'queued') this.#changed(id);
    };
    const sending = this.tx.send(signed, { ref: `outbox:${id}`, onStatus });
    const done = sending.done.finally(() => {
      if (this.#inFlight.get(id) === done) this.#inFlight.delete(id);
      this.#kick();
    });
    this.#inFlight.set(id, done);
    return sending.accepted;
  }

  async #reconcile(): Promise<ReconcileReport> {
    const api = this.connection.api;
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    let landed = 0, resigned = 0, resent = 0, reopened = 0, rejected = 0;

    // 1. A node killed before persisting its last blocks forgets them: re-examine recent "finalized" rows.
    for (const row of this.repository.recentlyFinalized(Math.max(0, head - 512))) {
      if (row.blockNumber === null || row.txHash === null) continue;
      const canonical = row.blockNumber <= head ? (await api.rpc.chain.getBlockHash(row.blockNumber)).toHex() : null;
      if (canonical !== row.blockHash) {
        this.repository.reopen(row.id, row.txHash);
        reopened += 1;
      }
    }

    // 2. Rows whose fate is unknown, per signer in nonce order.
    const rows = this.repository.unresolved().filter((r) => !this.#inFlight.has(r.id));
    const bySigner = new Map<string, OutboxRecord[]>();
    for (const row of rows) bySigner.set(row.signer, [...(bySigner.get(row.signer) ?? []), row]);
    for (const [signer, list] of bySigner) {
      const chainNonce = (await accountBalance(api, signer)).nonce;
      const used = list.filter((r) => (r.nonce ?? 0) < chainNonce);
      if (used.length > 0) {
        const from = Math.min(...used.map((r) => r.signedAtBlock ?? 0));
        const found = await findExtrinsics(api, new Set(used.map((r) => r.txHash ?? '')), from, head);
        for (const row of used) {
          const hit = row.txHash ? found.get(row.txHash) : undefined;
          if (hit && row.txHash) {
            this.repository.markLanded(row.id, row.txHash, hit);
            landed += 1;
          } else if (row.txHash) {
            // Its nonce went to another extrinsic, so these bytes can never land: sign afresh.
            this.repository.resetToPending(row.id, row.txHash);
            resigned += 1;
          }
          this.#changed(row.id);
        }
      }
      const waiting = list.filter((r) => (r.nonce ?? 0) >= chainNonce).sort((a, b) => (a.nonce ?? 0) - (b.nonce ?? 0));
      for (const [index, row] of waiting.entries()) {
        if (!row.signedHex || !row.txHash || row.nonce === null) continue;
        const signed: SignedTx = { signer, nonce: row.nonce, hash: row.txHash, hex: row.signedHex, signedAtBlock: row.signedAtBlock ?? 0 };
        try {
          await this.#send(row.id, signed);
          resent += 1;
        } catch (error) {
          if (error instanceof ChainError && error.details?.['transient'] === true) throw error;
          if (error instanceof ChainError && error.details?.['nonce'] === true) continue; // decided by the next reconcile
          rejected += 1;
          // Later rows of this signer wait on this nonce: fill it with a harmless remark.
          if (index < waiting.length - 1) await this.#fillNonce(signer, row.nonce);
        }
      }
    }
    this.tx.nonces.reset();
    return { landed, resigned, resent, reopened, rejected };
  }

  async #fillNonce(signer: string, nonce: number): Promise<void> {
    const filler = await this.tx.sign(systemRemark(this.connection.api, `coop:nonce-filler:${nonce}`), signer, nonce);
    await this.tx.send(filler, { ref: `outbox:filler:${nonce}` }).accepted;
  }

  #changed(id: number): void {
    const record = this.repository.get(id);
    if (record) this.emit('outbox', record);
  }
}
