// Abandoned proposals cancel their pending Multisig on the REAL embedded node (one node for this
// file): the cooperative (depositor) sends multisig.cancelAsMulti (+ removes the proxy), the Multisig
// is gone from multisig.multisigs and the cooperative's reserved balance is back where it was; nothing
// is sent when the Multisig is already gone; a cancellation decided while the node is down goes out
// when it is back; an approval that runs the call before the cancellation wins and is adopted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { encodeAddress } from '@polkadot/util-crypto';
import type { OperatorPublic } from '../../../src-main/contract/index.js';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { CooperativeRepo } from '../../../src-main/core/cooperative/cooperative-repo.js';
import { buildMarketServices, type MarketServices } from '../../../src-main/core/marketplace/market-services.js';
import { ChainAgreementRegistrar } from '../../../src-main/core/agreements/chain-registrar.js';
import { MemberAccountsService } from '../../../src-main/core/members-chain/member-accounts-service.js';
import { createChainRuntime, type ChainRuntime } from '../../../src-main/core/chain/index.js';
import { systemClock } from '../../../src-main/core/platform/clock.js';
import { multisigCancelAsMulti, uniquesItemOwner } from '../../../substrate-bindings/src/index.js';
import { initializeCooperative } from '../../support/core-setup.js';
import { makeTempDir } from '../../support/temp-dir.js';

const PASSPHRASE = 'village microgrid 2026';
const PIN = { owner: '2468', host: '1357' };
const temp = makeTempDir('coop-agr-cancel-');
let core: Core;
let chain: ChainRuntime;
let market: MarketServices;
let registrar: ChainAgreementRegistrar;
let admin: OperatorPublic;
const ids = { site: 0, owner: 0, host: 0, solar: 0 };

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ss58 = (publicKey: Uint8Array) => encodeAddress(publicKey, 42);
const issuer = () => chain.setup()!.issuer;
const api = () => chain.connection.api;
const reserved = async (address: string) => (await api().query.system.account(address)).data.reserved.toBigInt();
const nonce = async (address: string) => (await api().query.system.account(address)).nonce.toNumber();
const pendingOnChain = async (multisig: string, callHash: string) => (await api().query.multisig.multisigs(multisig, callHash)).isSome;
const cancellation = (agreementId: number) => market.agreements.get(agreementId).cancellations[0];
const settled = (agreementId: number, timeoutMs = 60_000) => waitUntil(() => cancellation(agreementId)?.state !== 'pending', timeoutMs, `the cancellation of agreement ${agreementId}`);

function lease(title: string): number {
  const terms = { kind: 'hosted_lease' as const, equipmentId: ids.solar, ownerMemberId: ids.owner, hostMemberId: ids.host, startsOn: '2026-06-01', termYears: 12, energyRateMilliPerKwh: 14_000, rentShareBps: 1_200, surplusOwnerBps: 5_000, endOfTerm: 'equipment_returns_to_owner' as const, notes: '' };
  return market.agreements.create(admin, title, terms).id;
}

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, log: () => {} });
  const started = await initializeCooperative(core);
  admin = started.admin;
  const ok = started.ok;
  ids.site = (await ok('sites.create', { name: 'River' })).id;
  const member = async (no: string, name: string) => (await ok('members.create', { memberNo: no, fullName: name, siteId: ids.site, roles: ['owner', 'consumer'], joinedOn: '2025-01-01' })).id;
  ids.owner = await member('O-1', 'Owner One');
  ids.host = await member('H-1', 'Host One');
  ids.solar = (await ok('equipment.create', { kind: 'solar', ratedPowerW: 3_000, make: 'Sunny', serial: 'SP-1', ownerMemberId: ids.owner, siteId: ids.site })).id;

  const db = core.database();
  const audit = new AuditRepo(db, () => new Date().toISOString());
  chain = createChainRuntime({ dataDir: temp.path, db });
  await chain.start();
  await chain.keystore.initialize(PASSPHRASE);
  await chain.bootstrap({ currency: 'KES' });
  const accounts = new MemberAccountsService({ db, clock: systemClock, audit, chain: () => chain });
  registrar = new ChainAgreementRegistrar({ db, clock: systemClock, chain: () => chain, accounts, equipment: () => null, approvalTimeoutMs: 20_000, cancelIntervalMs: 1_000 });
  market = buildMarketServices({ db, clock: systemClock, audit, cooperative: new CooperativeRepo(db), registrar });
  registrar.attach(market.agreements);
  await accounts.create(admin, ids.owner, PIN.owner);
  await accounts.create(admin, ids.host, PIN.host);
}, 90_000);

afterAll(async () => {
  registrar?.canceller?.stop();
  await chain?.stop();
  await core?.close();
  temp.remove();
}, 30_000);

describe('withdrawing a proposal cancels its pending Multisig', () => {
  it('propose → one approval → withdraw: the Multisig is gone on chain and the deposits are returned', async () => {
    const before = await reserved(issuer());
    const id = lease('Roof array, first draft');
    const proposed = await market.agreements.transition(admin, id, 'propose', '');
    expect(proposed.registration.state).toBe('pending_chain');
    const call = market.agreements.chainCalls.get(id, 1)!;
    expect(await pendingOnChain(call.multisig, call.callHash)).toBe(true);
    expect(await reserved(issuer())).toBeGreaterThan(before); // Multisig + proxy deposits
    const [delegations] = await api().query.proxy.proxies(issuer());
    expect(delegations.some((p) => ss58(p.delegate.toU8a()) === call.multisig)).toBe(true);
    const signed = await market.agreements.sign(admin, id, ids.owner, PIN.owner);
    expect(signed.signatures.find((s) => s.memberId === ids.owner)?.state).toBe('on_chain');

    const started = Date.now();
    const withdrawn = await market.agreements.transition(admin, id, 'withdraw', 'Rent share to be renegotiated');
    expect(withdrawn.status).toBe('draft');
    // The decision was written with the status change (same transaction).
    const decided = market.agreements.cancellations.get(id, 1);
    expect(decided).toMatchObject({ state: 'pending', cause: 'withdraw', multisig: call.multisig, callHash: call.callHash });
    expect(market.agreements.get(id).history.some((h) => h.action === 'chain_cancel' && h.summary.includes('queued'))).toBe(true);

    await settled(id);
    const elapsed = Date.now() - started;
    console.log(`withdraw → cancellation finalized: ${elapsed} ms`);
    const detail = market.agreements.get(id);
    expect(detail.cancellations[0]).toMatchObject({ state: 'done', version: 1, attempts: 1 });
    expect(detail.cancellations[0]?.blockNumber).toBeGreaterThan(0);
    expect(await pendingOnChain(call.multisig, call.callHash)).toBe(false);
    expect(await reserved(issuer())).toBe(before);
    const [proxies] = await api().query.proxy.proxies(issuer());
    expect(proxies.some((p) => ss58(p.delegate.toU8a()) === call.multisig)).toBe(false);
    // The cancelling extrinsic is in the block the detail names, and emitted MultisigCancelled.
    const block = await api().rpc.chain.getBlock(detail.cancellations[0]!.blockHash!);
    expect(block.block.extrinsics.map((x) => x.hash.toHex())).toContain(detail.cancellations[0]!.extrinsicHash);
    // The owner's approval went with the Multisig: it no longer counts.
    expect(detail.signatures.find((s) => s.memberId === ids.owner)).toMatchObject({ state: 'failed' });
    expect(detail.agreement.registration.state).toBe('unregistered');
    expect(detail.multisig).toBeNull();
  }, 120_000);

  it('sends nothing when the Multisig is already gone, and says so', async () => {
    const id = lease('Roof array, cancelled elsewhere');
    await market.agreements.transition(admin, id, 'propose', '');
    const call = market.agreements.chainCalls.get(id, 1)!;
    // The cooperative cancels it directly (e.g. from another tool) before the console does.
    const others = call.signatories.filter((a) => a !== call.cooperative);
    const direct = await chain.tx.submit(multisigCancelAsMulti(api(), call.threshold, others, call.timepoint!, call.callHash), call.cooperative, { timeoutMs: 30_000 });
    expect(direct.kind).toBe('finalized');
    expect(await pendingOnChain(call.multisig, call.callHash)).toBe(false);

    const nonceBefore = await nonce(issuer());
    let sent = 0;
    const off = chain.on('tx', (e) => {
      if (e.signer === issuer() && e.status.kind === 'queued') sent += 1;
    });
    await market.agreements.transition(admin, id, 'withdraw', 'Cancelled elsewhere');
    await settled(id);
    off();
    expect(cancellation(id)).toMatchObject({ state: 'not_needed', attempts: 0 });
    expect(cancellation(id)?.note).toMatch(/already been cancelled on chain .*nothing was sent/);
    expect(sent).toBe(0);
    expect(await nonce(issuer())).toBe(nonceBefore);
  }, 90_000);

  it('a cancellation decided while the node is down goes out when it is back', async () => {
    const id = lease('Roof array, node outage');
    const call0 = { multisig: market.agreements.chainCalls.get(id - 1, 1)!.multisig };
    // The previous test left the proxy (nothing was sent there); this cancellation removes it too.
    const proxyDeposit = api().consts.proxy.proxyDepositBase.toBigInt() + api().consts.proxy.proxyDepositFactor.toBigInt();
    const [leftover] = await api().query.proxy.proxies(issuer());
    const expected = (await reserved(issuer())) - (leftover.some((p) => ss58(p.delegate.toU8a()) === call0.multisig) ? proxyDeposit : 0n);
    await market.agreements.transition(admin, id, 'propose', '');
    const call = market.agreements.chainCalls.get(id, 1)!;
    expect(call.multisig).toBe(call0.multisig);
    expect(await pendingOnChain(call.multisig, call.callHash)).toBe(true);

    await chain.node!.stop();
    await waitUntil(() => chain.connection.status.state !== 'ready', 10_000, 'the connection to notice the node is down');
    const terminated = await market.agreements.transition(admin, id, 'terminate', 'Host moved away');
    expect(terminated.status).toBe('terminated');
    await new Promise((r) => setTimeout(r, 3_000)); // several canceller passes while down
    expect(cancellation(id)).toMatchObject({ state: 'pending', cause: 'terminate', attempts: 0 });

    const restarted = Date.now();
    await chain.node!.start();
    await waitUntil(() => chain.connection.status.state === 'ready', 60_000, 'the connection to be ready again');
    const ready = Date.now();
    await settled(id, 90_000);
    console.log(`node restart → connection ready: ${ready - restarted} ms; ready → cancellation finalized: ${Date.now() - ready} ms`);
    expect(cancellation(id)).toMatchObject({ state: 'done', attempts: 1 });
    expect(await pendingOnChain(call.multisig, call.callHash)).toBe(false);
    expect(await reserved(issuer())).toBe(expected);
  }, 150_000);
});

describe('an approval that lands after the cancellation was decided', () => {
  it('the last approval in flight runs the call first: recorded as executed_first; proposing the same version again adopts it', async () => {
    const id = lease('Roof array, race');
    await market.agreements.transition(admin, id, 'propose', '');
    await market.agreements.sign(admin, id, ids.owner, PIN.owner);
    const hostAddress = market.agreements.get(id).multisig!.parties.find((p) => p.memberId === ids.host)!.address!;
    let broadcast = false;
    const off = chain.on('tx', (e) => {
      if (e.signer === hostAddress && e.status.kind === 'broadcast') broadcast = true;
    });
    const lastApproval = market.agreements.sign(admin, id, ids.host, PIN.host);
    await waitUntil(() => broadcast, 30_000, "the host's approval to be broadcast");
    off();
    await market.agreements.transition(admin, id, 'withdraw', 'Changed our minds at the last moment');
    await lastApproval; // ran the registering call: every party approved exactly this version on chain
    await settled(id);
    const detail = market.agreements.get(id);
    expect(detail.cancellations[0]).toMatchObject({ state: 'executed_first', attempts: 0 });
    expect(detail.cancellations[0]?.note).toMatch(/registered on chain although it was abandoned/);
    const itemId = market.agreements.chainCalls.get(id, 1)!.itemId;
    expect(await uniquesItemOwner(api(), chain.setup()!.collections.agreements, itemId)).not.toBeNull();
    // The approvals stay counted (the chain has them); the same version proposed again is signed at once.
    const again = await market.agreements.transition(admin, id, 'propose', '');
    expect(again.registration.state).toBe('on_chain');
    expect(again.status).toBe('signed');
    const pack = unzipSync(Buffer.from(market.agreements.proofPack(id).base64, 'base64'));
    const registration = JSON.parse(strFromU8(pack['registration.json']!)) as { multisig: { callHash: string; callData: string }; cancellation: { state: string } };
    expect(registration.multisig.callHash).toBe(market.agreements.chainCalls.get(id, 1)!.callHash);
    expect(registration.multisig.callData).toMatch(/^0x[0-9a-f]+$/);
    expect(registration.cancellation.state).toBe('executed_first');
  }, 120_000);
});
