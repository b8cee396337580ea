// The outbox under failure: the node is killed (SIGKILL) in the middle of a batch of submissions
// and restarted by the console; then the console itself is torn down mid-batch and a fresh one
// opens the same database. Afterwards every outbox record must have landed exactly once.
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blake2AsHex } from '@polkadot/util-crypto';
import { createChainRuntime, type ChainRuntime } from '../../../src-main/core/chain/index.js';
import { remarkedEventsAt } from '../../../substrate-bindings/src/index.js';
import { PASSPHRASE, tempEnv, type TempEnv } from './helpers.js';

let env: TempEnv;
let chain: ChainRuntime;
let treasury: string;

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** How often each remark text appears as a system.Remarked event from `sender`, over the whole chain. */
async function remarkCounts(runtime: ChainRuntime, sender: string, remarks: readonly string[]): Promise<number[]> {
  const api = runtime.connection.api;
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  const seen = new Map<string, number>();
  for (let n = 1; n <= head; n += 1) {
    const hash = (await api.rpc.chain.getBlockHash(n)).toHex();
    for (const e of await remarkedEventsAt(api, hash)) if (e.sender === sender) seen.set(e.hash, (seen.get(e.hash) ?? 0) + 1);
  }
  return remarks.map((r) => seen.get(blake2AsHex(r, 256)) ?? 0);
}

beforeAll(async () => {
  env = tempEnv('chain-crash');
  chain = createChainRuntime({ dataDir: env.dataDir, db: env.db, outbox: { reconcileIntervalMs: 2_000 } });
  await chain.start();
  await chain.keystore.initialize(PASSPHRASE);
  treasury = (await chain.bootstrap()).treasury;
  trace(chain);
});

// CHAIN_DEBUG=<file> appends what the chain layer reports, to see where a recovery got stuck.
function trace(runtime: ChainRuntime): void {
  const file = process.env['CHAIN_DEBUG'];
  if (!file) return;
  const log = (...parts: unknown[]): void => appendFileSync(file, `${new Date().toISOString()} ${parts.map(String).join(' ')}\n`);
  runtime.on('node', (s) => log('node', s.state, s.endpoint, s.lastError));
  runtime.on('connection', (s) => log('connection', s.state, s.error));
  runtime.on('outboxBlocked', (r) => log('blocked', r.reason));
  runtime.on('outbox', (r) => log('outbox', r.id, r.status, r.nonce, r.errorName, r.errorDocs));
  runtime.on('tx', (e) => log('tx', e.ref, e.status.kind, 'reason' in e.status ? e.status.reason : '', 'error' in e.status ? e.status.error.name : ''));
}

afterAll(async () => {
  await chain?.stop();
  env?.cleanup();
});

describe('outbox crash recovery against the real node', { timeout: 300_000 }, () => {
  it('node killed mid-batch: it is restarted, and every record lands exactly once', async () => {
    const remarks = Array.from({ length: 24 }, (_, i) => `coop-test:node-kill:${i}`);
    const ids = remarks.map((remark, i) => chain.outbox.enqueue({ kind: 'anchor', remark }, { signer: treasury, reference: `kill:${i}` }).id);
    await until(() => chain.outbox.repository.counts().finalized >= 6, 90_000, 'the first records to land');
    const pid = chain.node!.pid!;
    process.kill(pid, 'SIGKILL');
    await until(() => chain.status().node?.state === 'restarting', 10_000, 'the console to notice the dead node');
    await until(() => chain.status().node?.state === 'running' && chain.node!.pid !== pid, 60_000, 'the node to be restarted');
    await chain.outbox.drain(180_000);
    for (const id of ids) expect(chain.outbox.repository.get(id)?.status).toBe('finalized');
    expect(await remarkCounts(chain, treasury, remarks)).toEqual(remarks.map(() => 1));
  });

  it('console torn down mid-batch: a fresh console on the same database settles every record exactly once', async () => {
    const remarks = Array.from({ length: 16 }, (_, i) => `coop-test:console-crash:${i}`);
    const ids = remarks.map((remark, i) => chain.outbox.enqueue({ kind: 'anchor', remark }, { signer: treasury, reference: `console:${i}` }).id);
    await until(() => ids.filter((id) => chain.outbox.repository.get(id)?.status === 'finalized').length >= 3, 90_000, 'some records to land');
    // Abandon the console's memory (pool watchers, nonce counters) while rows are in flight.
    await chain.stop();
    const unsettled = ids.filter((id) => chain.outbox.repository.get(id)?.status !== 'finalized').length;
    expect(unsettled).toBeGreaterThan(0);

    chain = createChainRuntime({ dataDir: env.dataDir, db: env.db, outbox: { reconcileIntervalMs: 2_000 } });
    trace(chain);
    await chain.start();
    await chain.keystore.unlock(PASSPHRASE);
    chain.outbox.kick();
    await chain.outbox.drain(180_000);
    for (const id of ids) expect(chain.outbox.repository.get(id)?.status).toBe('finalized');
    expect(await remarkCounts(chain, treasury, remarks)).toEqual(remarks.map(() => 1));
  });

  it('records wait while the node is down and go out when it is back', async () => {
    await chain.node!.stop();
    await until(() => chain.status().connection.state !== 'ready', 10_000, 'the console to see the node gone');
    const remarks = ['coop-test:offline:0', 'coop-test:offline:1', 'coop-test:offline:2'];
    const ids = remarks.map((remark) => chain.outbox.enqueue({ kind: 'anchor', remark }, { signer: treasury }).id);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(ids.map((id) => chain.outbox.repository.get(id)?.status)).toEqual(['pending', 'pending', 'pending']);
    await chain.node!.start();
    await chain.outbox.drain(120_000);
    expect(await remarkCounts(chain, treasury, remarks)).toEqual([1, 1, 1]);
  });

  it('a stored extrinsic whose nonce was taken by another one is signed afresh and lands once', async () => {
    const api = chain.connection.api;
    const remark = 'coop-test:nonce-taken';
    const nonce = (await api.rpc.system.accountNextIndex(treasury)).toNumber();
    const signed = await chain.tx.sign(api.tx.system.remarkWithEvent(remark), treasury, nonce);
    // Simulates a crash right after the bytes were stored and before they were sent.
    const { record } = chain.outbox.repository.insert({ kind: 'anchor', remark }, treasury, null);
    expect(chain.outbox.repository.markSigned(record.id, signed)).toBe(true);
    // Meanwhile another extrinsic uses that nonce.
    const other = await chain.tx.submit(api.tx.system.remarkWithEvent('coop-test:nonce-thief'), treasury);
    expect(other.kind).toBe('finalized');
    // The outbox also reconciles on its own (timer, reconnects), so this call may find the work
    // already done: what must hold is the outcome below — signed afresh with a later nonce, landed once.
    await chain.outbox.reconcile();
    chain.outbox.kick();
    const settled = await chain.outbox.waitFor(record.id, 60_000);
    expect(settled.status).toBe('finalized');
    expect(settled.nonce).toBeGreaterThan(nonce);
    expect(await remarkCounts(chain, treasury, [remark])).toEqual([1]);
  });

  it('a freshly signed record whose nonce was taken outside the counter is signed again, not failed', async () => {
    const api = chain.connection.api;
    // Prime the counter: after this it hands out the next nonce without asking the node.
    expect((await chain.tx.submit(api.tx.system.remarkWithEvent('coop-test:prime'), treasury)).kind).toBe('finalized');
    const taken = (await api.rpc.system.accountNextIndex(treasury)).toNumber();
    // Something the counter does not see uses that nonce (after a node restart, a resent extrinsic does).
    const outside = chain.tx.send(await chain.tx.sign(api.tx.system.remarkWithEvent('coop-test:outside'), treasury, taken));
    await outside.accepted;
    await outside.done;
    const remark = 'coop-test:fresh-after-stale';
    const record = chain.outbox.enqueue({ kind: 'anchor', remark }, { signer: treasury });
    const settled = await chain.outbox.waitFor(record.id, 60_000);
    expect(settled.status).toBe('finalized');
    expect(settled.nonce).toBeGreaterThan(taken);
    expect(await remarkCounts(chain, treasury, [remark])).toEqual([1]);
  });
});
