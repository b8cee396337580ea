// Energy as an operator reads it: the core counts integer Wh; screens show kWh (MWh for large
// totals) in the operator's number format, with the precision the size calls for. Ratios come as
// basis points. Formatting of energy and percentages is shared with the tariff screens (units.ts).
import type { EnergyBucket, EnergySource } from '@contract';
import { formatEnergy, formatPercent } from '../tariffs/units.js';

export { formatEnergy, formatPercent };

/** Sources in the order every chart and legend lists them. */
export const SOURCE_ORDER: readonly EnergySource[] = ['solar', 'wind', 'hydro', 'biogas', 'battery', 'other'];

/** One colour per source, the same in every energy chart (and readable on light and dark themes). */
export const SOURCE_COLORS: Readonly<Record<EnergySource, string>> = {
  solar: '#f2b705',
  wind: '#3b8fd9',
  hydro: '#1bb0b0',
  biogas: '#7a9a01',
  battery: '#9b59b6',
  other: '#8c8c8c',
};

/** Colours of the flows that are not a source. */
export const FLOW_COLORS = {
  consumption: '#333d4d',
  self: '#e67e22',
  shared: '#18a058',
  mainIn: '#d03050',
  mainOut: '#5b6fd6',
  estimated: '#a0a0a0',
  unattested: '#c0399a',
} as const;

/** Wh → kWh for chart data (charts plot kWh; labels say so). */
export const kwh = (wh: number) => wh / 1000;

/** kWh in the operator's number format with a precision that suits the size (≥ 100 kWh: whole numbers). */
export function formatKwh(kwhValue: number, locale: string): string {
  const size = Math.abs(kwhValue);
  const digits = size >= 100 ? 0 : size >= 10 ? 1 : 2;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(kwhValue)} kWh`;
}

/** A ratio in basis points as a percentage, or an em dash when it has no denominator. */
export function formatShare(bp: number | null, locale: string): string {
  return bp === null ? '—' : formatPercent(bp, locale);
}

/** A local date (YYYY-MM-DD) as "7 Dec 2026" / "7 déc. 2026". */
export function formatDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** A local date as "7 Dec" / "7 déc." (axis labels of a month of days). */
export function formatShortDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/**
 * How a bucket start (ISO instant) is written on an axis or in a tooltip, in this computer's time
 * zone: time of day for 15-min and hour buckets, the date for days and weeks, month and year for
 * months. One formatter per call, reused for every label (a year of 15-min points is 35,040).
 */
export function bucketTimeFormatter(bucket: EnergyBucket, locale: string): (iso: string) => string {
  const options: Intl.DateTimeFormatOptions =
    bucket === 'interval' || bucket === 'hour'
      ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }
      : bucket === 'month'
        ? { month: 'short', year: 'numeric' }
        : { day: 'numeric', month: 'short', year: 'numeric' };
  const format = new Intl.DateTimeFormat(locale, options);
  return (iso) => {
    const time = Date.parse(iso);
    return Number.isFinite(time) ? format.format(time) : iso;
  };
}
