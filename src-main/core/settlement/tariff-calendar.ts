// Which tariff version rates which part of a settlement period, and rating a series of slots with
// the existing rating function (core/tariffs/rating.ts — the only rating rule). Pure.
//
// Rule: each LOCAL DAY of the period is rated with the version in force at the day's first quarter
// hour. Consecutive days with the same version form a segment, rated by one `rateConsumption` call
// (so fixed fees are pro rata of the segment's days and blocks are cumulative within it). A version
// that starts in the middle of a day therefore applies from the next local day in a settlement:
// this keeps every day's fixed fee in exactly one segment. (Tariff versions are normally set to start
// at midnight.)
import type { Bill } from '../../contract/tariffs.js';
import { rateConsumption, type ConsumptionInterval } from '../tariffs/rating.js';
import { datesBetween, localParts } from '../tariffs/local-time.js';
import { normalizeInstant, versionInForce } from '../tariffs/tariff-versions.js';
import { SettlementInputError, type SettlementInput, type TariffVersionInput } from './types.js';

export const SLOT_MS = 900_000;

export interface TariffSegment {
  readonly version: TariffVersionInput;
  readonly fromDate: string;
  readonly toDate: string;
  /** Slot indexes [slotFrom, slotTo) of the segment. */
  readonly slotFrom: number;
  readonly slotTo: number;
}

export interface RatedSegment {
  readonly segment: TariffSegment;
  readonly bill: Bill;
  /** First and last slot with energy (-1 when none). */
  readonly firstSlot: number;
  readonly lastSlot: number;
}

/** The period's slots as ISO strings and local dates, computed once per run (shared by every member). */
export class PeriodSlots {
  readonly iso: string[];
  readonly date: string[];
  /** True where a slot starts a new local hour (or a new UTC hour where the local hour repeats). */
  readonly hourStart: Uint8Array;
  constructor(readonly input: Pick<SettlementInput, 'firstSlotMs' | 'slotCount' | 'timeZone' | 'from' | 'to'>) {
    this.iso = new Array<string>(input.slotCount);
    this.date = new Array<string>(input.slotCount);
    this.hourStart = new Uint8Array(input.slotCount);
    let previous = '';
    for (let k = 0; k < input.slotCount; k++) {
      const ms = input.firstSlotMs + k * SLOT_MS;
      this.iso[k] = new Date(ms).toISOString();
      const local = localParts(ms, input.timeZone);
      this.date[k] = local.date;
      const hour = `${local.date} ${local.hour}`;
      this.hourStart[k] = hour !== previous || local.minute === 0 ? 1 : 0;
      previous = hour;
    }
  }
}

export function tariffSegments(slots: PeriodSlots, versions: readonly TariffVersionInput[], planId: number, planLabel: string): TariffSegment[] {
  const ofPlan = versions.filter((v) => v.planId === planId).map((v) => ({ ...v, validFrom: normalizeInstant(v.validFrom) }));
  const segments: TariffSegment[] = [];
  let k = 0;
  for (const date of datesBetween(slots.input.from, slots.input.to)) {
    const first = k;
    while (k < slots.date.length && slots.date[k] === date) k++;
    const at = first < slots.iso.length ? slots.iso[first]! : new Date(slots.input.firstSlotMs + first * SLOT_MS).toISOString();
    const version = versionInForce(ofPlan, at);
    if (!version) throw new SettlementInputError('NO_TARIFF', `No version of the tariff "${planLabel}" is in force on ${date}: add a tariff version that starts on or before that day, then settle again.`, { plan: planLabel, date });
    const last = segments[segments.length - 1];
    if (last && last.version.id === version.id) segments[segments.length - 1] = { ...last, toDate: date, slotTo: k };
    else segments.push({ version, fromDate: date, toDate: date, slotFrom: first, slotTo: k });
  }
  return segments;
}

/** Rates `whAt(slot)` over every segment with the existing rating function. */
export function rateSlots(slots: PeriodSlots, segments: readonly TariffSegment[], whAt: (slot: number) => number): RatedSegment[] {
  return segments.map((segment) => {
    const intervals: ConsumptionInterval[] = [];
    let firstSlot = -1;
    let lastSlot = -1;
    // Consecutive quarter hours of one local hour go to the rating function as one interval: it rates
    // energy by local hour, day and month only (its pieces are cut at local hours), so the lines are
    // the same, and a month of 2,000 members is a quarter of the intervals to parse and place.
    // (Its load-limit breaches, per-interval averages, are not used by a settlement.)
    let open: { start: string; minutes: number; importWh: number } | null = null;
    for (let k = segment.slotFrom; k < segment.slotTo; k++) {
      const wh = whAt(k);
      if (wh <= 0) {
        open = null;
        continue;
      }
      if (open && slots.hourStart[k] === 0) {
        open.minutes += 15;
        open.importWh += wh;
      } else {
        open = { start: slots.iso[k]!, minutes: 15, importWh: wh };
        intervals.push(open);
      }
      if (firstSlot < 0) firstSlot = k;
      lastSlot = k;
    }
    const bill = rateConsumption({ definition: segment.version.definition, timeZone: slots.input.timeZone, from: segment.fromDate, to: segment.toDate, intervals });
    return { segment, bill, firstSlot, lastSlot };
  });
}
