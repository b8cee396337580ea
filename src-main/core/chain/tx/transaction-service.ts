// The transaction service: signs with keys from the keystore, hands out nonces deliberately,
// sends, and reports every step through one status union (see tx-status.ts) both to the caller
// and as `tx` events for the UI. A send resolves only at a terminal status: by default the
// console waits for finalization (with chopsticks' Instant mode that follows inclusion closely).
import type { ApiPromise, SubmittableResult } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { ISubmittableResult } from '@polkadot/types/types';
import type { Keystore } from '../../keystore/keystore.js';
import type { ChainConnection } from '../connection.js';
import { ChainError, errorMessage } from '../errors.js';
import { TypedEmitter } from '../typed-emitter.js';
import { parseAddress } from '../validation.js';
import { decodeDispatchError, decodePoolRejection, isNonceRejection, isPoolRejection } from './dispatch-error.js';
import { NonceManager } from './nonce-manager.js';
import { isTerminal, type SignedTx, type TxStatus, type TxTerminal } from './tx-status.js';

export type Call = SubmittableExtrinsic<'promise'>;

export interface TxEvent {
  /** The caller's reference (e.g. `outbox:42`), or null. */
  readonly ref: string | null;
  readonly signer: string;
  readonly status: TxStatus;
}

export interface TransactionServiceEvents extends Record<string, unknown> {
  tx: TxEvent;
}

export interface SendOptions {
  readonly ref?: string;
  readonly onStatus?: (status: TxStatus) => void;
  /** Give up waiting (status `dropped`, reason timeout) after this long; default 120 s. */
  readonly timeoutMs?: number;
}

export interface Sending {
  /** Resolves once the node accepted the extrinsic into its pool; rejects with a ChainError otherwise. */
  readonly accepted: Promise<void>;
  /** Resolves with the terminal status (never rejects). */
  readonly done: Promise<TxTerminal>;
}

export class TransactionService extends TypedEmitter<TransactionServiceEvents> {
  readonly nonces: NonceManager;

  constructor(
    private readonly connection: ChainConnection,
    private readonly keystore: Keystore,
  ) {
    super();
    this.nonces = new NonceManager(() => this.connection.api);
  }

  get api(): ApiPromise {
    return this.connection.api;
  }

  /**
   * Signs `call` as `signer` with an explicit nonce (immortal era: no extra RPC per signature),
   * against the genesis hash the runtime checks (see ChainConnection.signingGenesisHash).
   */
  async sign(call: Call, signer: string, nonce: number): Promise<SignedTx> {
    const api = this.api;
    const pair = this.keystore.signer(signer);
    const genesisHash = this.connection.signingGenesisHash;
    // `genesisHash` is not in SignerOptions' type but polkadot-js honours it (createClass spreads
    // the options over its defaults); we need it because of the chopsticks resume quirk above.
    const options = { nonce, era: 0, blockHash: genesisHash, genesisHash };
    const signed = await call.signAsync(pair, options);
    return {
      signer,
      nonce,
      hash: signed.hash.toHex(),
      hex: signed.toHex(),
      signedAtBlock: this.connection.head?.number ?? 0,
    };
  }

  /**
   * Signs and sends `call` from `signer` and resolves at a terminal status. Parallel calls from
   * one account are safe: nonces are consecutive and each reaches the node before the next is signed.
   */
  async submit(call: Call, signer: string, options: SendOptions = {}): Promise<TxTerminal> {
    const address = parseAddress(signer, 'signer');
    let sending: Sending | undefined;
    await this.nonces.withNonce(address, async (nonce) => {
      const signed = await this.sign(call, address, nonce);
      sending = this.send(signed, options);
      await sending.accepted; // a rejection releases the nonce for the next caller
    });
    if (!sending) throw new ChainError('CHAIN_TX_REJECTED', 'The transaction was not sent.');
    return await sending.done;
  }

  /** Sends an already-signed extrinsic (the outbox uses this to resend the very same bytes). */
  send(signed: SignedTx, options: SendOptions = {}): Sending {
    const ref = options.ref ?? null;
    const report = (status: TxStatus): void => {
      options.onStatus?.(status);
      this.emit('tx', { ref, signer: signed.signer, status });
    };
    let settle!: (status: TxTerminal) => void;
    const done = new Promise<TxTerminal>((resolve) => (settle = resolve));
    let finished = false;
    let unsubscribe: (() => void) | null = null;
    const timer = setTimeout(
      () => finish({ kind: 'dropped', hash: signed.hash, reason: `no finalization within ${options.timeoutMs ?? 120_000} ms; it may still land` }),
      options.timeoutMs ?? 120_000,
    );
    const finish = (status: TxTerminal): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      unsubscribe?.();
      report(status);
      settle(status);
    };
    report({ kind: 'queued', hash: signed.hash, nonce: signed.nonce });
    let api: ApiPromise;
    try {
      api = this.api;
    } catch (error) {
      finish({ kind: 'dropped', hash: signed.hash, reason: errorMessage(error) });
      return { accepted: Promise.reject(error), done };
    }
    let broadcast = false;
    const onResult = (result: ISubmittableResult): void => {
      const s = result.status;
      if (!broadcast && (s.isReady || s.isFuture || s.isBroadcast)) {
        broadcast = true;
        report({ kind: 'broadcast', hash: signed.hash, nonce: signed.nonce });
      } else if (s.isInBlock) {
        report({ kind: 'inBlock', hash: signed.hash, blockHash: s.asInBlock.toHex() });
      } else if (s.isFinalized) {
        const blockHash = s.asFinalized.toHex();
        const blockNumber = (result as SubmittableResult).blockNumber?.toNumber() ?? null;
        const extrinsicIndex = result.txIndex ?? null;
        if (result.dispatchError) {
          finish({ kind: 'failed', hash: signed.hash, error: decodeDispatchError(api, result.dispatchError), blockHash, blockNumber, extrinsicIndex });
        } else {
          finish({
            kind: 'finalized',
            hash: signed.hash,
            blockHash,
            blockNumber: blockNumber ?? -1,
            extrinsicIndex: extrinsicIndex ?? -1,
            events: result.events.map(({ event }) => ({ section: event.section, method: event.method, data: event.data.toJSON() })),
          });
        }
      } else if (s.isDropped || s.isUsurped || s.isInvalid || s.isFinalityTimeout) {
        finish({ kind: 'dropped', hash: signed.hash, reason: `the node reported ${s.type}` });
      }
    };
    const accepted = api
      .tx(signed.hex)
      .send(onResult)
      .then(
        (unsub) => {
          if (finished) unsub();
          else unsubscribe = unsub;
          if (!broadcast) {
            broadcast = true;
            report({ kind: 'broadcast', hash: signed.hash, nonce: signed.nonce });
          }
        },
        (error: unknown) => {
          if (!isPoolRejection(error)) {
            // The node never answered (connection lost): the extrinsic may or may not be in its pool.
            finish({ kind: 'dropped', hash: signed.hash, reason: `connection problem while sending: ${errorMessage(error)}` });
            throw new ChainError('CHAIN_NOT_CONNECTED', `The transaction could not be handed to the node: ${errorMessage(error)}`, { transient: true });
          }
          const decoded = decodePoolRejection(error);
          if (isNonceRejection(decoded)) this.nonces.invalidate(signed.signer);
          finish({ kind: 'failed', hash: signed.hash, error: decoded, blockHash: null, blockNumber: null, extrinsicIndex: null });
          throw new ChainError('CHAIN_TX_REJECTED', `The node refused the transaction: ${decoded.name} — ${decoded.docs}`, { error: decoded.name, transient: false, nonce: isNonceRejection(decoded) });
        },
      );
    accepted.catch(() => undefined); // callers that only await `done` must not see an unhandled rejection
    return { accepted, done };
  }
}

export { isTerminal };
