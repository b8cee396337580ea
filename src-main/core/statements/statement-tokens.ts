// The green tokens section of a statement, read from the token ledger (core/tokens/token-ledger.ts):
// what was awarded at posting for the member's period, per certificate (device, kind, Wh, tokens).
// Never recomputed: the ledger stored the award with the posting.
import type { Database } from 'better-sqlite3';
import type { StatementTokens } from '../../contract/statements.js';
import { awardsOfMemberPeriod } from '../tokens/token-ledger.js';

export function tokensFromLedger(db: Database, memberId: number, periodId: number): StatementTokens {
  const award = awardsOfMemberPeriod(db, memberId, periodId);
  if (!award) return { available: true, earned: 0, bonus: 0, awards: [] };
  return {
    available: true,
    earned: award.tokens,
    bonus: award.tokens - award.baseTokens,
    awards: award.certificates.map((c) => ({ source: c.kind, wh: c.wh, tokens: c.tokens, attested: c.attested })),
  };
}
