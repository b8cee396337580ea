// The raw submit baseline the chain benchmarks compare the console against (same node, same run).
import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Extrinsic } from '../../substrate-bindings/src/index.js';

/**
 * Raw baseline: plain @polkadot/api signAndSend-style sending, pipelined as far as chopsticks
 * allows: every call signed with consecutive explicit nonces, each handed to the node as soon as
 * the previous one was accepted (send() resolves on the subscription id), all awaited to Finalized.
 * Firing them all without waiting is not an option here: chopsticks validates concurrently, so a
 * later nonce can reach a block first and is then reported Invalid (and its watch ends).
 */
export async function rawSend(api: ApiPromise, pair: KeyringPair, genesisHash: string, calls: Extrinsic[]): Promise<void> {
  const first = (await api.rpc.system.accountNextIndex(pair.address)).toNumber();
  const finalized: Promise<void>[] = [];
  for (const [i, call] of calls.entries()) {
    const tx = await call.signAsync(pair, { nonce: first + i, era: 0, blockHash: genesisHash, genesisHash } as never);
    let accepted!: Promise<unknown>;
    finalized.push(
      new Promise<void>((resolve, reject) => {
        accepted = tx.send((result) => {
          if (result.status.isFinalized) (result.dispatchError ? reject(new Error(result.dispatchError.toString())) : resolve());
          if (result.status.isInvalid || result.status.isDropped) reject(new Error(result.status.type));
        });
        accepted.catch(reject);
      }),
    );
    await accepted;
  }
  await Promise.all(finalized);
}
