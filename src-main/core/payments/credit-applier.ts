// Applies members' credit paid ahead to their open items when charges appear (README.md, "Credit
// applied to later charges"): called inside the transaction that posts the charges (a settlement's
// onPosted hook, a prepaid drawdown's site-day) and around payments (booked, reversed, resolved), so
// the pieces commit with the charges or not at all. Idempotent: with no credit left or nothing open,
// a pass writes nothing. Lease-to-own instalments it covers are handed to `onInstalmentsCovered`,
// which the wiring defers until after the commit (the completion re-derives "paid off" from the books,
// so a pass that rolled back completes nothing).
import type { Database } from 'better-sqlite3';
import type { CreditOccasion, MemberCreditView } from '../../contract/payments.js';
import { notFound } from '../api/core-error.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { applyCredit, type CreditPiece } from './credit-application.js';
import { CreditRepo } from './credit-repo.js';
import { openItems } from './open-items.js';
import { PaymentsRepo } from './payments-repo.js';

export interface CreditApplierDeps {
  readonly db: Database;
  readonly clock: Clock;
  /** Agreements with an instalment paid by credit in this pass (called inside the pass's transaction). */
  readonly onInstalmentsCovered?: (agreementIds: readonly number[]) => void;
}

export class CreditApplier {
  readonly repo: CreditRepo;
  private readonly payments: PaymentsRepo;

  constructor(private readonly deps: CreditApplierDeps) {
    this.repo = new CreditRepo(deps.db);
    this.payments = new PaymentsRepo(deps.db);
  }

  /** Every member with credit left: their credit applied to what they owe now. Returns the pieces written. */
  applyForAll(occasion: CreditOccasion): number {
    return this.deps.db.transaction(() => {
      // Three queries for the whole cooperative (pools, charge lines, paid per line), then the pure rule per member.
      const pools = this.repo.allPools();
      if (pools.size === 0) return 0;
      const charges = this.repo.chargesOf(new Set(pools.keys()));
      const paid = this.repo.paidByLineAll();
      const on = isoNow(this.deps.clock);
      const pieces: CreditPiece[] = [];
      for (const [memberId, memberPools] of pools) {
        const own = applyCredit(memberPools, openItems(charges.get(memberId) ?? [], paid), on.slice(0, 10));
        this.repo.insert(memberId, own, on.slice(0, 10), occasion, on);
        pieces.push(...own);
      }
      this.covered(pieces);
      return pieces.length;
    })();
  }

  /** The given members' credit applied (members without credit or open items: nothing written). */
  applyForMembers(memberIds: readonly number[], occasion: CreditOccasion): number {
    return this.deps.db.transaction(() => {
      const pieces = memberIds.flatMap((memberId) => this.applyOne(memberId, occasion));
      this.covered(pieces);
      return pieces.length;
    })();
  }

  /**
   * After a journal entry is reversed by the generic channel (the Account tab's "Reverse…"): the
   * members it touched — its member lines, and the member of a payment or suspense assignment whose
   * entry it is — get their credit applied, as after a payment's own reversal (README.md).
   */
  applyAfterEntryReversed(entryId: number): number {
    return this.applyForMembers(this.repo.membersOfEntry(entryId), 'reversal');
  }

  /** Hands the lease-to-own agreements whose instalments a pass paid to the completion. */
  private covered(pieces: readonly CreditPiece[]): void {
    const agreements = [...new Set(pieces.filter((p) => p.code === 'instalment' && p.agreementId !== null).map((p) => p.agreementId as number))];
    if (agreements.length > 0) this.deps.onInstalmentsCovered?.(agreements);
  }

  view(memberId: number): MemberCreditView {
    if (!this.deps.db.prepare('SELECT 1 FROM members WHERE id = ?').get(memberId)) throw notFound('Member', memberId);
    const applications = this.repo.list(memberId);
    return { memberId, availableMinor: this.repo.available(memberId), applications, byBucket: this.repo.byBucket(memberId) };
  }

  private applyOne(memberId: number, occasion: CreditOccasion): CreditPiece[] {
    const pools = this.repo.pools(memberId);
    if (pools.length === 0) return [];
    const at = isoNow(this.deps.clock);
    const pieces = applyCredit(pools, this.payments.openItems(memberId), at.slice(0, 10));
    this.repo.insert(memberId, pieces, at.slice(0, 10), occasion, at);
    return pieces;
  }
}
