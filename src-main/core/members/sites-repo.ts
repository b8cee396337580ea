// Sites (microgrids) that group members.
import type { Database } from 'better-sqlite3';
import type { Site } from '../../contract/members.js';

interface SiteRow {
  id: number;
  name: string;
  village: string;
  description: string;
  active: number;
  member_count: number;
  created_at: string;
}

const toSite = (row: SiteRow): Site => ({
  id: row.id,
  name: row.name,
  village: row.village,
  description: row.description,
  active: row.active === 1,
  memberCount: row.member_count,
  createdAt: row.created_at,
});

const SELECT = `SELECT s.*, (SELECT count(*) FROM members m WHERE m.site_id = s.id AND m.active = 1) AS member_count FROM sites s`;

export class SitesRepo {
  constructor(private readonly db: Database) {}

  list(): Site[] {
    return (this.db.prepare(`${SELECT} ORDER BY s.name`).all() as SiteRow[]).map(toSite);
  }

  byId(id: number): Site | null {
    const row = this.db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SiteRow | undefined;
    return row ? toSite(row) : null;
  }

  byName(name: string): Site | null {
    const row = this.db.prepare(`${SELECT} WHERE s.name = ? COLLATE NOCASE`).get(name) as SiteRow | undefined;
    return row ? toSite(row) : null;
  }

  insert(fields: { name: string; village: string; description: string; createdAt: string }): number {
    const info = this.db
      .prepare('INSERT INTO sites (name, village, description, created_at) VALUES (?, ?, ?, ?)')
      .run(fields.name, fields.village, fields.description, fields.createdAt);
    return Number(info.lastInsertRowid);
  }

  update(id: number, fields: { name: string; village: string; description: string }): void {
    this.db.prepare('UPDATE sites SET name = ?, village = ?, description = ? WHERE id = ?').run(fields.name, fields.village, fields.description, id);
  }
}
