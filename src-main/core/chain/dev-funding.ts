// Funding accounts on the EMBEDDED node only, through chopsticks' `dev_setStorage` RPC. Dev RPCs
// exist only on the loopback-bound embedded node; this module refuses any other endpoint, and the
// console never forwards dev RPCs to its API.
import '../../../substrate-bindings/interfaces/augment-api.js';
import type { ApiPromise } from '@polkadot/api';
import { ChainError } from './errors.js';
import { rpcCall } from './node/rpc-probe.js';

export function assertLoopback(endpoint: string): void {
  const host = new URL(endpoint).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new ChainError('CHAIN_INVALID_INPUT', `Dev funding is only for the embedded node on 127.0.0.1, not ${endpoint}.`);
  }
}

/**
 * Sets the free native balance of each address. The rest of the account (nonce, reference
 * counts, reserved) is read first and written back unchanged: chopsticks would otherwise reset the
 * nonce to 0, which would let old immortal extrinsics be replayed.
 */
export async function setFreeBalances(api: ApiPromise, endpoint: string, balances: ReadonlyMap<string, bigint>): Promise<void> {
  assertLoopback(endpoint);
  if (balances.size === 0) return;
  const addresses = [...balances.keys()];
  const current = await api.query.system.account.multi(addresses);
  const entries = addresses.map((address, i) => {
    const info = current[i];
    return [
      [address],
      {
        nonce: info?.nonce.toNumber() ?? 0,
        consumers: info?.consumers.toNumber() ?? 0,
        providers: Math.max(1, info?.providers.toNumber() ?? 0),
        sufficients: info?.sufficients.toNumber() ?? 0,
        data: { free: (balances.get(address) ?? 0n).toString(), reserved: info?.data.reserved.toString() ?? '0', miscFrozen: info?.data.miscFrozen.toString() ?? '0', feeFrozen: info?.data.feeFrozen.toString() ?? '0' },
      },
    ] as const;
  });
  await rpcCall(endpoint, 'dev_setStorage', [{ System: { Account: entries } }], 30_000);
  // Build a block on top, so the funding is part of the persisted chain and not only of the head's memory.
  await rpcCall(endpoint, 'dev_newBlock', [], 30_000);
}
