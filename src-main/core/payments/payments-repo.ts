// SQL of the payment tables (migration *_payments.sql). Rows are only ever inserted; a payment's
// status comes from the rows beside it (a reversal, a suspense resolution).
import type { Database } from 'better-sqlite3';
import type { AllocationLineView, PaymentListQueryValue, PaymentMethod, PaymentStatus, PaymentView } from '../../contract/payments.js';
import { ALLOCATION_ORDER, type AllocationBucketName } from '../../contract/payments.js';
import type { ChargeCode, OpenItem, PaymentSplit } from './allocation.js';
import { memberCharges } from '../journal/index.js';
import { openItems, type ChargeLine } from './open-items.js';
import { receiptNo } from './receipt-number.js';

export interface NewPayment {
  readonly memberId: number | null;
  readonly amountMinor: number;
  readonly currency: string;
  readonly method: PaymentMethod;
  readonly reference: string;
  readonly receivedOn: string;
  readonly receivedAt: string | null;
  readonly origin: 'window' | 'statement';
  readonly statementId: number | null;
  readonly payerDetails: string;
  readonly journalEntryId: number;
  readonly takenBy: number | null;
  readonly createdAt: string;
}

interface PaymentRow {
  id: number; member_id: number | null; member_no: string | null; member_name: string | null; amount_minor: number; currency: string; method: PaymentMethod;
  reference: string; received_on: string; received_at: string | null; origin: 'window' | 'statement'; payer_details: string; journal_entry_id: number;
  taken_by_name: string | null; created_at: string; rev_reason: string | null; rev_by: string | null; rev_at: string | null; resolved_member_id: number | null;
}

/** Upper-case without spaces: "slk 1a2b" and "SLK1A2B" are the same reference. */
export const referenceKey = (reference: string): string => reference.replace(/\s+/g, '').toUpperCase();
export { receiptNo } from './receipt-number.js';

/**
 * SQL: the payment `column` still counts — not reversed by `reverse` (payment_reversals), and its
 * journal entry (or its suspense resolution's) not reversed some other way (the Account tab's
 * generic "Reverse…" on the entry). What it paid, directly or from its credit, counts only then.
 */
/** SQL: ids of the payments of member `param` (booked to them, or assigned from suspense); uses the indexes. */
export const memberPaymentIdsSql = (param: string): string => `(SELECT id FROM payments WHERE member_id = ${param} UNION SELECT payment_id FROM payment_resolutions WHERE member_id = ${param})`;

export const paymentLiveSql = (column: string): string =>
  `(NOT EXISTS (SELECT 1 FROM payment_reversals pr WHERE pr.payment_id = ${column})
    AND NOT EXISTS (SELECT 1 FROM payments pj JOIN journal_entries je ON je.reverses_entry_id = pj.journal_entry_id WHERE pj.id = ${column})
    AND NOT EXISTS (SELECT 1 FROM payment_resolutions rs JOIN journal_entries jr ON jr.reverses_entry_id = rs.journal_entry_id WHERE rs.payment_id = ${column}))`;

const SELECT = `
  SELECT p.id, COALESCE(p.member_id, res.member_id) AS member_id, m.member_no, m.full_name AS member_name, p.amount_minor, p.currency, p.method,
         p.reference, p.received_on, p.received_at, p.origin, p.payer_details, p.journal_entry_id, o.display_name AS taken_by_name, p.created_at,
         rv.reason AS rev_reason, ro.display_name AS rev_by, rv.reversed_at AS rev_at, res.member_id AS resolved_member_id
  FROM payments p
  LEFT JOIN payment_resolutions res ON res.payment_id = p.id
  LEFT JOIN members m ON m.id = COALESCE(p.member_id, res.member_id)
  LEFT JOIN operators o ON o.id = p.taken_by
  LEFT JOIN payment_reversals rv ON rv.payment_id = p.id
  LEFT JOIN operators ro ON ro.id = rv.reversed_by`;

export class PaymentsRepo {
  constructor(private readonly db: Database) {}

  insert(p: NewPayment): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO payments (member_id, amount_minor, currency, method, reference, reference_key, received_on, received_at, origin, statement_id, payer_details, journal_entry_id, taken_by, created_at)
           VALUES (@memberId, @amountMinor, @currency, @method, @reference, @referenceKey, @receivedOn, @receivedAt, @origin, @statementId, @payerDetails, @journalEntryId, @takenBy, @createdAt)`,
        )
        .run({ ...p, referenceKey: referenceKey(p.reference) }).lastInsertRowid,
    );
  }

  insertAllocations(paymentId: number, split: PaymentSplit): void {
    const insert = this.db.prepare(
      `INSERT INTO payment_allocations (payment_id, charge_line_id, bucket, charge_code, agreement_id, instalment_no, amount_minor, settles) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const line of split.lines) insert.run(paymentId, line.chargeLineId, line.bucket, line.code, line.agreementId, line.instalmentNo, line.amount, line.settles ? 1 : 0);
    if (split.credit > 0) insert.run(paymentId, null, 'energy', null, null, null, split.credit, 0);
  }

  /**
   * Σ of what live payments (not reversed) paid on each charge line of the member: their own split
   * and the credit they funded later (payment_credit_applications).
   */
  paidByLine(memberId: number): Map<number, number> {
    const rows = this.db
      .prepare(
        `SELECT line, SUM(paid) AS paid FROM (
           SELECT a.charge_line_id AS line, a.amount_minor AS paid FROM payment_allocations a
           WHERE a.payment_id IN ${memberPaymentIdsSql('@memberId')} AND a.charge_line_id IS NOT NULL AND ${paymentLiveSql('a.payment_id')}
           UNION ALL
           SELECT c.charge_line_id, c.amount_minor FROM payment_credit_applications c
           WHERE c.member_id = @memberId AND ${paymentLiveSql('c.payment_id')}
         ) GROUP BY line`,
      )
      .all({ memberId }) as { line: number; paid: number }[];
    return new Map(rows.map((r) => [r.line, r.paid]));
  }

  /** The member's open items as they stand now: charge lines less reversed ones, less what live payments paid. */
  openItems(memberId: number): OpenItem[] {
    const charges: ChargeLine[] = memberCharges(this.db, memberId)
      .filter((c) => c.amount > 0)
      .map((c) => ({
        lineId: c.lineId, effectiveDate: c.effectiveDate, amount: c.amount, code: c.charge.code as ChargeCode,
        agreementId: c.charge.agreementId ?? null, instalmentNo: c.charge.instalmentNo ?? null, dueDate: c.charge.dueDate ?? null, reversed: c.reversed,
      }));
    return openItems(charges, this.paidByLine(memberId));
  }

  byReference(reference: string): PaymentView | null {
    const row = this.db.prepare(`${SELECT} WHERE p.reference_key = ?`).get(referenceKey(reference)) as PaymentRow | undefined;
    return row ? this.view(row) : null;
  }

  bookedReferences(references: readonly string[]): Map<string, string> {
    const found = new Map<string, string>();
    const query = this.db.prepare('SELECT id FROM payments WHERE reference_key = ?');
    for (const reference of references) {
      const row = query.get(referenceKey(reference)) as { id: number } | undefined;
      if (row) found.set(referenceKey(reference), receiptNo(row.id));
    }
    return found;
  }

  get(id: number): PaymentView | null {
    const row = this.db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as PaymentRow | undefined;
    return row ? this.view(row) : null;
  }

  list(q: PaymentListQueryValue): PaymentView[] {
    const where: string[] = [];
    if (q.memberId !== null) where.push('COALESCE(p.member_id, res.member_id) = @memberId');
    if (q.status === 'reversed') where.push('rv.payment_id IS NOT NULL');
    if (q.status === 'suspense') where.push('p.member_id IS NULL AND res.payment_id IS NULL AND rv.payment_id IS NULL');
    if (q.status === 'booked') where.push('COALESCE(p.member_id, res.member_id) IS NOT NULL AND rv.payment_id IS NULL');
    const rows = this.db
      .prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.id DESC LIMIT @limit`)
      .all({ memberId: q.memberId, limit: q.limit }) as PaymentRow[];
    return rows.map((row) => this.view(row));
  }

  insertReversal(paymentId: number, journalEntryId: number, reason: string, by: number | null, at: string): void {
    this.db.prepare('INSERT INTO payment_reversals (payment_id, journal_entry_id, reason, reversed_by, reversed_at) VALUES (?, ?, ?, ?, ?)').run(paymentId, journalEntryId, reason, by, at);
  }

  resolution(paymentId: number): { journalEntryId: number } | null {
    const row = this.db.prepare('SELECT journal_entry_id FROM payment_resolutions WHERE payment_id = ?').get(paymentId) as { journal_entry_id: number } | undefined;
    return row ? { journalEntryId: row.journal_entry_id } : null;
  }

  insertResolution(paymentId: number, memberId: number, journalEntryId: number, by: number | null, at: string): void {
    this.db.prepare('INSERT INTO payment_resolutions (payment_id, member_id, journal_entry_id, resolved_by, resolved_at) VALUES (?, ?, ?, ?, ?)').run(paymentId, memberId, journalEntryId, by, at);
  }

  insertStatement(s: { fileName: string; sha256: string; currency: string; booked: number; suspense: number; duplicates: number; skipped: number; by: number | null; at: string }): number {
    return Number(
      this.db
        .prepare('INSERT INTO payment_statements (file_name, sha256, currency, booked, suspense, duplicates, skipped, imported_by, imported_at) VALUES (@fileName, @sha256, @currency, @booked, @suspense, @duplicates, @skipped, @by, @at)')
        .run(s).lastInsertRowid,
    );
  }

  statementBySha(sha256: string): { at: string; fileName: string } | null {
    const row = this.db.prepare('SELECT imported_at, file_name FROM payment_statements WHERE sha256 = ? ORDER BY id LIMIT 1').get(sha256) as { imported_at: string; file_name: string } | undefined;
    return row ? { at: row.imported_at, fileName: row.file_name } : null;
  }

  /** Lease-to-own agreements whose last instalment this payment paid (an allocation line settling it). */
  settledInstalments(paymentId: number): { agreementId: number; instalmentNo: number }[] {
    return this.db
      .prepare('SELECT agreement_id AS agreementId, instalment_no AS instalmentNo FROM payment_allocations WHERE payment_id = ? AND settles = 1 AND agreement_id IS NOT NULL AND instalment_no IS NOT NULL')
      .all(paymentId) as { agreementId: number; instalmentNo: number }[];
  }

  private allocations(paymentId: number): AllocationLineView[] {
    const rows = this.db
      .prepare('SELECT bucket, charge_code, charge_line_id, agreement_id, instalment_no, amount_minor, settles FROM payment_allocations WHERE payment_id = ? ORDER BY id')
      .all(paymentId) as { bucket: AllocationBucketName; charge_code: string | null; charge_line_id: number | null; agreement_id: number | null; instalment_no: number | null; amount_minor: number; settles: number }[];
    return rows.map((r) => ({ bucket: r.bucket, code: r.charge_code, chargeLineId: r.charge_line_id, agreementId: r.agreement_id, instalmentNo: r.instalment_no, amountMinor: r.amount_minor, settles: r.settles === 1 }));
  }

  private completedBy(paymentId: number): number[] {
    const rows = this.db
      // agreements/lease-to-own-completion.ts names the paying receipt in the completion's reason.
      .prepare(`SELECT CAST(entity_id AS INTEGER) AS id FROM audit_log WHERE entity = 'agreement' AND action = 'complete' AND json_extract(summary_params_json, '$.reason') LIKE ? ORDER BY id`)
      .all(`Last instalment paid by payment ${receiptNo(paymentId)};%`) as { id: number }[];
    return rows.map((r) => r.id);
  }

  private view(row: PaymentRow): PaymentView {
    const allocations = this.allocations(row.id);
    const byBucket = Object.fromEntries(ALLOCATION_ORDER.map((b) => [b, 0])) as Record<AllocationBucketName, number>;
    for (const line of allocations) byBucket[line.bucket] += line.amountMinor;
    const status: PaymentStatus = row.rev_at ? 'reversed' : row.member_id === null ? 'suspense' : 'booked';
    return {
      id: row.id, receiptNo: receiptNo(row.id), memberId: row.member_id, memberNo: row.member_no, memberName: row.member_name, amountMinor: row.amount_minor,
      currency: row.currency, method: row.method, reference: row.reference, receivedOn: row.received_on, receivedAt: row.received_at, origin: row.origin,
      payerDetails: row.payer_details, takenBy: row.taken_by_name, createdAt: row.created_at, status,
      reversal: row.rev_at ? { reason: row.rev_reason ?? '', by: row.rev_by, at: row.rev_at } : null,
      journalEntryId: row.journal_entry_id, allocations, byBucket, completedAgreements: this.completedBy(row.id),
    };
  }
}
