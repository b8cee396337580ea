// Against the real embedded node: start → bootstrap → submit → finalize, nonces under parallel
// submissions, decoded dispatch errors, anchors with proofs, boundary validation, stop and resume.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChainRuntime, type ChainRuntime, type ConnectionState, type TxStatus } from '../../../src-main/core/chain/index.js';
import { assetsMint, assetsTransfer, systemRemarkWithEvent, assetBalance, assetMetadata, accountBalance } from '../../../substrate-bindings/src/index.js';
import { codeOf, PASSPHRASE, tempEnv, type TempEnv } from './helpers.js';

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

    chain = createChainRuntime({ dataDir: env.dataDir, db: env.db });
    await chain.start();
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
});
