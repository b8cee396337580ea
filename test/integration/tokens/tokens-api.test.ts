// The token channels on a real core and SQLite file: a member at the kiosk sees and redeems their
// own tokens only (A's session cannot reach B's), operators redeem for credit or record a cash-out
// (journal and ledger agree), refusals write nothing, and the policy editor's preview and save rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import type { ApiResponse } from '../../../src-main/contract/index.js';
import type { MemberTokens, TokenPolicyPreview, TokenRedemptionResult, TokenPoliciesView } from '../../../src-main/contract/tokens.js';
import { recordPeriodTokenAwards } from '../../../src-main/core/tokens/token-posting.js';
import { DEFAULT_TOKEN_POLICY } from '../../../src-main/core/tokens/token-policy.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { initializeCooperative, type InitializedCooperative } from '../../support/core-setup.js';
import { insertPostedPeriod, seedTokenSite, type TokenSite } from './token-fixture.js';

const now = new Date('2026-12-07T08:00:00Z');
const temp = makeTempDir();
let core: Core;
let office: InitializedCooperative;
let site: TokenSite;
let kioskA = '';

const call = (channel: string, input: unknown, token: string | null) => core.dispatch(channel, input, token);
const codeOf = (r: ApiResponse<unknown>) => (r.ok ? 'OK' : r.error.code);
async function value<T>(channel: string, input: unknown, token: string | null = office.token): Promise<T> {
  const r = await call(channel, input, token);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
const memberBalance = (memberId: number) => core.database().prepare(`SELECT COALESCE(SUM(l.credit - l.debit), 0) FROM journal_lines l JOIN journal_accounts a ON a.id = l.account_id WHERE a.kind = 'member' AND a.member_id = ?`).pluck().get(memberId) as number;

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, clock: { now: () => new Date(now) }, log: () => {} });
  office = await initializeCooperative(core);
  const db = core.database();
  site = seedTokenSite(db);
  const period = insertPostedPeriod(db, site.siteId);
  recordPeriodTokenAwards(db, period, now);
  const card = (await office.ok('kioskCards.issue', { memberId: site.members[0] })) as unknown as { code: string };
  kioskA = (await value<{ token: string }>('kiosk.signIn', { method: 'card', code: card.code }, null)).token;
});
afterAll(async () => {
  await core.close();
  temp.remove();
});

describe('tokens at the kiosk', () => {
  it("shows A's own tokens and redeems A's only: B's are out of reach", async () => {
    const [a, b] = site.members;
    const mine = await value<MemberTokens>('tokens.mine', {}, kioskA);
    expect(mine).toMatchObject({ balance: 2501, redemptionMinorPerKiloUnits: 10, balanceValueMinor: 25, unit: { decimals: 3, currency: 'KES' } });
    expect(mine.awards).toHaveLength(1);
    expect(mine.awards[0]).toMatchObject({ tokens: 2501, kinds: ['solar'], certificates: [{ kind: 'solar', attested: true, wh: 2501, tokens: 2501 }], mint: null });
    // B's id beside the input is refused by the schema; the operator channels refuse a kiosk session.
    expect(codeOf(await call('tokens.redeemMine', { tokens: 100, memberId: b }, kioskA))).toBe('VALIDATION');
    expect(codeOf(await call('tokens.redeem', { memberId: b, tokens: 100, kind: 'credit' }, kioskA))).toBe('FORBIDDEN');
    expect(codeOf(await call('tokens.member', { memberId: b }, kioskA))).toBe('FORBIDDEN');
    // An operator's session is refused on the member's own channel.
    expect(codeOf(await call('tokens.redeemMine', { tokens: 100 }, office.token))).toBe('FORBIDDEN');

    const redeemed = await value<TokenRedemptionResult>('tokens.redeemMine', { tokens: 1000 }, kioskA);
    expect(redeemed).toMatchObject({ tokens: 1000, amountMinor: 10, kind: 'credit', balance: 1501, burnedOnChain: 0 });
    expect((await value<MemberTokens>('tokens.member', { memberId: b })).balance).toBe(1666);
    expect((await value<MemberTokens>('tokens.member', { memberId: a })).history.map((h) => [h.kind, h.tokens, h.balance])).toEqual([['award', 2501, 2501], ['redemption', -1000, 1501]]);
    expect(memberBalance(a)).toBe(10);
    expect(memberBalance(b)).toBe(0);
  });

  it('refuses more than the balance, or too few to be worth a cent, and writes nothing', async () => {
    const db = core.database();
    const count = () => db.prepare(`SELECT (SELECT count(*) FROM token_redemptions) + (SELECT count(*) FROM journal_entries) + (SELECT count(*) FROM token_movements)`).pluck().get();
    const before = count();
    const tooMany = await call('tokens.redeemMine', { tokens: 1502 }, kioskA);
    expect(tooMany.ok ? null : tooMany.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'tokensTooMany', params: { balance: 1501, tokens: 1502 } } });
    const worthless = await call('tokens.redeemMine', { tokens: 49 }, kioskA); // 0.49 of a cent rounds to 0
    expect(worthless.ok ? null : worthless.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'tokensWorthNothing' } });
    expect(count()).toBe(before);
  });
});

describe('tokens at the office', () => {
  it('redeems for credit (member credited) or records a cash-out (cash paid): journal and ledger agree', async () => {
    const [, b, c] = site.members;
    expect(await value<TokenRedemptionResult>('tokens.redeem', { memberId: b, tokens: 1666, kind: 'credit' })).toMatchObject({ amountMinor: 17, balance: 0 }); // 16.66 → 17
    expect(await value<TokenRedemptionResult>('tokens.redeem', { memberId: c, tokens: 4500, kind: 'cash-out' })).toMatchObject({ amountMinor: 45, balance: 0 });
    expect(memberBalance(b)).toBe(17);
    expect(memberBalance(c)).toBe(0);
    const db = core.database();
    const byKind = (kind: string) => db.prepare(`SELECT COALESCE(SUM(l.credit - l.debit), 0) FROM journal_lines l JOIN journal_accounts a ON a.id = l.account_id WHERE a.kind = ?`).pluck().get(kind);
    expect(byKind('token-redemption')).toBe(-(10 + 17 + 45));
    // Cash is an asset: money received is a debit, so cash paid out reads as credits − debits = +45.
    expect(byKind('cash')).toBe(45);
    // Every redemption's amount is in the journal once, under its own key.
    expect(db.prepare(`SELECT count(*) FROM token_redemptions r JOIN journal_entries e ON e.idempotency_key = 'token-redemption:' || r.id`).pluck().get()).toBe(3);
  });
});

describe('token policy versions', () => {
  it('previews a policy on the last posted period, per member, without writing', async () => {
    const preview = await value<TokenPolicyPreview>('tokens.previewPolicy', { policy: { ...DEFAULT_TOKEN_POLICY, unitsPerKwh: 2000, unattestedRateBps: 5000 } });
    expect(preview.period).toMatchObject({ siteName: 'Token Valley' });
    expect(preview.members.map((m) => [m.memberNo, m.tokens, m.awardedTokens])).toEqual([['T-1', 5002, 2501], ['T-2', 3333, 1666], ['T-3', 9000, 4500]]);
    expect(preview).toMatchObject({ totalTokens: 5002 + 3333 + 9000, awardedTotal: 8667 });
    expect(core.database().prepare('SELECT count(*) FROM token_policy_versions').pluck().get()).toBe(0);
  });

  it('saves versions forward only: never into an awarded period, never a policy that punishes more kinds', async () => {
    const backdated = await call('tokens.savePolicy', { validFrom: '2026-11-15T00:00:00Z', policy: DEFAULT_TOKEN_POLICY }, office.token);
    expect(backdated.ok ? null : backdated.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'tokenPolicyBackdated', params: { earliest: '2026-12-01T00:00:00.000Z' } } });
    const punishing = await call('tokens.savePolicy', { validFrom: '2027-01-01T00:00:00Z', policy: { ...DEFAULT_TOKEN_POLICY, diversity: [{ kinds: 1, multiplierBps: 10_000 }, { kinds: 2, multiplierBps: 9_000 }] } }, office.token);
    expect(punishing.ok ? null : punishing.error).toMatchObject({ code: 'VALIDATION', details: { reason: 'tokenPolicyInvalid' } });
    const saved = await value<{ version: number; inForce: boolean }>('tokens.savePolicy', { validFrom: '2026-12-01T00:00:00Z', policy: { ...DEFAULT_TOKEN_POLICY, redemptionMinorPerKiloUnits: 20 }, notes: 'December' });
    expect(saved).toMatchObject({ version: 1, inForce: true });
    const view = await value<TokenPoliciesView>('tokens.policies', {});
    expect(view).toMatchObject({ currentIsDefault: false, current: { redemptionMinorPerKiloUnits: 20 }, earliestValidFrom: '2026-12-01T00:00:00.000Z' });
    expect((await value<MemberTokens>('tokens.mine', {}, kioskA)).redemptionMinorPerKiloUnits).toBe(20);
  });
});
