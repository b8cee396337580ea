// SQL of credit paid ahead (migration *_payment_credit_applications.sql). Nothing here is cached:
// a payment's available credit is re-derived each time from the payment, its own split and the
// credit applications it funded, counting only allocations on charge lines that are not reversed.
import type { Database } from 'better-sqlite3';
import { ALLOCATION_ORDER, type AllocationBucketName, type CreditApplicationView, type CreditOccasion } from '../../contract/payments.js';
import type { ChargeCode } from './allocation.js';
import type { CreditPiece, CreditPool } from './credit-application.js';
import type { ChargeLine } from './open-items.js';
import { memberPaymentIdsSql, paymentLiveSql, receiptNo } from './payments-repo.js';

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
      .prepare(`SELECT paymentId, available FROM (${POOLS} AND p.id IN ${memberPaymentIdsSql('@memberId')} ORDER BY p.received_on, p.id) WHERE available > 0`)
      .all({ memberId }) as CreditPool[];
  }

  /** Members who have credit left to apply. */
  membersWithCredit(): number[] {
    return [...this.allPools().keys()];
  }

  /** Every member's pools at once (one query; for a pass over the whole cooperative), oldest first. */
  allPools(): Map<number, CreditPool[]> {
    const rows = this.db
      .prepare(`SELECT memberId, paymentId, available FROM (${POOLS} AND COALESCE(p.member_id, res.member_id) IS NOT NULL ORDER BY memberId, p.received_on, p.id) WHERE available > 0`)
      .all() as { memberId: number; paymentId: number; available: number }[];
    const byMember = new Map<number, CreditPool[]>();
    for (const r of rows) byMember.set(r.memberId, [...(byMember.get(r.memberId) ?? []), { paymentId: r.paymentId, available: r.available }]);
    return byMember;
  }

  /**
   * The charge lines (amount > 0) of the given members at once, as open-items.ts reads them: the bulk
   * twin of the journal's memberCharges (same columns, same reversal rule), so a pass over 2,000
   * members is three queries, not three per member.
   */
  chargesOf(memberIds: ReadonlySet<number>): Map<number, ChargeLine[]> {
    const rows = this.db
      .prepare(
        `SELECT a.member_id, l.id AS line_id, e.effective_date, l.debit - l.credit AS amount, l.charge_code, l.charge_agreement_id, l.charge_instalment_no, l.charge_due_date,
                EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_entry_id = e.id) AS reversed
         FROM journal_accounts a JOIN journal_lines l ON l.account_id = a.id JOIN journal_entries e ON e.id = l.entry_id
         WHERE a.kind = 'member' AND l.charge_code IS NOT NULL AND l.debit > l.credit
         ORDER BY a.member_id, e.effective_date, e.id, l.line_no`,
      )
      .all() as { member_id: number; line_id: number; effective_date: string; amount: number; charge_code: ChargeCode; charge_agreement_id: number | null; charge_instalment_no: number | null; charge_due_date: string | null; reversed: number }[];
    const byMember = new Map<number, ChargeLine[]>();
    for (const r of rows) {
      if (!memberIds.has(r.member_id)) continue;
      const line: ChargeLine = { lineId: r.line_id, effectiveDate: r.effective_date, amount: r.amount, code: r.charge_code, agreementId: r.charge_agreement_id, instalmentNo: r.charge_instalment_no, dueDate: r.charge_due_date, reversed: r.reversed === 1 };
      byMember.set(r.member_id, [...(byMember.get(r.member_id) ?? []), line]);
    }
    return byMember;
  }

  /** Σ paid by live payments on every charge line (their split and their credit applied later). */
  paidByLineAll(): Map<number, number> {
    const rows = this.db
      .prepare(
        `SELECT line, SUM(paid) AS paid FROM (
           SELECT a.charge_line_id AS line, a.amount_minor AS paid, a.payment_id FROM payment_allocations a WHERE a.charge_line_id IS NOT NULL
           UNION ALL
           SELECT c.charge_line_id, c.amount_minor, c.payment_id FROM payment_credit_applications c
         ) x WHERE ${PAYMENT_LIVE('x.payment_id')} GROUP BY line`,
      )
      .all() as { line: number; paid: number }[];
    return new Map(rows.map((r) => [r.line, r.paid]));
  }

  /**
   * The members whose credit or open items a journal entry moves: those with a line on it, and the
   * member of a payment (booked, or assigned from suspense) or suspense assignment whose entry it is —
   * a suspense payment's own entry has no member line, yet reversing it takes back what it paid.
   */
  membersOfEntry(entryId: number): number[] {
    return this.db
      .prepare(
        `SELECT a.member_id FROM journal_lines l JOIN journal_accounts a ON a.id = l.account_id WHERE l.entry_id = @entryId AND a.kind = 'member' AND a.member_id IS NOT NULL
         UNION SELECT COALESCE(p.member_id, res.member_id) FROM payments p LEFT JOIN payment_resolutions res ON res.payment_id = p.id WHERE p.journal_entry_id = @entryId AND COALESCE(p.member_id, res.member_id) IS NOT NULL
         UNION SELECT member_id FROM payment_resolutions WHERE journal_entry_id = @entryId
         ORDER BY 1`,
      )
      .pluck()
      .all({ entryId }) as number[];
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
