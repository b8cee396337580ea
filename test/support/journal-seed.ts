// A site and members written straight into a fresh database, for journal tests that need member
// accounts without the members service around them.
import type { Database } from 'better-sqlite3';

export function seedMembers(db: Database, count: number): number[] {
  const now = '2026-11-01T00:00:00.000Z';
  const site = Number(db.prepare(`INSERT INTO sites (name, created_at) VALUES ('Journal test site', ?)`).run(now).lastInsertRowid);
  const insert = db.prepare(`INSERT INTO members (member_no, full_name, site_id, joined_on, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', ?, ?)`);
  return Array.from({ length: count }, (_, i) => Number(insert.run(`J${i + 1}`, `Member ${i + 1}`, site, now, now).lastInsertRowid));
}
