// Chain benchmark (`npm run bench`, or `tsx test/bench/chain.bench.ts`), all on one embedded node:
//  - node cold start and resume times;
//  - anchors/s and asset transfers/s through the console's transaction service versus raw
//    @polkadot/api signAndSend from another account in the same run (target ratio ≥ 0.5);
//  - anchors/s through the outbox (recorded in SQLite first) versus the same raw baseline;
//  - time to settle 2,000 credit transfers through chunked utility.batchAll.
// Every figure waits for finalization; each goes to test-results/bench.json (see report.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { openDatabase } from '../../src-main/core/db/connection.js';
import { createChainRuntime, type ChainRuntime } from '../../src-main/core/chain/index.js';
import { EmbeddedNode } from '../../src-main/core/chain/node/embedded-node.js';
import { compactNodeDatabase, genesisRuntimeCode } from '../../src-main/core/chain/node/node-db-compaction.js';
import { measured, saveBenchRecords } from './report.js';
import { rawSend } from './raw-send.js';
import { assetsMint, assetsTransfer, systemRemarkWithEvent, utilityBatchAll, type Extrinsic } from '../../substrate-bindings/src/index.js';

const N = Number(process.env['CHAIN_BENCH_N'] ?? 24);
const SETTLE = 2_000;
const dataDir = mkdtempSync(join(tmpdir(), 'coop-chain-bench-'));
const db = openDatabase({ file: join(dataDir, 'console.sqlite') });
const seconds = (from: number): number => (performance.now() - from) / 1000;

/** This runtime still uses one-dimensional weights (u64); newer ones use { refTime, proofSize }. */
function refTime(weight: unknown): bigint {
  const w = weight as { refTime?: { toBigInt(): bigint }; toBigInt?: () => bigint };
  if (w.refTime) return w.refTime.toBigInt();
  if (w.toBigInt) return w.toBigInt();
  throw new Error('unknown weight type');
}

async function serviceSend(chain: ChainRuntime, signer: string, calls: Extrinsic[]): Promise<void> {
  const outcomes = await Promise.all(calls.map((call) => chain.tx.submit(call, signer)));
  const bad = outcomes.find((o) => o.kind !== 'finalized');
  if (bad) throw new Error(`service submission ended ${bad.kind}: ${JSON.stringify(bad)}`);
}

let chain: ChainRuntime | null = null;
try {
  // ---- cold start ----
  let t = performance.now();
  chain = createChainRuntime({ dataDir, db });
  await chain.start();
  const coldStartMs = performance.now() - t;
  await chain.keystore.initialize('benchmark passphrase');
  const setup = await chain.bootstrap();
  const api = chain.connection.api;
  const genesisHash = chain.connection.signingGenesisHash;
  const members = await Promise.all(Array.from({ length: 20 }, (_, i) => chain!.keystore.create(`Member ${i}`, 'member')));
  const raw = new Keyring({ type: 'sr25519' }).addFromUri('//CoopBenchRaw');
  await chain.fundAccounts([raw.address, ...members.map((m) => m.address)], 10n ** 15n);
  const ec = setup.energyCredit.assetId;
  await serviceSend(chain, setup.issuer, [utilityBatchAll(api, [assetsMint(api, ec, setup.treasury, 10n ** 12n), assetsMint(api, ec, raw.address, 10n ** 12n)])]);

  // Warm-up (JIT, runtime caches) so neither side pays for the first blocks.
  await serviceSend(chain, setup.treasury, [systemRemarkWithEvent(api, 'warm-up')]);
  await rawSend(api, raw, genesisHash, [api.tx.system.remarkWithEvent('warm-up')]);

  // ---- anchors/s ----
  t = performance.now();
  await rawSend(api, raw, genesisHash, Array.from({ length: N }, (_, i) => systemRemarkWithEvent(api, `coop-anchor:v1:bench:raw-${i}`)));
  const rawAnchors = N / seconds(t);
  t = performance.now();
  await serviceSend(chain, setup.treasury, Array.from({ length: N }, (_, i) => systemRemarkWithEvent(api, `coop-anchor:v1:bench:svc-${i}`)));
  const svcAnchors = N / seconds(t);
  t = performance.now();
  const ids = Array.from({ length: N }, (_, i) => chain!.anchors.anchor({ subject: 'bench', records: [{ key: `r${i}`, data: `record ${i}` }], signer: setup.treasury }).outboxId);
  for (const id of ids) if ((await chain.outbox.waitFor(id, 300_000)).status !== 'finalized') throw new Error(`outbox row ${id} failed`);
  const outboxAnchors = N / seconds(t);

  // ---- asset transfers/s ----
  const to = (i: number): string => members[i % members.length]!.address;
  t = performance.now();
  await rawSend(api, raw, genesisHash, Array.from({ length: N }, (_, i) => assetsTransfer(api, ec, to(i), 1n)));
  const rawTransfers = N / seconds(t);
  t = performance.now();
  await serviceSend(chain, setup.treasury, Array.from({ length: N }, (_, i) => assetsTransfer(api, ec, to(i), 1n)));
  const svcTransfers = N / seconds(t);

  // ---- 2,000 credit transfers through chunked utility.batchAll ----
  const transfers = Array.from({ length: SETTLE }, (_, i) => assetsTransfer(api, ec, to(i), 1n + BigInt(i % 7)));
  const maxExtrinsic = refTime(api.consts.system.blockWeights.perClass.normal.maxExtrinsic.unwrap());
  const probe = await utilityBatchAll(api, transfers.slice(0, 50)).paymentInfo(setup.treasury);
  const perTransfer = refTime(probe.weight) / 50n;
  // Stay at 60 % of the per-extrinsic limit so a batch always fits next to other traffic.
  const chunk = Math.max(1, Math.min(500, Number((maxExtrinsic * 6n) / 10n / perTransfer)));
  const batches: Extrinsic[] = [];
  for (let i = 0; i < SETTLE; i += chunk) batches.push(utilityBatchAll(api, transfers.slice(i, i + chunk)));
  t = performance.now();
  await serviceSend(chain, setup.treasury, batches);
  const settleSeconds = seconds(t);

  // ---- resume ----
  const head = chain.connection.head?.number ?? 0;
  await chain.stop();
  chain = null;
  // Every start compacts first; timed on its own here so the resume figure is the node's alone.
  const chainDir = join(dataDir, 'chain');
  const compaction = compactNodeDatabase(join(chainDir, 'db.sqlite'), genesisRuntimeCode(join(chainDir, 'spec.json')));
  const node = new EmbeddedNode({ chainDir, autoRestart: false });
  t = performance.now();
  await node.start();
  const resumeMs = performance.now() - t;
  await node.stop();

  console.log(`chain benchmark: ${N} extrinsics per measurement, chopsticks Instant mode, every figure waits for finalization`);
  console.log(`node db compaction dropped ${compaction.blocksCompacted} runtime copies: ${(compaction.bytesBefore / 1e6).toFixed(1)} MB → ${(compaction.bytesAfter / 1e6).toFixed(1)} MB`);
  saveBenchRecords([
    measured('chain.node.cold-start', coldStartMs, 'ms', { digits: 0 }),
    measured('chain.node.db-compaction', compaction.ms, 'ms', { digits: 0 }),
    measured(`chain.node.resume (${head} blocks)`, resumeMs, 'ms', { digits: 0 }),
    measured('chain.anchors.service', svcAnchors, 'anchors/s', { baseline: rawAnchors, target: '>= 0.5', pass: svcAnchors / rawAnchors >= 0.5 }),
    measured('chain.anchors.outbox', outboxAnchors, 'anchors/s', { baseline: rawAnchors, target: '>= 0.5', pass: outboxAnchors / rawAnchors >= 0.5 }),
    measured('chain.transfers.service', svcTransfers, 'transfers/s', { baseline: rawTransfers, target: '>= 0.5', pass: svcTransfers / rawTransfers >= 0.5 }),
    measured(`chain.settle.${SETTLE}-transfers (${batches.length} batchAll of <= ${chunk})`, settleSeconds, 's'),
  ]);
} finally {
  await chain?.stop();
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
}
