// What stands between the cooperative and an action that needs the chain (proposing an agreement,
// retrying its registration): pure, from the chain status, so every screen warns BEFORE the action
// with the same words and the same link to the Ledger, instead of letting it fail.
import type { ChainStatusView } from '@contract';

/**
 * null: nothing stands in the way (chain ready and set up, or the chain is off — then the console
 * records locally and says so). Otherwise the first thing left to do, in the order it must be done.
 */
export type ChainBlocker = 'unknown' | 'noKeystore' | 'locked' | 'settingUp' | 'setupFailed' | 'notConnected';

export function chainBlocker(status: ChainStatusView | null): ChainBlocker | null {
  if (!status) return 'unknown';
  if (status.choice.mode === 'off') return null;
  if (!status.keystore.initialized) return 'noKeystore';
  if (status.setup === null) {
    if (!status.keystore.unlocked) return 'locked';
    if (status.bootstrap.state === 'failed') return 'setupFailed';
    return 'settingUp';
  }
  if (!status.keystore.unlocked) return 'locked';
  if (status.connection?.state !== 'ready') return 'notConnected';
  return null;
}
