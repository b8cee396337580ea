// The single cooperative row (id = 1): its existence is what "set up" means.
import type { Database } from 'better-sqlite3';
import type { Cooperative } from '../../contract/session.js';

interface CooperativeRow {
  name: string;
  currency: string;
  timezone: string;
  locale: 'en' | 'fr';
  created_at: string;
}

export class CooperativeRepo {
  constructor(private readonly db: Database) {}

  get(): Cooperative | null {
    const row = this.db.prepare('SELECT name, currency, timezone, locale, created_at FROM cooperative WHERE id = 1').get() as
      | CooperativeRow
      | undefined;
    return row ? { name: row.name, currency: row.currency, timezone: row.timezone, locale: row.locale, createdAt: row.created_at } : null;
  }

  insert(c: Cooperative): void {
    this.db
      .prepare('INSERT INTO cooperative (id, name, currency, timezone, locale, created_at) VALUES (1, ?, ?, ?, ?, ?)')
      .run(c.name, c.currency, c.timezone, c.locale, c.createdAt);
  }

  update(c: Cooperative): void {
    this.db.prepare('UPDATE cooperative SET name = ?, currency = ?, timezone = ?, locale = ? WHERE id = 1').run(c.name, c.currency, c.timezone, c.locale);
  }
}
