// Settings can point the console at an external Substrate endpoint. Before using it the console
// reads the chain's metadata and refuses, naming what is missing, when a pallet or call it needs
// is absent. The chains without our pallets are real: a loopback JSON-RPC endpoint serves the
// actual v14 metadata of the Polkadot relay chain (no Assets, no Uniques) and of
// substrate-contracts-node (no Uniques, no Multisig), as shipped in @polkadot/types-support.
// A chain that has everything (an embedded node started separately, treated as external) is
// accepted, and no dev RPC is used on it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import polkadotMetadata from '@polkadot/types-support/metadata/static-polkadot';
import contractsMetadata from '@polkadot/types-support/metadata/static-substrate-contracts-node';
import { checkCapabilities, createChainRuntime, EmbeddedNode, type ChainRuntime } from '../../../src-main/core/chain/index.js';
import { setFreeBalances } from '../../../src-main/core/chain/dev-funding.js';
import { codeOf, PASSPHRASE, tempEnv, type TempEnv } from './helpers.js';

/** A loopback endpoint that answers state_getMetadata with `metadata` and nothing else. */
async function metadataOnlyEndpoint(metadata: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  server.on('connection', (socket) =>
    socket.on('message', (raw) => {
      const request = JSON.parse(raw.toString()) as { id: number; method: string };
      const reply = request.method === 'state_getMetadata'
        ? { jsonrpc: '2.0', id: request.id, result: metadata }
        : { jsonrpc: '2.0', id: request.id, error: { code: -32601, message: 'Method not found' } };
      socket.send(JSON.stringify(reply));
    }),
  );
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `ws://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let env: TempEnv;
beforeAll(() => {
  env = tempEnv('chain-external');
});
afterAll(() => env?.cleanup());

describe('external endpoint capability check', () => {
  it('refuses the Polkadot relay chain: it lacks Assets and Uniques', async () => {
    const endpoint = await metadataOnlyEndpoint(polkadotMetadata);
    const chain = createChainRuntime({ dataDir: env.dataDir, db: env.db, endpoint: endpoint.url });
    try {
      expect(chain.mode).toBe('external');
      expect(chain.node).toBeNull();
      const error = await chain.start().then(() => null, (e: unknown) => e as { code: string; message: string; details?: { missing?: string[] } });
      expect(error?.code).toBe('CHAIN_MISSING_CAPABILITIES');
      expect(error?.message).toContain('it lacks Assets (pallet), Uniques (pallet).');
      expect(error?.details?.missing).toEqual(['Assets (pallet)', 'Uniques (pallet)']);
      expect(chain.status().connection.state).toBe('error');
    } finally {
      await chain.stop();
      await endpoint.close();
    }
  });

  it('refuses substrate-contracts-node: it lacks Uniques and Multisig', async () => {
    const endpoint = await metadataOnlyEndpoint(contractsMetadata);
    const chain = createChainRuntime({ dataDir: env.dataDir, db: env.db, endpoint: endpoint.url });
    try {
      const error = await chain.start().then(() => null, (e: unknown) => e as { code: string; message: string });
      expect(error?.code).toBe('CHAIN_MISSING_CAPABILITIES');
      expect(error?.message).toMatch(/Uniques \(pallet\).*Multisig \(pallet\)/);
    } finally {
      await chain.stop();
      await endpoint.close();
    }
  });

  it('refuses malformed and unreachable endpoints with clear codes', async () => {
    expect(await codeOf(() => createChainRuntime({ dataDir: env.dataDir, db: env.db, endpoint: 'http://127.0.0.1:9944' }))).toBe('CHAIN_ENDPOINT_INVALID');
    expect(await codeOf(() => createChainRuntime({ dataDir: env.dataDir, db: env.db, endpoint: 'not a url' }))).toBe('CHAIN_ENDPOINT_INVALID');
    const unreachable = createChainRuntime({ dataDir: env.dataDir, db: env.db, endpoint: 'ws://127.0.0.1:1' });
    expect(await codeOf(() => unreachable.start())).toBe('CHAIN_NOT_CONNECTED');
    await unreachable.stop();
  });

  it('accepts the metadata the bindings were generated from (the embedded runtime)', () => {
    const file = join(import.meta.dirname, '../../../substrate-bindings/metadata/asset-hub-rococo.json');
    const report = checkCapabilities((JSON.parse(readFileSync(file, 'utf8')) as { result: string }).result);
    expect(report).toMatchObject({ ok: true, missing: [] });
  });

  it('uses a complete external chain without dev RPCs: bootstrap asks for funds, then succeeds', async () => {
    const node = new EmbeddedNode({ chainDir: join(env.dataDir, 'other-node'), autoRestart: false });
    const endpoint = await node.start();
    const chain = createChainRuntime({ dataDir: join(env.dataDir, 'console'), db: env.db, endpoint });
    try {
      await chain.start();
      expect(chain.status().connection.state).toBe('ready');
      await chain.keystore.initialize(PASSPHRASE);
      expect(await codeOf(() => chain.bootstrap())).toBe('CHAIN_NOT_BOOTSTRAPPED');
      expect(await codeOf(() => chain.fundAccounts([chain.keystore.list()[0]!.address], 1))).toBe('CHAIN_INVALID_INPUT');
      // The operator funds the accounts from a wallet (here: the test, acting as the wallet).
      const addresses = chain.keystore.list().map((k) => k.address);
      await setFreeBalances(chain.connection.api, endpoint, new Map(addresses.map((a) => [a, 10n ** 18n])));
      const result = await chain.bootstrap();
      expect(result.actions.some((a) => a.startsWith('funded'))).toBe(false);
      expect(result.actions).toContain('created equipment collection 1000');
    } finally {
      await chain.stop();
      await node.stop();
    }
  });
});
