// The settlement service on a real SQLite file: draft → approve → post through the journal, idempotent
// re-run, bad input refused with nothing written, a late reading → adjustment in the next period,
// posted periods frozen. Amounts hand-computed in the comments (KES cents; rates milli-cents/kWh).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../../src-main/core/db/connection.js';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { CoreError } from '../../../src-main/core/api/core-error.js';
import { accountBalance, checkJournalIntegrity } from '../../../src-main/core/journal/index.js';
import { SettlementService } from '../../../src-main/core/settlement/settlement-service.js';
import type { SettlementProgress } from '../../../src-main/contract/settlements.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { addFlow, seedNovember, seedSite, type SettledSite } from './settlement-fixture.js';

const NOW = new Date('2026-12-07T08:00:00.000Z');
let dir: ReturnType<typeof makeTempDir>;
let db: Database;
let s: SettledSite;
let service: SettlementService;
const posted: number[] = [];
const progress: SettlementProgress[] = [];
const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const refusal = async (action: () => unknown): Promise<CoreError> => {
  try {
    await action();
  } catch (error) {
    if (error instanceof CoreError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

beforeAll(() => {
  dir = makeTempDir('settlement-');
  db = openDatabase({ file: join(dir.path, 'coop.sqlite') });
  s = seedSite(db);
  seedNovember(db, s);
  service = new SettlementService({ db, audit: new AuditRepo(db, () => NOW.toISOString()), now: () => NOW, progress: (p) => progress.push(p), onPosted: (_db, id) => posted.push(id) });
});
afterAll(() => {
  db.close();
  dir.remove();
});

describe('settlement service', () => {
  let november = 0;

  it('computes November’s draft: every line traced, totals exact', async () => {
    // Tariff flat 20 cents/kWh-unit (20,000 milli/kWh), fixed fee 3,000 per month (a whole month here).
    // Amina: 1,000 Wh main + 500 Wh pool = 1,500 Wh → 30, split 20 main / 10 pool; fee 3,000 → −3,030.
    // Baraka (host): fee −3,000; pool earnings +10 (he gave the 500 Wh); lease energy 2,000 Wh × 50,000
    //   / 1e6 = −100; rent share 20 % = +20; his 500 Wh sold came from the leased panel (nothing
    //   self-consumed in that slot → split over his 1 generator), income 10 → owner 60 % = −6. → −3,076
    // Chebet (owner): fee −3,000 + 100 − 20 + 6 = −2,914.
    const period = await service.run(s.actor, s.siteId, '2026-11-01', '2026-11-30');
    november = period.id;
    expect(period).toMatchObject({ status: 'draft', currency: 'KES', memberCount: 3, flowsChanged: false });
    const total = (memberId: number) => service.repo.lines(period.id, memberId).reduce((sum, l) => sum + l.amountMinor, 0);
    expect([total(s.a), total(s.host), total(s.owner)]).toEqual([-3_030, -3_076, -2_914]);
    expect(service.repo.lines(period.id, s.host).map((l) => [l.code, l.amountMinor])).toEqual([['fixed_fee', -3_000], ['pool_earnings', 10], ['lease_energy', -100], ['rent_share', 20], ['surplus_share', -6]]);
    const lease = service.repo.lines(period.id, s.host).find((l) => l.code === 'lease_energy')!;
    expect(lease).toMatchObject({ counterparty: `member:${s.owner}`, quantityWh: 2_000, rateMilliPerKwh: 50_000, source: { agreementId: s.agreementId, agreementVersion: 1, intervalFrom: '2026-11-10T09:00:00.000Z' } });
    expect(progress.map((p) => p.step)).toEqual(['reading', 'computing', 'writing', 'done']);
  });

  it('re-running the same inputs writes nothing', async () => {
    const audits = count('audit_log');
    const ids = service.repo.lines(november).map((l) => l.id);
    const again = await service.run(s.actor, s.siteId, '2026-11-01', '2026-11-30');
    expect(again.id).toBe(november);
    expect(service.repo.lines(november).map((l) => l.id)).toEqual(ids);
    expect(count('audit_log')).toBe(audits);
  });

  it('refuses bad periods in one sentence and writes nothing', async () => {
    const periods = count('settlement_periods');
    const lines = count('settlement_lines');
    expect((await refusal(() => service.run(s.actor, s.siteId, '2026-11-30', '2026-11-01'))).message).toBe('The period ends (2026-11-01) before it starts (2026-11-30).');
    expect((await refusal(() => service.run(s.actor, s.siteId, '2026-12-01', '2026-12-31'))).message).toContain('must be before today (2026-12-07)');
    expect((await refusal(() => service.run(s.actor, s.siteId, '2026-11-15', '2026-12-03'))).message).toContain('overlaps the draft settlement 2026-11-01 – 2026-11-30');
    expect((await refusal(() => service.run(s.actor, s.siteId, '2026-12-01', '2026-12-03'))).message).toBe('Post the settlement 2026-11-01 – 2026-11-30 first: periods are settled in order.');
    expect((await refusal(() => service.run(s.actor, 999, '2026-11-01', '2026-11-30'))).code).toBe('NOT_FOUND');
    expect([count('settlement_periods'), count('settlement_lines')]).toEqual([periods, lines]);
  });

  it('approves, then posts every entry with the status in one transaction; balances equal the statements', () => {
    expect((() => { try { service.post(s.actor, november); } catch (e) { return (e as Error).message; } })()).toBe('Approve the settlement before posting it.');
    service.approve(s.actor, november);
    const period = service.post(s.actor, november);
    expect(period.status).toBe('posted');
    expect(posted).toEqual([november]);
    expect(period.journalEntryIds.length).toBe(new Set(service.repo.lines(november).map((l) => l.transferNo)).size);
    expect([accountBalance(db, { kind: 'member', memberId: s.a }), accountBalance(db, { kind: 'member', memberId: s.host }), accountBalance(db, { kind: 'member', memberId: s.owner })]).toEqual([-3_030, -3_076, -2_914]);
    expect(accountBalance(db, { kind: 'cooperative-fees' })).toBe(9_000);
    expect(accountBalance(db, { kind: 'cooperative-energy' })).toBe(20);
    expect(checkJournalIntegrity(db).ok).toBe(true);
    expect(() => service.post(s.actor, november)).toThrow('already posted');
    expect(() => db.prepare(`DELETE FROM settlement_lines WHERE period_id = ?`).run(november)).toThrow('never changed');
    expect(() => db.prepare(`UPDATE settlement_periods SET period_to = '2026-11-29' WHERE id = ?`).run(november)).toThrow('never rewritten');
  });

  it('a reading that arrives after posting becomes an adjustment line in the next period', async () => {
    // Amina's 09:00 reading was 500 Wh short: main 1,500 Wh. November again: 2,000 Wh → 40, split
    // [1,500 main, 500 pool] → 30 / 10. Posted: 20 main → the difference 10 moves Amina → cooperative.
    addFlow(db, s.siteId, s.a, '2026-11-10T09:00:00.000Z', { mainImport: 500 });
    expect(service.view(november).flowsChanged).toBe(true);
    const december = await service.run(s.actor, s.siteId, '2026-12-01', '2026-12-05');
    // December 1–5: fee 3,000 × 5/31 = 483.87 → 484; plus the adjustment of −10.
    const amina = service.repo.lines(december.id, s.a);
    expect(amina.map((l) => [l.code, l.amountMinor])).toEqual([['fixed_fee', -484], ['adjustment', -10]]);
    expect(amina[1]).toMatchObject({ counterparty: 'cooperative-energy', source: { adjustsPeriodId: november }, explain: { of: 'energy_main', periodFrom: '2026-11-01', periodTo: '2026-11-30' } });
    expect(service.repo.lines(november, s.a).map((l) => l.amountMinor)).toEqual([-20, -10, -3_000]);
    service.approve(s.actor, december.id);
    service.post(s.actor, december.id);
    expect(accountBalance(db, { kind: 'member', memberId: s.a })).toBe(-3_030 - 484 - 10);
    // Carried once: the next period has no adjustment left.
    const next = await service.run(s.actor, s.siteId, '2026-12-06', '2026-12-06');
    expect(service.repo.lines(next.id).filter((l) => l.code === 'adjustment')).toEqual([]);
    expect(checkJournalIntegrity(db).ok).toBe(true);
  });

  it('refuses to post when the flows changed after approval; a failing mirror hook posts nothing', async () => {
    const next = service.repo.periods(s.siteId)[0]!;
    service.approve(s.actor, next.id);
    addFlow(db, s.siteId, s.a, '2026-12-06T09:00:00.000Z', { mainImport: 700 });
    expect(() => service.post(s.actor, next.id)).toThrow('reopen it, run it again');
    service.reopen(s.actor, next.id, 'late reading');
    await service.run(s.actor, s.siteId, '2026-12-06', '2026-12-06');
    service.approve(s.actor, next.id);
    const entries = count('journal_entries');
    const failing = new SettlementService({ db, audit: new AuditRepo(db, () => NOW.toISOString()), now: () => NOW, onPosted: () => { throw new Error('mirror outbox unavailable'); } });
    expect(() => failing.post(s.actor, next.id)).toThrow('mirror outbox unavailable');
    expect(count('journal_entries')).toBe(entries);
    expect(service.view(next.id).status).toBe('approved');
  });

  it('every refusal carries the reason and the values the console says it from', async () => {
    const reasonOf = async (action: () => unknown) => {
      const e = await refusal(action);
      return { code: e.code, reason: e.details?.reason, params: e.details?.params };
    };
    const [nov, dec, dec6] = [...service.repo.periods(s.siteId)].reverse();
    expect(dec6!.status).toBe('approved');
    const at = (from: string, to: string) => ({ from, to });
    expect(await reasonOf(() => service.approve(s.actor, dec6!.id))).toEqual({ code: 'CONFLICT', reason: 'settlement_already_approved', params: {} });
    expect(await reasonOf(() => service.post(s.actor, nov!.id))).toEqual({ code: 'CONFLICT', reason: 'settlement_already_posted', params: {} });
    expect(await reasonOf(() => service.reopen(s.actor, dec!.id, 'why'))).toEqual({ code: 'CONFLICT', reason: 'settlement_posted_never_reopened', params: {} });
    expect(await reasonOf(() => service.run(s.actor, s.siteId, '2026-12-07', '2026-12-08'))).toEqual({ code: 'VALIDATION', reason: 'settlement_period_not_ended', params: { to: '2026-12-08', today: '2026-12-07' } });
    expect(await reasonOf(() => service.run(s.actor, s.siteId, '2026-12-03', '2026-12-01'))).toEqual({ code: 'VALIDATION', reason: 'settlement_period_reversed', params: at('2026-12-03', '2026-12-01') });
    expect(await reasonOf(() => service.run(s.actor, s.siteId, '2026-12-06', '2026-12-06'))).toEqual({ code: 'CONFLICT', reason: 'settlement_approved_rerun', params: at('2026-12-06', '2026-12-06') });
    expect(await reasonOf(() => service.run(s.actor, s.siteId, '2026-11-20', '2026-11-25'))).toEqual({ code: 'CONFLICT', reason: 'settlement_overlaps', params: { ...at('2026-11-01', '2026-11-30'), site: 'Green Valley' } });
    expect(await reasonOf(() => service.run(s.actor, s.siteId, '2026-12-07', '2026-12-06'))).toMatchObject({ reason: 'settlement_period_reversed' });
    // A changed currency: the approved period is in KES, the cooperative now in EUR.
    db.prepare(`UPDATE cooperative SET currency = 'EUR'`).run();
    expect(await reasonOf(() => service.post(s.actor, dec6!.id))).toEqual({ code: 'CONFLICT', reason: 'settlement_mixed_currencies', params: { currency: 'EUR', previous: 'KES', ...at('2026-12-06', '2026-12-06') } });
    db.prepare(`UPDATE cooperative SET currency = 'KES'`).run();
    addFlow(db, s.siteId, s.host, '2026-12-06T10:00:00.000Z', { poolShared: 100 });
    expect(await reasonOf(() => service.post(s.actor, dec6!.id))).toEqual({ code: 'CONFLICT', reason: 'settlement_inputs_changed', params: {} });

    // Another site: no tariff plan, then a plan whose only version starts mid-month, then a draft.
    const AT = '2026-10-01T00:00:00.000Z';
    const hill = Number(db.prepare(`INSERT INTO sites (name, village, created_at) VALUES ('Hill', 'Kijiji', ?)`).run(AT).lastInsertRowid);
    expect(await reasonOf(() => service.run(s.actor, hill, '2026-11-01', '2026-11-30'))).toEqual({ code: 'VALIDATION', reason: 'settlement_no_tariff_plan', params: { site: 'Hill' } });
    const plan = Number(db.prepare(`INSERT INTO tariff_plans (site_id, name, created_at) VALUES (?, 'Hill rate', ?)`).run(hill, AT).lastInsertRowid);
    const definition = JSON.stringify({ energy: { mode: 'flat', rateMilliPerKwh: 20_000 }, fixedMonthlyMinor: 0, gridFeeMilliPerKwh: 0, taxBps: 0, loadLimitW: null, dailyEnergyLimitWh: null });
    db.prepare(`INSERT INTO tariff_versions (plan_id, version, valid_from, definition_json, created_at) VALUES (?, 1, '2026-11-14T21:00:00.000Z', ?, ?)`).run(plan, definition, AT);
    expect(await reasonOf(() => service.run(s.actor, hill, '2026-11-01', '2026-11-30'))).toEqual({ code: 'VALIDATION', reason: 'settlement_no_tariff_version', params: { plan: 'Hill rate', date: '2026-11-01' } });
    const draft = await service.run(s.actor, hill, '2026-11-15', '2026-11-30');
    expect(await reasonOf(() => service.reopen(s.actor, draft.id, 'why'))).toEqual({ code: 'CONFLICT', reason: 'settlement_reopen_not_approved', params: {} });
    expect(await reasonOf(() => service.post(s.actor, draft.id))).toEqual({ code: 'CONFLICT', reason: 'settlement_not_approved', params: {} });
    expect(await reasonOf(() => service.run(s.actor, hill, '2026-12-01', '2026-12-02'))).toEqual({ code: 'CONFLICT', reason: 'settlement_earlier_unposted', params: at('2026-11-15', '2026-11-30') });
    expect(await reasonOf(() => service.run(s.actor, 999, '2026-11-01', '2026-11-30'))).toMatchObject({ code: 'NOT_FOUND', reason: 'notFound' });
  });
});
