// SQL of credit paid ahead (migration *_payment_credit_applications.sql). Nothing here is cached:
// a payment's available credit is re-derived each time from the payment, its own split and the
// credit applications it funded, counting only allocations on charge lines that are not reversed.
import type { Database } from 'better-sqlite3';
import { ALLOCATION_ORDER, type AllocationBucketName, type CreditApplicationView, type CreditOccasion } from '../../contract/payments.js';
import type { CreditPiece, CreditPool } from './credit-application.js';
import { paymentLiveSql, receiptNo } from './payments-repo.js';

/** A charge line still counts while its journal entry is not reversed. */
const LINE_LIVE = (column: string) => `NOT EXISTS (SELECT 1 FROM journal_lines jl JOIN journal_entries rev ON rev.reverses_entry_id = jl.entry_id WHERE jl.id = ${column})`;
const PAYMENT_LIVE = paymentLiveSql;

/** Each live payment of a member with what it has not yet paid on a live charge line. */
const POOLS = `
  SELECT p.id AS paymentId, COALESCE(p.member_id, res.member_id) AS memberId,
         p.amount_minor
         - COALESCE((SELECT SUM(a.amount_minor) FROM payment_allocations a WHERE a.payment_id = p.id AND a.charge_line_id IS NOT NULL AND ${LINE_LIVE('a.charge_line_id')}), 0)
         - COALESCE((SELECT SUM(c.amount_minor) FROM payment_credit_applications c WHERE c.payment_id = p.id AND ${LINE_LIVE('c.charge_line_id')}), 0) AS available
  FROM payments p LEFT JOIN payment_resolutions res ON res.payment_id = p.id
  WHERE ${PAYMENT_LIVE('p.id')}`;

export class CreditRepo {
  constructor(private readonly db: Database) {}

  /** The member's live payments with credit left, oldest first (the order their credit is drawn in). */
  pools(memberId: number): CreditPool[] {
    return this.db
      .prepare(`SELECT paymentId, available FROM (${POOLS} AND COALESCE(p.member_id, res.member_id) = ? ORDER BY p.received_on, p.id) WHERE available > 0`)
      .all(memberId) as CreditPool[];
  }

  /** Members who have credit left to apply. */
  membersWithCredit(): number[] {
    return this.db.prepare(`SELECT DISTINCT memberId FROM (${POOLS} AND COALESCE(p.member_id, res.member_id) IS NOT NULL) WHERE available > 0 ORDER BY memberId`).pluck().all() as number[];
  }

  available(memberId: number): number {
    return this.pools(memberId).reduce((sum, pool) => sum + pool.available, 0);
  }

  insert(memberId: number, pieces: readonly CreditPiece[], appliedOn: string, occasion: CreditOccasion, at: string): void {
    const insert = this.db.prepare(
      `INSERT INTO payment_credit_applications (payment_id, member_id, charge_line_id, bucket, charge_code, agreement_id, instalment_no, amount_minor, settles, applied_on, occasion, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const p of pieces) insert.run(p.paymentId, memberId, p.chargeLineId, p.bucket, p.code, p.agreementId, p.instalmentNo, p.amount, p.settles ? 1 : 0, appliedOn, occasion, at);
  }

  /** Every application to the member's charges, newest first, with why it stopped counting if it did. */
  list(memberId: number, limit = 200): CreditApplicationView[] {
    const rows = this.db
      .prepare(
        `SELECT c.id, c.payment_id, c.charge_line_id, c.bucket, c.charge_code, c.agreement_id, c.instalment_no, c.amount_minor, c.settles, c.applied_on, c.occasion,
                NOT ${PAYMENT_LIVE('c.payment_id')} AS payment_reversed, NOT ${LINE_LIVE('c.charge_line_id')} AS charge_reversed
         FROM payment_credit_applications c WHERE c.member_id = ? ORDER BY c.id DESC LIMIT ?`,
      )
      .all(memberId, limit) as { id: number; payment_id: number; charge_line_id: number; bucket: AllocationBucketName; charge_code: string; agreement_id: number | null; instalment_no: number | null; amount_minor: number; settles: number; applied_on: string; occasion: CreditOccasion; payment_reversed: number; charge_reversed: number }[];
    return rows.map((r) => ({
      id: r.id, paymentId: r.payment_id, receiptNo: receiptNo(r.payment_id), appliedOn: r.applied_on, occasion: r.occasion,
      bucket: r.bucket, code: r.charge_code, chargeLineId: r.charge_line_id, agreementId: r.agreement_id, instalmentNo: r.instalment_no, amountMinor: r.amount_minor, settles: r.settles === 1,
      endedBy: r.payment_reversed ? 'payment-reversed' : r.charge_reversed ? 'charge-reversed' : null,
    }));
  }

  /** Σ of the applications still counting, per step of the order. */
  byBucket(memberId: number): Record<AllocationBucketName, number> {
    const sums = Object.fromEntries(ALLOCATION_ORDER.map((b) => [b, 0])) as Record<AllocationBucketName, number>;
    const rows = this.db
      .prepare(`SELECT c.bucket, SUM(c.amount_minor) AS amount FROM payment_credit_applications c WHERE c.member_id = ? AND ${PAYMENT_LIVE('c.payment_id')} AND ${LINE_LIVE('c.charge_line_id')} GROUP BY c.bucket`)
      .all(memberId) as { bucket: AllocationBucketName; amount: number }[];
    for (const r of rows) sums[r.bucket] = r.amount;
    return sums;
  }
}
