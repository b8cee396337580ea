// Lease-to-own completes by itself when a payment pays its last instalment: through the channels of a
// real core (SQLite file, chain off: the local-only registrar), the payment's allocation settles the
// instalment charges the settlement posted, the agreement completes (audited, once), the equipment
// passes to the host; and a completion a crash interrupted is caught up when the console starts again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement, AgreementDetail } from '../../../src-main/contract/agreements.js';
import type { PaymentView } from '../../../src-main/contract/payments.js';
import type { OperatorPublic } from '../../../src-main/contract/index.js';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { CooperativeRepo } from '../../../src-main/core/cooperative/cooperative-repo.js';
import { buildMarketServices } from '../../../src-main/core/marketplace/market-services.js';
import { LocalOnlyRegistrar } from '../../../src-main/core/agreements/local-only-registrar.js';
import { LeaseToOwnCompletion } from '../../../src-main/core/agreements/lease-to-own-completion.js';
import { postEntries } from '../../../src-main/core/journal/index.js';
import { PaymentsService } from '../../../src-main/core/payments/payments-service.js';
import { initializeCooperative } from '../../support/core-setup.js';
import { makeTempDir } from '../../support/temp-dir.js';

const clock = { now: () => new Date('2026-12-07T08:00:00Z') };
const temp = makeTempDir();
let core: Core;
let admin: OperatorPublic;
let call: <T>(channel: string, input: unknown) => Promise<T>;
const ids = { site: 0, owner: 0, host: 0 };

async function activeLeaseToOwn(serial: string): Promise<{ agreement: Agreement; equipmentId: number }> {
  const equipmentId = (await call<{ id: number }>('equipment.create', { kind: 'battery', ratedPowerW: 2_000, storageWh: 5_000, ownerMemberId: ids.owner, siteId: ids.site, serial })).id;
  const terms = { kind: 'lease_to_own', equipmentId, ownerMemberId: ids.owner, hostMemberId: ids.host, startsOn: '2026-09-01', priceMinor: 90_000, instalmentCount: 3, instalmentPeriod: 'monthly', energyRateMilliPerKwh: 20_000, notes: '' };
  const draft = await call<Agreement>('agreements.create', { title: `Battery ${serial} to own`, terms });
  await call('agreements.transition', { id: draft.id, action: 'propose' });
  await call<AgreementDetail>('agreements.sign', { id: draft.id, memberId: ids.owner, passphrase: 'owner pin' });
  await call<AgreementDetail>('agreements.sign', { id: draft.id, memberId: ids.host, passphrase: 'host pin' });
  const agreement = await call<Agreement>('agreements.transition', { id: draft.id, action: 'activate' });
  // What the settlement posts for each instalment due (journal charge lines naming the agreement).
  // Instalments 1 and 2 are overdue on the payment day (arrears); 3 falls due later this month.
  const due = ['2026-10-01', '2026-11-01', '2026-12-20'];
  for (const n of [1, 2, 3]) {
    postEntries(core.database(), [{
      kind: 'settlement', source: { type: 'test-instalment', id: `${draft.id}:${n}` }, memo: `Instalment ${n}`, effectiveDate: `2026-${9 + n}-01`, createdBy: null,
      lines: [
        { account: { kind: 'member', memberId: ids.host }, debit: 30_000, credit: 0, charge: { code: 'instalment', agreementId: draft.id, instalmentNo: n, dueDate: due[n - 1] } },
        { account: { kind: 'member', memberId: ids.owner }, debit: 0, credit: 30_000 },
      ],
    }]);
  }
  return { agreement, equipmentId };
}

const completions = (agreementId: number) =>
  core.database().prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'agreement' AND entity_id = ? AND action = 'complete'`).get(String(agreementId)) as { n: number };

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, clock, log: () => {} });
  const started = await initializeCooperative(core);
  admin = started.admin;
  call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await core.dispatch(channel, input, started.token);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
    return result.value as T;
  };
  ids.site = (await started.ok('sites.create', { name: 'Hill' })).id;
  ids.owner = (await started.ok('members.create', { memberNo: 'O-1', fullName: 'Owner One', siteId: ids.site, roles: ['owner'], joinedOn: '2025-01-01' })).id;
  ids.host = (await started.ok('members.create', { memberNo: 'H-1', fullName: 'Host One', siteId: ids.site, roles: ['consumer'], joinedOn: '2025-01-01' })).id;
});
afterAll(async () => {
  await core.close();
  temp.remove();
});

describe('lease-to-own auto completion', () => {
  it('completes when a payment pays the last instalment, exactly once, and the equipment passes to the host', async () => {
    const { agreement, equipmentId } = await activeLeaseToOwn('AUTO-1');
    const first = await call<PaymentView>('payments.record', { memberId: ids.host, amountMinor: 60_000, method: 'cash', reference: 'CB-1', receivedOn: '2026-12-07' });
    expect(first.allocations.map((a) => [a.bucket, a.instalmentNo, a.amountMinor, a.settles])).toEqual([['arrears', 1, 30_000, true], ['arrears', 2, 30_000, true]]);
    expect(first.completedAgreements).toEqual([]);
    expect((await call<AgreementDetail>('agreements.get', { id: agreement.id })).agreement.status).toBe('active');

    const last = await call<PaymentView>('payments.record', { memberId: ids.host, amountMinor: 35_000, method: 'mobile-money', reference: 'SLK9', receivedOn: '2026-12-07' });
    expect(last.allocations.map((a) => [a.bucket, a.instalmentNo, a.amountMinor])).toEqual([['instalment', 3, 30_000], ['energy', null, 5_000]]);
    expect(last.completedAgreements).toEqual([agreement.id]);
    const detail = await call<AgreementDetail>('agreements.get', { id: agreement.id });
    expect(detail.agreement).toMatchObject({ status: 'completed', endReason: `Last instalment paid by payment ${last.receiptNo}; completed automatically` });
    expect((await call<{ equipment: unknown }>('equipment.get', { id: equipmentId })).equipment).toMatchObject({ status: 'transferred', ownerMemberId: ids.host });
    expect(detail.history.find((h) => h.action === 'complete')).toMatchObject({ operator: admin.displayName });

    // Another payment, and a catch-up pass: nothing completes twice.
    await call('payments.record', { memberId: ids.host, amountMinor: 100, method: 'cash', reference: 'CB-2', receivedOn: '2026-12-07' });
    const db = core.database();
    const market = buildMarketServices({ db, clock, audit: new AuditRepo(db, () => clock.now().toISOString()), cooperative: new CooperativeRepo(db), registrar: new LocalOnlyRegistrar() });
    expect(await new LeaseToOwnCompletion({ db, agreements: () => market.agreements }).catchUp()).toEqual([]);
    expect(completions(agreement.id).n).toBe(1);
  });

  it('a completion interrupted by a crash (payment committed, completion not) is caught up at the next start', async () => {
    const { agreement, equipmentId } = await activeLeaseToOwn('AUTO-2');
    // The payment commits in a process that dies before completing: no completion hook runs.
    const db = core.database();
    const dying = new PaymentsService({ db, clock, audit: new AuditRepo(db, () => clock.now().toISOString()), currency: () => 'KES' });
    dying.record(admin, { memberId: ids.host, amountMinor: 90_000, method: 'cash', reference: 'CB-CRASH', receivedOn: '2026-12-07' });
    expect((await call<AgreementDetail>('agreements.get', { id: agreement.id })).agreement.status).toBe('active');

    await core.close();
    core = createCore({ dataDir: temp.path, clock, log: () => {} });
    const login = await core.dispatch('session.login', { username: 'admin', password: 'correct horse battery' }, null);
    const token = login.ok ? (login.value as { token: string }).token : '';
    call = async <T>(channel: string, input: unknown): Promise<T> => {
      const result = await core.dispatch(channel, input, token);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
      return result.value as T;
    };
    await expect.poll(async () => (await call<AgreementDetail>('agreements.get', { id: agreement.id })).agreement.status).toBe('completed');
    expect((await call<{ equipment: unknown }>('equipment.get', { id: equipmentId })).equipment).toMatchObject({ status: 'transferred', ownerMemberId: ids.host });
    expect(completions(agreement.id).n).toBe(1);
  });
});
