// Members' kiosk sessions: random bearer tokens stored as SHA-256 hashes, each bound to ONE member.
// They end after 3 minutes without a call (the kiosk screen signs out by itself after 90 s without a
// touch; the core does not rely on it) or 30 minutes after sign-in, and when the member is
// deactivated. The token lives in its own table, so an operator channel never resolves it.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { CoreError } from '../api/core-error.js';
import type { KioskPrincipal, KioskSessionResolver } from '../api/dispatcher.js';
import type { Clock } from '../platform/clock.js';

export const KIOSK_SESSION_IDLE_MS = 3 * 60_000;
export const KIOSK_SESSION_MAX_MS = 30 * 60_000;


interface Row {
  member_id: number;
  created_at: string;
  expires_at: string;
  active: number;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class KioskSessionStore implements KioskSessionResolver {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  create(memberId: number, method: 'pin' | 'card'): { token: string; expiresAt: string } {
    const now = this.clock.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.expiry(now, now);
    this.db
      .prepare('INSERT INTO kiosk_sessions (token_hash, member_id, method, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(hashToken(token), memberId, method, now.toISOString(), now.toISOString(), expiresAt);
    return { token, expiresAt };
  }

  /** True when the token is a kiosk session's (live or not): such a token is refused off the kiosk channels. */
  isKioskToken(token: string): boolean {
    return this.db.prepare('SELECT 1 FROM kiosk_sessions WHERE token_hash = ?').get(hashToken(token)) !== undefined;
  }

  /** The member of a live session, refreshing its idle timer; UNAUTHENTICATED otherwise. */
  resolve(token: string): KioskPrincipal {
    const key = hashToken(token);
    const row = this.db
      .prepare('SELECT s.member_id, s.created_at, s.expires_at, m.active FROM kiosk_sessions s JOIN members m ON m.id = s.member_id WHERE s.token_hash = ?')
      .get(key) as Row | undefined;
    const now = this.clock.now();
    if (!row) throw new CoreError('UNAUTHENTICATED', 'You are signed out. Sign in again with your member number and PIN, or your card.');
    if (row.active !== 1 || now.getTime() >= Date.parse(row.expires_at)) {
      this.db.prepare('DELETE FROM kiosk_sessions WHERE token_hash = ?').run(key);
      throw new CoreError('UNAUTHENTICATED', 'You were signed out after a while without use. Sign in again.');
    }
    const expiresAt = this.expiry(new Date(row.created_at), now);
    this.db.prepare('UPDATE kiosk_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?').run(now.toISOString(), expiresAt, key);
    return { memberId: row.member_id, expiresAt };
  }

  end(token: string): void {
    this.db.prepare('DELETE FROM kiosk_sessions WHERE token_hash = ?').run(hashToken(token));
  }

  private expiry(createdAt: Date, now: Date): string {
    return new Date(Math.min(now.getTime() + KIOSK_SESSION_IDLE_MS, createdAt.getTime() + KIOSK_SESSION_MAX_MS)).toISOString();
  }
}
