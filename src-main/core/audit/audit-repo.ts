// Writes and reads the audit log. Callers write inside the same transaction as the change itself.
import type { Database } from 'better-sqlite3';
import type { AuditEntry, AuditSummaryParams } from '../../contract/audit.js';
import type { AuditSummaryCode } from '../../contract/audit-summaries.js';

export interface AuditRecord {
  readonly operatorId: number | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | number | null;
  /** English, for logs and API callers. */
  readonly summary: string;
  /**
   * What the console says instead, in the operator's language: a code with a translation under
   * common.audit.summaries ("member.updated") and the values it needs.
   * Every writer gives one (contract/audit-summaries.ts lists them); rows written before codes have none.
   */
  readonly summaryCode: AuditSummaryCode;
  readonly summaryParams?: AuditSummaryParams;
  readonly before?: unknown;
  readonly after?: unknown;
}

interface AuditRow {
  id: number;
  at: string;
  operator: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  summary: string;
  entity_name: string | null;
  summary_code: string | null;
  summary_params_json: string | null;
  before_json: string | null;
  after_json: string | null;
}

// The name a person knows an entity by (a member's name, an agreement's title …), read at listing
// time so a renamed member shows their current name; NULL for kinds without one.
const ENTITY_NAME = `CASE a.entity
    WHEN 'member' THEN (SELECT full_name FROM members WHERE id = a.entity_id)
    WHEN 'site' THEN (SELECT name FROM sites WHERE id = a.entity_id)
    WHEN 'agreement' THEN (SELECT title FROM agreements WHERE id = a.entity_id)
    WHEN 'tariff_plan' THEN (SELECT name FROM tariff_plans WHERE id = a.entity_id)
    WHEN 'tariff_version' THEN (SELECT p.name || ' · v' || v.version FROM tariff_versions v JOIN tariff_plans p ON p.id = v.plan_id WHERE v.id = a.entity_id)
    WHEN 'equipment' THEN (SELECT NULLIF(TRIM(make || ' ' || model), '') FROM equipment WHERE id = a.entity_id)
    WHEN 'listing' THEN (SELECT title FROM market_listings WHERE id = a.entity_id)
    WHEN 'operator' THEN (SELECT display_name FROM operators WHERE id = a.entity_id)
  END`;

export class AuditRepo {
  constructor(
    private readonly db: Database,
    private readonly now: () => string,
  ) {}

  record(entry: AuditRecord): void {
    this.db
      .prepare(
        `INSERT INTO audit_log (at, operator_id, action, entity, entity_id, summary, summary_code, summary_params_json, before_json, after_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        this.now(),
        entry.operatorId,
        entry.action,
        entry.entity,
        entry.entityId === null ? null : String(entry.entityId),
        entry.summary,
        entry.summaryCode,
        entry.summaryParams ? JSON.stringify(entry.summaryParams) : null,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
      );
  }

  list(query: { entity: string | null; entityId: string | null; beforeId: number | null; limit: number }): AuditEntry[] {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.at, o.display_name AS operator, a.action, a.entity, a.entity_id, ${ENTITY_NAME} AS entity_name, a.summary, a.summary_code, a.summary_params_json, a.before_json, a.after_json
           FROM audit_log a LEFT JOIN operators o ON o.id = a.operator_id
          WHERE (@entity IS NULL OR a.entity = @entity)
            AND (@entityId IS NULL OR a.entity_id = @entityId)
            AND (@beforeId IS NULL OR a.id < @beforeId)
          ORDER BY a.id DESC LIMIT @limit`,
      )
      .all(query) as AuditRow[];
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      operator: row.operator,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      entityName: row.entity_name,
      summary: row.summary,
      summaryCode: row.summary_code,
      summaryParams: row.summary_params_json === null ? null : (JSON.parse(row.summary_params_json) as AuditSummaryParams),
      before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
      after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
    }));
  }
}
