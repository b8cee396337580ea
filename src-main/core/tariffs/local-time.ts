// Local calendar parts of a UTC instant in the cooperative's time zone (time-of-use windows, days,
// months are local). One cached Intl formatter per zone; weekdays in ISO order, 0 = Monday.
export interface LocalParts {
  /** YYYY-MM-DD */
  readonly date: string;
  /** YYYY-MM */
  readonly month: string;
  readonly hour: number;
  readonly minute: number;
  /** 0 = Monday … 6 = Sunday */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

const QUARTER_MS = 900_000;
const quarterCache = new Map<string, Map<number, LocalParts>>();

/**
 * Cached per UTC quarter hour: every zone offset in use is a multiple of 15 minutes, so inside a
 * quarter the local time only advances its minutes (a settlement run asks for the same quarters
 * for every member; Intl formatting is the expensive part).
 */
export function localParts(ms: number, timeZone: string): LocalParts {
  const quarter = Math.floor(ms / QUARTER_MS);
  let cache = quarterCache.get(timeZone);
  if (!cache) quarterCache.set(timeZone, (cache = new Map()));
  let start = cache.get(quarter);
  if (!start) {
    if (cache.size > 200_000) cache.clear();
    start = formatLocal(quarter * QUARTER_MS, timeZone);
    cache.set(quarter, start);
  }
  const extraMinutes = Math.floor((ms - quarter * QUARTER_MS) / 60_000);
  if (extraMinutes === 0) return start;
  // A historical offset that is not a multiple of 15 minutes: no shortcut.
  if (start.minute % 15 !== 0) return formatLocal(ms, timeZone);
  return { ...start, minute: start.minute + extraMinutes };
}

function formatLocal(ms: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) parts[part.type] = part.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  const ym = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  return { date: `${ym}-${String(day).padStart(2, '0')}`, month: ym, hour: Number(parts.hour), minute: Number(parts.minute), weekday };
}

export const daysInMonth = (ym: string): number => {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/** Every local date from `from` to `to` inclusive (YYYY-MM-DD). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = start; t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export const isKnownTimeZone = (zone: string): boolean => {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
};
