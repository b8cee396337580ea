// Read side of the green tokens: a member's award for one posted period (per device, as the
// certificate-style records were stored at posting), the member's token balance and history.
// Everything here reads stored rows only (never recomputes an award): a statement built from these
// shows exactly what was posted and minted. Balance = Σ token_movements (append-only).
import type { Database } from 'better-sqlite3';
import type { EnergySource } from '../../contract/energy.js';
import type { TokenCertificate } from './token-award.js';

/** Where the mint of an award stands on chain, read from its outbox row. */
export interface TokenMintState {
  /** The outbox reference (`token-mint:<period>:<chunk>`). */
  readonly reference: string;
  readonly status: 'pending' | 'signed' | 'broadcast' | 'in_block' | 'finalized' | 'failed';
  readonly txHash: string | null;
  readonly blockNumber: number | null;
  readonly blockHash: string | null;
  readonly extrinsicIndex: number | null;
}

/** A stored certificate: the award's certificate (token-award.ts) as the ledger keeps it. */
export interface TokenCertificateRecord extends Omit<TokenCertificate, 'memberId' | 'deviceId'> {
  readonly id: number;
  readonly device: string;
  readonly equipmentId: number | null;
}

export interface MemberPeriodAward {
  readonly periodId: number;
  readonly memberId: number;
  readonly kinds: readonly EnergySource[];
  /** Diversity multiplier in basis points (12 500 = × 1.25). */
  readonly multiplierBps: number;
  /** Site bonus added to the multiplier, basis points. */
  readonly siteBonusBps: number;
  readonly tokens: number;
  /** The tokens before the diversity multiplier and site bonus (what × 1.0 would have given), for "bonus earned". */
  readonly baseTokens: number;
  readonly wh: number;
  readonly certificates: readonly TokenCertificateRecord[];
  /** null when nothing was minted on chain for this member (no tokens, or no account that can receive them). */
  readonly mint: TokenMintState | null;
  /** The token policy version applied (null: the built-in default). */
  readonly policyVersion: number | null;
}

export interface TokenMovementRecord {
  readonly id: number;
  readonly kind: 'award' | 'redemption';
  /** Signed token units: > 0 earned, < 0 redeemed. */
  readonly tokens: number;
  /** Running balance after this movement. */
  readonly balance: number;
  readonly periodId: number | null;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly redemptionId: number | null;
  readonly redemptionKind: 'credit' | 'cash-out' | null;
  readonly amountMinor: number | null;
  readonly createdAt: string;
}

interface AwardRow { period_id: number; member_id: number; kinds: string; multiplier_bps: number; site_bonus_bps: number; tokens: number; mint_reference: string | null; policy_version: number | null }
interface CertificateRow { id: number; device: string; equipment_id: number | null; kind: string; attested: number; period_from: string; period_to: string; wh: number; tokens: number }
interface OutboxRow { reference: string; status: TokenMintState['status']; tx_hash: string | null; block_number: number | null; block_hash: string | null; extrinsic_index: number | null }

export const splitKinds = (text: string): EnergySource[] => (text === '' ? [] : (text.split(',') as EnergySource[]));

/** The outbox row of a reference, as a mint/burn state (null when there is none). */
export function outboxState(db: Database, reference: string | null): TokenMintState | null {
  if (reference === null) return null;
  const row = db.prepare(`SELECT reference, status, tx_hash, block_number, block_hash, extrinsic_index FROM chain_outbox WHERE reference = ?`).get(reference) as OutboxRow | undefined;
  if (!row) return null;
  return { reference: row.reference, status: row.status, txHash: row.tx_hash, blockNumber: row.block_number, blockHash: row.block_hash, extrinsicIndex: row.extrinsic_index };
}

/**
 * The member's award for a posted period: per device (source kind, attested?, Wh, tokens), the
 * multiplier and bonus, and the mint transaction once recorded. null when the period has no award
 * for this member (not posted yet, awarded before tokens existed, or the member generated nothing).
 */
export function awardsOfMemberPeriod(db: Database, memberId: number, periodId: number): MemberPeriodAward | null {
  const row = db
    .prepare(
      `SELECT a.period_id, a.member_id, a.kinds, a.multiplier_bps, a.site_bonus_bps, a.tokens, m.mint_reference, v.version AS policy_version
         FROM token_member_awards a JOIN token_period_awards p ON p.period_id = a.period_id
         LEFT JOIN token_award_mints m ON m.period_id = a.period_id AND m.member_id = a.member_id
         LEFT JOIN token_policy_versions v ON v.id = p.policy_version_id
        WHERE a.period_id = ? AND a.member_id = ?`,
    )
    .get(periodId, memberId) as AwardRow | undefined;
  if (!row) return null;
  const certificates = (db
    .prepare(`SELECT id, device, equipment_id, kind, attested, period_from, period_to, wh, tokens FROM token_certificates WHERE period_id = ? AND member_id = ? ORDER BY id`)
    .all(periodId, memberId) as CertificateRow[]).map(
    (c): TokenCertificateRecord => ({ id: c.id, device: c.device, equipmentId: c.equipment_id, kind: c.kind as EnergySource, attested: c.attested === 1, periodFrom: c.period_from, periodTo: c.period_to, wh: c.wh, tokens: c.tokens }),
  );
  const factor = row.multiplier_bps + row.site_bonus_bps;
  // The bonus is shown against the same tokens at × 1.0; rounded half up like the award itself.
  const baseTokens = factor === 0 ? 0 : Math.floor((row.tokens * 10_000 * 2 + factor) / (2 * factor));
  return {
    periodId: row.period_id,
    memberId: row.member_id,
    kinds: splitKinds(row.kinds),
    multiplierBps: row.multiplier_bps,
    siteBonusBps: row.site_bonus_bps,
    tokens: row.tokens,
    baseTokens,
    wh: certificates.reduce((sum, c) => sum + c.wh, 0),
    certificates,
    mint: outboxState(db, row.mint_reference),
    policyVersion: row.policy_version,
  };
}

/** True when the period's awards were recorded (at posting): an absent member then earned nothing. */
export function periodAwarded(db: Database, periodId: number): boolean {
  return db.prepare(`SELECT 1 FROM token_period_awards WHERE period_id = ?`).get(periodId) !== undefined;
}

/** The member's token balance (token units): Σ of their movements. */
export function tokenBalanceOfMember(db: Database, memberId: number): number {
  return (db.prepare(`SELECT COALESCE(SUM(tokens), 0) FROM token_movements WHERE member_id = ?`).pluck().get(memberId) as number) ?? 0;
}

/** The member's movements, oldest first, each with the running balance after it. */
export function tokenHistoryOfMember(db: Database, memberId: number, limit = 500): TokenMovementRecord[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.kind, m.tokens, m.period_id, p.first_interval AS period_from, p.end_interval AS period_to, m.redemption_id, r.kind AS redemption_kind, r.amount_minor, m.created_at
         FROM token_movements m
         LEFT JOIN settlement_periods p ON p.id = m.period_id
         LEFT JOIN token_redemptions r ON r.id = m.redemption_id
        WHERE m.member_id = ? ORDER BY m.id`,
    )
    .all(memberId) as { id: number; kind: 'award' | 'redemption'; tokens: number; period_id: number | null; period_from: string | null; period_to: string | null; redemption_id: number | null; redemption_kind: 'credit' | 'cash-out' | null; amount_minor: number | null; created_at: string }[];
  let balance = 0;
  const all = rows.map((r): TokenMovementRecord => {
    balance += r.tokens;
    return { id: r.id, kind: r.kind, tokens: r.tokens, balance, periodId: r.period_id, periodFrom: r.period_from, periodTo: r.period_to, redemptionId: r.redemption_id, redemptionKind: r.redemption_kind, amountMinor: r.amount_minor, createdAt: r.created_at };
  });
  return all.slice(-limit);
}

/** Tokens of the member held on chain (minted to their account, not yet burned): what a burn can take. */
export function tokensOnChainOfMember(db: Database, memberId: number): number {
  const minted = db.prepare(`SELECT COALESCE(SUM(tokens), 0) FROM token_award_mints WHERE member_id = ?`).pluck().get(memberId) as number;
  const burned = db.prepare(`SELECT COALESCE(SUM(burn_tokens), 0) FROM token_redemptions WHERE member_id = ?`).pluck().get(memberId) as number;
  return minted - burned;
}
