// The member's balance and payments at the kiosk, read from the books only: the journal (balance,
// balance over time, movements) and the payments book. Nothing here computes money another way, so
// the kiosk shows exactly what the office's member account shows.
import type { Database } from 'better-sqlite3';
import { KIOSK_LIST_LIMIT, type KioskAccount, type KioskPayment } from '../../contract/kiosk.js';
import type { PaymentListQueryValue, PaymentView } from '../../contract/payments.js';
import { memberAccount } from '../journal/journal-views.js';

export interface KioskAccountSources {
  readonly db: Database;
  readonly currency: () => string;
  readonly payments: { list(query: PaymentListQueryValue): PaymentView[] };
}

/** Days of balance history the kiosk draws. */
export const KIOSK_BALANCE_DAYS = 365;

export function kioskAccount(sources: KioskAccountSources, memberId: number, today: string): KioskAccount {
  const view = memberAccount(sources.db, memberId, sources.currency(), { limit: KIOSK_LIST_LIMIT, offset: 0 });
  const payments = sources.payments
    .list({ memberId, status: null, limit: KIOSK_LIST_LIMIT })
    .filter((p): p is PaymentView & { status: KioskPayment['status'] } => p.status !== 'suspense' && p.memberId === memberId)
    .map((p): KioskPayment => ({ receiptNo: p.receiptNo, receivedOn: p.receivedOn, amountMinor: p.amountMinor, method: p.method, status: p.status }));
  return {
    currency: view.currency,
    balance: view.totals.balance,
    series: recentSeries(view.series, today, KIOSK_BALANCE_DAYS),
    movements: view.entries.rows.map((e) => ({ date: e.effectiveDate, kind: e.kind, description: e.description, amount: e.memberAmount, reversed: e.reversedByEntryId !== null })),
    payments,
  };
}

/**
 * The balance points of the last `days` days; when older movements exist, the balance they left is
 * carried in as the first point (on the window's first day), so the line starts where it really was.
 */
export function recentSeries(series: readonly { date: string; balance: number }[], today: string, days: number): { date: string; balance: number }[] {
  const start = new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const inside = series.filter((p) => p.date >= start);
  const before = series.filter((p) => p.date < start).at(-1);
  return before ? [{ date: start, balance: before.balance }, ...inside] : [...inside];
}
