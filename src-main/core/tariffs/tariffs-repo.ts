// Tariff plans and their versions in SQLite. Definitions are stored as validated JSON and parsed
// again on the way out, so a hand-edited row cannot reach the rating function unchecked.
import type { Database } from 'better-sqlite3';
import { TariffDefinition, type TariffDefinitionValue } from '../../contract/tariffs.js';

export interface PlanRow {
  readonly id: number;
  readonly siteId: number;
  readonly siteName: string;
  readonly name: string;
  readonly description: string;
  readonly createdAt: string;
}

export interface VersionRow {
  readonly id: number;
  readonly planId: number;
  readonly version: number;
  readonly validFrom: string;
  readonly definition: TariffDefinitionValue;
  readonly notes: string;
  readonly createdAt: string;
}

interface RawVersion {
  id: number;
  plan_id: number;
  version: number;
  valid_from: string;
  definition_json: string;
  notes: string;
  created_at: string;
}

const toVersion = (row: RawVersion): VersionRow => ({
  id: row.id,
  planId: row.plan_id,
  version: row.version,
  validFrom: row.valid_from,
  definition: TariffDefinition.parse(JSON.parse(row.definition_json)),
  notes: row.notes,
  createdAt: row.created_at,
});

const PLAN_SELECT = `SELECT p.id, p.site_id AS siteId, s.name AS siteName, p.name, p.description, p.created_at AS createdAt
                       FROM tariff_plans p JOIN sites s ON s.id = p.site_id`;

export class TariffsRepo {
  constructor(private readonly db: Database) {}

  plans(siteId: number | null): PlanRow[] {
    return this.db.prepare(`${PLAN_SELECT} WHERE (@siteId IS NULL OR p.site_id = @siteId) ORDER BY s.name, p.name`).all({ siteId }) as PlanRow[];
  }

  plan(id: number): PlanRow | null {
    return (this.db.prepare(`${PLAN_SELECT} WHERE p.id = ?`).get(id) as PlanRow | undefined) ?? null;
  }

  planByName(siteId: number, name: string): PlanRow | null {
    return (this.db.prepare(`${PLAN_SELECT} WHERE p.site_id = ? AND p.name = ? COLLATE NOCASE`).get(siteId, name) as PlanRow | undefined) ?? null;
  }

  insertPlan(fields: { siteId: number; name: string; description: string; createdAt: string }): number {
    return Number(this.db.prepare('INSERT INTO tariff_plans (site_id, name, description, created_at) VALUES (@siteId, @name, @description, @createdAt)').run(fields).lastInsertRowid);
  }

  versions(planId: number): VersionRow[] {
    return (this.db.prepare('SELECT * FROM tariff_versions WHERE plan_id = ? ORDER BY valid_from').all(planId) as RawVersion[]).map(toVersion);
  }

  version(id: number): VersionRow | null {
    const row = this.db.prepare('SELECT * FROM tariff_versions WHERE id = ?').get(id) as RawVersion | undefined;
    return row ? toVersion(row) : null;
  }

  insertVersion(fields: { planId: number; validFrom: string; definition: TariffDefinitionValue; notes: string; createdAt: string; createdBy: number }): number {
    const next = (this.db.prepare('SELECT coalesce(max(version), 0) + 1 AS n FROM tariff_versions WHERE plan_id = ?').get(fields.planId) as { n: number }).n;
    return Number(
      this.db
        .prepare(
          `INSERT INTO tariff_versions (plan_id, version, valid_from, definition_json, notes, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(fields.planId, next, fields.validFrom, JSON.stringify(fields.definition), fields.notes, fields.createdAt, fields.createdBy).lastInsertRowid,
    );
  }

  updateVersion(id: number, fields: { validFrom: string; definition: TariffDefinitionValue; notes: string }): void {
    this.db.prepare('UPDATE tariff_versions SET valid_from = ?, definition_json = ?, notes = ? WHERE id = ?').run(fields.validFrom, JSON.stringify(fields.definition), fields.notes, id);
  }

  deleteVersion(id: number): void {
    this.db.prepare('DELETE FROM tariff_versions WHERE id = ?').run(id);
  }
}
