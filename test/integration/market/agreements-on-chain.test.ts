// Agreements co-signed through Multisig and registered as Uniques items, on the REAL embedded node
// (chopsticks running the Asset Hub runtime; one node for this file). Every check reads the chain
// itself: the item exists only after the last party approved, with its attributes and the terms
// hash as metadata; a lease-to-own moves the equipment item to the host; a wrong PIN, a second
// signature and a node killed mid-approval never leave a signature counted that is not on chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { encodeAddress } from '@polkadot/util-crypto';
import type { OperatorPublic } from '../../../src-main/contract/index.js';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { CooperativeRepo } from '../../../src-main/core/cooperative/cooperative-repo.js';
import { buildMarketServices, type MarketServices } from '../../../src-main/core/marketplace/market-services.js';
import { ChainAgreementRegistrar } from '../../../src-main/core/agreements/chain-registrar.js';
import { EquipmentChainRegistration } from '../../../src-main/core/equipment/chain-registration.js';
import { MemberAccountsService } from '../../../src-main/core/members-chain/member-accounts-service.js';
import { createChainRuntime, type ChainRuntime } from '../../../src-main/core/chain/index.js';
import { CoreError } from '../../../src-main/core/api/core-error.js';
import { systemClock } from '../../../src-main/core/platform/clock.js';
import { uniquesAttribute, uniquesItemOwner } from '../../../substrate-bindings/src/index.js';
import { initializeCooperative } from '../../support/core-setup.js';
import { makeTempDir } from '../../support/temp-dir.js';

const PASSPHRASE = 'village microgrid 2026';
const PIN = { owner: '2468', host: '1357', owner2: '8080', host2: '9191' };
const temp = makeTempDir('coop-agr-chain-');
let core: Core;
let chain: ChainRuntime;
let market: MarketServices;
let accounts: MemberAccountsService;
let equipmentChain: EquipmentChainRegistration;
let admin: OperatorPublic;
const ids = { site: 0, owner: 0, host: 0, owner2: 0, host2: 0, battery: 0, solar: 0 };

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function codeOf(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run();
    return { code: 'no error', message: '' };
  } catch (error) {
    return { code: error instanceof CoreError ? error.code : 'uncoded', message: (error as Error).message };
  }
}

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, log: () => {} });
  const started = await initializeCooperative(core);
  admin = started.admin;
  const ok = started.ok;
  ids.site = (await ok('sites.create', { name: 'Hill' })).id;
  const member = async (no: string, name: string) => (await ok('members.create', { memberNo: no, fullName: name, siteId: ids.site, roles: ['owner', 'consumer'], joinedOn: '2025-01-01' })).id;
  ids.owner = await member('O-1', 'Owner One');
  ids.host = await member('H-1', 'Host One');
  ids.owner2 = await member('O-2', 'Owner Two');
  ids.host2 = await member('H-2', 'Host Two');
  ids.battery = (await ok('equipment.create', { kind: 'battery', ratedPowerW: 2_000, storageWh: 5_000, make: 'Volta', serial: 'VB-1', ownerMemberId: ids.owner, siteId: ids.site })).id;
  ids.solar = (await ok('equipment.create', { kind: 'solar', ratedPowerW: 3_000, make: 'Sunny', serial: 'SP-9', ownerMemberId: ids.owner2, siteId: ids.site })).id;

  const db = core.database();
  const audit = new AuditRepo(db, () => new Date().toISOString());
  chain = createChainRuntime({ dataDir: temp.path, db });
  await chain.start();
  await chain.keystore.initialize(PASSPHRASE);
  await chain.bootstrap({ currency: 'KES' });
  accounts = new MemberAccountsService({ db, clock: systemClock, audit, chain: () => chain });
  let registration: EquipmentChainRegistration | null = null;
  const registrar = new ChainAgreementRegistrar({ db, clock: systemClock, chain: () => chain, accounts, equipment: () => registration, approvalTimeoutMs: 20_000 });
  market = buildMarketServices({ db, clock: systemClock, audit, cooperative: new CooperativeRepo(db), registrar });
  registration = new EquipmentChainRegistration({ db, chain: () => chain, equipment: market.equipment, accounts });
  equipmentChain = registration;
  registrar.attach(market.agreements);
}, 90_000);

afterAll(async () => {
  await chain?.stop();
  await core?.close();
  temp.remove();
}, 30_000);

describe('member chain accounts', () => {
  it('creates console accounts protected by a PIN (hash only) and funds them for fees', async () => {
    for (const [who, pin] of [['owner', PIN.owner], ['host', PIN.host], ['owner2', PIN.owner2], ['host2', PIN.host2]] as const) {
      const account = await accounts.create(admin, ids[who], pin);
      expect(account).toMatchObject({ memberId: ids[who], kind: 'console' });
      expect(account.fundedAt).not.toBeNull();
      expect(chain.keystore.find(account.address)?.role).toBe('member');
    }
    expect((await codeOf(() => accounts.create(admin, ids.owner, '0000'))).code).toBe('CONFLICT');
    const stored = JSON.stringify(core.database().prepare('SELECT * FROM member_chain_accounts').all());
    expect(stored).not.toContain(PIN.owner);
    expect(stored).toContain('$argon2id$');
  }, 60_000);
});

describe('a lease-to-own on chain', () => {
  let agreementId = 0;
  let itemId = 0;
  const agreementsCollection = () => chain.setup()!.collections.agreements;

  it('is on chain only after the second approval: item, attributes, metadata = terms hash', async () => {
    const api = chain.connection.api;
    const terms = { kind: 'lease_to_own' as const, equipmentId: ids.battery, ownerMemberId: ids.owner, hostMemberId: ids.host, startsOn: '2026-04-01', priceMinor: 90_000, instalmentCount: 3, instalmentPeriod: 'monthly' as const, energyRateMilliPerKwh: 20_000, notes: '' };
    agreementId = market.agreements.create(admin, 'Battery to own', terms).id;
    const proposed = await market.agreements.transition(admin, agreementId, 'propose', '');
    expect(proposed.registration).toMatchObject({ registrar: 'chain-multisig', state: 'pending_chain', collectionId: agreementsCollection() });
    itemId = proposed.registration.itemId!;
    // The equipment was registered first (owner = the owner's account), so the transfer can be approved.
    const battery = market.equipment.mustGet(ids.battery);
    expect(battery.chain.state).toBe('on_chain');
    expect(await uniquesItemOwner(api, battery.chain.collectionId!, battery.chain.itemId!)).toBe(accounts.mustGet(ids.owner).address);
    expect(await uniquesAttribute(api, battery.chain.collectionId!, battery.chain.itemId!, 'serial')).toBe('VB-1');
    expect(await uniquesItemOwner(api, agreementsCollection(), itemId)).toBeNull();

    const first = await market.agreements.sign(admin, agreementId, ids.owner, PIN.owner);
    expect(first.signatures.find((s) => s.memberId === ids.owner)).toMatchObject({ state: 'on_chain' });
    expect(first.signatures.find((s) => s.memberId === ids.owner)?.blockHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(first.agreement.status).toBe('proposed');
    expect(await uniquesItemOwner(api, agreementsCollection(), itemId)).toBeNull(); // nothing yet

    const second = await market.agreements.sign(admin, agreementId, ids.host, PIN.host);
    expect(second.agreement.status).toBe('signed');
    const reg = second.agreement.registration;
    expect(reg).toMatchObject({ state: 'on_chain', collectionId: agreementsCollection(), itemId });
    expect(reg.blockNumber).toBeGreaterThan(0);
    expect(reg.extrinsicHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await uniquesItemOwner(api, agreementsCollection(), itemId)).not.toBeNull();
    expect(await uniquesAttribute(api, agreementsCollection(), itemId, 'kind')).toBe('lease_to_own');
    expect(await uniquesAttribute(api, agreementsCollection(), itemId, 'parties')).toBe(`owner:${ids.owner},host:${ids.host}`);
    expect(await uniquesAttribute(api, agreementsCollection(), itemId, 'priceMinor')).toBe('90000');
    const meta = await api.query.uniques.instanceMetadataOf(agreementsCollection(), itemId);
    expect(Buffer.from(meta.unwrap().data.toU8a(true)).toString()).toBe(`sha256:${second.agreement.termsHash}`);
    // The registering call ran in the block the agreement names.
    const block = await api.rpc.chain.getBlock(reg.blockHash!);
    expect(block.block.extrinsics.map((x) => x.hash.toHex())).toContain(reg.extrinsicHash);
    // The host is approved to receive the equipment item (prepared at signing).
    const asset = await api.query.uniques.asset(battery.chain.collectionId!, battery.chain.itemId!);
    expect(encodeAddress(asset.unwrap().approved.unwrap().toU8a(), 42)).toBe(accounts.mustGet(ids.host).address);
  }, 120_000);

  it('carries where it was registered in the proof pack', () => {
    const pack = market.agreements.proofPack(agreementId);
    const files = unzipSync(Buffer.from(pack.base64, 'base64'));
    const registration = JSON.parse(strFromU8(files['registration.json']!)) as Record<string, unknown>;
    const agreement = market.agreements.mustGet(agreementId);
    expect(JSON.stringify(registration)).toContain(agreement.registration.blockHash!);
    expect(JSON.stringify(registration)).toContain(agreement.registration.extrinsicHash!);
  });

  it('refuses a party signing twice', async () => {
    const again = await codeOf(() => market.agreements.sign(admin, agreementId, ids.owner, PIN.owner));
    expect(again.code).toBe('ILLEGAL_TRANSITION'); // signed already: nothing more to sign
  });

  it('completes: the equipment item on chain now belongs to the host', async () => {
    const api = chain.connection.api;
    await market.agreements.transition(admin, agreementId, 'activate', '');
    await market.agreements.transition(admin, agreementId, 'complete', 'Last instalment paid');
    expect(market.equipment.mustGet(ids.battery)).toMatchObject({ status: 'transferred', ownerMemberId: ids.host });
    await equipmentChain.reconcile();
    const transfer = chain.outbox.repository.byReference(`equipment:${ids.battery}:owner:${ids.host}`);
    expect(transfer).toBeDefined();
    expect((await chain.outbox.waitFor(transfer!.id, 60_000)).status).toBe('finalized');
    const battery = market.equipment.mustGet(ids.battery);
    expect(await uniquesItemOwner(api, battery.chain.collectionId!, battery.chain.itemId!)).toBe(accounts.mustGet(ids.host).address);
  }, 90_000);
});

describe('a hosted lease: wrong PIN, double signature, node killed mid-approval, termination', () => {
  let agreementId = 0;
  let itemId = 0;

  it('refuses a wrong PIN clearly, counts it toward the lock, and refuses a second signature', async () => {
    const terms = { kind: 'hosted_lease' as const, equipmentId: ids.solar, ownerMemberId: ids.owner2, hostMemberId: ids.host2, startsOn: '2026-05-01', termYears: 10, energyRateMilliPerKwh: 15_000, rentShareBps: 1_000, surplusOwnerBps: 6_000, endOfTerm: 'equipment_returns_to_owner' as const, notes: '' };
    agreementId = market.agreements.create(admin, 'Solar on the school roof', terms).id;
    const proposed = await market.agreements.transition(admin, agreementId, 'propose', '');
    expect(proposed.registration.state).toBe('pending_chain');
    itemId = proposed.registration.itemId!;

    const wrong = await codeOf(() => market.agreements.sign(admin, agreementId, ids.owner2, '0000'));
    expect(wrong.code).toBe('REGISTRAR_FAILED');
    expect(wrong.message).toMatch(/Wrong PIN .* 4 attempt\(s\) left/);
    expect(accounts.mustGet(ids.owner2).failedPinAttempts).toBe(1);
    expect(market.agreements.get(agreementId).signatures.find((s) => s.memberId === ids.owner2)?.state).toBe('failed');

    const ok = await market.agreements.sign(admin, agreementId, ids.owner2, PIN.owner2);
    expect(ok.signatures.find((s) => s.memberId === ids.owner2)?.state).toBe('on_chain');
    expect(accounts.mustGet(ids.owner2).failedPinAttempts).toBe(0);
    const twice = await codeOf(() => market.agreements.sign(admin, agreementId, ids.owner2, PIN.owner2));
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toMatch(/already signed/);
  }, 90_000);

  it('locks a console account after 5 wrong PINs', async () => {
    for (let i = 0; i < 4; i += 1) expect((await codeOf(() => accounts.verifyPin(ids.host2, `bad-${i}`))).code).toBe('INVALID_CREDENTIALS');
    expect((await codeOf(() => accounts.verifyPin(ids.host2, 'bad-5'))).code).toBe('LOCKED_OUT');
    expect((await codeOf(() => accounts.verifyPin(ids.host2, PIN.host2))).code).toBe('LOCKED_OUT');
    await accounts.setPin(admin, ids.host2, PIN.host2); // staff reset lifts the lock
    expect((await accounts.verifyPin(ids.host2, PIN.host2)).memberId).toBe(ids.host2);
  }, 30_000);

  it('node killed mid-approval: nothing recorded as signed that is not on chain; the retry completes', async () => {
    const api0 = chain.connection.api;
    const hostAddress = accounts.mustGet(ids.host2).address;
    const pid = chain.node!.pid!;
    let killed = false;
    const off = chain.on('tx', (e) => {
      if (!killed && e.signer === hostAddress && e.status.kind === 'broadcast') {
        killed = true;
        process.kill(pid, 'SIGKILL');
      }
    });
    const failure = await codeOf(() => market.agreements.sign(admin, agreementId, ids.host2, PIN.host2));
    off();
    expect(killed).toBe(true);
    expect(failure.code).toBe('REGISTRAR_FAILED');
    const afterKill = market.agreements.get(agreementId);
    expect(afterKill.agreement.status).toBe('proposed');
    expect(afterKill.signatures.find((s) => s.memberId === ids.host2)?.state).toBe('failed');
    expect(afterKill.agreement.registration.state).toBe('pending_chain');
    expect(api0).toBeDefined();

    await waitUntil(() => chain.connection.status.state === 'ready' && chain.node?.status.state === 'running', 60_000, 'the node to come back');
    const retried = await market.agreements.sign(admin, agreementId, ids.host2, PIN.host2);
    expect(retried.agreement.status).toBe('signed');
    expect(retried.signatures.filter((s) => s.state === 'on_chain').map((s) => s.memberId).sort()).toEqual([ids.owner2, ids.host2].sort());
    const api = chain.connection.api;
    expect(await uniquesItemOwner(api, chain.setup()!.collections.agreements, itemId)).not.toBeNull();
    expect(await uniquesAttribute(api, chain.setup()!.collections.agreements, itemId, 'rentShareBps')).toBe('1000');
  }, 150_000);

  it('terminating is audited (the chain item stays as the record of what was agreed)', async () => {
    await market.agreements.transition(admin, agreementId, 'activate', '');
    const ended = await market.agreements.transition(admin, agreementId, 'terminate', 'Roof repairs');
    expect(ended.status).toBe('terminated');
    const history = market.agreements.get(agreementId).history;
    expect(history.some((h) => h.action === 'terminate' && h.summary.includes('Roof repairs'))).toBe(true);
    expect(await uniquesItemOwner(chain.connection.api, chain.setup()!.collections.agreements, itemId)).not.toBeNull();
  }, 30_000);
});
