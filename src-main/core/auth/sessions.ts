// Sessions: random bearer tokens, stored only as SHA-256 hashes. A session ends after 30 minutes
// without a call or 12 hours after sign-in, whichever comes first.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { OperatorRole } from '../../contract/define.js';
import type { OperatorPublic } from '../../contract/session.js';
import { CoreError } from '../api/core-error.js';
import type { SessionResolver } from '../api/dispatcher.js';
import type { Clock } from '../platform/clock.js';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_MAX_MS = 12 * 60 * 60_000;

interface SessionRow {
  operator_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  username: string;
  display_name: string;
  role: OperatorRole;
  active: number;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class SessionStore implements SessionResolver {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  create(operatorId: number): { token: string; expiresAt: string } {
    const now = this.clock.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.expiry(now, now);
    this.db
      .prepare('INSERT INTO sessions (token_hash, operator_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(hashToken(token), operatorId, now.toISOString(), now.toISOString(), expiresAt);
    return { token, expiresAt };
  }

  resolve(token: string): OperatorPublic {
    return this.resolveWithExpiry(token).operator;
  }

  resolveWithExpiry(token: string): { operator: OperatorPublic; expiresAt: string } {
    const key = hashToken(token);
    const row = this.db
      .prepare(
        `SELECT s.operator_id, s.created_at, s.last_seen_at, s.expires_at, o.username, o.display_name, o.role, o.active
           FROM sessions s JOIN operators o ON o.id = s.operator_id WHERE s.token_hash = ?`,
      )
      .get(key) as SessionRow | undefined;
    const now = this.clock.now();
    if (!row) throw new CoreError('UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
    if (row.active !== 1 || now.getTime() >= Date.parse(row.expires_at)) {
      this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(key);
      throw new CoreError('UNAUTHENTICATED', 'Your session has expired. Please sign in again.');
    }
    const expiresAt = this.expiry(new Date(row.created_at), now);
    this.db.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?').run(now.toISOString(), expiresAt, key);
    return {
      operator: { id: row.operator_id, username: row.username, displayName: row.display_name, role: row.role },
      expiresAt,
    };
  }

  end(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
  }

  endAllFor(operatorId: number): void {
    this.db.prepare('DELETE FROM sessions WHERE operator_id = ?').run(operatorId);
  }

  purgeExpired(): void {
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(this.clock.now().toISOString());
  }

  private expiry(createdAt: Date, now: Date): string {
    return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_MAX_MS)).toISOString();
  }
}
