// Regenerates the typed chain layer from the embedded node's metadata:
//   npm run chain:typegen
// 1. starts the embedded node in a temporary folder and saves its metadata
//    (metadata/asset-hub-rococo.json, the JSON of a state_getMetadata call);
// 2. runs the polkadot-js typegen tools: `polkadot-types-from-defs` (lookup types) and
//    `polkadot-types-from-chain` (api.tx / api.query / api.consts / api.events augmentation).
// Everything under interfaces/ except definitions.ts is generated: never edit it by hand.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedNode } from '../../src-main/core/chain/node/embedded-node.js';
import { rpcCall } from '../../src-main/core/chain/node/rpc-probe.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bindings = join(root, 'substrate-bindings');
const metadataFile = join(bindings, 'metadata', 'asset-hub-rococo.json');
const interfaces = join(bindings, 'interfaces');

const work = mkdtempSync(join(tmpdir(), 'coop-typegen-'));
const node = new EmbeddedNode({ chainDir: join(work, 'chain'), autoRestart: false });
try {
  const endpoint = await node.start();
  const [metadata, version] = await Promise.all([
    rpcCall(endpoint, 'state_getMetadata', [], 30_000),
    rpcCall(endpoint, 'state_getRuntimeVersion', [], 30_000),
  ]);
  writeFileSync(metadataFile, `${JSON.stringify({ jsonrpc: '2.0', id: 1, result: metadata })}\n`);
  console.log(`metadata of ${JSON.stringify((version as { specName?: string }).specName)} ${(version as { specVersion?: number }).specVersion} → ${relative(root, metadataFile)}`);
} finally {
  await node.stop();
  rmSync(work, { recursive: true, force: true });
}

const bin = (name: string): string => join(root, 'node_modules', '.bin', name);
const run = (name: string, args: string[]): void => {
  const result = spawnSync(process.execPath, [bin(name), ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${name} failed with status ${result.status}`);
};
const pkg = '@coop/substrate-bindings/interfaces';
const endpointArg = relative(root, metadataFile);
run('polkadot-types-from-defs', ['--package', pkg, '--input', relative(root, interfaces), '--endpoint', endpointArg]);
run('polkadot-types-from-chain', ['--package', pkg, '--endpoint', endpointArg, '--output', relative(root, interfaces), '--strict']);
console.log(`types generated in ${relative(root, interfaces)}`);
