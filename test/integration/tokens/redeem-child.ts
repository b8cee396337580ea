// Child process for the redemption crash test: redeems a member's tokens in small amounts, one
// redemption after another as fast as it can, printing each one done, until the parent kills it
// with SIGKILL (or it runs out of tokens). Same database file as the parent, its own connection.
import { openDatabase } from '../../../src-main/core/db/connection.js';
import { redeemTokens } from '../../../src-main/core/tokens/token-redemption.js';
import { tokenBalanceOfMember } from '../../../src-main/core/tokens/token-ledger.js';

const [file, memberId, kind] = process.argv.slice(2) as [string, string, 'credit' | 'cash-out'];
const db = openDatabase({ file });
const member = Number(memberId);
let done = 0;
for (;;) {
  const tokens = 100 + (done % 7) * 50;
  if (tokenBalanceOfMember(db, member) < tokens) break;
  redeemTokens(db, { memberId: member, tokens, kind, by: null, kiosk: true, now: new Date(), effectiveDate: '2026-12-07' });
  done += 1;
  process.stdout.write(`redeemed ${done}\n`);
}
process.stdout.write('finished\n');
