// Members' statements of posted periods: list, build, verify against the chain, print as PDF, and all
// of a period as one zip with progress. Built on statement-source (reads) + statement-build (pure).
import type { Database } from 'better-sqlite3';
import type { ApiPromise } from '@polkadot/api';
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import type { StatementDocument, StatementLocale, StatementPdf, StatementSummary, StatementVerification } from '../../contract/statements.js';
import { buildStatement } from './statement-build.js';
import { nodeChainLookup } from './statement-chain.js';
import { renderStatementPdf, statementFileName } from './statement-pdf.js';
import { loadPeriodContext, NO_TOKEN_LEDGER, statementInput, StatementSourceError, type PeriodStatementContext, type TokensOfMemberPeriod } from './statement-source.js';
import { verifyStatement } from './statement-verify.js';

export interface StatementsProgress {
  readonly periodId: number;
  readonly done: number;
  readonly total: number;
}

export interface StatementsServiceDeps {
  readonly db: Database;
  /** The connected node's API, or null when the chain is off or not connected. */
  readonly chainApi: () => ApiPromise | null;
  readonly tokens?: TokensOfMemberPeriod;
  readonly progress?: (p: StatementsProgress) => void;
}

export class StatementsUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StatementsUnavailableError';
  }
}

const documentFile = (fileName: string, mediaType: string, bytes: Buffer): StatementPdf => ({ fileName, mediaType, base64: bytes.toString('base64'), sha256: createHash('sha256').update(bytes).digest('hex') });

export class StatementsService {
  constructor(private readonly deps: StatementsServiceDeps) {}

  private summaries(rows: { period_id: number; period_from: string; period_to: string; member_id: number; member_no: string; full_name: string; net: number; currency: string; anchored: number }[]): StatementSummary[] {
    return rows.map((r) => ({ periodId: r.period_id, from: r.period_from, to: r.period_to, memberId: r.member_id, memberNo: r.member_no, fullName: r.full_name, netMinor: r.net, currency: r.currency, anchored: r.anchored === 1 }));
  }

  private listSql(where: string): string {
    return `SELECT p.id AS period_id, p.period_from, p.period_to, m.id AS member_id, m.member_no, m.full_name, SUM(l.amount_minor) AS net, p.currency,
              EXISTS (SELECT 1 FROM chain_outbox o WHERE o.reference = 'settlement-mirror:' || p.id || ':anchor' AND o.status = 'finalized') AS anchored
            FROM settlement_lines l JOIN settlement_periods p ON p.id = l.period_id JOIN members m ON m.id = l.member_id
            WHERE p.status = 'posted' AND ${where} GROUP BY p.id, m.id ORDER BY p.period_from DESC, m.member_no`;
  }

  ofMember(memberId: number): StatementSummary[] {
    return this.summaries(this.deps.db.prepare(this.listSql('l.member_id = ?')).all(memberId) as never);
  }

  ofPeriod(periodId: number): StatementSummary[] {
    loadPeriodContext(this.deps.db, periodId); // refuses a period that does not exist or is not posted
    return this.summaries(this.deps.db.prepare(this.listSql('p.id = ?')).all(periodId) as never);
  }

  /** The posted period starting on `from` in which the member has lines (how the kiosk names a statement). */
  periodOfMember(memberId: number, from: string): number {
    const row = this.deps.db
      .prepare(`SELECT p.id FROM settlement_periods p WHERE p.status = 'posted' AND p.period_from = ? AND EXISTS (SELECT 1 FROM settlement_lines l WHERE l.period_id = p.id AND l.member_id = ?)`)
      .get(from, memberId) as { id: number } | undefined;
    if (!row) throw new StatementSourceError('NO_STATEMENT', `There is no posted statement of yours for the period starting on ${from}.`);
    return row.id;
  }

  get(periodId: number, memberId: number, locale?: StatementLocale, ctx: PeriodStatementContext = loadPeriodContext(this.deps.db, periodId)): StatementDocument {
    return buildStatement(statementInput(this.deps.db, ctx, memberId, { tokens: this.deps.tokens ?? NO_TOKEN_LEDGER, ...(locale ? { locale } : {}) }));
  }

  async verify(periodId: number, memberId: number): Promise<StatementVerification> {
    return this.verifyDocument(this.get(periodId, memberId));
  }

  async verifyDocument(doc: StatementDocument): Promise<StatementVerification> {
    const api = this.deps.chainApi();
    if (!api) throw new StatementsUnavailableError('The chain is not connected: a statement is verified against the chain. Start or connect the chain in Settings → Chain and try again.');
    return verifyStatement(doc, nodeChainLookup(api));
  }

  async pdf(periodId: number, memberId: number, locale?: StatementLocale): Promise<StatementPdf> {
    const doc = this.get(periodId, memberId, locale);
    return documentFile(statementFileName(doc), 'application/pdf', await renderStatementPdf(doc));
  }

  /** Every statement of the period as PDFs in one zip; progress after each statement. */
  async periodZip(periodId: number, locale?: StatementLocale): Promise<StatementPdf & { readonly count: number }> {
    const ctx = loadPeriodContext(this.deps.db, periodId);
    const memberIds = [...ctx.linesByMember.keys()].sort((a, b) => a - b);
    if (memberIds.length === 0) throw new StatementSourceError('NO_STATEMENT', `Settlement period ${periodId} has no line: there is no statement to print.`);
    const files: Record<string, Uint8Array> = {};
    const total = memberIds.length;
    this.deps.progress?.({ periodId, done: 0, total });
    for (const [i, memberId] of memberIds.entries()) {
      const doc = this.get(periodId, memberId, locale, ctx);
      files[statementFileName(doc)] = await renderStatementPdf(doc);
      this.deps.progress?.({ periodId, done: i + 1, total });
      // Let the event loop breathe between statements (progress events, other calls).
      if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
    }
    // PDFs are already compressed: store them (level 0) rather than deflate twice.
    const zip = zipSync(files, { level: 0, mtime: new Date(`${ctx.to}T00:00:00Z`) });
    return { ...documentFile(`statements-${ctx.from}-${ctx.to}.zip`, 'application/zip', Buffer.from(zip)), count: total };
  }
}
