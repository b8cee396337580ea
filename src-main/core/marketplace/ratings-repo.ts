// Ratings members give each other after an agreement has run, and their per-member summary.
import type { Database } from 'better-sqlite3';
import type { Rating, RatingSummary } from '../../contract/market.js';

const SELECT = `
  SELECT r.id, r.agreement_id AS agreementId, r.rater_member_id AS raterMemberId, m.full_name AS raterName,
         r.ratee_member_id AS rateeMemberId, r.stars, r.comment, r.created_at AS createdAt
    FROM member_ratings r JOIN members m ON m.id = r.rater_member_id`;

export class RatingsRepo {
  constructor(private readonly db: Database) {}

  insert(f: { agreementId: number; raterMemberId: number; rateeMemberId: number; stars: number; comment: string; at: string; operatorId: number }): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO member_ratings (agreement_id, rater_member_id, ratee_member_id, stars, comment, created_at, created_by)
           VALUES (@agreementId, @raterMemberId, @rateeMemberId, @stars, @comment, @at, @operatorId)`,
        )
        .run(f).lastInsertRowid,
    );
  }

  byId(id: number): Rating | null {
    return (this.db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Rating | undefined) ?? null;
  }

  exists(agreementId: number, raterMemberId: number, rateeMemberId: number): boolean {
    return this.db.prepare('SELECT 1 FROM member_ratings WHERE agreement_id = ? AND rater_member_id = ? AND ratee_member_id = ?').get(agreementId, raterMemberId, rateeMemberId) !== undefined;
  }

  forMember(memberId: number): Rating[] {
    return this.db.prepare(`${SELECT} WHERE r.ratee_member_id = ? ORDER BY r.id DESC`).all(memberId) as Rating[];
  }

  summaries(memberIds: readonly number[]): Map<number, RatingSummary> {
    const out = new Map<number, RatingSummary>();
    const stmt = this.db.prepare('SELECT count(*) AS n, coalesce(sum(stars), 0) AS total FROM member_ratings WHERE ratee_member_id = ?');
    for (const memberId of new Set(memberIds)) {
      const { n, total } = stmt.get(memberId) as { n: number; total: number };
      out.set(memberId, summarize(memberId, n, total));
    }
    return out;
  }
}

/** Average × 100, rounded half up in integers (4.333… → 433). */
export function summarize(memberId: number, count: number, totalStars: number): RatingSummary {
  return { memberId, count, averageCentiStars: count === 0 ? null : Math.floor((totalStars * 200 + count) / (2 * count)) };
}
