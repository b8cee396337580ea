// How one payment is applied to what a member owes, in the documented order (README.md):
//   1. arrears        — any charge whose due date is before the payment's day, oldest first
//   2. instalments    — lease-to-own instalments due (not yet overdue), by due date
//   3. fixed fees     — fixed fees and the other fixed charges (rent, wheeling, tax, other)
//   4. energy         — energy charges (main supply, pool, P2P); what is left stays on the account
//                       as energy credit (prepaid credit, drawn down later).
// Pure: the caller builds the open items from the journal (charges minus what earlier allocations
// paid) and stores the split. Greedy in that order, so each item gets min(what is left, what it is owed).

/** The four steps of the order, as stored with each allocation line and shown in the split chart. */
import { ALLOCATION_ORDER, type AllocationBucketName } from '../../contract/payments.js';

export const ALLOCATION_BUCKETS = ALLOCATION_ORDER;
export type AllocationBucket = AllocationBucketName;

export type ChargeCode = 'energy' | 'fixed-fee' | 'instalment' | 'rent' | 'p2p' | 'wheeling' | 'tax' | 'other';

/** A charge on the member's account that is not fully paid yet. */
export interface OpenItem {
  /** The journal line that charged the member. */
  readonly chargeLineId: number;
  readonly code: ChargeCode;
  /** What is still owed on that line, in minor units (> 0). */
  readonly owed: number;
  /** ISO date the charge is due (its own due date, or the default days after the entry's date). */
  readonly dueDate: string;
  readonly agreementId: number | null;
  readonly instalmentNo: number | null;
}

export interface AllocationLine {
  readonly chargeLineId: number;
  readonly bucket: AllocationBucket;
  readonly code: ChargeCode;
  readonly amount: number;
  readonly agreementId: number | null;
  readonly instalmentNo: number | null;
  /** True when this line pays the item off. */
  readonly settles: boolean;
}

export interface PaymentSplit {
  readonly lines: readonly AllocationLine[];
  /** Left after every open item is paid: stays on the member's account as energy credit. */
  readonly credit: number;
  /** Per bucket (credit counted under energy), for the chart; sums to the payment. */
  readonly byBucket: Readonly<Record<AllocationBucket, number>>;
}

/** Charges with no due date of their own are due this many days after their entry's date. */
export const DEFAULT_DAYS_TO_PAY = 30;

const FIXED_CODES: ReadonlySet<ChargeCode> = new Set(['fixed-fee', 'rent', 'wheeling', 'tax', 'other']);

/** The bucket an open item falls in for a payment made on `paymentDate` (ISO date). */
export function bucketOf(item: OpenItem, paymentDate: string): AllocationBucket {
  if (item.dueDate < paymentDate) return 'arrears';
  if (item.code === 'instalment') return 'instalment';
  if (FIXED_CODES.has(item.code)) return 'fixed-fee';
  return 'energy';
}

/** The ISO date a charge without its own due date falls due. */
export function defaultDueDate(effectiveDate: string): string {
  const day = new Date(`${effectiveDate.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + DEFAULT_DAYS_TO_PAY);
  return day.toISOString().slice(0, 10);
}

/**
 * Splits `amount` (minor units, > 0) over the open items in the documented order. Within a bucket:
 * earliest due date first, then the earlier charge line. Lines + credit sum exactly to `amount`.
 */
export function allocatePayment(amount: number, items: readonly OpenItem[], paymentDate: string): PaymentSplit {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError('A payment must be a whole positive number of minor units');
  const rank = (bucket: AllocationBucket) => ALLOCATION_BUCKETS.indexOf(bucket);
  const ordered = items
    .filter((item) => item.owed > 0)
    .map((item) => ({ item, bucket: bucketOf(item, paymentDate) }))
    .sort((a, b) => rank(a.bucket) - rank(b.bucket) || (a.item.dueDate < b.item.dueDate ? -1 : a.item.dueDate > b.item.dueDate ? 1 : 0) || a.item.chargeLineId - b.item.chargeLineId);
  const byBucket: Record<AllocationBucket, number> = { arrears: 0, instalment: 0, 'fixed-fee': 0, energy: 0 };
  const lines: AllocationLine[] = [];
  let left = amount;
  for (const { item, bucket } of ordered) {
    if (left === 0) break;
    if (!Number.isSafeInteger(item.owed)) throw new RangeError(`Charge line ${item.chargeLineId} owes a non-integer amount`);
    const paid = Math.min(left, item.owed);
    left -= paid;
    byBucket[bucket] += paid;
    lines.push({ chargeLineId: item.chargeLineId, bucket, code: item.code, amount: paid, agreementId: item.agreementId, instalmentNo: item.instalmentNo, settles: paid === item.owed });
  }
  byBucket.energy += left;
  return { lines, credit: left, byBucket };
}
