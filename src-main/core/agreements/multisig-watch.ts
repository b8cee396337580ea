// Reads where an agreement's Multisig stands on chain: pending (with its approvals), executed
// (the item exists), or gone; and finds the blocks/extrinsics of its events. This is how an
// approval is confirmed, or recognised after a crash or a lost answer, without sending it twice.
import type { ApiPromise } from '@polkadot/api';
import { encodeAddress } from '@polkadot/util-crypto';
import { multisigPending } from '../../../substrate-bindings/src/index.js';
import { decodeDispatchError } from '../chain/tx/dispatch-error.js';
import type { AgreementChainCall } from './agreement-chain-calls.js';
import { agreementItemFacts, termsMetadata } from './registering-call.js';

export type MultisigState =
  | { readonly kind: 'pending'; readonly timepoint: { height: number; index: number }; readonly approvals: readonly string[] }
  | { readonly kind: 'executed' }
  | { readonly kind: 'absent' };

/** Executed = the item exists with the terms hash as metadata; pending = the Multisig waits for approvals. */
export async function multisigState(api: ApiPromise, call: AgreementChainCall, termsHash: string | null): Promise<MultisigState> {
  const item = await agreementItemFacts(api, call.collectionId, call.itemId);
  if (item.owner && (termsHash === null || item.metadata === termsMetadata(termsHash))) return { kind: 'executed' };
  const pending = await multisigPending(api, call.multisig, call.callHash);
  if (pending) return { kind: 'pending', timepoint: { height: pending.height, index: pending.index }, approvals: pending.approvals };
  return { kind: 'absent' };
}

export interface MultisigEventHit {
  readonly method: 'NewMultisig' | 'MultisigApproval' | 'MultisigExecuted' | 'MultisigCancelled';
  readonly approving: string;
  readonly blockHash: string;
  readonly blockNumber: number;
  readonly extrinsicIndex: number;
  readonly extrinsicHash: string;
  /** MultisigExecuted only: null when the registering call succeeded, else `section.name — docs`. */
  readonly error: string | null;
}

/** Scans blocks [from, to] for this Multisig's events about this call (bounded: at most 5,000 blocks). */
export async function findMultisigEvents(api: ApiPromise, call: AgreementChainCall, from: number, to: number): Promise<MultisigEventHit[]> {
  const hits: MultisigEventHit[] = [];
  const start = Math.max(0, from, to - 5_000);
  for (let number = start; number <= to; number += 1) {
    const blockHash = await api.rpc.chain.getBlockHash(number);
    const events = await (await api.at(blockHash)).query.system.events();
    let extrinsicHashes: string[] | null = null;
    for (const { phase, event } of events) {
      if (event.section !== 'multisig' || !phase.isApplyExtrinsic) continue;
      const data = event.data as unknown as { multisig?: { toU8a(): Uint8Array }; callHash?: { toHex(): string }; approving?: { toU8a(): Uint8Array }; cancelling?: { toU8a(): Uint8Array } };
      if (!data.multisig || !data.callHash || data.callHash.toHex() !== call.callHash) continue;
      if (encodeAddress(data.multisig.toU8a(), 42) !== call.multisig) continue;
      const index = phase.asApplyExtrinsic.toNumber();
      extrinsicHashes ??= (await api.rpc.chain.getBlock(blockHash)).block.extrinsics.map((x) => x.hash.toHex());
      let error: string | null = null;
      if (api.events.multisig.MultisigExecuted.is(event) && event.data.result.isErr) {
        const decoded = decodeDispatchError(api, event.data.result.asErr);
        error = `${decoded.name}${decoded.docs ? ` — ${decoded.docs}` : ''}`;
      }
      const who = data.approving ?? data.cancelling;
      hits.push({
        method: event.method as MultisigEventHit['method'],
        approving: who ? encodeAddress(who.toU8a(), 42) : '',
        blockHash: blockHash.toHex(),
        blockNumber: number,
        extrinsicIndex: index,
        extrinsicHash: extrinsicHashes[index] ?? '',
        error,
      });
    }
  }
  return hits;
}
