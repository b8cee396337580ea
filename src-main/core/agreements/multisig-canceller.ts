// Sends the cancellations decided in SQLite (multisig-cancellations.ts): the cooperative, which
// approved first and paid the deposit, calls multisig.cancelAsMulti (plus proxy.removeProxy, in one
// utility.batchAll, when no other waiting agreement uses the same Multisig), so both deposits return.
//
// Each record is handled under the agreement's lock and always asks the chain FIRST:
//   registering call executed → executed_first (nothing to cancel); Multisig gone → done (our earlier
//   send landed: MultisigCancelled by the cooperative found) or not_needed; pending → send.
// So a send whose answer was lost (crash, node killed) is recognised on the next pass and never
// repeated blindly. While the chain is off, not ready or the keystore locked, records wait; a pass
// runs every few seconds and at once when kicked (after a withdraw committed, on reconnect).
import type { Database } from 'better-sqlite3';
import { encodeAddress } from '@polkadot/util-crypto';
import { multisigCancelAsMulti } from '../../../substrate-bindings/src/index.js';
import type { ChainRuntime } from '../chain/runtime.js';
import { errorMessage } from '../chain/errors.js';
import { isoNow, type Clock } from '../platform/clock.js';
import type { AgreementChainCall, AgreementChainCalls } from './agreement-chain-calls.js';
import type { AgreementLocks } from './agreement-locks.js';
import { cancellationStep, MultisigCancellations, type ObservedMultisig, type StoredCancellation } from './multisig-cancellations.js';
import { findMultisigEvents, multisigState } from './multisig-watch.js';
import { hasRegistrarProxy, removeRegistrarProxy } from './registering-call.js';

/** Pool refusals / drops / timeouts are retried this many times (while the chain is ready) before failing. */
export const MAX_TRANSIENT_ATTEMPTS = 4;

export interface CancellerDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly chain: () => ChainRuntime | null;
  readonly calls: AgreementChainCalls;
  readonly locks: AgreementLocks;
  /** Stores a settled outcome (state + audit + voided approvals) in one transaction. */
  readonly settle: (record: StoredCancellation, patch: Partial<StoredCancellation>) => void;
  readonly timeoutMs?: number;
  readonly log?: (message: string, error?: unknown) => void;
}

export class MultisigCanceller {
  readonly records: MultisigCancellations;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #offConnection: (() => void) | null = null;
  #watched: ChainRuntime | null = null;

  constructor(private readonly deps: CancellerDeps) {
    this.records = new MultisigCancellations(deps.db);
  }

  /** A pass every `intervalMs` (the timer does not keep the process alive). */
  start(intervalMs = 5_000): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => this.kick(), intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#offConnection?.();
    this.#offConnection = null;
  }

  /** Runs a pass soon (coalesced); a no-op while the chain cannot take it. */
  kick(): void {
    if (!this.deps.db.open) return this.stop();
    this.#follow(this.deps.chain());
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.pass()
      .catch((error: unknown) => this.deps.log?.('Multisig cancellation pass failed', error))
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
  }

  /** One pass over the open records; resolves when each was looked at (tests await it). */
  async pass(): Promise<void> {
    const chain = this.deps.chain();
    if (!chain || chain.connection.status.state !== 'ready' || !chain.keystore.isUnlocked) return;
    for (const record of this.records.open()) {
      await this.deps.locks.run(record.agreementId, () => this.#handle(chain, record.agreementId, record.version));
    }
  }

  /** Waits (polling SQLite) until the record is no longer pending; for callers that want the outcome now. */
  async settled(agreementId: number, version: number, timeoutMs = 60_000): Promise<StoredCancellation | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const record = this.records.get(agreementId, version);
      if (!record || record.state !== 'pending' || Date.now() > deadline) return record;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Reconnects should not wait for the next tick. */
  #follow(chain: ChainRuntime | null): void {
    if (chain === this.#watched) return;
    this.#offConnection?.();
    this.#watched = chain;
    this.#offConnection = chain ? chain.on('connection', (s) => s.state === 'ready' && setTimeout(() => this.kick(), 500).unref()) : null;
  }

  async #handle(chain: ChainRuntime, agreementId: number, version: number): Promise<void> {
    // Re-read under the lock: a re-proposal may have superseded it meanwhile.
    const record = this.records.get(agreementId, version);
    const call = this.deps.calls.get(agreementId, version);
    if (!record || record.state !== 'pending') return;
    if (!call) return this.deps.settle(record, { state: 'not_needed', settledAt: this.#now(), note: 'No registering call is stored for this version, so nothing was sent.' });
    const step = cancellationStep(record, await this.#observe(chain, call, record), this.#now());
    if (step.kind === 'settle') return this.deps.settle(record, step.patch);

    const api = chain.connection.api;
    const others = call.signatories.filter((a) => a !== call.cooperative);
    const cancel = multisigCancelAsMulti(api, call.threshold, others, step.timepoint, call.callHash);
    // The proxy (and its deposit) goes too unless another waiting agreement still needs it.
    const dropProxy = this.deps.calls.othersWaiting(call.multisig, agreementId) === 0 && (await hasRegistrarProxy(api, call.cooperative, call.multisig));
    const tx = dropProxy ? api.tx.utility.batchAll([cancel.method, removeRegistrarProxy(api, call.multisig).method]) : cancel;
    const attempt = this.records.update(agreementId, version, { attempts: record.attempts + 1 }, this.#now()) ?? record;
    let outcome;
    try {
      outcome = await chain.tx.submit(tx, call.cooperative, { ref: `agreement:${agreementId}:v${version}:cancel`, timeoutMs: this.deps.timeoutMs ?? 60_000 });
    } catch (error) {
      chain.tx.nonces.invalidate(call.cooperative);
      return this.#transient(attempt, `not handed to the chain: ${errorMessage(error)}`, null);
    }
    if (outcome.kind === 'finalized') {
      const at = { blockHash: outcome.blockHash, blockNumber: outcome.blockNumber, extrinsicHash: outcome.hash };
      const cancelled = outcome.events.some((e) => e.section === 'multisig' && e.method === 'MultisigCancelled');
      if (cancelled) return this.deps.settle(attempt, { state: 'done', settledAt: this.#now(), ...at, errorName: null, note: `Cancelled on chain${dropProxy ? ' (and the proxy removed)' : ''}; the deposit was returned to the cooperative.` });
    }
    chain.tx.nonces.invalidate(call.cooperative);
    // Refused, dropped or unanswered: it may have landed anyway (or the call ran meanwhile). Ask again.
    const again = cancellationStep(attempt, await this.#observe(chain, call, attempt), this.#now());
    if (again.kind === 'settle') return this.deps.settle(attempt, again.patch);
    if (outcome.kind === 'failed' && outcome.blockHash !== null) {
      const error = `${outcome.error.name}${outcome.error.docs ? ` — ${outcome.error.docs}` : ''}`;
      return this.deps.settle(attempt, { state: 'failed', settledAt: this.#now(), errorName: outcome.error.name, blockHash: outcome.blockHash, blockNumber: outcome.blockNumber, extrinsicHash: outcome.hash, note: `The chain refused the cancellation: ${error}.` });
    }
    const why = outcome.kind === 'failed' ? `${outcome.error.name}${outcome.error.docs ? ` — ${outcome.error.docs}` : ''}` : outcome.kind === 'dropped' ? outcome.reason : 'finalized without a MultisigCancelled event';
    return this.#transient(attempt, why, outcome.kind === 'failed' ? outcome.error.name : null);
  }

  /** A problem that may pass (pool refusal, drop, timeout): retried on later passes, then failed. */
  #transient(record: StoredCancellation, why: string, errorName: string | null): void {
    if (record.attempts >= MAX_TRANSIENT_ATTEMPTS) {
      this.deps.settle(record, { state: 'failed', settledAt: this.#now(), errorName, note: `The cancellation did not go through after ${record.attempts} attempts (last: ${why}).` });
      return;
    }
    this.records.update(record.agreementId, record.version, { errorName, note: `Attempt ${record.attempts} did not go through (${why}); it is tried again.` }, this.#now());
  }

  async #observe(chain: ChainRuntime, call: AgreementChainCall, record: StoredCancellation): Promise<ObservedMultisig> {
    const api = chain.connection.api;
    const termsHash = (this.deps.db.prepare('SELECT terms_hash FROM agreement_versions WHERE agreement_id = ? AND version = ?').get(call.agreementId, call.version) as { terms_hash: string | null } | undefined)?.terms_hash ?? null;
    const state = await multisigState(api, call, termsHash);
    if (state.kind === 'pending') {
      const entry = await api.query.multisig.multisigs(call.multisig, call.callHash);
      const depositor = entry.isSome ? encodeAddress(entry.unwrap().depositor.toU8a(), 42) : '';
      return { kind: 'pending', timepoint: state.timepoint, depositor };
    }
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    const from = record.timepoint?.height ?? call.timepoint?.height ?? call.proposedBlock ?? Math.max(0, head - 500);
    const events = await findMultisigEvents(api, call, from, head);
    if (state.kind === 'executed') {
      const ran = events.filter((e) => e.method === 'MultisigExecuted' && !e.error).at(-1);
      return { kind: 'executed', at: ran ? { blockHash: ran.blockHash, blockNumber: ran.blockNumber, extrinsicHash: ran.extrinsicHash } : null };
    }
    const cancelled = events.filter((e) => e.method === 'MultisigCancelled' && e.approving === call.cooperative).at(-1);
    return { kind: 'absent', cancelled: cancelled ? { blockHash: cancelled.blockHash, blockNumber: cancelled.blockNumber, extrinsicHash: cancelled.extrinsicHash } : null };
  }

  #now(): string {
    return isoNow(this.deps.clock);
  }
}
