// Prepaid and postpaid over the real HTTP carrier on a real SQLite file: a solar host and two
// neighbours with one day of readings, a flat site tariff, two prepaid members drawn down for that
// day (hand-computed below), idempotent re-runs, low credit against the plan's threshold, a supply
// switch proposed at zero credit (sent to a port that is not there → failed, then dismissed), a
// postpaid member's overdue bill and the reminders CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { startHttpCarrier, type RunningHttpCarrier } from '../../../src-main/carriers/http/http-carrier.js';
import { accountBalance, checkJournalIntegrity, postEntries } from '../../../src-main/core/journal/index.js';
import { ADMIN, COOP, HttpApiClient } from '../../support/api-client.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { insertEquipment, insertMeter, insertReadings } from '../../support/energy-fixture.js';

const temp = makeTempDir();
let now = new Date('2026-03-02T00:00:00Z');
let core: Core;
let carrier: RunningHttpCarrier;
let api: HttpApiClient;
let siteId = 0;
let planId = 0;
let a = 0;
let b = 0;
let c = 0;
const DAY = Date.parse('2026-03-02T00:00:00Z');
// 250 minor units per kWh, nothing else in the tariff.
const RATE = 250_000;

const topUp = (memberId: number, amount: number, key: string, date = '2026-03-02') =>
  postEntries(core.database(), [{ kind: 'payment', source: { type: 'test-payment', id: key }, memo: 'top-up', idempotencyKey: key, effectiveDate: date, createdBy: null, lines: [{ account: { kind: 'cash' }, debit: amount, credit: 0 }, { account: { kind: 'member', memberId }, debit: 0, credit: amount }] }]);

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, log: () => {}, clock: { now: () => now } });
  carrier = await startHttpCarrier({ dispatch: core.dispatch, events: core.events, staticDir: null, port: 0 });
  api = new HttpApiClient(carrier.url);
  api.token = (await api.ok('setup.initialize', { cooperative: { ...COOP, timezone: 'UTC' }, admin: ADMIN })).token;
  siteId = (await api.ok('sites.create', { name: 'Mto Mill', village: 'Mto Wa Mbu' })).id;
  const ids: number[] = [];
  for (const [no, name, phone] of [['M-0001', 'Amina Solar', '+255700000001'], ['M-0002', 'Baraka', '+255700000002'], ['M-0003', 'Chiku', '']] as const) {
    ids.push((await api.ok('members.create', { memberNo: no, fullName: name, siteId, roles: ['consumer'], phone, joinedOn: '2025-02-03', preferredEnergy: [] })).id);
  }
  [a, b, c] = ids as [number, number, number];
  planId = (await api.ok('tariffs.plans.create', { siteId, name: 'Village flat' })).id;
  await api.ok('tariffs.versions.create', { planId, validFrom: '2026-03-01T00:00:00Z', definition: { energy: { mode: 'flat', rateMilliPerKwh: RATE } }, allowPast: true, reason: 'test set-up' });
  const db = core.database();
  const solar = insertEquipment(db, siteId, 'solar', a);
  const aConn = insertMeter(db, a, null);
  const aGen = insertMeter(db, a, String(solar));
  const bConn = insertMeter(db, b, null);
  const cConn = insertMeter(db, c, null);
  // Each quarter hour: A generates 100 Wh and uses 60; B uses 50, C uses 30.
  const rows: [number, number, number, number][] = [];
  for (let q = 0; q < 96; q++) rows.push([aGen, DAY + q * 900_000, 0, 100], [aConn, DAY + q * 900_000, 0, 60], [bConn, DAY + q * 900_000, 50, 0], [cConn, DAY + q * 900_000, 30, 0]);
  insertReadings(db, rows);
});
afterAll(async () => {
  await carrier.close();
  await core.close();
  temp.remove();
});

describe('prepaid members', () => {
  it('refuses a billing mode that starts in the past', async () => {
    const refused = await api.call('billing.mode.set', { memberId: b, mode: 'prepaid', validFrom: '2026-03-01' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.issues?.[0]?.reason).toBe('billingModePast');
  });

  it('draws each prepaid member down by what the settlement core charges for the day, once', async () => {
    await api.ok('billing.mode.set', { memberId: b, mode: 'prepaid', validFrom: null });
    await api.ok('billing.mode.set', { memberId: c, mode: 'prepaid', validFrom: null });
    await api.ok('billing.threshold.set', { planId, lowBalanceMinor: 4000 });
    topUp(b, 5000, 'topup-b-1');
    now = new Date('2026-03-03T01:00:00Z');
    // A day later: the session has expired, sign in again.
    api.token = (await api.ok('session.login', { username: ADMIN.username, password: ADMIN.password })).token;
    await api.ok('energy.recompute.start', { siteId, month: '2026-03' });
    for (let i = 0; i < 400 && (await api.ok('energy.recompute.state', { siteId })).status === 'running'; i++) await new Promise((r) => setTimeout(r, 50));

    const run = await api.ok('billing.drawdown.run', {});
    // B uses 96 × 50 Wh = 4.8 kWh and C 96 × 30 Wh = 2.88 kWh, from the pool and the main supply,
    // both at the site's flat 250 per kWh: B 1,200, C 720. A (postpaid) is not drawn down.
    expect(run).toMatchObject({ siteDays: 1, entries: 2, chargedMinor: 1920 });
    const db = core.database();
    expect(accountBalance(db, { kind: 'member', memberId: b })).toBe(5000 - 1200);
    expect(accountBalance(db, { kind: 'member', memberId: c })).toBe(-720);
    expect(accountBalance(db, { kind: 'member', memberId: a })).toBe(0);

    const again = await api.ok('billing.drawdown.run', {});
    expect(again).toMatchObject({ siteDays: 0, entries: 0 });
    expect(accountBalance(db, { kind: 'member', memberId: b })).toBe(3800);
    expect(checkJournalIntegrity(db).ok).toBe(true);
  });

  it('lists low and empty credit against the tariff plan threshold', async () => {
    const overview = await api.ok('billing.overview', { siteId });
    const byNo = new Map(overview.members.map((m) => [m.memberNo, m]));
    expect(byNo.get('M-0001')).toMatchObject({ mode: 'postpaid', creditStatus: null });
    expect(byNo.get('M-0002')).toMatchObject({ mode: 'prepaid', balanceMinor: 3800, lowThresholdMinor: 4000, creditStatus: 'low', lastPaymentOn: '2026-03-02' });
    expect(byNo.get('M-0003')).toMatchObject({ mode: 'prepaid', balanceMinor: -720, creditStatus: 'empty' });
    expect(overview.thresholds).toEqual([expect.objectContaining({ planId, lowBalanceMinor: 4000 })]);
  });

  it('proposes switching off at zero credit; a meter that cannot be reached fails the switch and nothing counts as sent', async () => {
    const open = await api.ok('billing.switches.refresh', {});
    expect(open.map((p) => [p.memberNo, p.action])).toEqual([['M-0003', 'off']]);
    // Asking again does not propose it twice.
    expect(await api.ok('billing.switches.refresh', {})).toHaveLength(1);
    const failed = await api.call('billing.switches.confirm', { id: open[0]!.id, portPath: '/dev/ttyCOOP-NOT-THERE' });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.issues?.[0]?.reason).toBe('switchFailed');
    expect((await api.ok('billing.switches.list', { status: 'failed' })).map((p) => p.id)).toEqual([open[0]!.id]);
    const retry = await api.ok('billing.switches.refresh', {});
    expect(retry).toHaveLength(1);
    await api.ok('billing.switches.dismiss', { id: retry[0]!.id, reason: 'Chiku paid at the window, receipt to follow' });
    const twice = await api.call('billing.switches.dismiss', { id: retry[0]!.id, reason: 'again' });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.issues?.[0]?.reason).toBe('switchAlreadyDecided');
  });
});

describe('postpaid members', () => {
  it('lists a bill past its due date and exports a reminder for members with a phone', async () => {
    // A postpaid bill of 900 dated 15 Jan, due 30 days later (14 Feb, the payments' rule): overdue on 3 March by 17 days.
    postEntries(core.database(), [{ kind: 'settlement', source: { type: 'test-bill', id: 'a-feb' }, memo: 'February', effectiveDate: '2026-01-15', createdBy: null, lines: [{ account: { kind: 'member', memberId: a }, debit: 900, credit: 0, charge: { code: 'energy' } }, { account: { kind: 'cooperative-energy' }, debit: 0, credit: 900 }] }]);
    const overdue = await api.ok('billing.overdue', { siteId });
    expect(overdue).toEqual([expect.objectContaining({ memberNo: 'M-0001', owedMinor: 900, overdueMinor: 900, overdueSince: '2026-02-14', daysOverdue: 17 })]);
    const exported = await api.ok('billing.reminders.export', { siteId });
    expect(exported).toMatchObject({ rows: 1, withoutPhone: 0 });
    const rows = parse(exported.csv, { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ phone: '+255700000001', member_no: 'M-0001', overdue_amount: '9.00', overdue_since: '2026-02-14' });
    expect(rows[0]!.message).toContain('M-0001');
  });
});
