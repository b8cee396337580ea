// Token policy versions in SQLite: append-only (triggers refuse rewriting), each from valid_from on.
// Before the first saved version the built-in DEFAULT_TOKEN_POLICY applies (version null).
import type { Database } from 'better-sqlite3';
import { DEFAULT_TOKEN_POLICY, policyInForce, type TokenPolicy, type TokenPolicyVersion } from './token-policy.js';

export interface StoredPolicyVersion extends TokenPolicyVersion {
  readonly id: number;
  readonly notes: string;
  readonly createdBy: number | null;
  readonly createdAt: string;
}

interface Row { id: number; version: number; valid_from: string; policy_json: string; notes: string; created_by: number | null; created_at: string }

export function policyVersions(db: Database): StoredPolicyVersion[] {
  return (db.prepare(`SELECT id, version, valid_from, policy_json, notes, created_by, created_at FROM token_policy_versions ORDER BY version`).all() as Row[]).map((r) => ({
    id: r.id,
    version: r.version,
    validFrom: r.valid_from,
    // Stored after validation; a field added later takes its default for older versions.
    policy: { ...DEFAULT_TOKEN_POLICY, ...(JSON.parse(r.policy_json) as Partial<TokenPolicy>) },
    notes: r.notes,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}

/** The policy in force at an instant, and its stored version (null: the built-in default). */
export function policyAt(db: Database, at: string): { policy: TokenPolicy; version: StoredPolicyVersion | null } {
  const versions = policyVersions(db);
  const found = policyInForce(versions, at) as StoredPolicyVersion | null;
  return found ? { policy: found.policy, version: found } : { policy: DEFAULT_TOKEN_POLICY, version: null };
}

/** Appends a version (validated by the caller); returns it. */
export function insertPolicyVersion(db: Database, validFrom: string, policy: TokenPolicy, notes: string, by: number | null, now: string): StoredPolicyVersion {
  const next = ((db.prepare(`SELECT MAX(version) FROM token_policy_versions`).pluck().get() as number | null) ?? 0) + 1;
  db.prepare(`INSERT INTO token_policy_versions (version, valid_from, policy_json, notes, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)`).run(next, validFrom, JSON.stringify(policy), notes, by, now);
  return policyVersions(db).find((v) => v.version === next)!;
}
