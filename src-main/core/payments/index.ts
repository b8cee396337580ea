// Payments wiring: the service, the statement import and lease-to-own auto completion, built together.
import type { Database } from 'better-sqlite3';
import type { AuditRepo } from '../audit/audit-repo.js';
import type { CooperativeRepo } from '../cooperative/cooperative-repo.js';
import type { Clock } from '../platform/clock.js';
import type { AgreementsService } from '../agreements/agreements-service.js';
import { LeaseToOwnCompletion } from '../agreements/lease-to-own-completion.js';
import { CreditApplier } from './credit-applier.js';
import { PaymentsService } from './payments-service.js';
import { StatementImport } from './statement-import.js';

export interface PaymentServices {
  readonly payments: PaymentsService;
  readonly statements: StatementImport;
  readonly leaseToOwn: LeaseToOwnCompletion;
  /** Credit paid ahead applied to charges posted later (call inside the posting transaction). */
  readonly credit: CreditApplier;
}

export function buildPaymentServices(deps: { db: Database; clock: Clock; audit: AuditRepo; cooperative: CooperativeRepo; agreements: () => AgreementsService; log?: (level: 'info' | 'error', message: string, error?: unknown) => void }): PaymentServices {
  const currency = () => deps.cooperative.get()?.currency ?? 'XXX';
  const leaseToOwn = new LeaseToOwnCompletion({ db: deps.db, agreements: deps.agreements, ...(deps.log ? { log: deps.log } : {}) });
  const failed = (error: unknown) => deps.log?.('error', 'Lease-to-own completion failed', error);
  // Credit is applied inside the transaction that posts the charges; the completion of an agreement
  // whose instalments it covered runs once that transaction has returned (setImmediate: after the
  // synchronous commit), and re-derives "paid off" from the books, so a rolled-back pass completes nothing.
  const credit = new CreditApplier({ db: deps.db, clock: deps.clock, onInstalmentsCovered: (ids) => void setImmediate(() => void leaseToOwn.afterCredit(ids).catch(failed)) });
  // Completion runs after the payment's commit; a failure there is logged and caught up at next start.
  const payments = new PaymentsService({ db: deps.db, clock: deps.clock, audit: deps.audit, currency, credit, onInstalmentsSettled: (id) => void leaseToOwn.afterPayment(id).catch(failed) });
  const statements = new StatementImport({ db: deps.db, clock: deps.clock, payments, currency });
  return { payments, statements, leaseToOwn, credit };
}
