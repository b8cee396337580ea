// Credit paid ahead, applied to charges posted later (README.md, "Credit applied to later charges").
// Pure: the caller derives each live payment's unapplied credit and the member's open items from the
// books, and stores the pieces returned. The order is the payment order itself (allocatePayment:
// arrears → instalments due → fixed fees → energy), so money paid ahead is applied exactly as it
// would have been had it been paid on the day the charges appeared; the credit is drawn from the
// oldest payment first, so every piece names the one payment whose money paid it (a reversal of that
// payment then reopens exactly what it paid).
import { allocatePayment, type AllocationLine, type OpenItem } from './allocation.js';

/** One live payment's credit not yet applied to a live charge line (minor units, ≥ 0). */
export interface CreditPool {
  readonly paymentId: number;
  readonly available: number;
}

/** One piece of credit applied: from one payment, to one charge line. */
export interface CreditPiece extends AllocationLine {
  readonly paymentId: number;
}

/**
 * Applies the pools (in the order given: oldest payment first) to the open items as a payment of
 * their total made on `onDate` would be. Σ pieces = min(Σ pools, Σ owed); no pool gives more than it
 * has and no item gets more than it owes. A line split across two pools settles on its last piece.
 */
export function applyCredit(pools: readonly CreditPool[], items: readonly OpenItem[], onDate: string): CreditPiece[] {
  for (const pool of pools) if (!Number.isSafeInteger(pool.available) || pool.available < 0) throw new RangeError(`Payment ${pool.paymentId} has a credit that is not a whole number ≥ 0`);
  const total = pools.reduce((sum, pool) => sum + pool.available, 0);
  if (total === 0 || items.length === 0) return [];
  const split = allocatePayment(total, items, onDate);
  const pieces: CreditPiece[] = [];
  const left = pools.filter((pool) => pool.available > 0).map((pool) => ({ paymentId: pool.paymentId, left: pool.available }));
  let p = 0;
  for (const line of split.lines) {
    let owed = line.amount;
    while (owed > 0) {
      const pool = left[p];
      if (pool === undefined) throw new Error('Credit pools ran out before the split did');
      const amount = Math.min(owed, pool.left);
      owed -= amount;
      pool.left -= amount;
      if (pool.left === 0) p++;
      pieces.push({ ...line, paymentId: pool.paymentId, amount, settles: line.settles && owed === 0 });
    }
  }
  return pieces;
}
