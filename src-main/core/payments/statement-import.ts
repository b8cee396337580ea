// Importing a mobile-money statement: preview (nothing written) → book. Matched lines are booked to
// their member, unmatched ones to suspense, all in ONE transaction with the statement's record.
// A receipt number already booked (the same file again, or an overlapping period) is a duplicate and
// is never booked twice: the payment's reference is unique and the journal's idempotency key too.
import type { Database } from 'better-sqlite3';
import type { StatementImportResult, StatementLinePreview, StatementLineStatus, StatementPreview } from '../../contract/payments.js';
import type { OperatorPublic } from '../../contract/session.js';
import { CoreError } from '../api/core-error.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { sha256Hex } from '../agreements/terms-document.js';
import { parseStatement } from './statement-csv.js';
import { MemberMatcher } from './statement-matching.js';
import { referenceKey } from './payments-repo.js';
import { journalRefusalsAsCoreErrors, type PaymentsService } from './payments-service.js';

export interface StatementImportDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly payments: PaymentsService;
  readonly currency: () => string;
}

interface MemberRow { id: number; member_no: string; full_name: string; phone: string }

export class StatementImport {
  constructor(private readonly deps: StatementImportDeps) {}

  preview(csv: string): StatementPreview {
    const currency = this.deps.currency();
    const parsed = parseStatement(csv, currency);
    const members = this.deps.db.prepare('SELECT id, member_no, full_name, phone FROM members WHERE active = 1').all() as MemberRow[];
    const byId = new Map(members.map((m) => [m.id, m]));
    const matcher = new MemberMatcher(members.map((m) => ({ id: m.id, memberNo: m.member_no, phone: m.phone })));
    const booked = this.deps.payments.repo.bookedReferences(parsed.rows.filter((r) => r.kind === 'payment').map((r) => r.receipt));
    const lines = parsed.rows.map((row): StatementLinePreview => {
      const base = { line: row.line, receipt: row.receipt, completedAt: row.completedAt, amountMinor: row.paidIn, details: row.details, transactionStatus: row.kind === 'money-out' ? 'money-out' : row.status, issues: row.issues };
      const none = { memberId: null, memberNo: null, memberName: null, matchedBy: null, unmatchedReason: null, bookedAs: null };
      if (row.kind === 'invalid') return { ...base, ...none, status: 'invalid' };
      if (row.kind !== 'payment') return { ...base, ...none, status: 'skipped' };
      const bookedAs = booked.get(referenceKey(row.receipt)) ?? null;
      if (bookedAs) return { ...base, ...none, status: 'duplicate', bookedAs };
      const match = matcher.match(row);
      if (match.memberId === null) return { ...base, ...none, status: 'unmatched', unmatchedReason: match.reason };
      const member = byId.get(match.memberId);
      return { ...base, ...none, status: 'matched', memberId: match.memberId, memberNo: member?.member_no ?? null, memberName: member?.full_name ?? null, matchedBy: match.by };
    });
    const totals = Object.fromEntries((['matched', 'unmatched', 'duplicate', 'skipped', 'invalid'] as const).map((s) => [s, { count: 0, amountMinor: 0 }])) as Record<StatementLineStatus, { count: number; amountMinor: number }>;
    for (const line of lines) {
      totals[line.status].count += 1;
      totals[line.status].amountMinor += line.status === 'skipped' ? 0 : (line.amountMinor ?? 0);
    }
    return { currency, fileIssues: parsed.fileIssues, lines, totals, importedBefore: this.deps.payments.repo.statementBySha(sha256(csv)) };
  }

  /** Books what the preview shows as matched and unmatched (to suspense). Refused if any line is invalid. */
  commit(actor: OperatorPublic, csv: string, fileName: string): StatementImportResult {
    const ids: number[] = [];
    const result = journalRefusalsAsCoreErrors(() => this.deps.db.transaction(() => {
      // Previewed again inside the transaction, so what is booked is exactly what the file says now.
      const preview = this.preview(csv);
      const first = preview.fileIssues[0];
      if (first) throw new CoreError('IMPORT_REJECTED', first.message);
      const invalid = preview.lines.filter((l) => l.status === 'invalid');
      if (invalid.length) throw new CoreError('IMPORT_REJECTED', `${invalid.length} line(s) of the statement cannot be read (first: ${invalid[0]?.issues[0]?.message ?? `line ${invalid[0]?.line}`}); nothing was booked. Export the statement again.`);
      const count = (s: StatementLineStatus) => preview.totals[s].count;
      const statementId = this.deps.payments.repo.insertStatement({
        fileName, sha256: sha256(csv), currency: preview.currency, booked: count('matched'), suspense: count('unmatched'), duplicates: count('duplicate'), skipped: count('skipped'), by: actor.id, at: isoNow(this.deps.clock),
      });
      for (const line of preview.lines) {
        if ((line.status !== 'matched' && line.status !== 'unmatched') || line.amountMinor === null || line.completedAt === null) continue;
        ids.push(this.deps.payments.book(actor.id, {
          memberId: line.memberId, amountMinor: line.amountMinor, method: 'mobile-money', reference: line.receipt,
          receivedOn: line.completedAt.slice(0, 10), receivedAt: line.completedAt, origin: 'statement', statementId, payerDetails: line.details.slice(0, 300), takenBy: actor.id,
        }));
      }
      return { statementId, booked: count('matched'), suspense: count('unmatched'), duplicates: count('duplicate'), skipped: count('skipped') };
    }).immediate());
    for (const id of ids) this.deps.payments.afterCommit(id);
    return { ...result, payments: ids.map((id) => this.deps.payments.get(id)) };
  }
}

const sha256 = (text: string) => sha256Hex(Buffer.from(text, 'utf8'));
