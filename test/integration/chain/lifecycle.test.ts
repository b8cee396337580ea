// Against the real embedded node: start → bootstrap → submit → finalize, nonces under parallel
// submissions, decoded dispatch errors, anchors with proofs, boundary validation, stop and resume.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChainRuntime, type ChainRuntime, type ConnectionState, type TxStatus } from '../../../src-main/core/chain/index.js';
import { assetsMint, assetsTransfer, systemRemarkWithEvent, assetBalance, assetMetadata, accountBalance, multisigAddress, multisigAsMulti, multisigPending, uniquesAttribute, uniquesItemOwner } from '../../../substrate-bindings/src/index.js';
import { codeOf, PASSPHRASE, tempEnv, type TempEnv } from './helpers.js';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { RUNTIME_CODE_KEY } from '../../../src-main/core/chain/node/node-db-compaction.js';

/** Stored blocks of the node's own database, and how many of them carry a copy of the runtime code. */
function storedRuntimeCopies(file: string): { blocks: number; copies: number; bytes: number } {
  const bytes = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
  const db = new Database(file, { readonly: true });
  try {
    const blocks = (db.prepare('SELECT count(*) AS n FROM block').get() as { n: number }).n;
    const copies = (db.prepare(`SELECT count(*) AS n FROM block WHERE instr(storageDiff, '"${RUNTIME_CODE_KEY}":') > 0`).get() as { n: number }).n;
    return { blocks, copies, bytes };
  } finally {
    db.close();
  }
}

let env: TempEnv;
let chain: ChainRuntime;
const states: ConnectionState[] = [];

beforeAll(async () => {
  env = tempEnv('chain-life');
  chain = createChainRuntime({ dataDir: env.dataDir, db: env.db });
  chain.on('connection', (s) => states.push(s.state));
  await chain.start();
  await chain.keystore.initialize(PASSPHRASE);
});

afterAll(async () => {
  await chain?.stop();
  env?.cleanup();
});

describe('embedded chain node', () => {
  it('starts on loopback, passes the capability check and reports ready', () => {
    const status = chain.status();
    expect(status.node?.state).toBe('running');
    expect(status.node?.endpoint).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(status.connection.state).toBe('ready');
    expect(states).toEqual(['connecting', 'ready']);
    expect(status.connection.identity?.specName).toBe('statemine');
  });

  it('bootstraps the cooperative idempotently', async () => {
    const first = await chain.bootstrap({ currency: 'KES' });
    expect(first.actions.some((a) => a.startsWith('created asset 1000'))).toBe(true);
    const api = chain.connection.api;
    expect(await assetMetadata(api, first.energyCredit.assetId)).toEqual({ name: 'Energy credit (KES)', symbol: 'EC-KES', decimals: 2 });
    expect((await assetMetadata(api, first.greenToken.assetId)).decimals).toBe(3);
    const second = await chain.bootstrap({ currency: 'KES' });
    expect(second.actions).toEqual([]);
    expect(second.issuer).toBe(first.issuer);
    expect(chain.setup()?.collections).toEqual({ equipment: 1000, agreements: 1001 });
  });

  it('submits, reports queued → broadcast → inBlock → finalized, and the effect is on chain', async () => {
    const setup = chain.setup()!;
    const api = chain.connection.api;
    const seen: TxStatus['kind'][] = [];
    const outcome = await chain.tx.submit(assetsMint(api, setup.energyCredit.assetId, setup.treasury, 1_000_000n), setup.issuer, { onStatus: (s) => seen.push(s.kind) });
    expect(outcome.kind).toBe('finalized');
    expect(seen).toEqual(['queued', 'broadcast', 'inBlock', 'finalized']);
    expect(await assetBalance(api, setup.energyCredit.assetId, setup.treasury)).toBe(1_000_000n);
  });

  it('gives parallel submissions from one account distinct nonces; all land', async () => {
    const setup = chain.setup()!;
    const api = chain.connection.api;
    const member = (await chain.keystore.create('Member 1', 'member')).address;
    await chain.fundAccounts([member], 10n ** 12n);
    const before = (await accountBalance(api, setup.treasury)).nonce;
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => chain.tx.submit(assetsTransfer(api, setup.energyCredit.assetId, member, BigInt(i + 1)), setup.treasury)),
    );
    expect(outcomes.map((o) => o.kind)).toEqual(Array(12).fill('finalized'));
    expect((await accountBalance(api, setup.treasury)).nonce).toBe(before + 12);
    expect(await assetBalance(api, setup.energyCredit.assetId, member)).toBe(78n); // 1 + 2 + … + 12
  });

  it('decodes a dispatch error to section.name with its documentation', async () => {
    const setup = chain.setup()!;
    const api = chain.connection.api;
    const outcome = await chain.tx.submit(assetsTransfer(api, setup.energyCredit.assetId, setup.issuer, 10n ** 15n), setup.treasury);
    expect(outcome.kind).toBe('failed');
    if (outcome.kind !== 'failed') return;
    expect(outcome.error.name).toBe('assets.BalanceLow');
    expect(outcome.error.docs.length).toBeGreaterThan(5);
    expect(outcome.blockHash).toMatch(/^0x/);
  });

  it('anchors a Merkle root through the outbox and verifies inclusion proofs against block events', async () => {
    const setup = chain.setup()!;
    const records = Array.from({ length: 7 }, (_, i) => ({ key: `reading:m1:${i}`, data: `m1|2026-11-01T00:${String(i * 15).padStart(2, '0')}Z|import=${100 + i}Wh` }));
    const anchor = chain.anchors.anchor({ subject: 'readings', records, signer: setup.treasury, reference: 'readings:m1:batch1' });
    const done = await chain.outbox.waitFor(anchor.outboxId, 60_000);
    expect(done.status).toBe('finalized');
    const proof = chain.anchors.proof(anchor.id, 'reading:m1:3');
    expect(await chain.anchors.verify(proof, records[3]!.data)).toEqual({ valid: true, reason: null });
    const tampered = await chain.anchors.verify(proof, records[3]!.data.replace('103Wh', '999Wh'));
    expect(tampered.valid).toBe(false);
    expect(await chain.anchors.verify({ ...proof, sender: setup.issuer }, records[3]!.data)).toMatchObject({ valid: false });
    // The same reference does not anchor twice.
    expect(chain.anchors.anchor({ subject: 'readings', records, signer: setup.treasury, reference: 'readings:m1:batch1' }).id).toBe(anchor.id);
  });

  it('registers equipment as a Uniques item with attributes through one atomic outbox batch', async () => {
    const setup = chain.setup()!;
    const api = chain.connection.api;
    const collection = setup.collections.equipment;
    const record = chain.outbox.enqueue(
      {
        kind: 'batchAll',
        calls: [
          { kind: 'uniquesMint', collectionId: collection, itemId: 7, owner: setup.treasury },
          { kind: 'uniquesSetAttribute', collectionId: collection, itemId: 7, key: 'type', value: 'solar' },
          { kind: 'uniquesSetAttribute', collectionId: collection, itemId: 7, key: 'capacityW', value: '5000' },
          { kind: 'uniquesSetMetadata', collectionId: collection, itemId: 7, data: `terms:0x${'ab'.repeat(32)}`, frozen: false },
        ],
      },
      { signer: setup.issuer, reference: 'equipment:7' },
    );
    expect((await chain.outbox.waitFor(record.id, 60_000)).status).toBe('finalized');
    expect(await uniquesItemOwner(api, collection, 7)).toBe(setup.treasury);
    expect(await uniquesAttribute(api, collection, 7, 'type')).toBe('solar');
    expect(await uniquesAttribute(api, collection, 7, 'capacityW')).toBe('5000');
    // Atomic: minting the same item again fails as a whole and records the decoded error.
    const again = chain.outbox.enqueue(
      { kind: 'batchAll', calls: [{ kind: 'uniquesSetAttribute', collectionId: collection, itemId: 7, key: 'site', value: 'north' }, { kind: 'uniquesMint', collectionId: collection, itemId: 7, owner: setup.issuer }] },
      { signer: setup.issuer },
    );
    const failed = await chain.outbox.waitFor(again.id, 60_000);
    expect(failed.status).toBe('failed');
    expect(failed.errorName).toBe('uniques.AlreadyExists');
    expect(await uniquesAttribute(api, collection, 7, 'site')).toBeNull();
  });

  it('co-signs with Multisig: the transfer runs only after both parties approved', async () => {
    const setup = chain.setup()!;
    const api = chain.connection.api;
    const host = (await chain.keystore.create('Host member', 'member')).address;
    const owner = setup.treasury;
    const shared = multisigAddress([owner, host], 2);
    await chain.fundAccounts([host, shared], 10n ** 13n);
    const ec = setup.energyCredit.assetId;
    expect((await chain.tx.submit(assetsMint(api, ec, shared, 500n), setup.issuer)).kind).toBe('finalized');
    const payout = assetsTransfer(api, ec, host, 200n);

    const first = await chain.tx.submit(multisigAsMulti(api, 2, [host], null, payout), owner);
    expect(first.kind).toBe('finalized');
    if (first.kind !== 'finalized') return;
    expect(first.events.some((e) => e.section === 'multisig' && e.method === 'NewMultisig')).toBe(true);
    const pending = await multisigPending(api, shared, payout.method.hash.toHex());
    expect(pending?.approvals).toEqual([owner]);
    expect(await assetBalance(api, ec, host)).toBe(0n);

    const second = await chain.tx.submit(multisigAsMulti(api, 2, [owner], { height: pending!.height, index: pending!.index }, payout), host);
    expect(second.kind).toBe('finalized');
    if (second.kind !== 'finalized') return;
    expect(second.events.some((e) => e.section === 'multisig' && e.method === 'MultisigExecuted')).toBe(true);
    expect(await assetBalance(api, ec, host)).toBe(200n);
    expect(await multisigPending(api, shared, payout.method.hash.toHex())).toBeNull();
  });

  it('refuses malformed addresses and amounts at the service boundary with clear codes', async () => {
    const setup = chain.setup()!;
    const ec = setup.energyCredit.assetId;
    const enqueue = (intent: unknown) => () => chain.outbox.enqueue(intent as never, { signer: setup.treasury });
    expect(await codeOf(enqueue({ kind: 'assetTransfer', assetId: ec, to: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', amount: '12.5' }))).toBe('CHAIN_INVALID_AMOUNT');
    expect(await codeOf(enqueue({ kind: 'assetTransfer', assetId: ec, to: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQX', amount: 5 }))).toBe('CHAIN_INVALID_ADDRESS');
    expect(await codeOf(enqueue({ kind: 'assetTransfer', assetId: ec, to: setup.issuer, amount: -5 }))).toBe('CHAIN_INVALID_AMOUNT');
    expect(await codeOf(enqueue({ kind: 'assetTransfer', assetId: -1, to: setup.issuer, amount: 5 }))).toBe('CHAIN_INVALID_INPUT');
    expect(await codeOf(enqueue({ kind: 'teleport', to: setup.issuer }))).toBe('CHAIN_INVALID_INPUT');
    expect(await codeOf(() => chain.outbox.enqueue({ kind: 'remark', remark: 'x' }, { signer: 'not-an-address' }))).toBe('CHAIN_INVALID_ADDRESS');
    expect(await codeOf(() => chain.tx.submit(systemRemarkWithEvent(chain.connection.api, 'x'), '0x1234'))).toBe('CHAIN_INVALID_ADDRESS');
    expect(await codeOf(() => chain.fundAccounts([setup.issuer], 1.5))).toBe('CHAIN_INVALID_AMOUNT');
    expect(chain.outbox.repository.counts().pending).toBe(0);
  });

  it('stops and resumes with head, balances, nonces and outbox intact', async () => {
    const setup = chain.setup()!;
    const api = chain.connection.api;
    const head = chain.connection.head!.number;
    const nonce = (await accountBalance(api, setup.treasury)).nonce;
    const credit = await assetBalance(api, setup.energyCredit.assetId, setup.treasury);
    await chain.stop();
    expect(chain.status().node?.state).toBe('stopped');
    // chopsticks stored a copy of the 1.2 MB runtime with every block that carried extrinsics.
    const nodeDb = join(env.dataDir, 'chain', 'db.sqlite');
    const before = storedRuntimeCopies(nodeDb);
    expect(before.copies).toBeGreaterThan(5);

    chain = createChainRuntime({ dataDir: env.dataDir, db: env.db });
    await chain.start();
    // The start compacted them away (the checks below prove the resumed chain is intact).
    const after = storedRuntimeCopies(nodeDb);
    expect(after.copies).toBe(0);
    expect(after.blocks).toBeGreaterThanOrEqual(before.blocks);
    expect(statSync(nodeDb).size).toBeLessThan(before.bytes / 3);
    console.log(`node database: ${before.blocks} blocks, ${(before.bytes / 1e6).toFixed(1)} MB → ${(statSync(nodeDb).size / 1e6).toFixed(1)} MB after compaction`);
    expect(await codeOf(() => chain.keystore.unlock('not the passphrase'))).toBe('KEYSTORE_WRONG_PASSPHRASE');
    expect(await codeOf(() => chain.tx.submit(systemRemarkWithEvent(chain.connection.api, 'locked'), setup.treasury))).toBe('KEYSTORE_LOCKED');
    await chain.keystore.unlock(PASSPHRASE);
    const api2 = chain.connection.api;
    expect(chain.connection.head!.number).toBeGreaterThanOrEqual(head);
    expect((await accountBalance(api2, setup.treasury)).nonce).toBe(nonce);
    expect(await assetBalance(api2, setup.energyCredit.assetId, setup.treasury)).toBe(credit);
    expect((await chain.bootstrap({ currency: 'KES' })).actions).toEqual([]);
    const again = await chain.tx.submit(assetsTransfer(api2, setup.energyCredit.assetId, setup.issuer, 1n), setup.treasury);
    expect(again.kind).toBe('finalized');
  });

  it('a node stopped right after a block was finalized comes back with that block', async () => {
    // chopsticks announces a block before it writes it; a clean stop waits for the write.
    const setup = chain.setup()!;
    for (let round = 0; round < 4; round += 1) {
      const outcome = await chain.tx.submit(systemRemarkWithEvent(chain.connection.api, `coop-test:stop-after-block:${round}`), setup.treasury);
      if (outcome.kind !== 'finalized') throw new Error(`round ${round}: ${outcome.kind}`);
      await chain.node!.stop();
      await chain.node!.start();
      await waitForReady(chain);
      const api = chain.connection.api;
      expect((await api.rpc.chain.getBlockHash(outcome.blockNumber)).toHex()).toBe(outcome.blockHash);
    }
  });
});

async function waitForReady(runtime: ChainRuntime): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (runtime.connection.status.state !== 'ready') {
    if (Date.now() > deadline) throw new Error('the connection did not become ready again');
    await new Promise((r) => setTimeout(r, 50));
  }
}
