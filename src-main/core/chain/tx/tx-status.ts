// One status union for every transaction the console sends:
//   queued → broadcast → inBlock → finalized | failed | dropped
import type { DecodedChainError } from '../errors.js';

export interface TxEventRecord {
  readonly section: string;
  readonly method: string;
  readonly data: unknown;
}

export type TxStatus =
  | { readonly kind: 'queued'; readonly hash: string; readonly nonce: number }
  | { readonly kind: 'broadcast'; readonly hash: string; readonly nonce: number }
  | { readonly kind: 'inBlock'; readonly hash: string; readonly blockHash: string }
  | {
      readonly kind: 'finalized';
      readonly hash: string;
      readonly blockHash: string;
      readonly blockNumber: number;
      readonly extrinsicIndex: number;
      readonly events: readonly TxEventRecord[];
    }
  | { readonly kind: 'failed'; readonly hash: string; readonly error: DecodedChainError; readonly blockHash: string | null; readonly blockNumber: number | null; readonly extrinsicIndex: number | null }
  | { readonly kind: 'dropped'; readonly hash: string; readonly reason: string };

export type TxTerminal = Extract<TxStatus, { kind: 'finalized' | 'failed' | 'dropped' }>;

export function isTerminal(status: TxStatus): status is TxTerminal {
  return status.kind === 'finalized' || status.kind === 'failed' || status.kind === 'dropped';
}

/** A signed extrinsic ready to send; safe to store (it holds no secret, only a signature). */
export interface SignedTx {
  readonly signer: string;
  readonly nonce: number;
  readonly hash: string;
  readonly hex: string;
  /** Head block number when it was signed: a later search for it starts here. */
  readonly signedAtBlock: number;
}
