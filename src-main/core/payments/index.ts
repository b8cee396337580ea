// Payments wiring: the service, the statement import and lease-to-own auto completion, built together.
import type { Database } from 'better-sqlite3';
import type { AuditRepo } from '../audit/audit-repo.js';
import type { CooperativeRepo } from '../cooperative/cooperative-repo.js';
import type { Clock } from '../platform/clock.js';
import type { AgreementsService } from '../agreements/agreements-service.js';
import { LeaseToOwnCompletion } from '../agreements/lease-to-own-completion.js';
import { PaymentsService } from './payments-service.js';
import { StatementImport } from './statement-import.js';

export interface PaymentServices {
  readonly payments: PaymentsService;
  readonly statements: StatementImport;
  readonly leaseToOwn: LeaseToOwnCompletion;
}

export function buildPaymentServices(deps: { db: Database; clock: Clock; audit: AuditRepo; cooperative: CooperativeRepo; agreements: () => AgreementsService; log?: (level: 'info' | 'error', message: string, error?: unknown) => void }): PaymentServices {
  const currency = () => deps.cooperative.get()?.currency ?? 'XXX';
  const leaseToOwn = new LeaseToOwnCompletion({ db: deps.db, agreements: deps.agreements, ...(deps.log ? { log: deps.log } : {}) });
  // Completion runs after the payment's commit; a failure there is logged and caught up at next start.
  const payments = new PaymentsService({ db: deps.db, clock: deps.clock, audit: deps.audit, currency, onInstalmentsSettled: (id) => void leaseToOwn.afterPayment(id).catch((error: unknown) => deps.log?.('error', 'Lease-to-own completion failed', error)) });
  const statements = new StatementImport({ db: deps.db, clock: deps.clock, payments, currency });
  return { payments, statements, leaseToOwn };
}
