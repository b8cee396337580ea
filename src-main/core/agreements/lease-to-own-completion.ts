// Lease-to-own completes by itself when its last instalment is paid (issue 11). There is ONE way an
// agreement completes and its equipment changes hands: AgreementsService.transition(…, 'complete')
// — status, equipment owner → host and its audit row in one transaction — after which the equipment
// chain registration (equipment/chain-registration.ts) sends the item transfer through the outbox,
// at most once (reference equipment:<id>:owner:<host>). This file only decides WHEN, and calls it.
//
// Exactly once, also across a crash: the decision is re-derived from the books (instalment charges
// in the journal, live payment allocations), never from a flag; after every payment and at start
// (`catchUp`) every active lease-to-own agreement that is paid off is completed, and completing an
// already completed agreement is skipped (and refused by the state machine anyway).
import type { Database } from 'better-sqlite3';
import type { Agreement } from '../../contract/agreements.js';
import type { OperatorPublic } from '../../contract/session.js';
import { memberCharges } from '../journal/index.js';
import type { AgreementsService } from './agreements-service.js';
import { instalmentSchedule } from './terms-rules.js';
import { paymentLiveSql } from '../payments/payments-repo.js';

/** What is known of one instalment number: charged on the member's account, and paid by live payments. */
export interface InstalmentStanding {
  readonly charged: number;
  readonly paid: number;
}

/**
 * Pure: paid off when every instalment of the schedule has been charged at least its amount and
 * everything charged for it has been paid.
 */
export function isPaidOff(schedule: readonly { number: number; amountMinor: number }[], standing: ReadonlyMap<number, InstalmentStanding>): boolean {
  if (schedule.length === 0) return false;
  return schedule.every((instalment) => {
    const known = standing.get(instalment.number);
    return known !== undefined && known.charged >= instalment.amountMinor && known.paid >= known.charged;
  });
}

export interface LeaseToOwnCompletionDeps {
  readonly db: Database;
  readonly agreements: () => AgreementsService;
  readonly log?: (level: 'info' | 'error', message: string, error?: unknown) => void;
}

export class LeaseToOwnCompletion {
  constructor(private readonly deps: LeaseToOwnCompletionDeps) {}

  /** After a payment commits: the agreements whose instalments it settled, completed if paid off. */
  async afterPayment(paymentId: number): Promise<number[]> {
    const rows = this.deps.db
      .prepare(`SELECT DISTINCT agreement_id AS id FROM payment_allocations WHERE payment_id = ? AND agreement_id IS NOT NULL AND charge_code = 'instalment'`)
      .all(paymentId) as { id: number }[];
    return this.completeIfPaidOff(rows.map((r) => r.id));
  }

  /** After credit paid ahead covered instalments of these agreements (core/payments/credit-applier.ts). */
  async afterCredit(agreementIds: readonly number[]): Promise<number[]> {
    return this.completeIfPaidOff(agreementIds);
  }

  /** At start: catches up on a completion a crash interrupted (payment committed, completion not). */
  async catchUp(): Promise<number[]> {
    const rows = this.deps.db.prepare(`SELECT id FROM agreements WHERE kind = 'lease_to_own' AND status = 'active' ORDER BY id`).all() as { id: number }[];
    return this.completeIfPaidOff(rows.map((r) => r.id));
  }

  private async completeIfPaidOff(ids: readonly number[]): Promise<number[]> {
    const completed: number[] = [];
    for (const id of ids) {
      const agreement = this.deps.agreements().mustGet(id);
      if (agreement.kind !== 'lease_to_own' || agreement.status !== 'active' || agreement.terms.kind !== 'lease_to_own') continue;
      if (!isPaidOff(instalmentSchedule(agreement.terms), this.standing(agreement))) continue;
      const last = this.lastPayment(agreement.id);
      try {
        const paidBy = last.fromCredit ? `from the credit of payment ${last.receiptNo}` : `by payment ${last.receiptNo}`;
        await this.deps.agreements().transition(last.actor, agreement.id, 'complete', `Last instalment paid ${paidBy}; completed automatically`);
        completed.push(agreement.id);
        this.deps.log?.('info', `Lease-to-own agreement ${agreement.id} paid off by ${last.receiptNo}: completed, equipment transfer queued`);
      } catch (error) {
        // A concurrent pass completed it first: the state machine refused the second. Anything else is logged; catchUp retries.
        if (this.deps.agreements().mustGet(agreement.id).status !== 'completed') this.deps.log?.('error', `Lease-to-own agreement ${agreement.id} is paid off but could not be completed`, error);
      }
    }
    return completed;
  }

  private standing(agreement: Agreement): Map<number, InstalmentStanding> {
    if (agreement.terms.kind !== 'lease_to_own') return new Map();
    const host = agreement.terms.hostMemberId;
    const paidRows = this.deps.db
      .prepare(
        // A payment's own split and the credit it funded later (payment_credit_applications) both pay.
        `SELECT line, SUM(paid) AS paid FROM (
           SELECT a.charge_line_id AS line, a.amount_minor AS paid, a.payment_id FROM payment_allocations a WHERE a.agreement_id = @id AND a.charge_line_id IS NOT NULL
           UNION ALL
           SELECT c.charge_line_id, c.amount_minor, c.payment_id FROM payment_credit_applications c WHERE c.agreement_id = @id
         ) x WHERE ${paymentLiveSql('x.payment_id')}
         GROUP BY line`,
      )
      .all({ id: agreement.id }) as { line: number; paid: number }[];
    const paidByLine = new Map(paidRows.map((r) => [r.line, r.paid]));
    const standing = new Map<number, { charged: number; paid: number }>();
    for (const charge of memberCharges(this.deps.db, host)) {
      if (charge.reversed || charge.amount <= 0 || charge.charge.code !== 'instalment' || charge.charge.agreementId !== agreement.id || charge.charge.instalmentNo === undefined) continue;
      const known = standing.get(charge.charge.instalmentNo) ?? { charged: 0, paid: 0 };
      known.charged += charge.amount;
      known.paid += Math.min(charge.amount, paidByLine.get(charge.lineId) ?? 0);
      standing.set(charge.charge.instalmentNo, known);
    }
    return standing;
  }

  /**
   * The live payment that paid the agreement's instalments last (directly, or by credit applied
   * later): its receipt names the completion, its taker acts.
   */
  private lastPayment(agreementId: number): { receiptNo: string; actor: OperatorPublic; fromCredit: boolean } {
    const row = this.deps.db
      .prepare(
        `SELECT p.id, x.from_credit, o.id AS op_id, o.username, o.display_name, o.role FROM (
           SELECT payment_id, 0 AS from_credit, 0 AS credit_id, id AS allocation_id FROM payment_allocations WHERE agreement_id = @id
           UNION ALL
           SELECT payment_id, 1, id, 0 FROM payment_credit_applications WHERE agreement_id = @id
         ) x JOIN payments p ON p.id = x.payment_id
         LEFT JOIN payment_resolutions res ON res.payment_id = p.id
         LEFT JOIN operators o ON o.id = COALESCE(res.resolved_by, p.taken_by)
         WHERE ${paymentLiveSql('p.id')}
         ORDER BY COALESCE((SELECT created_at FROM payment_credit_applications WHERE id = x.credit_id), p.created_at) DESC, p.id DESC, x.from_credit DESC, x.credit_id DESC, x.allocation_id DESC LIMIT 1`,
      )
      .get({ id: agreementId }) as { id: number; from_credit: number; op_id: number | null; username: string | null; display_name: string | null; role: OperatorPublic['role'] | null } | undefined;
    const receiptNo = row ? `R-${String(row.id).padStart(6, '0')}` : 'unknown';
    const actor: OperatorPublic = row?.op_id ? { id: row.op_id, username: row.username ?? '', displayName: row.display_name ?? '', role: row.role ?? 'operator' } : { id: 0, username: 'system', displayName: 'System', role: 'admin' };
    return { receiptNo, actor, fromCredit: row?.from_credit === 1 };
  }
}
