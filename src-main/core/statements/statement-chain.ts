// The verifier's view of a live node (@polkadot/api): the canonical block at a height and the
// `system.Remarked` events of a block. Used by the console, the kiosk and verify-statement.
import type { ApiPromise } from '@polkadot/api';
import { remarkedEventsAt } from '../../../substrate-bindings/src/queries.js';
import type { StatementChainLookup } from './statement-verify.js';

export function nodeChainLookup(api: ApiPromise): StatementChainLookup {
  return {
    async blockHashAt(blockNumber) {
      const best = (await api.rpc.chain.getHeader()).number.toNumber();
      if (blockNumber > best) return null;
      return (await api.rpc.chain.getBlockHash(blockNumber)).toHex();
    },
    remarkedEventsAt: (blockHash) => remarkedEventsAt(api, blockHash),
  };
}
