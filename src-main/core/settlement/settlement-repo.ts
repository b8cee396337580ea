// SQLite access for settlement periods and lines (migrations/NNNN_settlement.sql).
import type { Database } from 'better-sqlite3';
import type { CounterpartyKey, SettlementLineCode, SettlementStatus } from '../../contract/settlements.js';
import type { StoredLine } from './stored-lines.js';

export interface PeriodRow {
  id: number; site_id: number; site_name: string; period_from: string; period_to: string; first_interval: string; end_interval: string;
  status: SettlementStatus; currency: string; tariff_plan_id: number | null; input_hash: string; flows_hash: string;
  line_count: number; charged_minor: number; credited_minor: number; member_count: number;
  computed_at: string; computed_by: string | null; approved_at: string | null; approved_by: string | null; posted_at: string | null; posted_by: string | null;
}

interface LineRow {
  id: number; transfer_no: number; member_id: number; code: SettlementLineCode; amount_minor: number; counterparty: CounterpartyKey;
  quantity_wh: number | null; rate_milli_per_kwh: number | null; tariff_version_id: number | null; agreement_id: number | null; agreement_version: number | null;
  interval_from: string | null; interval_to: string | null; instalment_no: number | null; due_on: string | null; adjusts_period_id: number | null; explain_json: string;
}

const PERIOD_SELECT = `SELECT p.*, s.name AS site_name,
    (SELECT COUNT(DISTINCT member_id) FROM settlement_lines WHERE period_id = p.id) AS member_count,
    (SELECT display_name FROM operators WHERE id = p.computed_by) AS computed_by,
    (SELECT display_name FROM operators WHERE id = p.approved_by) AS approved_by,
    (SELECT display_name FROM operators WHERE id = p.posted_by) AS posted_by
  FROM settlement_periods p JOIN sites s ON s.id = p.site_id`;

export interface NewPeriod {
  siteId: number; from: string; to: string; firstInterval: string; endInterval: string; currency: string; tariffPlanId: number;
  inputHash: string; flowsHash: string; computedAt: string; computedBy: number | null;
}

export class SettlementRepo {
  constructor(private readonly db: Database) {}

  period(id: number): PeriodRow | undefined {
    return this.db.prepare(`${PERIOD_SELECT} WHERE p.id = ?`).get(id) as PeriodRow | undefined;
  }
  periods(siteId: number | null): PeriodRow[] {
    return this.db.prepare(`${PERIOD_SELECT} WHERE (? IS NULL OR p.site_id = ?) ORDER BY p.period_from DESC, p.id DESC`).all(siteId, siteId) as PeriodRow[];
  }
  /** Periods of the site that share a day with [from, to]. */
  overlapping(siteId: number, from: string, to: string): PeriodRow[] {
    return this.db.prepare(`${PERIOD_SELECT} WHERE p.site_id = ? AND p.period_from <= ? AND p.period_to >= ?`).all(siteId, to, from) as PeriodRow[];
  }
  /** Periods of the site that end before `from`, oldest first. */
  earlier(siteId: number, from: string): PeriodRow[] {
    return this.db.prepare(`${PERIOD_SELECT} WHERE p.site_id = ? AND p.period_to < ? ORDER BY p.period_from`).all(siteId, from) as PeriodRow[];
  }
  previous(siteId: number, from: string): PeriodRow | undefined {
    return this.db.prepare(`${PERIOD_SELECT} WHERE p.site_id = ? AND p.period_to < ? ORDER BY p.period_to DESC LIMIT 1`).get(siteId, from) as PeriodRow | undefined;
  }

  /** Writes (or replaces) a draft and its lines. Call inside a transaction. */
  saveDraft(existingId: number | null, p: NewPeriod, lines: readonly StoredLine[]): number {
    let id = existingId;
    const charged = lines.reduce((s, l) => s + (l.amountMinor < 0 ? -l.amountMinor : 0), 0);
    const credited = lines.reduce((s, l) => s + (l.amountMinor > 0 ? l.amountMinor : 0), 0);
    if (id === null) {
      id = Number(this.db.prepare(`INSERT INTO settlement_periods (site_id, period_from, period_to, first_interval, end_interval, status, currency, tariff_plan_id, input_hash, flows_hash, line_count, charged_minor, credited_minor, computed_at, computed_by)
        VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(p.siteId, p.from, p.to, p.firstInterval, p.endInterval, p.currency, p.tariffPlanId, p.inputHash, p.flowsHash, lines.length, charged, credited, p.computedAt, p.computedBy).lastInsertRowid);
    } else {
      this.db.prepare(`DELETE FROM settlement_lines WHERE period_id = ?`).run(id);
      this.db.prepare(`UPDATE settlement_periods SET period_to = ?, first_interval = ?, end_interval = ?, currency = ?, tariff_plan_id = ?, input_hash = ?, flows_hash = ?, line_count = ?, charged_minor = ?, credited_minor = ?, computed_at = ?, computed_by = ? WHERE id = ? AND status = 'draft'`)
        .run(p.to, p.firstInterval, p.endInterval, p.currency, p.tariffPlanId, p.inputHash, p.flowsHash, lines.length, charged, credited, p.computedAt, p.computedBy, id);
    }
    const insert = this.db.prepare(`INSERT INTO settlement_lines (period_id, position, transfer_no, member_id, code, amount_minor, counterparty, quantity_wh, rate_milli_per_kwh, tariff_version_id, agreement_id, agreement_version, interval_from, interval_to, instalment_no, due_on, adjusts_period_id, explain_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    lines.forEach((l, position) => {
      const s = l.source;
      insert.run(id, position, l.transferNo, l.memberId, l.code, l.amountMinor, l.counterparty, l.quantityWh, l.rateMilliPerKwh, s.tariffVersionId ?? null, s.agreementId ?? null, s.agreementVersion ?? null, s.intervalFrom ?? null, s.intervalTo ?? null, s.instalmentNo ?? null, s.dueOn ?? null, s.adjustsPeriodId ?? null, JSON.stringify(l.explain));
    });
    return id;
  }

  setStatus(id: number, from: SettlementStatus, to: SettlementStatus, at: string, by: number | null): boolean {
    const column = to === 'approved' ? 'approved' : to === 'posted' ? 'posted' : null;
    const sql = column
      ? `UPDATE settlement_periods SET status = ?, ${column}_at = ?, ${column}_by = ? WHERE id = ? AND status = ?`
      : `UPDATE settlement_periods SET status = ?, approved_at = NULL, approved_by = NULL WHERE id = ? AND status = ?`;
    const result = column ? this.db.prepare(sql).run(to, at, by, id, from) : this.db.prepare(sql).run(to, id, from);
    return result.changes === 1;
  }

  lines(periodId: number, memberId: number | null = null): (StoredLine & { id: number })[] {
    const rows = this.db.prepare(`SELECT * FROM settlement_lines WHERE period_id = ? AND (? IS NULL OR member_id = ?) ORDER BY position`).all(periodId, memberId, memberId) as LineRow[];
    return rows.map(toStoredLine);
  }
  /** Adjustment lines for `periodId` in posted periods. */
  postedAdjustmentsFor(periodId: number): StoredLine[] {
    const rows = this.db.prepare(`SELECT l.* FROM settlement_lines l JOIN settlement_periods p ON p.id = l.period_id WHERE l.adjusts_period_id = ? AND p.status = 'posted' ORDER BY l.period_id, l.position`).all(periodId) as LineRow[];
    return rows.map(toStoredLine);
  }
  journalEntryIds(periodId: number): number[] {
    return this.db.prepare(`SELECT id FROM journal_entries WHERE idempotency_key >= ? AND idempotency_key < ? ORDER BY id`).pluck().all(`settlement:${periodId}:`, `settlement:${periodId};`) as number[];
  }
}

function toStoredLine(r: LineRow): StoredLine & { id: number } {
  const source = {
    ...(r.tariff_version_id !== null ? { tariffVersionId: r.tariff_version_id } : {}),
    ...(r.agreement_id !== null ? { agreementId: r.agreement_id } : {}),
    ...(r.agreement_version !== null ? { agreementVersion: r.agreement_version } : {}),
    ...(r.interval_from !== null ? { intervalFrom: r.interval_from } : {}),
    ...(r.interval_to !== null ? { intervalTo: r.interval_to } : {}),
    ...(r.instalment_no !== null ? { instalmentNo: r.instalment_no } : {}),
    ...(r.due_on !== null ? { dueOn: r.due_on } : {}),
    ...(r.adjusts_period_id !== null ? { adjustsPeriodId: r.adjusts_period_id } : {}),
  };
  return { id: r.id, transferNo: r.transfer_no, memberId: r.member_id, code: r.code, amountMinor: r.amount_minor, counterparty: r.counterparty, quantityWh: r.quantity_wh, rateMilliPerKwh: r.rate_milli_per_kwh, source, explain: JSON.parse(r.explain_json) as Record<string, string | number> };
}
