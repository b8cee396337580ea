import { describe, expect, it } from 'vitest';
import type { ChainStatusView } from '@contract';
import { chainBlocker } from './chain-readiness.js';

const setup = { treasury: 'T', issuer: 'I', energyCredit: { assetId: 1, name: 'e', symbol: 'E', decimals: 2 }, greenToken: { assetId: 2, name: 'g', symbol: 'G', decimals: 0 }, collections: { equipment: 1, agreements: 2 } };
function status(patch: Partial<ChainStatusView>): ChainStatusView {
  return {
    choice: { mode: 'embedded', endpoint: null, source: 'default' },
    node: null,
    connection: { state: 'ready', endpoint: 'ws://x', error: null, since: '', chain: null, specName: null, specVersion: null, tokenSymbol: null, tokenDecimals: null },
    head: null,
    keystore: { initialized: true, unlocked: true },
    outbox: { pending: 0, signed: 0, broadcast: 0, in_block: 0, finalized: 0, failed: 0 },
    outboxWaiting: null,
    setup,
    bootstrap: { state: 'done', step: null, actions: [], error: null, finishedAt: null },
    startError: null,
    ...patch,
  };
}

describe('chainBlocker', () => {
  it('names the first thing left to do, in order', () => {
    expect(chainBlocker(null)).toBe('unknown');
    expect(chainBlocker(status({ keystore: { initialized: false, unlocked: false }, setup: null }))).toBe('noKeystore');
    expect(chainBlocker(status({ keystore: { initialized: true, unlocked: false }, setup: null }))).toBe('locked');
    expect(chainBlocker(status({ setup: null, bootstrap: { state: 'running', step: 'preparing', actions: [], error: null, finishedAt: null } }))).toBe('settingUp');
    expect(chainBlocker(status({ setup: null, bootstrap: { state: 'failed', step: null, actions: [], error: 'x', finishedAt: null } }))).toBe('setupFailed');
    expect(chainBlocker(status({ keystore: { initialized: true, unlocked: false } }))).toBe('locked');
    expect(chainBlocker(status({ connection: null }))).toBe('notConnected');
  });

  it('lets the action go when the chain is set up, or off (recorded locally then)', () => {
    expect(chainBlocker(status({}))).toBeNull();
    expect(chainBlocker(status({ choice: { mode: 'off', endpoint: null, source: 'settings' }, setup: null, keystore: { initialized: false, unlocked: false } }))).toBeNull();
  });
});
