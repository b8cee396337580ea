// Settlement chain mirror benchmark (`npm run bench -- settlement`), on one embedded node:
// one site-month of 2,000 members (about two thirds net to a credit) posted and mirrored through
// the outbox — the anchor of every statement line plus the credits as Assets transfers in chunked
// utility.batchAll. Targets: the credits need ≤ ceil(N / batch size) extrinsics, and their
// throughput (enqueue → every row finalized) is ≥ 0.5 × a raw pipelined submit of batchAll calls
// of the same transfers from another account on the same node (test/bench/raw-send.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { openDatabase } from '../../src-main/core/db/connection.js';
import { createChainRuntime, type ChainRuntime } from '../../src-main/core/chain/index.js';
import { enqueueSettlementMirrorInput, MIRROR_BATCH_CALLS, settlementMirrorState } from '../../src-main/core/settlement/mirror/index.js';
import { assetsMint, assetsTransfer, utilityBatchAll } from '../../substrate-bindings/src/index.js';
import { insertMembersWithAccounts, mirrorInput } from '../integration/settlement/mirror-fixture.js';
import { measured, saveBenchRecords } from './report.js';
import { rawSend } from './raw-send.js';

const MEMBERS = Number(process.env['SETTLEMENT_BENCH_MEMBERS'] ?? 2_000);
const dataDir = mkdtempSync(join(tmpdir(), 'coop-settlement-mirror-bench-'));
const db = openDatabase({ file: join(dataDir, 'console.sqlite') });
const seconds = (from: number): number => (performance.now() - from) / 1000;

let chain: ChainRuntime | null = null;
try {
  chain = createChainRuntime({ dataDir, db, outbox: { reconcileIntervalMs: 2_000 }, nodeStartTimeoutMs: 300_000 });
  await chain.start();
  await chain.keystore.initialize('benchmark passphrase');
  const setup = await chain.bootstrap({ currency: 'KES' });
  const api = chain.connection.api;
  const { memberIds, addresses } = insertMembersWithAccounts(db, MEMBERS, 'bench');
  const raw = new Keyring({ type: 'sr25519' }).addFromUri('//CoopSettlementBenchRaw');
  await chain.fundAccounts([raw.address, ...addresses], 10n ** 12n);
  const asset = setup.energyCredit.assetId;
  const input = mirrorInput(7, memberIds);
  const credits = input.movements.filter((m) => m.amount > 0);
  const addressOf = new Map(memberIds.map((id, i) => [id, addresses[i] as string]));
  const total = credits.reduce((s, m) => s + BigInt(m.amount), 0n);
  const minted = await chain.tx.submit(assetsMint(api, asset, raw.address, total), setup.issuer);
  if (minted.kind !== 'finalized') throw new Error(`minting the raw account's credits ended ${minted.kind}`);

  // Raw baseline: the same transfers, batchAll chunks of the same size, pipelined by hand.
  const perChunk = MIRROR_BATCH_CALLS - 1;
  const rawBatches = [];
  for (let i = 0; i < credits.length; i += perChunk) {
    rawBatches.push(utilityBatchAll(api, credits.slice(i, i + perChunk).map((m) => assetsTransfer(api, asset, addressOf.get(m.memberId) as string, BigInt(m.amount)))));
  }
  let t = performance.now();
  await rawSend(api, raw, chain.connection.signingGenesisHash, rawBatches);
  const rawRate = credits.length / seconds(t);

  // The console: the posting's transaction records the mirror; the outbox sends it.
  t = performance.now();
  const result = db.transaction(() => enqueueSettlementMirrorInput(db, input))();
  const enqueueMs = performance.now() - t;
  if (!result.queued) throw new Error('the mirror was not queued');
  chain.outbox.kick();
  await chain.outbox.drain(600_000);
  const mirrorSeconds = seconds(t);
  const state = settlementMirrorState(db, 7);
  if (state.status !== 'done') throw new Error(`mirror ended ${state.status}: ${state.errors.join(', ')}`);
  const mirrorRate = credits.length / mirrorSeconds;
  const bound = Math.ceil(credits.length / MIRROR_BATCH_CALLS);

  console.log(`settlement mirror: ${MEMBERS} members, ${input.lines.length} statement lines anchored, ${credits.length} credits; raw baseline ${rawBatches.length} batchAll from another account`);
  saveBenchRecords([
    measured(`settlement.mirror.extrinsics (${credits.length} credits, batch ${MIRROR_BATCH_CALLS} calls incl. the chunk's mint; +1 anchor)`, result.chunks, 'extrinsics', { target: `<= ceil(N / ${MIRROR_BATCH_CALLS}) = ${bound}`, pass: result.chunks <= bound, digits: 0 }),
    measured('settlement.mirror.enqueue', enqueueMs, 'ms', { digits: 0 }),
    measured('settlement.mirror.throughput', mirrorRate, 'transfers/s', { baseline: rawRate, target: '>= 0.5', pass: mirrorRate / rawRate >= 0.5 }),
    measured('settlement.mirror.total', mirrorSeconds, 's', { digits: 1 }),
  ]);
} finally {
  await chain?.stop();
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
}
