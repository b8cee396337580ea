// The quarter hours of a period given in local dates (the cooperative's time zone). Pure.
import { localParts } from '../tariffs/local-time.js';

const Q = 900_000;

/** First quarter hour (UTC ms) whose local date is `date` (scans the ±14 h band around it). */
export function localDayStartMs(date: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  for (let t = utcMidnight - 14 * 3_600_000; t <= utcMidnight + 14 * 3_600_000; t += Q) if (localParts(t, timeZone).date === date) return t;
  throw new RangeError(`No quarter hour of ${date} found in ${timeZone}`);
}

export const nextDate = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function periodSlots(from: string, to: string, timeZone: string): { firstSlotMs: number; endMs: number; slotCount: number } {
  const firstSlotMs = localDayStartMs(from, timeZone);
  const endMs = localDayStartMs(nextDate(to), timeZone);
  return { firstSlotMs, endMs, slotCount: (endMs - firstSlotMs) / Q };
}
