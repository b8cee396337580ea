// Settlements over the real HTTP/WS carrier on the demo village (the demo generator: members,
// tariffs, own generators, P2P sales signed and activated, two days of signed readings through the
// verified ingest, flows): run last period's draft with progress events, exact sums, a member's lines
// with sources and explanations, bad input refused in one sentence with nothing written, approve,
// post through the journal (integrity holds, balances = statements), the report and its CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { startHttpCarrier, type RunningHttpCarrier } from '../../../src-main/carriers/http/http-carrier.js';
import type { EventMessage, OperatorPublic, SettlementPeriod } from '../../../src-main/contract/index.js';
import { demoClock, generateDemoCooperative } from '../../../src-main/core/demo/demo-generator.js';
import { localDaysSpan } from '../../../src-main/core/demo/demo-span.js';
import { accountBalance, checkJournalIntegrity } from '../../../src-main/core/journal/index.js';
import { ADMIN, COOP, HttpApiClient } from '../../support/api-client.js';
import { makeTempDir } from '../../support/temp-dir.js';

const temp = makeTempDir('coop-settle-http-');
// The period settled below, 1–2 November, in whole local days of the cooperative (Nairobi).
const { fromMs: FROM, toMs: TO } = localDaysSpan('2026-11-01', '2026-11-03', COOP.timezone);
const clock = demoClock(FROM);
let core: Core;
let carrier: RunningHttpCarrier;
let api: HttpApiClient;
let socket: WebSocket;
const received: EventMessage[] = [];
let siteId = 0;
let period: SettlementPeriod;

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, clock, chain: { mode: 'off' }, log: () => {} });
  const setup = await core.dispatch('setup.initialize', { cooperative: COOP, admin: ADMIN }, null);
  if (!setup.ok) throw new Error(setup.error.message);
  const { operator, token } = setup.value as { operator: OperatorPublic; token: string };
  await generateDemoCooperative({ db: core.database(), clock, events: core.events }, operator, { members: 60, seed: 11, fromMs: FROM, toMs: TO });
  const db = core.database();
  // One of the village's draft hosted leases, signed and activated by SQL (signing has its own
  // tests), so its economics show up in the settlement.
  db.prepare(`UPDATE agreements SET status = 'active', activated_at = '2026-10-01T00:00:00.000Z' WHERE id = (SELECT MIN(id) FROM agreements WHERE kind = 'hosted_lease')`).run();
  siteId = (db.prepare(`SELECT site_id FROM agreements WHERE kind = 'p2p_sale' AND activated_at IS NOT NULL GROUP BY site_id ORDER BY COUNT(*) DESC LIMIT 1`).get() as { site_id: number }).site_id;
  clock.set(Date.parse('2026-12-05T09:00:00Z'));
  carrier = await startHttpCarrier({ dispatch: core.dispatch, events: core.events, staticDir: null, port: 0 });
  api = new HttpApiClient(carrier.url);
  // The session opened at the demo's start has expired by now (the clock moved a month): sign in again.
  void token;
  api.token = (await api.ok('session.login', { username: ADMIN.username, password: ADMIN.password })).token;
  socket = new WebSocket(`${carrier.url.replace('http', 'ws')}api/events?token=${api.token}`);
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as EventMessage));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
}, 180_000);
afterAll(async () => {
  socket?.close();
  await carrier?.close();
  await core?.close();
  temp.remove();
});

describe('settlements over HTTP on the demo village', () => {
  it('runs the period’s draft with progress; every member’s lines and the counterparties sum to zero', async () => {
    period = await api.ok('settlements.run', { siteId, from: '2026-11-01', to: '2026-11-02' });
    expect(period).toMatchObject({ status: 'draft', currency: 'KES', siteId });
    expect(period.memberCount).toBeGreaterThan(3);
    const detail = await api.ok('settlements.get', { id: period.id });
    const members = detail.members.reduce((s, m) => s + m.totalMinor, 0);
    const others = detail.counterparties.reduce((s, c) => s + c.totalMinor, 0);
    expect(members + others).toBe(0);
    expect(detail.members.reduce((s, m) => s + m.chargedMinor, 0)).toBe(period.chargedMinor);
    const codes = new Set<string>();
    for (const m of detail.members) {
      const preview = await api.ok('settlements.member', { id: period.id, memberId: m.memberId });
      expect(preview.lines.reduce((s, l) => s + l.amountMinor, 0)).toBe(m.totalMinor);
      for (const l of preview.lines) codes.add(l.code);
    }
    expect([...codes]).toEqual(expect.arrayContaining(['energy_main', 'fixed_fee', 'p2p_energy', 'pool_earnings']));
    await new Promise((r) => setTimeout(r, 50));
    const steps = received.filter((e) => e.event === 'settlements.progress').map((e) => (e.payload as { step: string }).step);
    expect(steps).toEqual(['reading', 'computing', 'writing', 'done']);
  });

  it('traces a P2P line to its agreement and intervals', async () => {
    const detail = await api.ok('settlements.get', { id: period.id });
    let found = false;
    for (const m of detail.members) {
      const preview = await api.ok('settlements.member', { id: period.id, memberId: m.memberId });
      const p2p = preview.lines.find((l) => l.code === 'p2p_energy' && l.amountMinor < 0);
      if (!p2p) continue;
      expect(p2p.agreementId).not.toBeNull();
      expect(p2p.agreementTitle).toBeTruthy();
      expect(p2p.intervalFrom! <= p2p.intervalTo!).toBe(true);
      expect(p2p.counterpartyName).toBeTruthy();
      expect(p2p.quantityWh).toBeGreaterThan(0);
      found = true;
      break;
    }
    expect(found).toBe(true);
  });

  it('refuses bad input in one sentence and writes nothing', async () => {
    const before = await api.ok('settlements.list', { siteId: null });
    // Each refusal carries its reason and values over the carrier: the console says it in EN or FR.
    const cases: [Record<string, unknown>, string, string, string, Record<string, string>][] = [
      [{ siteId, from: '2026-11-02', to: '2026-11-01' }, 'VALIDATION', 'The period ends (2026-11-01) before it starts (2026-11-02).', 'settlement_period_reversed', { from: '2026-11-02', to: '2026-11-01' }],
      [{ siteId, from: '2026-12-01', to: '2026-12-31' }, 'VALIDATION', 'A period is settled once it has ended: its last day (2026-12-31) must be before today (2026-12-05).', 'settlement_period_not_ended', { to: '2026-12-31', today: '2026-12-05' }],
      [{ siteId, from: '2026-11-02', to: '2026-11-03' }, 'CONFLICT', 'This period overlaps the draft settlement 2026-11-01 – 2026-11-02', 'settlement_overlaps', { from: '2026-11-01', to: '2026-11-02' }],
      [{ siteId: 9_999, from: '2026-10-01', to: '2026-10-02' }, 'NOT_FOUND', 'Site 9999 does not exist.', 'notFound', {}],
    ];
    for (const [input, code, message, reason, params] of cases) {
      const r = await api.call('settlements.run', input as { siteId: number; from: string; to: string });
      expect(!r.ok && r.error.code).toBe(code);
      expect(!r.ok && r.error.message).toContain(message);
      expect(!r.ok && r.error.details?.reason).toBe(reason);
      expect(!r.ok && r.error.details?.params).toMatchObject(params);
    }
    const badDate = await api.call('settlements.run', { siteId, from: '2026-02-30', to: '2026-03-01' });
    expect(!badDate.ok && badDate.error.code).toBe('VALIDATION');
    expect(await api.ok('settlements.list', { siteId: null })).toEqual(before);
  });

  it('approves and posts through the journal: balanced, balances equal statements, posted once', async () => {
    const again = await api.ok('settlements.run', { siteId, from: '2026-11-01', to: '2026-11-02' });
    expect(again.computedAt).toBe(period.computedAt);
    expect((await api.ok('settlements.approve', { id: period.id })).status).toBe('approved');
    const posted = await api.ok('settlements.post', { id: period.id });
    expect(posted.status).toBe('posted');
    expect(posted.journalEntryIds.length).toBeGreaterThan(0);
    const db = core.database();
    expect(checkJournalIntegrity(db).ok).toBe(true);
    const detail = await api.ok('settlements.get', { id: period.id });
    for (const m of detail.members) expect(accountBalance(db, { kind: 'member', memberId: m.memberId })).toBe(m.totalMinor);
    // A settled period is never re-priced: a tariff version may no longer start inside it.
    const planId = (db.prepare(`SELECT id FROM tariff_plans WHERE site_id = ? ORDER BY id LIMIT 1`).get(siteId) as { id: number }).id;
    const back = await api.call('tariffs.versions.create', { planId, validFrom: '2026-11-02T00:00:00Z', definition: { energy: { mode: 'flat', rateMilliPerKwh: 1_000 } }, allowPast: true, reason: 'price fix' });
    expect(!back.ok && back.error.message).toContain('are settled');
    const twice = await api.call('settlements.post', { id: period.id });
    expect(!twice.ok && [twice.error.code, twice.error.message, twice.error.details?.reason]).toEqual(['CONFLICT', 'This settlement is already posted.', 'settlement_already_posted']);
  });

  it('reports energy by source and money by party, and exports CSV with the site’s fields', async () => {
    const report = await api.ok('settlements.report', { id: period.id });
    expect(report.energy.mainWh + report.energy.poolWh + report.energy.p2pWh).toBeGreaterThan(0);
    expect(report.sales.p2pMinor).toBeGreaterThan(0);
    const { fileName, csv } = await api.ok('settlements.reportCsv', { id: period.id });
    expect(fileName).toMatch(/^settlement-.+-2026-11-01-2026-11-02\.csv$/);
    const [header, first] = csv.split('\r\n');
    expect(header).toBe('site_id,site_name,village,period_from,period_to,currency,figure,member_id,member_name,energy_wh,amount_minor');
    expect(first).toContain(`${siteId},${report.site.name},`);
    expect(first).toContain(`,2026-11-01,2026-11-02,KES,energy_sold_p2p,,,${report.energy.p2pWh},${report.sales.p2pMinor}`);
  });
});
