// The journal as the console uses it: the integrity check (at core start and on demand, its last
// result kept so a failure stays visible), the accounts views, and an audited reversal.
import type { Database } from 'better-sqlite3';
import type { OperatorPublic } from '../../contract/session.js';
import type { CooperativeAccountsView, JournalIntegrityStatus, MemberJournalView } from '../../contract/journal.js';
import { CoreError, notFound } from '../api/core-error.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import type { CooperativeRepo } from '../cooperative/cooperative-repo.js';
import { localParts } from '../tariffs/local-time.js';
import { checkJournalIntegrity } from './integrity.js';
import { withJournalErrors } from './journal-core-errors.js';
import { reverseEntry } from './journal-repo.js';
import { cooperativeAccounts, memberAccount } from './journal-views.js';

export interface JournalServiceDeps {
  readonly db: Database;
  readonly audit: AuditRepo;
  readonly cooperative: CooperativeRepo;
  readonly now: () => Date;
  readonly log?: (level: 'info' | 'error', message: string, error?: unknown) => void;
  /**
   * Runs inside the reversal's transaction, after the reversing entry is written (core/app wires the
   * credit applier: money a reversal freed, or charges it reopened, are settled at once, not at the
   * next payment). A throw here rolls the reversal back.
   */
  readonly afterReverse?: (entryId: number) => void;
  /**
   * An entry another record owns (a payment's) is reversed by its owner, so both stay in step;
   * returns null for an entry the journal reverses itself. core/app wires the payments service.
   */
  readonly reverseOwned?: (actor: OperatorPublic, entryId: number, reason: string) => { reversalEntryId: number } | null;
}

export class JournalService {
  private last: JournalIntegrityStatus | null = null;

  constructor(private readonly deps: JournalServiceDeps) {}

  /** Runs the check now and keeps its result; a check that cannot run counts as failed. */
  checkIntegrity(trigger: JournalIntegrityStatus['trigger']): JournalIntegrityStatus {
    let status: JournalIntegrityStatus;
    try {
      status = { report: checkJournalIntegrity(this.deps.db, this.deps.now), trigger, failure: null };
    } catch (error) {
      const failure = `The journal integrity check could not run: ${(error as Error)?.message ?? String(error)}`;
      status = {
        trigger,
        failure,
        report: { ok: false, checkedAt: this.deps.now().toISOString(), entryCount: 0, lineCount: 0, accountCount: 0, totalDebits: 0, totalCredits: 0, unbalancedEntries: [], balanceMismatches: [] },
      };
    }
    if (!status.report.ok) {
      const { report } = status;
      this.deps.log?.('error', status.failure ??
        `Journal integrity check FAILED: debits ${report.totalDebits} vs credits ${report.totalCredits}, ${report.unbalancedEntries.length} unbalanced entr(ies), ${report.balanceMismatches.length} cached balance(s) off`);
    }
    this.last = status;
    return status;
  }

  /** The last result (the start-up check's until someone runs it again). */
  integrityStatus(): JournalIntegrityStatus {
    return this.last ?? this.checkIntegrity('startup');
  }

  cooperativeAccounts(): CooperativeAccountsView {
    return cooperativeAccounts(this.deps.db, this.currency());
  }

  memberAccount(memberId: number, page: { limit: number; offset: number }): MemberJournalView {
    if (this.deps.db.prepare(`SELECT 1 FROM members WHERE id = ?`).get(memberId) === undefined) throw notFound('Member', memberId);
    return memberAccount(this.deps.db, memberId, this.currency(), page);
  }

  /** Reverses an entry on today's date in the cooperative's time zone, audited in the same transaction. */
  reverse(actor: OperatorPublic, entryId: number, reason: string): { reversalEntryId: number } {
    const now = this.deps.now();
    const timezone = this.deps.cooperative.get()?.timezone ?? 'UTC';
    const effectiveDate = localParts(now.getTime(), timezone).date;
    const run = this.deps.db.transaction(() => {
      // Its owner reverses an owned entry (and applies credit itself); the audit row below says it either way.
      const owned = reason.trim() ? this.deps.reverseOwned?.(actor, entryId, reason) : null;
      const reversalEntryId = owned?.reversalEntryId ?? withJournalErrors(() => reverseEntry(this.deps.db, entryId, reason, actor.id, { now: () => now, effectiveDate }));
      if (!owned) this.deps.afterReverse?.(entryId);
      this.deps.audit.record({
        operatorId: actor.id,
        action: 'reverse',
        entity: 'journal_entry',
        entityId: entryId,
        summary: `Entry ${entryId} reversed by entry ${reversalEntryId}: ${reason.trim()}`,
        summaryCode: 'journal.reversed',
        summaryParams: { entryId, reversalEntryId, reason: reason.trim() },
      });
      return { reversalEntryId };
    });
    return run.immediate();
  }

  private currency(): string {
    const coop = this.deps.cooperative.get();
    if (!coop) throw new CoreError('SETUP_REQUIRED', 'This console is not set up yet.');
    return coop.currency;
  }
}
