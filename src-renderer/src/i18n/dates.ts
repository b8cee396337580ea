// Dates and times as the cooperative reads them: in the cooperative's time zone (where its tariffs'
// hours and its members live, whatever zone this computer is set to), in the operator's language,
// 24-hour clock. A calendar date (YYYY-MM-DD: a joining day, a lease start) has no zone and is never
// shifted. Entry goes the other way: a wall-clock time typed in the cooperative's zone → an instant.
import { computed, watch, type Ref, type WritableComputedRef } from 'vue';
import { useCooperativeStore } from '../stores/cooperative.js';
import { useKioskStore } from '../stores/kiosk.js';
import { usePreferencesStore, type LocaleName } from '../stores/preferences.js';
import { i18n } from './index.js';

export interface WallClock {
  readonly year: number;
  /** 1 … 12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function partsIn(zone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    partsFormat.set(zone, format);
  }
  return format;
}

/** The wall clock in `zone` at an instant. */
export function wallClockAt(instantMs: number, zone: string): WallClock & { second: number } {
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(partsIn(zone).formatToParts(instantMs).find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** Offset of `zone` from UTC at an instant, in ms (Nairobi: +3 h). */
function offsetAt(instantMs: number, zone: string): number {
  const w = wallClockAt(instantMs, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `zone` shows `wall`. A time skipped by a daylight-saving
 * jump resolves to an instant after the jump (the clock shows one hour later than typed).
 */
export function instantOfWallClock(wall: WallClock, zone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const guess = asUtc - offsetAt(asUtc, zone);
  const offset = offsetAt(guess, zone);
  if (offset === offsetAt(asUtc, zone)) return guess;
  const other = asUtc - offset;
  const shows = (instant: number) => {
    const w = wallClockAt(instant, zone);
    return w.hour === wall.hour && w.minute === wall.minute && w.day === wall.day;
  };
  if (shows(other)) return other;
  return shows(guess) ? guess : Math.max(guess, other);
}

/**
 * A date picker's value for an instant: the picker works in this computer's zone, so it is shown the
 * cooperative's wall clock as if it were local, and what is picked is read back as that wall clock.
 */
export function zonedPickerValue(instant: Ref<number>, zone: () => string): WritableComputedRef<number> {
  return computed<number>({
    get: () => {
      const w = wallClockAt(instant.value, zone());
      return new Date(w.year, w.month - 1, w.day, w.hour, w.minute).getTime();
    },
    set: (local: number) => {
      const d = new Date(local);
      instant.value = instantOfWallClock({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes() }, zone());
    },
  });
}

/** "2027-01" — the calendar month of an instant in `zone` (a bill month, a chart bucket). */
export function monthAt(instantMs: number, zone: string): string {
  const w = wallClockAt(instantMs, zone);
  return `${w.year}-${String(w.month).padStart(2, '0')}`;
}

/** Midnight at the start of the next calendar month in `zone`. */
export function nextMonthStart(nowMs: number, zone: string): number {
  const w = wallClockAt(nowMs, zone);
  const next = w.month === 12 ? { year: w.year + 1, month: 1 } : { year: w.year, month: w.month + 1 };
  return instantOfWallClock({ ...next, day: 1, hour: 0, minute: 0 }, zone);
}

const intlLocale = (locale: LocaleName) => (locale === 'fr' ? 'fr-FR' : 'en-GB');
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

export function formatDateTime(iso: string | number, locale: LocaleName, zone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { ...DATE, ...TIME, timeZone: zone }).format(new Date(iso));
}
export function formatTime(iso: string | number, locale: LocaleName, zone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { ...TIME, timeZone: zone }).format(new Date(iso));
}
/** A calendar date "2026-12-07" → "7 Dec 2026"; never moved by a zone. An instant gives its day in `zone`. */
export function formatDate(value: string, locale: LocaleName, zone: string): string {
  const calendar = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (calendar) return new Intl.DateTimeFormat(intlLocale(locale), { ...DATE, timeZone: 'UTC' }).format(Date.UTC(Number(calendar[1]), Number(calendar[2]) - 1, Number(calendar[3])));
  return new Intl.DateTimeFormat(intlLocale(locale), { ...DATE, timeZone: zone }).format(new Date(value));
}
/** "2027-01" → "January 2027" / "janvier 2027" (a calendar month: no zone). */
export function formatMonth(yearMonth: string, locale: LocaleName): string {
  const [y, m] = yearMonth.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}
/** A boundary (a tariff's start): the day alone when it starts at midnight, never "12:00 AM". */
export function formatBoundary(iso: string, locale: LocaleName, zone: string): string {
  const w = wallClockAt(Date.parse(iso), zone);
  return w.hour === 0 && w.minute === 0 ? formatDate(iso, locale, zone) : formatDateTime(iso, locale, zone);
}
/** "Africa/Nairobi (UTC+03:00)": the zone a person is told times are in. */
export function zoneLabel(zone: string, atMs: number): string {
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(atMs).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return `${zone.replace(/_/g, ' ')} (${offset === 'GMT' ? 'UTC' : offset.replace('GMT', 'UTC')})`;
}

/** This computer's zone: only until the cooperative (and its zone) is known. */
const machineZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The formatters of this window: the cooperative's zone, the operator's language. */
export function useDates() {
  const cooperative = useCooperativeStore();
  const preferences = usePreferencesStore();
  const kiosk = useKioskStore();
  // At the kiosk no operator session loads the cooperative: its welcome carries the zone.
  const zone = computed(() => cooperative.cooperative?.timezone ?? kiosk.welcome?.timezone ?? machineZone());
  const locale = computed(() => preferences.locale);
  return {
    zone,
    zoneLabel: computed(() => zoneLabel(zone.value, Date.now())),
    dateTime: (iso: string | number) => formatDateTime(iso, locale.value, zone.value),
    time: (iso: string | number) => formatTime(iso, locale.value, zone.value),
    date: (value: string) => formatDate(value, locale.value, zone.value),
    boundary: (iso: string) => formatBoundary(iso, locale.value, zone.value),
    month: (instantMs: number) => monthAt(instantMs, zone.value),
    monthLabel: (yearMonth: string) => formatMonth(yearMonth, locale.value),
  };
}

/**
 * vue-i18n's d() (still used by a few screens) gets the same zone and 24-hour clock, so no screen
 * shows another zone's time. Called once from the root component.
 */
export function useCooperativeZoneForI18n(): void {
  const cooperative = useCooperativeStore();
  watch(
    () => cooperative.cooperative?.timezone ?? machineZone(),
    (timeZone) => {
      for (const locale of ['en', 'fr'] as const) {
        const formats = { long: { ...DATE, ...TIME, timeZone }, time: { ...TIME, timeZone } };
        i18n.global.setDateTimeFormat(locale, formats as Parameters<typeof i18n.global.setDateTimeFormat>[1]);
      }
    },
    { immediate: true },
  );
}
