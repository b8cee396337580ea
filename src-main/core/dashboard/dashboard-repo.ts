// Aggregates for the dashboard charts, computed in SQL from the live tables.
import type { Database } from 'better-sqlite3';
import type { MemberRole } from '../../contract/members.js';
import type { DashboardSummary } from '../../contract/system.js';

export function dashboardSummary(db: Database, currentMonth: string): DashboardSummary {
  const totals = db
    .prepare(
      `SELECT (SELECT count(*) FROM members) AS members,
              (SELECT count(*) FROM members WHERE active = 1) AS activeMembers,
              (SELECT count(*) FROM sites WHERE active = 1) AS sites,
              (SELECT count(DISTINCT r.member_id) FROM member_roles r JOIN members m ON m.id = r.member_id
                WHERE r.role = 'prosumer' AND m.active = 1) AS prosumers`,
    )
    .get() as DashboardSummary['totals'];
  const byRole = db
    .prepare(
      `SELECT r.role AS role, count(*) AS count FROM member_roles r JOIN members m ON m.id = r.member_id
        WHERE m.active = 1 GROUP BY r.role ORDER BY count DESC`,
    )
    .all() as { role: MemberRole; count: number }[];
  const bySite = db
    .prepare(
      `SELECT s.id AS siteId, s.name AS siteName, count(m.id) AS count FROM sites s
         LEFT JOIN members m ON m.site_id = s.id AND m.active = 1 GROUP BY s.id ORDER BY count DESC, s.name`,
    )
    .all() as { siteId: number; siteName: string; count: number }[];
  const joinedRows = db
    .prepare(`SELECT substr(joined_on, 1, 7) AS month, count(*) AS joined FROM members GROUP BY month ORDER BY month`)
    .all() as { month: string; joined: number }[];
  return { totals, byRole, bySite, growth: fillMonths(joinedRows, currentMonth) };
}

/** Every month from the first join to the current month, so the line has no silent gaps. */
function fillMonths(rows: readonly { month: string; joined: number }[], currentMonth: string) {
  const first = rows[0]?.month;
  if (!first) return [];
  const joinedBy = new Map(rows.map((r) => [r.month, r.joined]));
  const last = rows.at(-1)!.month > currentMonth ? rows.at(-1)!.month : currentMonth;
  const points: { month: string; joined: number; total: number }[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  let total = 0;
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const joined = joinedBy.get(key) ?? 0;
    total += joined;
    points.push({ month: key, joined, total });
    if (key >= last) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return points;
}
