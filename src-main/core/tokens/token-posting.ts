// Awards a posted period's green tokens and stores them, inside the posting's transaction (the
// settlement's onPosted hook): the policy in force at the period's first interval, the generation
// the period's meters measured, awardTokens() — then the award, one certificate per device line and
// one ledger movement per earning member. Idempotent per period: a second call reads what is stored.
import type { Database } from 'better-sqlite3';
import { awardTokens, type PeriodTokenAward } from './token-award.js';
import { periodGeneration } from './token-generation.js';
import { policyAt } from './token-policy-repo.js';
import type { TokenPolicy } from './token-policy.js';

interface PeriodRow { id: number; site_id: number; status: string; first_interval: string; end_interval: string }

export interface RecordedPeriodAward {
  readonly created: boolean;
  readonly periodId: number;
  readonly totalTokens: number;
  readonly members: number;
}

/** The award a policy gives a period (nothing written): the preview and the posting both use it. */
export function computePeriodAward(db: Database, periodId: number, policy: TokenPolicy, nowMs: number): PeriodTokenAward {
  const period = periodOf(db, periodId);
  const generation = periodGeneration(db, period.site_id, period.first_interval, period.end_interval, nowMs);
  return awardTokens(policy, generation, period.first_interval, period.end_interval);
}

export function recordPeriodTokenAwards(db: Database, periodId: number, now: Date): RecordedPeriodAward {
  return db.transaction((): RecordedPeriodAward => {
    const existing = db.prepare(`SELECT total_tokens, (SELECT count(*) FROM token_member_awards WHERE period_id = ?) AS members FROM token_period_awards WHERE period_id = ?`).get(periodId, periodId) as { total_tokens: number; members: number } | undefined;
    if (existing) return { created: false, periodId, totalTokens: existing.total_tokens, members: existing.members };
    const period = periodOf(db, periodId);
    if (period.status !== 'posted') throw new Error(`Settlement period ${periodId} is not posted: tokens are awarded for posted periods only.`);
    const { policy, version } = policyAt(db, period.first_interval);
    const generation = periodGeneration(db, period.site_id, period.first_interval, period.end_interval, now.getTime());
    const equipmentOf = new Map(generation.map((g) => [g.deviceId, g.equipmentId]));
    const award = awardTokens(policy, generation, period.first_interval, period.end_interval);
    const at = now.toISOString();
    db.prepare(`INSERT INTO token_period_awards (period_id, policy_version_id, policy_json, site_kinds, total_tokens, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(periodId, version?.id ?? null, JSON.stringify(policy), award.siteKinds.join(','), award.tokens, at);
    const insertMember = db.prepare(`INSERT INTO token_member_awards (period_id, member_id, kinds, multiplier_bps, site_bonus_bps, tokens) VALUES (?, ?, ?, ?, ?, ?)`);
    const insertCertificate = db.prepare(`INSERT INTO token_certificates (period_id, member_id, device, equipment_id, kind, attested, period_from, period_to, wh, tokens) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertMovement = db.prepare(`INSERT INTO token_movements (member_id, kind, tokens, period_id, created_at) VALUES (?, 'award', ?, ?, ?)`);
    for (const member of award.members) {
      insertMember.run(periodId, member.memberId, member.kinds.join(','), member.multiplierBps, member.siteBonusBps, member.tokens);
      for (const c of member.certificates) insertCertificate.run(periodId, c.memberId, c.deviceId, equipmentOf.get(c.deviceId) ?? null, c.kind, c.attested ? 1 : 0, c.periodFrom, c.periodTo, c.wh, c.tokens);
      if (member.tokens > 0) insertMovement.run(member.memberId, member.tokens, periodId, at);
    }
    return { created: true, periodId, totalTokens: award.tokens, members: award.members.length };
  })();
}

function periodOf(db: Database, periodId: number): PeriodRow {
  const period = db.prepare(`SELECT id, site_id, status, first_interval, end_interval FROM settlement_periods WHERE id = ?`).get(periodId) as PeriodRow | undefined;
  if (!period) throw new Error(`Settlement period ${periodId} does not exist.`);
  return period;
}
