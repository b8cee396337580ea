// Writes and reads the audit log. Callers write inside the same transaction as the change itself.
import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../../contract/audit.js';

export interface AuditRecord {
  readonly operatorId: number | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | number | null;
  readonly summary: string;
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
  before_json: string | null;
  after_json: string | null;
}

export class AuditRepo {
  constructor(
    private readonly db: Database,
    private readonly now: () => string,
  ) {}

  record(entry: AuditRecord): void {
    this.db
      .prepare(
        `INSERT INTO audit_log (at, operator_id, action, entity, entity_id, summary, before_json, after_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        this.now(),
        entry.operatorId,
        entry.action,
        entry.entity,
        entry.entityId === null ? null : String(entry.entityId),
        entry.summary,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
      );
  }

  list(query: { entity: string | null; entityId: string | null; beforeId: number | null; limit: number }): AuditEntry[] {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.at, o.display_name AS operator, a.action, a.entity, a.entity_id, a.summary, a.before_json, a.after_json
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
      summary: row.summary,
      before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
      after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
    }));
  }
}
