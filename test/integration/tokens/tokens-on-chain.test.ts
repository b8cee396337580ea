// Green tokens on the real node (one node for the file): a posted period's tokens are minted to
// the members' accounts exactly once (re-running the posting hook and the catch-up sends nothing
// more), then a member's redemptions are killed mid-way (SIGKILL of a child process busy redeeming, twice):
// after each restart tokens, journal credit and burns agree, and on chain each member holds exactly
// what was minted minus what was burned.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChainRuntime, type ChainRuntime } from '../../../src-main/core/chain/index.js';
import type { ChainSetup } from '../../../src-main/core/chain/bootstrap.js';
import { assetBalance } from '../../../substrate-bindings/src/index.js';
import { enqueueTokenMint, resumeTokenMints } from '../../../src-main/core/settlement/mirror/token-mint.js';
import { recordPeriodTokenAwards } from '../../../src-main/core/tokens/token-posting.js';
import { tokenBalanceOfMember, awardsOfMemberPeriod } from '../../../src-main/core/tokens/token-ledger.js';
import { PASSPHRASE, tempEnv, type TempEnv } from '../chain/helpers.js';
import { memberAddress } from '../settlement/mirror-fixture.js';
import { insertPostedPeriod, seedTokenSite, type TokenSite } from './token-fixture.js';

const NOW = new Date('2026-12-07T08:00:00.000Z');
let env: TempEnv;
let chain: ChainRuntime;
let setup: ChainSetup;
let site: TokenSite;
let periodId: number;
let addresses: string[];

beforeAll(async () => {
  env = tempEnv('tokens-chain');
  chain = createChainRuntime({ dataDir: env.dataDir, db: env.db, outbox: { reconcileIntervalMs: 2_000 }, nodeStartTimeoutMs: 180_000 });
  await chain.start();
  await chain.keystore.initialize(PASSPHRASE);
  setup = await chain.bootstrap({ currency: 'KES' });
  site = seedTokenSite(env.db);
  addresses = site.members.map((id) => memberAddress('tokens', id));
  const account = env.db.prepare(`INSERT INTO member_chain_accounts (member_id, kind, address, created_at, updated_at) VALUES (?, 'external', ?, ?, ?)`);
  site.members.forEach((id, i) => account.run(id, addresses[i], NOW.toISOString(), NOW.toISOString()));
  await chain.fundAccounts(addresses, 10n ** 12n); // an account must exist on chain to hold an asset
  periodId = insertPostedPeriod(env.db, site.siteId);
}, 300_000);

afterAll(async () => {
  await chain?.stop();
  env?.cleanup();
});

const onChain = () => Promise.all(addresses.map((a) => assetBalance(chain.connection.api, setup.greenToken.assetId, a)));

describe('green tokens on the real node', { timeout: 300_000 }, () => {
  it('mints a posted period exactly once, whatever re-runs the posting hook or the catch-up', async () => {
    // What the posting does (services.ts onPosted): award and mint recorded in one transaction.
    env.db.transaction(() => {
      recordPeriodTokenAwards(env.db, periodId, NOW);
      expect(enqueueTokenMint(env.db, periodId)).toMatchObject({ queued: true, created: true, chunks: 1, mints: 3, tokens: 8667 });
    })();
    chain.outbox.kick();
    await chain.outbox.drain(120_000);
    expect(await onChain()).toEqual([2501n, 1666n, 4500n]);
    const award = awardsOfMemberPeriod(env.db, site.members[1], periodId)!;
    expect(award.mint).toMatchObject({ status: 'finalized', reference: `token-mint:${periodId}:0` });
    expect(award.mint?.blockNumber).toBeGreaterThan(0);

    // A second posting hook run and a catch-up after a restart record and send nothing more.
    const before = chain.outbox.repository.counts();
    expect(enqueueTokenMint(env.db, periodId)).toMatchObject({ queued: true, created: false });
    expect(recordPeriodTokenAwards(env.db, periodId, NOW).created).toBe(false);
    expect(resumeTokenMints(env.db)).toEqual([]);
    chain.outbox.kick();
    await chain.outbox.drain(60_000);
    expect(chain.outbox.repository.counts()).toEqual(before);
    expect(await onChain()).toEqual([2501n, 1666n, 4500n]);
  });

  it('redemptions killed mid-way (kill -9) leave tokens, credit and burns consistent; the chain burns each once', async () => {
    const file = join(env.dataDir, 'console.sqlite');
    const [a, , c] = site.members;
    const runs: number[] = [];
    for (const [memberId, kind, killAfter] of [[a, 'credit', 3], [c, 'cash-out', 5]] as const) {
      runs.push(await redeemUntilKilled(file, memberId, kind, killAfter));
      expectConsistent(memberId);
    }
    expect(runs.every((n) => n >= 1)).toBe(true);
    chain.outbox.kick();
    await chain.outbox.drain(180_000);
    const burned = (m: number) => env.db.prepare(`SELECT COALESCE(SUM(burn_tokens), 0) FROM token_redemptions WHERE member_id = ?`).pluck().get(m) as number;
    expect(burned(a)).toBeGreaterThan(0);
    // Minted − burned on chain equals the books' balance (every token these members hold was minted).
    expect(await onChain()).toEqual(site.members.map((m) => BigInt(tokenBalanceOfMember(env.db, m))));
    expect(env.db.prepare(`SELECT count(*) FROM chain_outbox WHERE reference LIKE 'token-burn:%' AND status <> 'finalized'`).pluck().get()).toBe(0);
  });
});

/** Runs the child until it has printed `killAfter` redemptions, then SIGKILLs it; returns how many it reported. */
function redeemUntilKilled(file: string, memberId: number, kind: 'credit' | 'cash-out', killAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'redeem-child.ts'), file, String(memberId), kind], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let done = 0;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      done = (out.match(/redeemed/g) ?? []).length;
      if (done >= killAfter) child.kill('SIGKILL');
      if (out.includes('finished')) reject(new Error('the child ran out of tokens before it was killed'));
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(done) : reject(new Error(`the child ended by itself (${String(signal)})`))));
  });
}

/** Every redemption is whole: its ledger movement, its journal entry (credit or cash) and its burn row, or none of them. */
function expectConsistent(memberId: number): void {
  const db = env.db;
  const rows = db.prepare(`SELECT id, kind, tokens, amount_minor, burn_tokens FROM token_redemptions WHERE member_id = ?`).all(memberId) as { id: number; kind: string; tokens: number; amount_minor: number; burn_tokens: number }[];
  for (const r of rows) {
    expect(db.prepare(`SELECT tokens FROM token_movements WHERE redemption_id = ?`).pluck().get(r.id)).toBe(-r.tokens);
    const lines = db.prepare(`SELECT a.kind, l.debit, l.credit FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id JOIN journal_accounts a ON a.id = l.account_id WHERE e.idempotency_key = ? ORDER BY l.line_no`).all(`token-redemption:${r.id}`);
    expect(lines).toEqual([{ kind: 'token-redemption', debit: r.amount_minor, credit: 0 }, { kind: r.kind === 'credit' ? 'member' : 'cash', debit: 0, credit: r.amount_minor }]);
    expect(db.prepare(`SELECT count(*) FROM chain_outbox WHERE reference = ?`).pluck().get(`token-burn:${r.id}`)).toBe(r.burn_tokens > 0 ? 1 : 0);
  }
  // No orphan: nothing of a redemption exists without its row.
  expect(db.prepare(`SELECT count(*) FROM token_movements WHERE kind = 'redemption' AND redemption_id NOT IN (SELECT id FROM token_redemptions)`).pluck().get()).toBe(0);
  expect(db.prepare(`SELECT count(*) FROM journal_entries WHERE kind = 'token-redemption' AND CAST(source_id AS INTEGER) NOT IN (SELECT id FROM token_redemptions)`).pluck().get()).toBe(0);
  const redeemed = rows.reduce((s, r) => s + r.tokens, 0);
  const awarded = db.prepare(`SELECT COALESCE(SUM(tokens), 0) FROM token_member_awards WHERE member_id = ?`).pluck().get(memberId) as number;
  expect(tokenBalanceOfMember(db, memberId)).toBe(awarded - redeemed);
}
