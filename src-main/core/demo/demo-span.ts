// The demo's span of readings in the cooperative's local days: it starts and ends at local midnight
// of the cooperative's time zone (Africa/Nairobi: 21:00 UTC the evening before), so the first day
// on the energy charts is a whole day and a month of the demo settles as a whole month. Pure; the
// local calendar comes from the same helpers the tariffs and settlements use.
import { localParts } from '../tariffs/local-time.js';
import { localDayStartMs } from '../settlement/period-slots.js';

export interface DemoSpan {
  /** Local midnight of the first day (UTC ms, on a quarter hour). */
  readonly fromMs: number;
  /** Local midnight after the last day (exclusive). */
  readonly toMs: number;
}

/** `date` (YYYY-MM-DD) moved by whole calendar days. */
const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The 1st of the month `months` after the month of `date` (negative: before), YYYY-MM-DD. */
const monthFirst = (date: string, months: number): string => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
};

/** From local midnight of `firstDay` to local midnight of `endDay` (exclusive), both YYYY-MM-DD. */
export function localDaysSpan(firstDay: string, endDay: string, timeZone: string): DemoSpan {
  return { fromMs: localDayStartMs(firstDay, timeZone), toMs: localDayStartMs(endDay, timeZone) };
}

/** The local date (YYYY-MM-DD) the span starts on: agreements of the demo are in force from it. */
export const demoFirstDay = (span: Pick<DemoSpan, 'fromMs'>, timeZone: string): string => localParts(span.fromMs, timeZone).date;

/**
 * The span of readings the first-run wizard's demo village gets: from the 1st of the previous local
 * month to the start of today (local), so the Energy area has a whole month of flows (the previous
 * month) and the current month up to yesterday. `days` (tests, a slow machine: the COOP_DEMO_DAYS
 * environment variable) asks for only the last N whole local days instead.
 */
export function wizardDemoSpan(today: Date, timeZone: string, days: number | null = null): DemoSpan {
  const todayLocal = localParts(today.getTime(), timeZone).date;
  if (days !== null && Number.isInteger(days) && days > 0) return localDaysSpan(addDays(todayLocal, -days), todayLocal, timeZone);
  return localDaysSpan(monthFirst(todayLocal, -1), todayLocal, timeZone);
}

/**
 * `npm run demo`'s period: from the 1st of `startMonth` (YYYY-MM; default: `months` before today's
 * local month) for `months` months, or for `days` days when given, in whole local days.
 */
export function demoMonthsSpan(startMonth: string | null, months: number, days: number | null, today: Date, timeZone: string): DemoSpan {
  const first = startMonth === null ? monthFirst(localParts(today.getTime(), timeZone).date, -months) : `${startMonth}-01`;
  return localDaysSpan(first, days !== null ? addDays(first, days) : monthFirst(first, months), timeZone);
}
