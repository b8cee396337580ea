// The last instalment paid at the window moves the equipment on the REAL embedded node (chopsticks,
// one node for this file): a lease-to-own registered through Multisig (its approveTransfer to the
// host prepared at signing), instalments charged in the journal, payments booked by the payments
// service; the payment that pays the last one completes the agreement by itself and the equipment
// item's owner on chain becomes the host — through the one existing transfer path (outbox).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatorPublic } from '../../../src-main/contract/index.js';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { CooperativeRepo } from '../../../src-main/core/cooperative/cooperative-repo.js';
import { buildMarketServices, type MarketServices } from '../../../src-main/core/marketplace/market-services.js';
import { ChainAgreementRegistrar } from '../../../src-main/core/agreements/chain-registrar.js';
import { LeaseToOwnCompletion } from '../../../src-main/core/agreements/lease-to-own-completion.js';
import { EquipmentChainRegistration } from '../../../src-main/core/equipment/chain-registration.js';
import { MemberAccountsService } from '../../../src-main/core/members-chain/member-accounts-service.js';
import { createChainRuntime, type ChainRuntime } from '../../../src-main/core/chain/index.js';
import { postEntries } from '../../../src-main/core/journal/index.js';
import { PaymentsService } from '../../../src-main/core/payments/payments-service.js';
import { systemClock } from '../../../src-main/core/platform/clock.js';
import { uniquesItemOwner } from '../../../substrate-bindings/src/index.js';
import { initializeCooperative } from '../../support/core-setup.js';
import { makeTempDir } from '../../support/temp-dir.js';

const temp = makeTempDir('coop-l2o-chain-');
let core: Core;
let chain: ChainRuntime;
let market: MarketServices;
let accounts: MemberAccountsService;
let equipmentChain: EquipmentChainRegistration;
let payments: PaymentsService;
let completion: LeaseToOwnCompletion;
let admin: OperatorPublic;
const completed: Promise<number[]>[] = [];
const ids = { site: 0, owner: 0, host: 0, battery: 0 };

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, log: () => {} });
  const started = await initializeCooperative(core);
  admin = started.admin;
  ids.site = (await started.ok('sites.create', { name: 'Hill' })).id;
  ids.owner = (await started.ok('members.create', { memberNo: 'O-1', fullName: 'Owner One', siteId: ids.site, roles: ['owner'], joinedOn: '2025-01-01' })).id;
  ids.host = (await started.ok('members.create', { memberNo: 'H-1', fullName: 'Host One', siteId: ids.site, roles: ['consumer'], joinedOn: '2025-01-01' })).id;
  ids.battery = (await started.ok('equipment.create', { kind: 'battery', ratedPowerW: 2_000, storageWh: 5_000, make: 'Volta', serial: 'VB-7', ownerMemberId: ids.owner, siteId: ids.site })).id;
  const db = core.database();
  const audit = new AuditRepo(db, () => new Date().toISOString());
  chain = createChainRuntime({ dataDir: temp.path, db });
  await chain.start();
  await chain.keystore.initialize('village microgrid 2026');
  await chain.bootstrap({ currency: 'KES' });
  accounts = new MemberAccountsService({ db, clock: systemClock, audit, chain: () => chain });
  let registration: EquipmentChainRegistration | null = null;
  const registrar = new ChainAgreementRegistrar({ db, clock: systemClock, chain: () => chain, accounts, equipment: () => registration, approvalTimeoutMs: 20_000 });
  market = buildMarketServices({ db, clock: systemClock, audit, cooperative: new CooperativeRepo(db), registrar });
  registration = new EquipmentChainRegistration({ db, chain: () => chain, equipment: market.equipment, accounts });
  equipmentChain = registration;
  registrar.attach(market.agreements);
  completion = new LeaseToOwnCompletion({ db, agreements: () => market.agreements });
  payments = new PaymentsService({ db, clock: systemClock, audit, currency: () => 'KES', onInstalmentsSettled: (id) => completed.push(completion.afterPayment(id)) });
}, 120_000);

afterAll(async () => {
  await chain?.stop();
  await core?.close();
  temp.remove();
}, 30_000);

describe('lease-to-own paid off at the window, on chain', () => {
  it('the payment of the last instalment completes the agreement and the equipment item passes to the host', async () => {
    const api = chain.connection.api;
    await accounts.create(admin, ids.owner, '2468');
    await accounts.create(admin, ids.host, '1357');
    const terms = { kind: 'lease_to_own' as const, equipmentId: ids.battery, ownerMemberId: ids.owner, hostMemberId: ids.host, startsOn: '2026-09-01', priceMinor: 60_000, instalmentCount: 2, instalmentPeriod: 'monthly' as const, energyRateMilliPerKwh: 20_000, notes: '' };
    const agreementId = market.agreements.create(admin, 'Battery to own', terms).id;
    await market.agreements.transition(admin, agreementId, 'propose', '');
    await market.agreements.sign(admin, agreementId, ids.owner, '2468');
    expect((await market.agreements.sign(admin, agreementId, ids.host, '1357')).agreement.status).toBe('signed');
    await market.agreements.transition(admin, agreementId, 'activate', '');
    const battery = market.equipment.mustGet(ids.battery);
    expect(await uniquesItemOwner(api, battery.chain.collectionId!, battery.chain.itemId!)).toBe(accounts.mustGet(ids.owner).address);

    // The settlement's instalment charges on the host's account (journal lines naming the agreement).
    for (const n of [1, 2]) {
      postEntries(core.database(), [{
        kind: 'settlement', source: { type: 'test-instalment', id: `${agreementId}:${n}` }, memo: `Instalment ${n}`, effectiveDate: `2026-1${n - 1}-01`, createdBy: null,
        lines: [
          { account: { kind: 'member', memberId: ids.host }, debit: 30_000, credit: 0, charge: { code: 'instalment', agreementId, instalmentNo: n, dueDate: `2026-1${n - 1}-01` } },
          { account: { kind: 'member', memberId: ids.owner }, debit: 0, credit: 30_000 },
        ],
      }]);
    }
    payments.record(admin, { memberId: ids.host, amountMinor: 30_000, method: 'cash', reference: 'CB-1', receivedOn: '2026-11-02' });
    expect(await Promise.all(completed)).toEqual([[]]);
    expect(market.agreements.mustGet(agreementId).status).toBe('active');

    const last = payments.record(admin, { memberId: ids.host, amountMinor: 30_000, method: 'mobile-money', reference: 'SLK7', receivedOn: '2026-11-02' });
    expect((await Promise.all(completed)).flat()).toEqual([agreementId]);
    expect(market.agreements.mustGet(agreementId)).toMatchObject({ status: 'completed', endReason: `Last instalment paid by payment ${last.receiptNo}; completed automatically` });
    expect(payments.get(last.id).completedAgreements).toEqual([agreementId]);

    await equipmentChain.reconcile();
    const transfer = chain.outbox.repository.byReference(`equipment:${ids.battery}:owner:${ids.host}`);
    expect(transfer).toBeDefined();
    expect((await chain.outbox.waitFor(transfer!.id, 60_000)).status).toBe('finalized');
    expect(await uniquesItemOwner(api, battery.chain.collectionId!, battery.chain.itemId!)).toBe(accounts.mustGet(ids.host).address);
    // Once: a catch-up pass finds nothing left to complete.
    expect(await completion.catchUp()).toEqual([]);
  }, 180_000);
});
