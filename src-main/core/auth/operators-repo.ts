// Operator accounts in SQLite. Password hashes never leave this file except for verification.
import type { Database } from 'better-sqlite3';
import type { OperatorRole } from '../../contract/define.js';
import type { Operator, OperatorPublic } from '../../contract/session.js';

interface OperatorRow {
  id: number;
  username: string;
  display_name: string;
  role: OperatorRole;
  password_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  active: number;
  created_at: string;
  last_login_at: string | null;
}

export interface OperatorWithSecret extends Operator {
  readonly passwordHash: string;
}

const toOperator = (row: OperatorRow): OperatorWithSecret => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  active: row.active === 1,
  lockedUntil: row.locked_until,
  failedAttempts: row.failed_attempts,
  createdAt: row.created_at,
  lastLoginAt: row.last_login_at,
  passwordHash: row.password_hash,
});

export const withoutSecret = ({ passwordHash: _secret, ...operator }: OperatorWithSecret): Operator => operator;
export const publicView = (o: OperatorPublic): OperatorPublic => ({ id: o.id, username: o.username, displayName: o.displayName, role: o.role });

export class OperatorsRepo {
  constructor(private readonly db: Database) {}

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n;
  }

  byUsername(username: string): OperatorWithSecret | null {
    const row = this.db.prepare('SELECT * FROM operators WHERE username = ?').get(username) as OperatorRow | undefined;
    return row ? toOperator(row) : null;
  }

  byId(id: number): OperatorWithSecret | null {
    const row = this.db.prepare('SELECT * FROM operators WHERE id = ?').get(id) as OperatorRow | undefined;
    return row ? toOperator(row) : null;
  }

  list(): Operator[] {
    const rows = this.db.prepare('SELECT * FROM operators ORDER BY username').all() as OperatorRow[];
    return rows.map((row) => withoutSecret(toOperator(row)));
  }

  insert(fields: { username: string; displayName: string; role: OperatorRole; passwordHash: string; createdAt: string }): number {
    const info = this.db
      .prepare('INSERT INTO operators (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(fields.username, fields.displayName, fields.role, fields.passwordHash, fields.createdAt);
    return Number(info.lastInsertRowid);
  }

  update(id: number, fields: Partial<{ displayName: string; role: OperatorRole; active: boolean; passwordHash: string }>): void {
    const current = this.byId(id);
    if (!current) return;
    this.db
      .prepare('UPDATE operators SET display_name = ?, role = ?, active = ?, password_hash = ? WHERE id = ?')
      .run(
        fields.displayName ?? current.displayName,
        fields.role ?? current.role,
        (fields.active ?? current.active) ? 1 : 0,
        fields.passwordHash ?? current.passwordHash,
        id,
      );
  }

  recordFailure(id: number, attempts: number, lockedUntil: string | null): void {
    this.db.prepare('UPDATE operators SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(attempts, lockedUntil, id);
  }

  recordSuccess(id: number, at: string): void {
    this.db.prepare('UPDATE operators SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE id = ?').run(at, id);
  }

  countActiveAdmins(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM operators WHERE role = 'admin' AND active = 1").get() as { n: number }).n;
  }
}
