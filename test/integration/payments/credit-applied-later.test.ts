// Credit paid ahead, applied to charges posted later, through the channels of a real core (SQLite
// file, chain off: the local-only registrar) and the real settlement posting (services.ts onPosted
// hook). A lease-to-own host (price 90,000 in 3 monthly instalments of 30,000, due 1 Sep, 1 Oct and
// 1 Nov; the site's fixed fee 3,000 a month, no energy used) pays ahead; each month's settlement is
// posted a day after the month ends, and the credit pays the new lines in the payment order.
// Amounts in KES cents, worked out by hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement, AgreementDetail } from '../../../src-main/contract/agreements.js';
import type { MemberCreditView, PaymentView } from '../../../src-main/contract/payments.js';
import type { SettlementPeriod } from '../../../src-main/contract/settlements.js';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { accountBalance, checkJournalIntegrity } from '../../../src-main/core/journal/index.js';
import { PaymentsRepo } from '../../../src-main/core/payments/payments-repo.js';
import { CreditApplier } from '../../../src-main/core/payments/credit-applier.js';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { CooperativeRepo } from '../../../src-main/core/cooperative/cooperative-repo.js';
import { buildMarketServices } from '../../../src-main/core/marketplace/market-services.js';
import { LocalOnlyRegistrar } from '../../../src-main/core/agreements/local-only-registrar.js';
import { LeaseToOwnCompletion } from '../../../src-main/core/agreements/lease-to-own-completion.js';
import { initializeCooperative } from '../../support/core-setup.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { ADMIN } from '../../support/api-client.js';

let now = new Date('2026-08-25T08:00:00Z');
const clock = { now: () => now };
const temp = makeTempDir();
let core: Core;
let token = '';
const call = async <T>(channel: string, input: unknown): Promise<T> => {
  const result = await core.dispatch(channel, input, token);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value as T;
};
/** Moves the core's clock to `day` and signs in again (a session ends after a while). */
async function on(day: string): Promise<void> {
  now = new Date(`${day}T08:00:00Z`);
  const login = await core.dispatch('session.login', { username: ADMIN.username, password: ADMIN.password }, null);
  if (!login.ok) throw new Error(login.error.message);
  token = (login.value as { token: string }).token;
}
const ids = { site: 0, owner: 0, host: 0, agreement: 0, equipment: 0 };
const receipts: Record<string, PaymentView> = {};

const credit = () => call<MemberCreditView>('payments.credit', { memberId: ids.host });
const owed = () => new PaymentsRepo(core.database()).openItems(ids.host).reduce((s, i) => s + i.owed, 0);
const applications = () => (core.database().prepare('SELECT COUNT(*) AS n FROM payment_credit_applications').get() as { n: number }).n;
const completions = () => (core.database().prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'agreement' AND entity_id = ? AND action = 'complete'`).get(String(ids.agreement)) as { n: number }).n;
const pay = async (reference: string, amountMinor: number, receivedOn: string) => {
  await on(receivedOn);
  return (receipts[reference] = await call<PaymentView>('payments.record', { memberId: ids.host, amountMinor, method: 'mobile-money', reference, receivedOn }));
};

/** Runs, approves and posts a month's settlement on the day after it ends. */
async function settle(from: string, to: string, postedOn: string): Promise<SettlementPeriod> {
  await on(postedOn);
  const draft = await call<SettlementPeriod>('settlements.run', { siteId: ids.site, from, to });
  await call('settlements.approve', { id: draft.id });
  const posted = await call<SettlementPeriod>('settlements.post', { id: draft.id });
  await new Promise((resolve) => setImmediate(resolve)); // the completion runs after the posting's commit
  return posted;
}

/** Live applications, oldest first, as [receipt, bucket, code, instalment, amount, settles]. */
const applied = async (appliedOn: string) =>
  (await credit()).applications.filter((a) => a.appliedOn === appliedOn && a.endedBy === null).reverse().map((a) => [a.receiptNo, a.bucket, a.code, a.instalmentNo, a.amountMinor, a.settles]);

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, clock, log: () => {} });
  const started = await initializeCooperative(core);
  token = started.token;
  ids.site = (await started.ok('sites.create', { name: 'Hill' })).id;
  ids.owner = (await started.ok('members.create', { memberNo: 'O-1', fullName: 'Owner One', siteId: ids.site, roles: ['owner'], joinedOn: '2025-01-01' })).id;
  ids.host = (await started.ok('members.create', { memberNo: 'H-1', fullName: 'Host One', siteId: ids.site, roles: ['consumer'], joinedOn: '2025-01-01' })).id;
  // The site's tariff (as the tariffs area stores it): energy 20 cents/kWh, fixed fee 3,000 a month.
  const db = core.database();
  const planId = Number(db.prepare(`INSERT INTO tariff_plans (site_id, name, created_at) VALUES (?, 'Standard', '2026-01-01T00:00:00Z')`).run(ids.site).lastInsertRowid);
  db.prepare(`INSERT INTO tariff_versions (plan_id, version, valid_from, definition_json, created_at) VALUES (?, 1, '2026-01-01T00:00:00.000Z', ?, '2026-01-01T00:00:00Z')`)
    .run(planId, JSON.stringify({ energy: { mode: 'flat', rateMilliPerKwh: 20_000 }, fixedMonthlyMinor: 3_000, gridFeeMilliPerKwh: 0, taxBps: 0, loadLimitW: null, dailyEnergyLimitWh: null }));
  ids.equipment = (await call<{ id: number }>('equipment.create', { kind: 'battery', ratedPowerW: 2_000, storageWh: 5_000, ownerMemberId: ids.owner, siteId: ids.site, serial: 'CREDIT-1' })).id;
  const terms = { kind: 'lease_to_own', equipmentId: ids.equipment, ownerMemberId: ids.owner, hostMemberId: ids.host, startsOn: '2026-08-01', priceMinor: 90_000, instalmentCount: 3, instalmentPeriod: 'monthly', energyRateMilliPerKwh: 20_000, notes: '' };
  const draft = await call<Agreement>('agreements.create', { title: 'Battery to own', terms });
  await call('agreements.transition', { id: draft.id, action: 'propose' });
  await call<AgreementDetail>('agreements.sign', { id: draft.id, memberId: ids.owner, passphrase: 'owner pin' });
  await call<AgreementDetail>('agreements.sign', { id: draft.id, memberId: ids.host, passphrase: 'host pin' });
  ids.agreement = (await call<Agreement>('agreements.transition', { id: draft.id, action: 'activate' })).id;
});
afterAll(async () => {
  await core.close();
  temp.remove();
});

describe('credit paid ahead is applied to charges posted later', () => {
  it('an overpayment pays next month’s lines in the payment order when the settlement is posted', async () => {
    // 25 Aug: nothing owed yet, so the whole 50,000 stays as credit.
    const ahead = await pay('MM-AHEAD', 50_000, '2026-08-25');
    expect(ahead.allocations.map((a) => [a.bucket, a.code, a.amountMinor])).toEqual([['energy', null, 50_000]]);
    // September posted on 1 Oct: instalment 1 (due 1 Sep, overdue: arrears) 30,000, then the fee
    // (due 30 days after 30 Sep: fixed fee) 3,000. Credit left 17,000.
    await settle('2026-09-01', '2026-09-30', '2026-10-01');
    expect(await applied('2026-10-01')).toEqual([[ahead.receiptNo, 'arrears', 'instalment', 1, 30_000, true], [ahead.receiptNo, 'fixed-fee', 'fixed-fee', null, 3_000, true]]);
    expect((await credit()).availableMinor).toBe(17_000);
    // October posted on 1 Nov: instalment 2 (arrears) gets what is left, 17,000; the fee stays owed.
    await settle('2026-10-01', '2026-10-31', '2026-11-01');
    expect(await applied('2026-11-01')).toEqual([[ahead.receiptNo, 'arrears', 'instalment', 2, 17_000, false]]);
    expect([(await credit()).availableMinor, owed()]).toEqual([0, 13_000 + 3_000]);
    expect((await call<AgreementDetail>('agreements.get', { id: ids.agreement })).agreement.status).toBe('active');
  });

  it('a top-up ahead covers the last instalment when it is posted: the agreement completes by itself, once', async () => {
    // 5 Nov, a top-up of 50,000: it pays what is open (instalment 2's 13,000 — overdue —, October's
    // fee 3,000) and 34,000 stays as credit.
    const topUp = await pay('MM-TOPUP', 50_000, '2026-11-05');
    expect(topUp.allocations.map((a) => [a.bucket, a.amountMinor])).toEqual([['arrears', 13_000], ['fixed-fee', 3_000], ['energy', 34_000]]);
    // November posted on 1 Dec: instalment 3 (due 1 Nov: arrears) 30,000 settles from the top-up's
    // credit, then the fee 3,000; 1,000 left.
    await settle('2026-11-01', '2026-11-30', '2026-12-01');
    expect(await applied('2026-12-01')).toEqual([[topUp.receiptNo, 'arrears', 'instalment', 3, 30_000, true], [topUp.receiptNo, 'fixed-fee', 'fixed-fee', null, 3_000, true]]);
    expect((await credit()).availableMinor).toBe(1_000);
    await expect.poll(async () => (await call<AgreementDetail>('agreements.get', { id: ids.agreement })).agreement.status).toBe('completed');
    const detail = await call<AgreementDetail>('agreements.get', { id: ids.agreement });
    expect(detail.agreement.endReason).toBe(`Last instalment paid from the credit of payment ${topUp.receiptNo}; completed automatically`);
    expect((await call<{ equipment: unknown }>('equipment.get', { id: ids.equipment })).equipment).toMatchObject({ status: 'transferred', ownerMemberId: ids.host });
    // Balance re-derived: charged 3 × 33,000 = 99,000, paid 100,000 → 1,000 in credit, nothing open.
    expect([accountBalance(core.database(), { kind: 'member', memberId: ids.host }), owed()]).toEqual([1_000, 0]);
  });

  it('re-running changes nothing: no new application, no second completion', async () => {
    const before = applications();
    // Another pass of the same code on the same file (as a catch-up at start would run it).
    const db = core.database();
    expect(new CreditApplier({ db, clock }).applyForAll('catch-up')).toBe(0);
    const market = buildMarketServices({ db, clock, audit: new AuditRepo(db, () => clock.now().toISOString()), cooperative: new CooperativeRepo(db), registrar: new LocalOnlyRegistrar() });
    expect(await new LeaseToOwnCompletion({ db, agreements: () => market.agreements }).catchUp()).toEqual([]);
    // A payment with nothing open: it becomes credit, no application is written.
    await on('2026-12-07');
    receipts['CB-SMALL'] = await call<PaymentView>('payments.record', { memberId: ids.host, amountMinor: 100, method: 'cash', reference: 'CB-SMALL', receivedOn: '2026-12-07' });
    expect(applications()).toBe(before);
    expect(completions()).toBe(1);
  });

  it('reversing a payment whose credit was applied later reopens what it paid; other credit covers it in order', async () => {
    await pay('MM-LATER', 5_000, '2026-12-07'); // nothing open: 5,000 more credit (6,100 in all)
    const reversed = await call<PaymentView>('payments.reverse', { id: receipts['MM-TOPUP']!.id, reason: 'Mobile-money transfer recalled by the provider' });
    expect(reversed.status).toBe('reversed');
    // The top-up paid instalment 2 (13,000) and October's fee (3,000) directly, instalment 3 (30,000)
    // and November's fee (3,000) from its credit: 49,000 open again. Its 1,000 of credit is gone; the
    // credit left (CB-SMALL 100 + MM-LATER 5,000) pays the oldest arrears first: instalment 2.
    const view = await credit();
    expect(view.applications.filter((a) => a.receiptNo === receipts['MM-TOPUP']!.receiptNo).every((a) => a.endedBy === 'payment-reversed')).toBe(true);
    expect(view.applications.filter((a) => a.occasion === 'reversal').reverse().map((a) => [a.receiptNo, a.instalmentNo, a.amountMinor])).toEqual([[receipts['CB-SMALL']!.receiptNo, 2, 100], [receipts['MM-LATER']!.receiptNo, 2, 5_000]]);
    expect([view.availableMinor, owed()]).toEqual([0, 49_000 - 5_100]);
    // Charged 99,000, live payments 50,000 + 100 + 5,000 → owes 43,900, exactly what the open items say.
    expect(accountBalance(core.database(), { kind: 'member', memberId: ids.host })).toBe(-43_900);
    // The completed agreement stays completed (the equipment changed hands on chain); the debt is arrears.
    expect((await call<AgreementDetail>('agreements.get', { id: ids.agreement })).agreement.status).toBe('completed');
    expect(completions()).toBe(1);
    expect(checkJournalIntegrity(core.database()).ok).toBe(true);
  });
});
