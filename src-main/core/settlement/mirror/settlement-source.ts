// Reads what the mirror needs from the settlement tables (core/settlement, migration *_settlement):
// a posted period's lines as canonical statement-line records, and each member's net movement
// (Σ of their lines, the same sums the posting's journal entries move on their accounts).
import type { Database } from 'better-sqlite3';
import { netCreditMovements, type SettlementMirrorInput } from './mirror-plan.js';
import type { StatementLineRecord } from './statement-line.js';

interface LineRow {
  id: number;
  member_id: number;
  code: string;
  amount_minor: number;
  counterparty: string;
  quantity_wh: number | null;
  rate_milli_per_kwh: number | null;
  tariff_version_id: number | null;
  agreement_id: number | null;
  agreement_version: number | null;
  interval_from: string | null;
  interval_to: string | null;
  instalment_no: number | null;
  adjusts_period_id: number | null;
}

/**
 * The `sources` text of a line: its non-empty source columns as `name:value` joined by `;`, in this
 * fixed order: tariff, agreement (`<id>@<version>`), rate (milli-units per kWh), intervals
 * (`<from>/<to>`), instalment, adjusts (the period a late reading corrects).
 */
export function lineSources(row: Omit<LineRow, 'id' | 'member_id' | 'code' | 'amount_minor' | 'counterparty' | 'quantity_wh'>): string {
  const parts: string[] = [];
  if (row.tariff_version_id !== null) parts.push(`tariff:${row.tariff_version_id}`);
  if (row.agreement_id !== null) parts.push(`agreement:${row.agreement_id}@${row.agreement_version ?? ''}`);
  if (row.rate_milli_per_kwh !== null) parts.push(`rate:${row.rate_milli_per_kwh}`);
  if (row.interval_from !== null || row.interval_to !== null) parts.push(`intervals:${row.interval_from ?? ''}/${row.interval_to ?? ''}`);
  if (row.instalment_no !== null) parts.push(`instalment:${row.instalment_no}`);
  if (row.adjusts_period_id !== null) parts.push(`adjusts:${row.adjusts_period_id}`);
  return parts.join(';');
}

export class SettlementMirrorSourceError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'NOT_POSTED',
    message: string,
  ) {
    super(message);
    this.name = 'SettlementMirrorSourceError';
  }
}

/** The mirror input of a posted period (inside the posting transaction it already reads 'posted'). */
export function readSettlementMirrorInput(db: Database, periodId: number): SettlementMirrorInput {
  const period = db.prepare('SELECT status, currency FROM settlement_periods WHERE id = ?').get(periodId) as { status: string; currency: string } | undefined;
  if (!period) throw new SettlementMirrorSourceError('NOT_FOUND', `There is no settlement period ${periodId}.`);
  if (period.status !== 'posted') throw new SettlementMirrorSourceError('NOT_POSTED', `Settlement period ${periodId} is ${period.status}: only a posted period goes on chain.`);
  const rows = db
    .prepare(
      `SELECT id, member_id, code, amount_minor, counterparty, quantity_wh, rate_milli_per_kwh, tariff_version_id, agreement_id, agreement_version,
              interval_from, interval_to, instalment_no, adjusts_period_id
       FROM settlement_lines WHERE period_id = ? ORDER BY position`,
    )
    .all(periodId) as LineRow[];
  const lines: StatementLineRecord[] = rows.map((r) => ({
    lineId: r.id,
    periodId,
    memberId: r.member_id,
    code: r.code,
    counterparty: r.counterparty,
    currency: period.currency,
    amount: r.amount_minor,
    quantityWh: r.quantity_wh ?? 0,
    sources: lineSources(r),
  }));
  return { periodId, lines, movements: netCreditMovements(lines) };
}

/** Posted periods whose mirror was never recorded (posted before the chain was set up). */
export function unmirroredPostedPeriods(db: Database): number[] {
  const rows = db
    .prepare(
      `SELECT p.id FROM settlement_periods p WHERE p.status = 'posted'
       AND NOT EXISTS (SELECT 1 FROM chain_outbox o WHERE o.reference IN ('settlement-mirror:' || p.id || ':anchor', 'settlement-mirror:' || p.id || ':empty'))
       ORDER BY p.id`,
    )
    .all() as { id: number }[];
  return rows.map((r) => r.id);
}
