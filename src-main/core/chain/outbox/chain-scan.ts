// Finds signed extrinsics on chain by their hash, scanning a range of blocks, and reads whether
// each one succeeded from the block's events. This is how the outbox learns, after a crash, what
// really happened to an extrinsic whose bytes it stored before sending.
import type { ApiPromise } from '@polkadot/api';
import type { DecodedChainError } from '../errors.js';
import { decodeDispatchError } from '../tx/dispatch-error.js';

export interface LandedExtrinsic {
  readonly blockHash: string;
  readonly blockNumber: number;
  readonly extrinsicIndex: number;
  /** null when the call succeeded (system.ExtrinsicSuccess). */
  readonly error: DecodedChainError | null;
}

export async function findExtrinsics(api: ApiPromise, hashes: ReadonlySet<string>, fromBlock: number, toBlock: number): Promise<Map<string, LandedExtrinsic>> {
  const found = new Map<string, LandedExtrinsic>();
  for (let number = Math.max(0, fromBlock); number <= toBlock && found.size < hashes.size; number += 1) {
    const blockHash = await api.rpc.chain.getBlockHash(number);
    const block = await api.rpc.chain.getBlock(blockHash);
    const matches = block.block.extrinsics
      .map((ext, index) => ({ hash: ext.hash.toHex(), index }))
      .filter((m) => hashes.has(m.hash));
    if (matches.length === 0) continue;
    const events = await (await api.at(blockHash)).query.system.events();
    for (const { hash, index } of matches) {
      let error: DecodedChainError | null = null;
      for (const { phase, event } of events) {
        if (!phase.isApplyExtrinsic || phase.asApplyExtrinsic.toNumber() !== index) continue;
        if (api.events.system.ExtrinsicFailed.is(event)) error = decodeDispatchError(api, event.data[0]);
      }
      found.set(hash, { blockHash: blockHash.toHex(), blockNumber: number, extrinsicIndex: index, error });
    }
  }
  return found;
}
