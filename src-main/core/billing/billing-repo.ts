// SQLite reads and writes of prepaid/postpaid billing (migration *_billing.sql). No rules here.
import type { Database } from 'better-sqlite3';
import type { BillingMode, RelayAction } from './billing-rules.js';

export interface MemberBillingRow {
  id: number;
  member_no: string;
  full_name: string;
  phone: string;
  site_id: number;
  site_name: string;
}

export interface RelayProposalRow {
  id: number;
  member_id: number;
  meter_id: number;
  action: RelayAction;
  balance_minor: number;
  created_at: string;
  status: 'proposed' | 'sent' | 'dismissed' | 'failed';
  decided_by: number | null;
  decided_at: string | null;
  error: string | null;
}

export class BillingRepo {
  constructor(private readonly db: Database) {}

  activeMembers(siteId: number | null): MemberBillingRow[] {
    return this.db
      .prepare(
        `SELECT m.id, m.member_no, m.full_name, m.phone, m.site_id, s.name AS site_name FROM members m JOIN sites s ON s.id = m.site_id
         WHERE m.active = 1 AND (? IS NULL OR m.site_id = ?) ORDER BY m.member_no COLLATE NOCASE`,
      )
      .all(siteId, siteId) as MemberBillingRow[];
  }

  member(id: number): MemberBillingRow | null {
    return (this.db.prepare('SELECT m.id, m.member_no, m.full_name, m.phone, m.site_id, s.name AS site_name FROM members m JOIN sites s ON s.id = m.site_id WHERE m.id = ?').get(id) as MemberBillingRow | undefined) ?? null;
  }

  /** Every member's mode changes, oldest first. */
  modeChanges(): Map<number, { validFrom: string; mode: BillingMode }[]> {
    const rows = this.db.prepare('SELECT member_id, valid_from, mode FROM member_billing_modes ORDER BY member_id, valid_from').all() as { member_id: number; valid_from: string; mode: BillingMode }[];
    const byMember = new Map<number, { validFrom: string; mode: BillingMode }[]>();
    for (const r of rows) {
      const list = byMember.get(r.member_id) ?? [];
      list.push({ validFrom: r.valid_from, mode: r.mode });
      byMember.set(r.member_id, list);
    }
    return byMember;
  }

  upsertMode(memberId: number, validFrom: string, mode: BillingMode, by: number | null, at: string): void {
    this.db
      .prepare(
        `INSERT INTO member_billing_modes (member_id, valid_from, mode, created_by, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (member_id, valid_from) DO UPDATE SET mode = excluded.mode, created_by = excluded.created_by, created_at = excluded.created_at`,
      )
      .run(memberId, validFrom, mode, by, at);
  }

  /** Low-balance threshold of each tariff plan that has one. */
  thresholds(): Map<number, number> {
    const rows = this.db.prepare('SELECT plan_id, low_balance_minor FROM prepaid_thresholds').all() as { plan_id: number; low_balance_minor: number }[];
    return new Map(rows.map((r) => [r.plan_id, r.low_balance_minor]));
  }

  setThreshold(planId: number, lowBalanceMinor: number | null, by: number | null, at: string): void {
    if (lowBalanceMinor === null) this.db.prepare('DELETE FROM prepaid_thresholds WHERE plan_id = ?').run(planId);
    else
      this.db
        .prepare('INSERT INTO prepaid_thresholds (plan_id, low_balance_minor, updated_by, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (plan_id) DO UPDATE SET low_balance_minor = excluded.low_balance_minor, updated_by = excluded.updated_by, updated_at = excluded.updated_at')
        .run(planId, lowBalanceMinor, by, at);
  }

  plans(): { id: number; site_id: number; name: string; site_name: string }[] {
    return this.db.prepare('SELECT p.id, p.site_id, p.name, s.name AS site_name FROM tariff_plans p JOIN sites s ON s.id = p.site_id ORDER BY s.name, p.name').all() as { id: number; site_id: number; name: string; site_name: string }[];
  }

  /** The plan a site's members are rated with: the site's first plan (one plan in force per site). */
  sitePlanIds(): Map<number, number> {
    const rows = this.db.prepare('SELECT site_id, MIN(id) AS plan_id FROM tariff_plans GROUP BY site_id').all() as { site_id: number; plan_id: number }[];
    return new Map(rows.map((r) => [r.site_id, r.plan_id]));
  }

  /** Members' provisioned meters (a switch needs one). */
  metersOf(memberIds: readonly number[]): Map<number, { id: number; serial: string; portPath: string }[]> {
    const out = new Map<number, { id: number; serial: string; portPath: string }[]>();
    if (memberIds.length === 0) return out;
    const rows = this.db
      .prepare(`SELECT id, member_id, serial_number, port_path FROM meters WHERE status IN ('attested', 'provisioned') AND member_id IN (${memberIds.map(() => '?').join(',')}) ORDER BY id`)
      .all(...memberIds) as { id: number; member_id: number; serial_number: string; port_path: string }[];
    for (const r of rows) out.set(r.member_id, [...(out.get(r.member_id) ?? []), { id: r.id, serial: r.serial_number, portPath: r.port_path }]);
    return out;
  }

  meter(id: number): { id: number; member_id: number | null; port_path: string } | null {
    return (this.db.prepare('SELECT id, member_id, port_path FROM meters WHERE id = ?').get(id) as { id: number; member_id: number | null; port_path: string } | undefined) ?? null;
  }

  /** The last switch the console sent to each meter. */
  lastSent(): Map<number, RelayAction> {
    const rows = this.db
      .prepare(`SELECT meter_id, action FROM relay_proposals p WHERE status = 'sent' AND id = (SELECT MAX(id) FROM relay_proposals q WHERE q.meter_id = p.meter_id AND q.status = 'sent')`)
      .all() as { meter_id: number; action: RelayAction }[];
    return new Map(rows.map((r) => [r.meter_id, r.action]));
  }

  proposals(status: RelayProposalRow['status'] | null, limit = 500): RelayProposalRow[] {
    return this.db.prepare('SELECT * FROM relay_proposals WHERE (? IS NULL OR status = ?) ORDER BY id DESC LIMIT ?').all(status, status, limit) as RelayProposalRow[];
  }

  proposal(id: number): RelayProposalRow | null {
    return (this.db.prepare('SELECT * FROM relay_proposals WHERE id = ?').get(id) as RelayProposalRow | undefined) ?? null;
  }

  openProposalMeters(): Set<number> {
    return new Set((this.db.prepare(`SELECT meter_id FROM relay_proposals WHERE status = 'proposed'`).all() as { meter_id: number }[]).map((r) => r.meter_id));
  }

  insertProposal(p: { memberId: number; meterId: number; action: RelayAction; balanceMinor: number; at: string }): number {
    return Number(this.db.prepare('INSERT INTO relay_proposals (member_id, meter_id, action, balance_minor, created_at) VALUES (?, ?, ?, ?, ?)').run(p.memberId, p.meterId, p.action, p.balanceMinor, p.at).lastInsertRowid);
  }

  decideProposal(id: number, status: 'sent' | 'dismissed' | 'failed', by: number | null, at: string, error: string | null): boolean {
    return this.db.prepare(`UPDATE relay_proposals SET status = ?, decided_by = ?, decided_at = ?, error = ? WHERE id = ? AND status = 'proposed'`).run(status, by, at, error, id).changes === 1;
  }

  /** The last day drawn down for each member. */
  lastDrawnDays(): Map<number, string> {
    const rows = this.db.prepare('SELECT member_id, MAX(day) AS day FROM prepaid_drawdowns GROUP BY member_id').all() as { member_id: number; day: string }[];
    return new Map(rows.map((r) => [r.member_id, r.day]));
  }

  insertDrawdown(d: { memberId: number; day: string; siteId: number; amountMinor: number; entryId: number | null; at: string }): void {
    this.db.prepare('INSERT OR IGNORE INTO prepaid_drawdowns (member_id, day, site_id, amount_minor, entry_id, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(d.memberId, d.day, d.siteId, d.amountMinor, d.entryId, d.at);
  }

  drawdownEntries(siteId: number, from: string, to: string): { member_id: number; day: string; entry_id: number }[] {
    return this.db.prepare('SELECT member_id, day, entry_id FROM prepaid_drawdowns WHERE site_id = ? AND day BETWEEN ? AND ? AND entry_id IS NOT NULL ORDER BY day, member_id').all(siteId, from, to) as { member_id: number; day: string; entry_id: number }[];
  }

  /** Start of the site's last computed energy interval (ISO UTC), or null before any flows. */
  lastComputedInterval(siteId: number): string | null {
    return (this.db.prepare('SELECT MAX(interval_start) AS last FROM energy_site_intervals WHERE site_id = ?').get(siteId) as { last: string | null }).last;
  }

  /** Date of each member's last payment entry. */
  lastPayments(): Map<number, string> {
    const rows = this.db
      .prepare(
        `SELECT a.member_id, MAX(e.effective_date) AS day FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id JOIN journal_accounts a ON a.id = l.account_id
         WHERE e.kind = 'payment' AND a.kind = 'member' AND l.credit > 0 GROUP BY a.member_id`,
      )
      .all() as { member_id: number; day: string }[];
    return new Map(rows.map((r) => [r.member_id, r.day]));
  }

  /** Every member account's balance (credits − debits), from the journal's cached sums. */
  memberBalances(): Map<number, number> {
    const rows = this.db
      .prepare(`SELECT a.member_id, b.credit_total - b.debit_total AS balance FROM journal_accounts a JOIN journal_balances b ON b.account_id = a.id WHERE a.kind = 'member'`)
      .all() as { member_id: number; balance: number }[];
    return new Map(rows.map((r) => [r.member_id, r.balance]));
  }
}
