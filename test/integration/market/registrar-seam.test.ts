// The AgreementRegistrar seam with a registrar that behaves like a chain (pending first, confirmed
// later, sometimes failing): nothing counts as signed until the registrar confirms it on chain, a
// failed approval does not count and may be retried, and a lease-to-own completes with the transfer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatorPublic } from '../../../src-main/contract/index.js';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { CooperativeRepo } from '../../../src-main/core/cooperative/cooperative-repo.js';
import { buildMarketServices, type MarketServices } from '../../../src-main/core/marketplace/market-services.js';
import type { AgreementRegistrar, ApprovalOutcome, RegistrationOutcome } from '../../../src-main/core/agreements/registrar.js';
import { CoreError } from '../../../src-main/core/api/core-error.js';
import { initializeCooperative } from '../../support/core-setup.js';
import { makeTempDir } from '../../support/temp-dir.js';

/** Stands in for the chain work's Multisig registrar: answers are scripted per call. */
class ScriptedChainRegistrar implements AgreementRegistrar {
  readonly name = 'test-chain';
  readonly onChain = true;
  approvals: ApprovalOutcome[] = [];
  passphrases: string[] = [];
  async propose(): Promise<RegistrationOutcome> {
    return { state: 'pending_chain', callHash: '0xcall' };
  }
  async approve(_agreementId: number, _memberId: number, passphrase: string): Promise<ApprovalOutcome> {
    this.passphrases.push(passphrase);
    const next = this.approvals.shift();
    if (!next) throw new Error('node unreachable');
    return next;
  }
}

const clock = { now: () => new Date('2026-03-02T08:00:00Z') };
const temp = makeTempDir();
let core: Core;
let market: MarketServices;
const registrar = new ScriptedChainRegistrar();
let admin: OperatorPublic;
const ids = { owner: 0, host: 0, equipment: 0 };

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, clock, log: () => {} });
  const started = await initializeCooperative(core);
  admin = started.admin;
  const ok = started.ok;
  const site = await ok('sites.create', { name: 'Hill' });
  ids.owner = (await ok('members.create', { memberNo: 'O-1', fullName: 'Owner One', siteId: site.id, roles: ['owner'], joinedOn: '2025-01-01' })).id;
  ids.host = (await ok('members.create', { memberNo: 'H-1', fullName: 'Host One', siteId: site.id, roles: ['consumer'], joinedOn: '2025-01-01' })).id;
  ids.equipment = (await ok('equipment.create', { kind: 'battery', ratedPowerW: 2_000, storageWh: 5_000, ownerMemberId: ids.owner, siteId: site.id })).id;
  const db = core.database();
  market = buildMarketServices({ db, clock, audit: new AuditRepo(db, () => clock.now().toISOString()), cooperative: new CooperativeRepo(db), registrar });
});
afterAll(async () => {
  await core.close();
  temp.remove();
});

describe('a registrar that is a chain', () => {
  let agreementId = 0;

  it('keeps the agreement proposed while approvals are only pending, and retries a failed one', async () => {
    const terms = { kind: 'lease_to_own' as const, equipmentId: ids.equipment, ownerMemberId: ids.owner, hostMemberId: ids.host, startsOn: '2026-04-01', priceMinor: 100_000, instalmentCount: 3, instalmentPeriod: 'monthly' as const, energyRateMilliPerKwh: 20_000, notes: '' };
    agreementId = market.agreements.create(admin, 'Battery to own', terms).id;
    const proposed = await market.agreements.transition(admin, agreementId, 'propose', '');
    expect(proposed.registration).toMatchObject({ registrar: 'test-chain', state: 'pending_chain', callHash: '0xcall' });

    registrar.approvals.push({ state: 'pending_chain' });
    const pending = await market.agreements.sign(admin, agreementId, ids.owner, 'owner secret');
    expect(pending.signatures[0]).toMatchObject({ state: 'pending_chain', confirmedAt: null });
    expect(pending.awaiting).toEqual([ids.owner, ids.host]);
    await expect(market.agreements.sign(admin, agreementId, ids.owner, 'again')).rejects.toThrow(/already signed .* waiting for the chain/);

    // The registrar throws (node unreachable): stored as failed, reported, not counted, retry allowed.
    const failure = await market.agreements.sign(admin, agreementId, ids.host, 'host secret').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CoreError);
    expect((failure as CoreError).code).toBe('REGISTRAR_FAILED');
    expect(market.agreements.get(agreementId).signatures.find((s) => s.memberId === ids.host)).toMatchObject({ state: 'failed', failure: 'node unreachable' });
    registrar.approvals.push({ state: 'on_chain', blockHash: '0xb2', extrinsicHash: '0xe2' });
    expect((await market.agreements.sign(admin, agreementId, ids.host, 'host secret')).agreement.status).toBe('proposed');
    expect(registrar.passphrases).toEqual(['owner secret', 'host secret', 'host secret']);
  });

  it('becomes signed only when the last approval and the registration are confirmed on chain', () => {
    market.agreements.settleSignature(agreementId, 1, ids.owner, { state: 'on_chain', blockHash: '0xb3', extrinsicHash: '0xe3' }, null);
    expect(market.agreements.get(agreementId).agreement.status).toBe('proposed'); // registration still pending
    market.agreements.settleRegistration(agreementId, { state: 'on_chain', collectionId: 7, itemId: 1, callHash: '0xcall', blockHash: '0xb3', blockNumber: 42, extrinsicHash: '0xe3' }, null);
    const detail = market.agreements.get(agreementId);
    expect(detail.agreement).toMatchObject({ status: 'signed', registration: { state: 'on_chain', blockNumber: 42, itemId: 1 } });
    expect(detail.instalments.map((i) => i.amountMinor)).toEqual([33_334, 33_333, 33_333]);
  });

  it('transfers ownership when a lease-to-own completes', async () => {
    await market.agreements.transition(admin, agreementId, 'activate', '');
    expect(market.equipment.mustGet(ids.equipment)).toMatchObject({ status: 'leased', hostMemberId: ids.host, ownerMemberId: ids.owner });
    await market.agreements.transition(admin, agreementId, 'complete', 'Last instalment paid');
    expect(market.equipment.mustGet(ids.equipment)).toMatchObject({ status: 'transferred', ownerMemberId: ids.host });
    const pack = market.agreements.proofPack(agreementId);
    expect(pack.fileName).toBe(`agreement-${agreementId}-proof-pack.zip`);
  });

  it('never stores a passphrase', () => {
    const db = core.database();
    const dump = JSON.stringify([db.prepare('SELECT * FROM audit_log').all(), db.prepare('SELECT * FROM agreement_signatures').all()]);
    expect(dump).not.toMatch(/secret/);
  });
});
