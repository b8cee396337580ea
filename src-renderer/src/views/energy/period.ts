// The Energy area's periods: a day, a week (Monday to Sunday), a calendar month or year around an
// anchor date, each with the bucket its chart reads best in. Local dates as YYYY-MM-DD strings;
// arithmetic in UTC so no time zone or daylight-saving change can shift a day. Pure: unit-tested.
import type { EnergyBucket } from '@contract';

export const PERIOD_KINDS = ['day', 'week', 'month', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface EnergyPeriod {
  readonly kind: PeriodKind;
  readonly from: string;
  readonly to: string;
  readonly bucket: EnergyBucket;
}

/** The bucket each period reads best in (≈ 100–400 points); a finer one can be asked for. */
export const DEFAULT_BUCKET: Readonly<Record<PeriodKind, EnergyBucket>> = { day: 'interval', week: 'hour', month: 'day', year: 'day' };

const DAY_MS = 86_400_000;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  return toIso(new Date(toDate(iso).getTime() + days * DAY_MS));
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && toIso(toDate(value)) === value;
}

export function periodAround(kind: PeriodKind, anchor: string, bucket: EnergyBucket | null = null): EnergyPeriod {
  const date = toDate(anchor);
  let from = anchor;
  let to = anchor;
  if (kind === 'week') {
    const sinceMonday = (date.getUTCDay() + 6) % 7;
    from = addDays(anchor, -sinceMonday);
    to = addDays(from, 6);
  } else if (kind === 'month') {
    from = `${anchor.slice(0, 7)}-01`;
    to = toIso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)));
  } else if (kind === 'year') {
    from = `${anchor.slice(0, 4)}-01-01`;
    to = `${anchor.slice(0, 4)}-12-31`;
  }
  return { kind, from, to, bucket: bucket ?? DEFAULT_BUCKET[kind] };
}

/** The anchor of the period before (-1) or after (+1) this one. */
export function shiftAnchor(kind: PeriodKind, anchor: string, step: -1 | 1): string {
  if (kind === 'day') return addDays(anchor, step);
  if (kind === 'week') return addDays(anchor, 7 * step);
  const date = toDate(anchor);
  if (kind === 'month') return toIso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + step, 1)));
  return `${String(date.getUTCFullYear() + step).padStart(4, '0')}-01-01`;
}

/** Days in [from, to], both included. */
export function daysIn(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS) + 1;
}

/** The seven days up to and including `to`: the member tab's default and the key preview's week. */
export function lastDays(to: string, days: number): { from: string; to: string } {
  return { from: addDays(to, -(days - 1)), to };
}

/**
 * A long 15-min period (more than OPENING_DAYS) opens on its last OPENING_DAYS up to today, which is what the
 * chart's zoom shows first anyway (energy-charts.ts WINDOW_POINTS): that window is asked and drawn
 * first, then the whole period replaces it. A year of 15-min points takes seconds to read, send
 * and lay out; its last month is on screen within the issue 10 target (≤ 300 ms).
 */
export const OPENING_DAYS = 31;
export function openingWindow(period: { from: string; to: string; bucket: EnergyBucket }, until: string = today()): { from: string; to: string } | null {
  if (period.bucket !== 'interval' || daysIn(period.from, period.to) <= OPENING_DAYS) return null;
  // The year in progress opens on its last lived days, not on weeks that have not come yet.
  const earliestEnd = addDays(period.from, OPENING_DAYS - 1);
  const end = until >= period.from && until < period.to ? (until < earliestEnd ? earliestEnd : until) : period.to;
  return lastDays(end, OPENING_DAYS);
}

/** YYYY-MM of a date: the month a recompute covers. */
export const monthOf = (iso: string) => iso.slice(0, 7);

/** Today as a local date of this computer (the cooperative's office). */
export function today(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return toIso(local);
}
