// Rows of member_chain_accounts (migration 0005). Holds addresses and the PIN's Argon2id hash only.
import type { Database } from 'better-sqlite3';
import type { MemberAccountKind, MemberChainAccount } from '../../contract/member-accounts.js';

interface AccountRow {
  member_id: number;
  kind: MemberAccountKind;
  address: string;
  pin_hash: string | null;
  failed_pin_attempts: number;
  locked_until: string | null;
  funded_at: string | null;
  created_at: string;
}

export interface StoredMemberAccount extends MemberChainAccount {
  readonly pinHash: string | null;
}

const toAccount = (r: AccountRow): StoredMemberAccount => ({
  memberId: r.member_id,
  kind: r.kind,
  address: r.address,
  createdAt: r.created_at,
  fundedAt: r.funded_at,
  pinLockedUntil: r.locked_until,
  failedPinAttempts: r.failed_pin_attempts,
  pinHash: r.pin_hash,
});

/** What the API shows: everything but the hash. */
export function publicAccount(a: StoredMemberAccount): MemberChainAccount {
  const { pinHash: _hash, ...rest } = a;
  return rest;
}

export class MemberAccountsRepo {
  constructor(private readonly db: Database) {}

  byMember(memberId: number): StoredMemberAccount | null {
    const row = this.db.prepare('SELECT * FROM member_chain_accounts WHERE member_id = ?').get(memberId) as AccountRow | undefined;
    return row ? toAccount(row) : null;
  }

  byAddress(address: string): StoredMemberAccount | null {
    const row = this.db.prepare('SELECT * FROM member_chain_accounts WHERE address = ?').get(address) as AccountRow | undefined;
    return row ? toAccount(row) : null;
  }

  insert(f: { memberId: number; kind: MemberAccountKind; address: string; pinHash: string | null; at: string; operatorId: number }): void {
    this.db
      .prepare(
        `INSERT INTO member_chain_accounts (member_id, kind, address, pin_hash, created_at, created_by, updated_at)
         VALUES (@memberId, @kind, @address, @pinHash, @at, @operatorId, @at)`,
      )
      .run(f);
  }

  setPin(memberId: number, pinHash: string, at: string): void {
    this.db.prepare('UPDATE member_chain_accounts SET pin_hash = ?, failed_pin_attempts = 0, locked_until = NULL, updated_at = ? WHERE member_id = ?').run(pinHash, at, memberId);
  }

  recordPinFailure(memberId: number, attempts: number, lockedUntil: string | null, at: string): void {
    this.db.prepare('UPDATE member_chain_accounts SET failed_pin_attempts = ?, locked_until = ?, updated_at = ? WHERE member_id = ?').run(attempts, lockedUntil, at, memberId);
  }

  clearPinFailures(memberId: number, at: string): void {
    this.db.prepare('UPDATE member_chain_accounts SET failed_pin_attempts = 0, locked_until = NULL, updated_at = ? WHERE member_id = ? AND (failed_pin_attempts <> 0 OR locked_until IS NOT NULL)').run(at, memberId);
  }

  setFunded(memberId: number, at: string): void {
    this.db.prepare('UPDATE member_chain_accounts SET funded_at = ?, updated_at = ? WHERE member_id = ?').run(at, at, memberId);
  }
}
