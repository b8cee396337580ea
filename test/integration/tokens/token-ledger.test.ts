// Tokens of a posted period in a real SQLite file, no chain: the award stored at posting (policy
// in force at the period's start, measured generation of [first_interval, end_interval) only),
// the ledger read API the statements use, and the mint recorded in the outbox once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAddress } from '@polkadot/util-crypto';
import { tempEnv, type TempEnv } from '../chain/helpers.js';
import { recordPeriodTokenAwards } from '../../../src-main/core/tokens/token-posting.js';
import { awardsOfMemberPeriod, tokenBalanceOfMember, tokenHistoryOfMember, tokensOnChainOfMember } from '../../../src-main/core/tokens/token-ledger.js';
import { enqueueTokenMint, resumeTokenMints } from '../../../src-main/core/settlement/mirror/token-mint.js';
import { insertPolicyVersion } from '../../../src-main/core/tokens/token-policy-repo.js';
import { DEFAULT_TOKEN_POLICY } from '../../../src-main/core/tokens/token-policy.js';
import { NOV_FROM, NOV_TO, insertPostedPeriod, seedTokenSite, type TokenSite } from './token-fixture.js';

const NOW = new Date('2026-12-07T08:00:00.000Z');
const address = (i: number) => encodeAddress(new Uint8Array(32).fill(i), 42);
let env: TempEnv;
let site: TokenSite;
let periodId: number;

beforeAll(() => {
  env = tempEnv('tokens-ledger');
  site = seedTokenSite(env.db);
  periodId = insertPostedPeriod(env.db, site.siteId);
});
afterAll(() => env?.cleanup());

describe('token award stored at posting', () => {
  it('awards November by hand: 1 kind × 1.0, 2 kinds × 1.25, 3 kinds × 1.5, boundary readings excluded', () => {
    expect(recordPeriodTokenAwards(env.db, periodId, NOW)).toEqual({ created: true, periodId, totalTokens: 2501 + 1666 + 4500, members: 3 });
    const [m1, m2, m3] = site.members;
    expect(awardsOfMemberPeriod(env.db, m1, periodId)).toMatchObject({ kinds: ['solar'], multiplierBps: 10_000, siteBonusBps: 0, tokens: 2501, baseTokens: 2501, wh: 2501, mint: null, policyVersion: null });
    const two = awardsOfMemberPeriod(env.db, m2, periodId)!;
    expect(two).toMatchObject({ kinds: ['solar', 'wind'], multiplierBps: 12_500, tokens: 1666, baseTokens: 1333, wh: 1333 });
    expect(two.certificates.map((c) => [c.device, c.kind, c.attested, c.wh, c.tokens, c.periodFrom, c.periodTo])).toEqual([
      [`meter ${site.meters.s2}`, 'solar', true, 1000, 1250, NOV_FROM, NOV_TO],
      [`meter ${site.meters.w2}`, 'wind', true, 333, 416, NOV_FROM, NOV_TO],
    ]);
    expect(two.certificates.every((c) => c.equipmentId !== null)).toBe(true);
    expect(awardsOfMemberPeriod(env.db, m3, periodId)).toMatchObject({ kinds: ['hydro', 'solar', 'wind'], multiplierBps: 15_000, tokens: 4500 });
  });

  it('is recorded once: a second call reads what is stored and writes nothing', () => {
    const movements = env.db.prepare('SELECT count(*) FROM token_movements').pluck().get();
    expect(recordPeriodTokenAwards(env.db, periodId, NOW)).toMatchObject({ created: false, totalTokens: 8667 });
    expect(env.db.prepare('SELECT count(*) FROM token_movements').pluck().get()).toBe(movements);
  });

  it('keeps the ledger: balance = Σ movements, history with running balance; rows cannot be rewritten', () => {
    const [m1] = site.members;
    expect(tokenBalanceOfMember(env.db, m1)).toBe(2501);
    expect(tokenHistoryOfMember(env.db, m1)).toMatchObject([{ kind: 'award', tokens: 2501, balance: 2501, periodId, periodFrom: NOV_FROM, periodTo: NOV_TO }]);
    expect(() => env.db.prepare('UPDATE token_movements SET tokens = 1').run()).toThrow(/append-only/);
    expect(() => env.db.prepare('DELETE FROM token_certificates').run()).toThrow(/never deleted/);
  });

  it('rates a period by the policy version in force at its start', () => {
    // December: a version from 1 December doubles the rate; it does not touch November.
    insertPolicyVersion(env.db, '2026-12-01T00:00:00.000Z', { ...DEFAULT_TOKEN_POLICY, unitsPerKwh: 2_000 }, 'double', null, NOW.toISOString());
    const december = insertPostedPeriod(env.db, site.siteId, '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z');
    expect(recordPeriodTokenAwards(env.db, december, NOW).totalTokens).toBe(7_777 * 2);
    expect(awardsOfMemberPeriod(env.db, site.members[0], december)).toMatchObject({ tokens: 15_554, policyVersion: 1 });
    expect(awardsOfMemberPeriod(env.db, site.members[0], periodId)?.tokens).toBe(2501);
  });
});

describe('mint recorded in the outbox', () => {
  it('records nothing before the chain is set up, then once per period in one batchAll', () => {
    expect(enqueueTokenMint(env.db, periodId)).toEqual({ queued: false, reason: 'chain-not-set-up' });
    const setup = { genesisHash: '0x00', treasury: address(201), issuer: address(202), energyCredit: { assetId: 1000, name: 'C', symbol: 'KESC', decimals: 2 }, greenToken: { assetId: 1001, name: 'G', symbol: 'GREEN', decimals: 3 }, collections: { equipment: 1000, agreements: 1001 } };
    env.db.prepare(`INSERT INTO chain_state (key, value, updated_at) VALUES ('setup', ?, ?)`).run(JSON.stringify(setup), NOW.toISOString());
    const [m1, m2, m3] = site.members;
    // Members 1 and 3 can receive an asset (an own wallet; a funded console key); member 2 cannot.
    const account = env.db.prepare(`INSERT INTO member_chain_accounts (member_id, kind, address, pin_hash, funded_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    account.run(m1, 'external', address(1), null, null, NOW.toISOString(), NOW.toISOString());
    account.run(m2, 'console', address(2), 'hash', null, NOW.toISOString(), NOW.toISOString());
    account.run(m3, 'console', address(3), 'hash', NOW.toISOString(), NOW.toISOString(), NOW.toISOString());
    expect(enqueueTokenMint(env.db, periodId)).toEqual({ queued: true, created: true, chunks: 1, mints: 2, tokens: 2501 + 4500, withoutAccount: [m2] });
    expect(enqueueTokenMint(env.db, periodId)).toMatchObject({ queued: true, created: false, chunks: 1, mints: 2 });
    const rows = env.db.prepare(`SELECT reference, signer, intent_json FROM chain_outbox WHERE reference LIKE 'token-mint:%' ORDER BY id`).all() as { reference: string; signer: string; intent_json: string }[];
    expect(rows.map((r) => [r.reference, r.signer])).toEqual([[`token-mint:${periodId}:0`, setup.issuer]]);
    expect(JSON.parse(rows[0]!.intent_json)).toEqual({ kind: 'batchAll', calls: [{ kind: 'assetMint', assetId: 1001, to: address(1), amount: '2501' }, { kind: 'assetMint', assetId: 1001, to: address(3), amount: '4500' }] });
    expect(awardsOfMemberPeriod(env.db, m1, periodId)?.mint).toMatchObject({ reference: `token-mint:${periodId}:0`, status: 'pending' });
    expect(awardsOfMemberPeriod(env.db, m2, periodId)?.mint).toBeNull();
    expect(tokensOnChainOfMember(env.db, m1)).toBe(2501);
    expect(tokensOnChainOfMember(env.db, m2)).toBe(0);
    // December was awarded before the chain existed: resume records it, and only it.
    expect(resumeTokenMints(env.db)).toHaveLength(1);
    expect(resumeTokenMints(env.db)).toEqual([]);
  });
});
