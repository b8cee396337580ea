// A member redeems green tokens: for energy credit at the posted rate (a journal credit to the
// member's account, paid by the cooperative's token-redemption account) or as a recorded cash-out
// (paid from the cash account). One SQLite transaction writes the redemption, the ledger movement,
// the journal entry and — for tokens the member holds on chain — the burn's outbox row: a crash
// leaves all of them or none. The outbox signs the burn once and reconciles after a crash, so the
// chain side happens exactly once.
import type { Database } from 'better-sqlite3';
import type { TokenRedemptionResult } from '../../contract/tokens.js';
import { readChainSetup } from '../chain/bootstrap.js';
import { recordOutboxIntent } from '../chain/outbox/outbox.js';
import { OutboxRepository } from '../chain/outbox/outbox-repository.js';
import { postEntries } from '../journal/index.js';
import { allocateLargestRemainder, toSafeNumber } from '../tariffs/largest-remainder.js';
import { tokenBalanceOfMember, tokensOnChainOfMember } from './token-ledger.js';
import { policyAt } from './token-policy-repo.js';

export const tokenBurnReference = (redemptionId: number): string => `token-burn:${redemptionId}`;

export type RedemptionRefusal = 'tokensTooMany' | 'tokensRedemptionClosed' | 'tokensWorthNothing';

export class RedemptionRefused extends Error {
  constructor(
    readonly reason: RedemptionRefusal,
    message: string,
    readonly params: Readonly<Record<string, number>>,
  ) {
    super(message);
    this.name = 'RedemptionRefused';
  }
}

export interface RedemptionRequest {
  readonly memberId: number;
  readonly tokens: number;
  readonly kind: 'credit' | 'cash-out';
  readonly by: number | null;
  readonly kiosk: boolean;
  readonly now: Date;
  /** The day the journal entry belongs to (the cooperative's local date). */
  readonly effectiveDate: string;
}

/** What the API answers, plus the journal entry the redemption posted. */
export interface RedemptionOutcome extends TokenRedemptionResult {
  readonly journalEntryId: number;
}

/** Credit for `tokens` at `minorPerKiloUnits` per 1 000 units, rounded half up (the tariffs' rule). */
export function redemptionValue(tokens: number, minorPerKiloUnits: number): number {
  return toSafeNumber(allocateLargestRemainder([BigInt(tokens) * BigInt(minorPerKiloUnits)], 1000n)[0] ?? 0n, 'A redemption amount');
}

export function redeemTokens(db: Database, request: RedemptionRequest): RedemptionOutcome {
  return db.transaction((): RedemptionOutcome => {
    const balance = tokenBalanceOfMember(db, request.memberId);
    if (request.tokens > balance) throw new RedemptionRefused('tokensTooMany', `The member holds ${balance} token units; ${request.tokens} cannot be redeemed.`, { balance, tokens: request.tokens });
    const { policy, version } = policyAt(db, request.now.toISOString());
    const rate = policy.redemptionMinorPerKiloUnits;
    if (rate === 0) throw new RedemptionRefused('tokensRedemptionClosed', 'Tokens cannot be redeemed: the token policy in force sets no redemption rate.', {});
    const amount = redemptionValue(request.tokens, rate);
    if (amount === 0) throw new RedemptionRefused('tokensWorthNothing', `${request.tokens} token units are worth less than one minor unit of credit: redeem more at once.`, { tokens: request.tokens, rate });

    const setup = readChainSetup(db);
    const onChain = setup ? Math.max(0, tokensOnChainOfMember(db, request.memberId)) : 0;
    const burn = Math.min(request.tokens, onChain);
    const at = request.now.toISOString();
    const redemptionId = Number(
      db.prepare(`INSERT INTO token_redemptions (member_id, kind, tokens, rate_minor_per_kilo_units, amount_minor, policy_version_id, burn_tokens, by_operator, by_kiosk, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(request.memberId, request.kind, request.tokens, rate, amount, version?.id ?? null, burn, request.by, request.kiosk ? 1 : 0, at).lastInsertRowid,
    );
    const [entryId] = postEntries(
      db,
      [
        {
          kind: 'token-redemption',
          source: { type: 'token-redemption', id: String(redemptionId) },
          memo: request.kind === 'credit' ? `${request.tokens} token units redeemed for energy credit` : `${request.tokens} token units cashed out`,
          idempotencyKey: `token-redemption:${redemptionId}`,
          effectiveDate: request.effectiveDate,
          createdBy: request.by,
          lines: [
            { account: { kind: 'token-redemption' }, debit: amount, credit: 0 },
            // Credit: the member's running account is credited. Cash-out: cash leaves the till.
            request.kind === 'credit' ? { account: { kind: 'member', memberId: request.memberId }, debit: 0, credit: amount } : { account: { kind: 'cash' }, debit: 0, credit: amount },
          ],
        },
      ],
      { now: () => request.now },
    );
    db.prepare(`INSERT INTO token_movements (member_id, kind, tokens, redemption_id, created_at) VALUES (?, 'redemption', ?, ?, ?)`).run(request.memberId, -request.tokens, redemptionId, at);
    if (burn > 0 && setup) {
      const address = db.prepare(`SELECT address FROM token_award_mints WHERE member_id = ? ORDER BY period_id DESC LIMIT 1`).pluck().get(request.memberId) as string;
      recordOutboxIntent(new OutboxRepository(db), { kind: 'assetBurn', assetId: setup.greenToken.assetId, who: address, amount: burn }, { signer: setup.issuer, reference: tokenBurnReference(redemptionId) });
    }
    return { redemptionId, tokens: request.tokens, amountMinor: amount, kind: request.kind, balance: balance - request.tokens, burnedOnChain: burn, journalEntryId: entryId! };
  }).immediate();
}
