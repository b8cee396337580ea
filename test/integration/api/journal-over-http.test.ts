// The journal over the real HTTP carrier, on a real SQLite file: a member's account (balance,
// entries with their lines, paging, balance over time), the cooperative's accounts, an audited
// reversal and its refusals, and the integrity check on demand and at core start (a failure stays
// visible until the books are right again).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { startHttpCarrier, type RunningHttpCarrier } from '../../../src-main/carriers/http/http-carrier.js';
import { ADMIN, COOP, HttpApiClient } from '../../support/api-client.js';
import { seedMemberEntries } from '../../support/journal-seed.js';
import { makeTempDir } from '../../support/temp-dir.js';

const temp = makeTempDir();
let core: Core;
let carrier: RunningHttpCarrier;
let api: HttpApiClient;
let memberId = 0;
let buyerId = 0;
let entries: number[] = [];

async function start(): Promise<void> {
  core = createCore({ dataDir: temp.path, log: () => {} });
  carrier = await startHttpCarrier({ dispatch: core.dispatch, events: core.events, staticDir: null, port: 0 });
  api = new HttpApiClient(carrier.url);
}
async function stop(): Promise<void> {
  await carrier.close();
  await core.close();
}

beforeAll(async () => {
  await start();
  const setup = await api.ok('setup.initialize', { cooperative: COOP, admin: ADMIN });
  api.token = setup.token;
  const siteId = (await api.ok('sites.create', { name: 'Soko Square' })).id;
  memberId = (await api.ok('members.create', { memberNo: 'K-1', fullName: 'Amina Otieno', siteId, roles: ['prosumer'], joinedOn: '2025-01-01' })).id;
  buyerId = (await api.ok('members.create', { memberNo: 'K-2', fullName: 'Baraka Mwangi', siteId, roles: ['consumer'], joinedOn: '2025-01-01' })).id;
  entries = seedMemberEntries(core.database(), memberId, buyerId, setup.operator.id);
});
afterAll(async () => {
  await stop();
  temp.remove();
});

describe('the journal over HTTP', () => {
  it("shows a member's balance, entries with every line, paging and the balance over time", async () => {
    const account = await api.ok('journal.member.account', { memberId, limit: 2 });
    expect(account.currency).toBe('KES');
    expect(account.totals).toEqual({ debitTotal: 258_000, creditTotal: 257_750, balance: -250, lineCount: 7 });
    expect(account.entries.total).toBe(5);
    expect(account.entries.rows.map((e) => [e.effectiveDate, e.kind, e.memberAmount])).toEqual([
      ['2026-10-05', 'payment', 67_750],
      ['2026-09-28', 'settlement', 40_000],
    ]);
    const p2p = account.entries.rows[1]!;
    expect(p2p.source).toEqual({ type: 'settlement-line', id: 'p2p-9' });
    expect(p2p.createdBy).toBe(ADMIN.displayName);
    expect(p2p.lines.map((l) => [l.account.kind, l.memberName, l.debit, l.credit, l.charge?.code ?? null])).toEqual([
      ['member', 'Baraka Mwangi', 45_000, 0, 'p2p'],
      ['member', 'Amina Otieno', 0, 40_000, null],
      ['grid', null, 0, 3_000, null],
      ['government', null, 0, 2_000, null],
    ]);
    const older = await api.ok('journal.member.account', { memberId, limit: 2, offset: 4 });
    expect(older.entries.rows.map((e) => e.effectiveDate)).toEqual(['2026-08-28']);
    expect(older.entries.rows[0]!.lines.map((l) => l.charge?.code ?? null)).toEqual(['energy', 'fixed-fee', null, null]);
    expect(account.series).toEqual([
      { date: '2026-08-28', balance: -140_000 },
      { date: '2026-09-03', balance: 10_000 },
      { date: '2026-09-28', balance: -68_000 },
      { date: '2026-10-05', balance: -250 },
    ]);
    const stranger = await api.call('journal.member.account', { memberId: 9999 });
    expect(stranger.ok ? null : stranger.error.code).toBe('NOT_FOUND');
  });

  it("lists the cooperative's accounts and the members' together", async () => {
    const view = await api.ok('journal.accounts.balances', {});
    const balance = Object.fromEntries(view.accounts.map((a) => [a.kind, a.balance]));
    expect(balance).toEqual({ 'cooperative-fees': 40_000, 'cooperative-energy': 218_000, grid: 3_000, government: 2_000, cash: -150_000, 'mobile-money': -67_750, suspense: 0, 'token-redemption': 0 });
    expect(view.members).toEqual({ accounts: 2, inCredit: 0, owing: 2, netBalance: -45_250 });
  });

  it('reverses an entry with a reason, audited; refuses a second reversal, a reversal of a reversal and a missing reason', async () => {
    const payment = entries[1]!;
    const blank = await api.call('journal.entries.reverse', { entryId: payment, reason: '   ' });
    expect(blank.ok ? null : blank.error.code).toBe('VALIDATION');
    const { reversalEntryId } = await api.ok('journal.entries.reverse', { entryId: payment, reason: 'Counted twice at the window' });
    const account = await api.ok('journal.member.account', { memberId, limit: 50 });
    expect(account.totals.balance).toBe(-150_250);
    const reversal = account.entries.rows.find((e) => e.id === reversalEntryId)!;
    expect(reversal).toMatchObject({ kind: 'payment-reversal', reversesEntryId: payment, reversalReason: 'Counted twice at the window', memberAmount: -150_000 });
    expect(account.entries.rows.find((e) => e.id === payment)!.reversedByEntryId).toBe(reversalEntryId);
    // What the screen says of it: the cancelled payment (read back from its lines: the seed books no payments row) and the reason.
    expect(reversal.description).toEqual({ code: 'payment-reversal', params: { entryId: payment, reason: 'Counted twice at the window', of: { code: 'payment', params: { method: 'cash', reference: 'R-1001' } } } });
    expect(reversal.memo).toBe(`Reversal of entry ${payment}: Counted twice at the window`);

    const again = await api.call('journal.entries.reverse', { entryId: payment, reason: 'again' });
    expect(again.ok ? null : [again.error.code, again.error.message]).toEqual(['ALREADY_REVERSED', `Entry ${payment} was already reversed by entry ${reversalEntryId}; nothing was posted.`]);
    const undo = await api.call('journal.entries.reverse', { entryId: reversalEntryId, reason: 'undo' });
    expect(undo.ok ? null : undo.error.code).toBe('NOT_REVERSIBLE');
    const missing = await api.call('journal.entries.reverse', { entryId: 424_242, reason: 'typo' });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    expect((await api.ok('journal.member.account', { memberId })).entries.total).toBe(6);

    const audit = await api.ok('audit.list', { entity: 'journal_entry', entityId: String(payment) });
    expect(audit).toEqual([expect.objectContaining({ action: 'reverse', operator: ADMIN.displayName, summaryCode: 'journal.reversed', summaryParams: { entryId: payment, reversalEntryId, reason: 'Counted twice at the window' } })]);
  });

  it('lets a technician read the integrity status but not reverse entries', async () => {
    await api.ok('operators.create', { username: 'tech', displayName: 'Tito Tech', role: 'technician', password: 'long enough password 1' });
    const tech = new HttpApiClient(carrier.url);
    tech.token = (await tech.ok('session.login', { username: 'tech', password: 'long enough password 1' })).token;
    expect((await tech.ok('journal.integrity.status', {})).report.ok).toBe(true);
    const refused = await tech.call('journal.entries.reverse', { entryId: entries[0]!, reason: 'no' });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });

  it('finds a tampered cached balance on demand and again at the next start, until it is right', async () => {
    expect(await api.ok('journal.integrity.check', {})).toMatchObject({ trigger: 'on-demand', failure: null, report: { ok: true, entryCount: 6, totalDebits: 670_750 } });
    const db = core.database();
    const account = `(SELECT id FROM journal_accounts WHERE member_id = ${memberId})`;
    db.prepare(`UPDATE journal_balances SET credit_total = credit_total + 100 WHERE account_id = ${account}`).run();
    const failed = await api.ok('journal.integrity.check', {});
    expect(failed.report.ok).toBe(false);
    expect(failed.report.balanceMismatches).toEqual([expect.objectContaining({ account: { kind: 'member', memberId }, cachedCredits: 257_850, derivedCredits: 257_750 })]);
    expect((await api.ok('journal.integrity.status', {})).report.ok).toBe(false);

    await stop();
    await start();
    api.token = (await api.ok('session.login', { username: ADMIN.username, password: ADMIN.password })).token;
    expect(await api.ok('journal.integrity.status', {})).toMatchObject({ trigger: 'startup', report: { ok: false } });
    core.database().prepare(`UPDATE journal_balances SET credit_total = credit_total - 100 WHERE account_id = ${account}`).run();
    expect((await api.ok('journal.integrity.check', {})).report.ok).toBe(true);
  });
});
