// The green-token mint of a posted period, part of the settlement's chain mirror: recorded in the
// outbox inside the posting's transaction (after the award is stored), in chunks of
// `utility.batchAll` of `assets.mint` calls signed by the issuer (the green token's admin), one call
// per member with a receiving account. Exactly once: token_period_mints marks the period recorded
// in the same transaction as its outbox rows, each row's reference (`token-mint:<period>:<chunk>`)
// is unique, and the outbox signs once and reconciles after a crash (core/chain/README.md).
import type { Database } from 'better-sqlite3';
import { readChainSetup } from '../../chain/bootstrap.js';
import { recordOutboxIntent } from '../../chain/outbox/outbox.js';
import { OutboxRepository } from '../../chain/outbox/outbox-repository.js';
import { receivingChainAccounts } from './mirror-enqueue.js';
import { MIRROR_BATCH_CALLS } from './mirror-plan.js';

export const tokenMintReference = (periodId: number, chunk: number): string => `token-mint:${periodId}:${chunk}`;

export type TokenMintResult =
  | { readonly queued: true; readonly created: boolean; readonly chunks: number; readonly mints: number; readonly tokens: number; readonly withoutAccount: readonly number[] }
  /** No chain yet, or the period's award is not stored: nothing recorded (resumeTokenMints catches up). */
  | { readonly queued: false; readonly reason: 'chain-not-set-up' | 'not-awarded' };

export function enqueueTokenMint(db: Database, periodId: number): TokenMintResult {
  const setup = readChainSetup(db);
  if (!setup) return { queued: false, reason: 'chain-not-set-up' };
  return db.transaction((): TokenMintResult => {
    if (db.prepare(`SELECT 1 FROM token_period_awards WHERE period_id = ?`).get(periodId) === undefined) return { queued: false, reason: 'not-awarded' };
    const recorded = db.prepare(`SELECT chunks FROM token_period_mints WHERE period_id = ?`).get(periodId) as { chunks: number } | undefined;
    if (recorded) {
      const sum = db.prepare(`SELECT count(*) AS mints, COALESCE(SUM(tokens), 0) AS tokens FROM token_award_mints WHERE period_id = ?`).get(periodId) as { mints: number; tokens: number };
      return { queued: true, created: false, chunks: recorded.chunks, mints: sum.mints, tokens: sum.tokens, withoutAccount: [] };
    }
    const awards = db.prepare(`SELECT member_id, tokens FROM token_member_awards WHERE period_id = ? AND tokens > 0 ORDER BY member_id`).all(periodId) as { member_id: number; tokens: number }[];
    const accounts = receivingChainAccounts(db);
    const withAccount = awards.filter((a) => accounts.has(a.member_id));
    const withoutAccount = awards.filter((a) => !accounts.has(a.member_id)).map((a) => a.member_id);
    const repository = new OutboxRepository(db);
    const insertMint = db.prepare(`INSERT INTO token_award_mints (period_id, member_id, address, tokens, mint_reference) VALUES (?, ?, ?, ?, ?)`);
    const chunks: (typeof withAccount)[] = [];
    for (let i = 0; i < withAccount.length; i += MIRROR_BATCH_CALLS) chunks.push(withAccount.slice(i, i + MIRROR_BATCH_CALLS));
    // The marker first: token_award_mints rows reference it.
    db.prepare(`INSERT INTO token_period_mints (period_id, chunks, created_at) VALUES (?, ?, ?)`).run(periodId, chunks.length, new Date().toISOString());
    chunks.forEach((chunk, index) => {
      const reference = tokenMintReference(periodId, index);
      const calls = chunk.map((a) => ({ kind: 'assetMint' as const, assetId: setup.greenToken.assetId, to: accounts.get(a.member_id)!, amount: a.tokens }));
      recordOutboxIntent(repository, { kind: 'batchAll', calls }, { signer: setup.issuer, reference });
      for (const a of chunk) insertMint.run(periodId, a.member_id, accounts.get(a.member_id)!, a.tokens, reference);
    });
    return { queued: true, created: true, chunks: chunks.length, mints: withAccount.length, tokens: withAccount.reduce((s, a) => s + a.tokens, 0), withoutAccount };
  })();
}

/** Records the mints of awarded periods that have none yet (awarded before the chain was set up). */
export function resumeTokenMints(db: Database): number[] {
  const periods = db.prepare(`SELECT a.period_id FROM token_period_awards a LEFT JOIN token_period_mints m ON m.period_id = a.period_id WHERE m.period_id IS NULL ORDER BY a.period_id`).pluck().all() as number[];
  return db.transaction(() => periods.filter((id) => enqueueTokenMint(db, id).queued))();
}
