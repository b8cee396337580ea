// Payments use cases: book one at the window, reverse it, resolve a suspense payment. Each is ONE
// transaction: the journal entry (core/journal), the payment row and its stored allocation. After
// the commit, a payment that paid a lease-to-own agreement's last instalment completes it
// (agreements/lease-to-own-completion.ts, which also catches up after a crash).
import type { Database } from 'better-sqlite3';
import type { OperatorPublic } from '../../contract/session.js';
import type { AllocationLineView, PaymentListQueryValue, PaymentView, RecordPaymentValue } from '../../contract/payments.js';
import { CoreError, notFound } from '../api/core-error.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import { accountBalance, JournalError, postEntries, reverseEntry, type AccountRef } from '../journal/index.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { formatMoney, sha256Hex } from '../agreements/terms-document.js';
import type { DocumentFile } from '../../contract/agreements.js';
import { renderReceiptPdf } from './receipt-pdf.js';
import { allocatePayment, type PaymentSplit } from './allocation.js';
import type { CreditApplier } from './credit-applier.js';
import { PaymentsRepo, receiptNo, referenceKey, type NewPayment } from './payments-repo.js';

export interface PaymentsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRepo;
  readonly currency: () => string;
  /** Called after a payment commits with the agreements whose instalments it settled. */
  readonly onInstalmentsSettled?: (paymentId: number) => void;
  /** Applies earlier credit to open items inside each payment's transaction (credit-applier.ts). */
  readonly credit?: CreditApplier;
}

export type BookInput = Omit<NewPayment, 'journalEntryId' | 'createdAt' | 'currency'>;

const cashAccount = (method: NewPayment['method']): AccountRef => (method === 'cash' ? { kind: 'cash' } : { kind: 'mobile-money' });

export class PaymentsService {
  readonly repo: PaymentsRepo;

  constructor(private readonly deps: PaymentsDeps) {
    this.repo = new PaymentsRepo(deps.db);
  }

  list(query: PaymentListQueryValue): PaymentView[] {
    return this.repo.list(query);
  }

  get(id: number): PaymentView {
    const payment = this.repo.get(id);
    if (!payment) throw notFound('Payment', id);
    return payment;
  }

  /** The printable receipt (deterministic PDF). */
  async receipt(id: number, cooperativeName: string): Promise<DocumentFile> {
    const payment = this.get(id);
    const bytes = await renderReceiptPdf({ payment, cooperative: { name: cooperativeName } });
    return { fileName: `receipt-${payment.receiptNo}.pdf`, mediaType: 'application/pdf', base64: bytes.toString('base64'), sha256: sha256Hex(bytes) };
  }

  /** How `amount` would be applied now, without writing anything. */
  preview(memberId: number, amountMinor: number, receivedOn: string): { split: AllocationLineView[]; byBucket: PaymentSplit['byBucket']; balanceMinor: number } {
    this.mustMember(memberId);
    const split = this.split(memberId, amountMinor, receivedOn);
    return { split: toLines(split), byBucket: split.byBucket, balanceMinor: accountBalance(this.deps.db, { kind: 'member', memberId }) };
  }

  record(actor: OperatorPublic, input: RecordPaymentValue): PaymentView {
    const member = this.mustMember(input.memberId);
    if (!member.active) throw new CoreError('CONFLICT', `${member.fullName} (${member.memberNo}) is not an active member; reactivate them before taking a payment.`);
    const id = this.write(() => {
      // Cash without a receipt-book number is numbered by the console (W + the next payment id).
      const reference = input.reference.trim() || `W-${this.nextId()}`;
      return this.book(actor.id, { memberId: input.memberId, amountMinor: input.amountMinor, method: input.method, reference, receivedOn: input.receivedOn, receivedAt: null, origin: 'window', statementId: null, payerDetails: '', takenBy: actor.id });
    });
    this.afterCommit(id);
    return this.get(id);
  }

  /** After a payment's transaction commits: lease-to-own agreements it paid off complete. */
  afterCommit(paymentId: number): void {
    this.deps.onInstalmentsSettled?.(paymentId);
  }

  /**
   * Inside the caller's transaction: the journal entry, the payment row and its allocation. A member
   * of null books it to suspense (no allocation until resolved). A reference already booked is refused.
   */
  book(by: number | null, p: BookInput): number {
    const earlier = this.repo.byReference(p.reference);
    if (earlier) throw duplicateReference(p.reference, earlier);
    const currency = this.deps.currency();
    const credit: AccountRef = p.memberId === null ? { kind: 'suspense' } : { kind: 'member', memberId: p.memberId };
    const [entryId] = postEntries(
      this.deps.db,
      [{
        kind: 'payment',
        source: { type: 'payment', id: referenceKey(p.reference) },
        memo: `${p.method === 'cash' ? 'Cash' : 'Mobile money'} payment ${p.reference}${p.memberId === null ? ' (payer unknown: suspense)' : ''}`,
        idempotencyKey: `payment:${referenceKey(p.reference)}`,
        effectiveDate: p.receivedOn,
        lines: [
          { account: cashAccount(p.method), debit: p.amountMinor, credit: 0 },
          { account: credit, debit: 0, credit: p.amountMinor },
        ],
        createdBy: by,
      }],
      { now: () => this.deps.clock.now() },
    );
    if (entryId === undefined) throw new Error('The journal returned no entry');
    // Credit paid earlier is applied first (oldest money first), then this payment's split.
    if (p.memberId !== null) this.deps.credit?.applyForMembers([p.memberId], 'payment');
    const id = this.repo.insert({ ...p, currency, journalEntryId: entryId, createdAt: this.now() });
    if (p.memberId !== null) this.repo.insertAllocations(id, this.split(p.memberId, p.amountMinor, p.receivedOn));
    this.deps.audit.record({
      operatorId: by, action: 'create', entity: 'payment', entityId: id,
      summary: `Payment ${receiptNo(id)} of ${formatMoney(p.amountMinor, currency)} (${p.method}, ${p.reference})${p.memberId === null ? ' to suspense' : ''}`,
      summaryCode: p.memberId === null ? 'payment.suspense' : 'payment.recorded',
      summaryParams: { receipt: receiptNo(id), amount: formatMoney(p.amountMinor, currency), method: p.method, reference: p.reference },
    });
    return id;
  }

  reverse(actor: OperatorPublic, id: number, reason: string): PaymentView {
    const why = reason.trim();
    if (!why) throw new CoreError('VALIDATION', 'Say why the payment is reversed.', [{ path: 'reason', message: 'Required' }]);
    this.write(() => {
      const payment = this.get(id);
      if (payment.status === 'reversed') throw new CoreError('CONFLICT', `Payment ${payment.receiptNo} was already reversed on ${payment.reversal?.at.slice(0, 10) ?? '?'}; a payment is reversed once.`);
      const at = this.now();
      const options = { now: () => this.deps.clock.now(), effectiveDate: at.slice(0, 10) };
      // A resolved suspense payment: the move to the member is reversed first, then the payment itself.
      const resolution = this.repo.resolution(id);
      if (resolution) reverseEntry(this.deps.db, resolution.journalEntryId, why, actor.id, options);
      const entryId = reverseEntry(this.deps.db, payment.journalEntryId, why, actor.id, options);
      this.repo.insertReversal(id, entryId, why, actor.id, at);
      // What it paid (directly or from its credit) is open again; the member's other credit covers it if it can.
      if (payment.memberId !== null) this.deps.credit?.applyForMembers([payment.memberId], 'reversal');
      this.deps.audit.record({
        operatorId: actor.id, action: 'reverse', entity: 'payment', entityId: id,
        summary: `Payment ${payment.receiptNo} reversed: ${why}`, summaryCode: 'payment.reversed', summaryParams: { receipt: payment.receiptNo, reason: why },
      });
    });
    return this.get(id);
  }

  /**
   * A payment's journal entries belong to the payment: reversing one from the Account tab or the
   * ledger (journal.entries.reverse) must leave the receipt saying "reversed" too, not "booked".
   * The payment's own entry → the payment is reversed (what `reverse` does, with its audit row); the
   * entry that assigned a suspense payment → refused with what to do instead (there is no
   * "unassign": the money would sit in suspense with a receipt that cannot be assigned again).
   * Any other entry → null, the journal reverses it itself.
   */
  reverseOwnedEntry(actor: OperatorPublic, entryId: number, reason: string): { reversalEntryId: number } | null {
    // Already reversed: the journal's own refusal says so.
    if (this.deps.db.prepare('SELECT 1 FROM journal_entries WHERE reverses_entry_id = ?').get(entryId)) return null;
    const paid = this.deps.db.prepare('SELECT id FROM payments WHERE journal_entry_id = ?').get(entryId) as { id: number } | undefined;
    if (paid) {
      this.reverse(actor, paid.id, reason);
      const row = this.deps.db.prepare('SELECT journal_entry_id AS entryId FROM payment_reversals WHERE payment_id = ?').get(paid.id) as { entryId: number };
      return { reversalEntryId: row.entryId };
    }
    const assigned = this.deps.db.prepare('SELECT payment_id AS paymentId FROM payment_resolutions WHERE journal_entry_id = ?').get(entryId) as { paymentId: number } | undefined;
    if (assigned) {
      const receipt = this.get(assigned.paymentId).receiptNo;
      throw new CoreError(
        'CONFLICT',
        `Entry ${entryId} assigned suspense payment ${receipt} to a member; it cannot be undone on its own. Reverse payment ${receipt} under Payments and record it again for the right member. Nothing was posted.`,
        undefined,
        { reason: 'paymentAssignmentEntry', params: { entryId, receipt } },
      );
    }
    return null;
  }

  /** Assigns a suspense payment to a member: debit suspense, credit the member, and its allocation. */
  resolveSuspense(actor: OperatorPublic, id: number, memberId: number): PaymentView {
    const member = this.mustMember(memberId);
    this.write(() => {
      const payment = this.get(id);
      if (payment.status !== 'suspense') throw new CoreError('CONFLICT', `Payment ${payment.receiptNo} is not in suspense (it is ${payment.status}${payment.memberName ? `, ${payment.memberName}` : ''}); only a suspense payment can be assigned.`);
      const [entryId] = postEntries(
        this.deps.db,
        [{
          kind: 'payment', source: { type: 'payment-resolution', id: String(id) }, memo: `Suspense payment ${payment.reference} assigned to ${member.memberNo}`,
          idempotencyKey: `payment-resolution:${id}`, effectiveDate: this.now().slice(0, 10),
          lines: [{ account: { kind: 'suspense' }, debit: payment.amountMinor, credit: 0 }, { account: { kind: 'member', memberId }, debit: 0, credit: payment.amountMinor }],
          createdBy: actor.id,
        }],
        { now: () => this.deps.clock.now() },
      );
      if (entryId === undefined) throw new Error('The journal returned no entry');
      this.repo.insertResolution(id, memberId, entryId, actor.id, this.now());
      this.deps.credit?.applyForMembers([memberId], 'resolution');
      this.repo.insertAllocations(id, this.split(memberId, payment.amountMinor, this.now().slice(0, 10)));
      this.deps.audit.record({
        operatorId: actor.id, action: 'resolve', entity: 'payment', entityId: id,
        summary: `Suspense payment ${payment.receiptNo} assigned to ${member.fullName} (${member.memberNo})`,
        summaryCode: 'payment.resolved', summaryParams: { receipt: payment.receiptNo, member: member.fullName },
      });
    });
    this.afterCommit(id);
    return this.get(id);
  }

  /** The split of `amount` over the member's open items as they stand now. */
  split(memberId: number, amountMinor: number, receivedOn: string): PaymentSplit {
    return allocatePayment(amountMinor, this.repo.openItems(memberId), receivedOn);
  }

  private mustMember(id: number): { id: number; memberNo: string; fullName: string; active: boolean } {
    const row = this.deps.db.prepare('SELECT id, member_no, full_name, active FROM members WHERE id = ?').get(id) as { id: number; member_no: string; full_name: string; active: number } | undefined;
    if (!row) throw notFound('Member', id);
    return { id: row.id, memberNo: row.member_no, fullName: row.full_name, active: row.active === 1 };
  }

  private nextId(): number {
    return ((this.deps.db.prepare('SELECT MAX(id) AS id FROM payments').get() as { id: number | null }).id ?? 0) + 1;
  }

  private now(): string {
    return isoNow(this.deps.clock);
  }

  private write<T>(work: () => T): T {
    return journalRefusalsAsCoreErrors(() => this.deps.db.transaction(work).immediate());
  }
}

/** The journal's own refusals (bad amount, date …) reach the operator as a VALIDATION sentence. */
export function journalRefusalsAsCoreErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof JournalError) throw new CoreError('VALIDATION', error.message);
    throw error;
  }
}

export function duplicateReference(reference: string, earlier: PaymentView): CoreError {
  const whom = earlier.memberName ? ` for ${earlier.memberName} (${earlier.memberNo ?? ''})` : ' (in suspense)';
  return new CoreError('CONFLICT', `Reference ${reference} was already booked on ${earlier.receivedOn}${whom} as receipt ${earlier.receiptNo}; a payment is booked once.`, [
    { path: 'reference', message: 'Already booked', code: 'custom', params: { receipt: earlier.receiptNo, date: earlier.receivedOn } },
  ]);
}

function toLines(split: PaymentSplit): AllocationLineView[] {
  const lines: AllocationLineView[] = split.lines.map((l) => ({ bucket: l.bucket, code: l.code, chargeLineId: l.chargeLineId, agreementId: l.agreementId, instalmentNo: l.instalmentNo, amountMinor: l.amount, settles: l.settles }));
  if (split.credit > 0) lines.push({ bucket: 'energy', code: null, chargeLineId: null, agreementId: null, instalmentNo: null, amountMinor: split.credit, settles: false });
  return lines;
}
