// The rating function: one tariff version + a member's interval consumption over a billing period
// → charge lines in integer minor units that sum exactly to the total. Pure and deterministic.
// Units and the rounding rule are documented in README.md next to this file.
import type { Bill, ChargeLine, ChargeLineCode, LimitBreach, TariffDefinitionValue } from '../../contract/tariffs.js';
import { allocateLargestRemainder, splitByWeights, toSafeNumber } from './largest-remainder.js';
import { datesBetween, daysInMonth, localParts, type LocalParts } from './local-time.js';

export interface ConsumptionInterval {
  /** ISO-8601 UTC start, on a whole minute. */
  readonly start: string;
  /** Length in minutes, 1 … 60. */
  readonly minutes: number;
  /** Energy imported in the interval, whole Wh. */
  readonly importWh: number;
}

export interface RatingInput {
  readonly definition: TariffDefinitionValue;
  /** The cooperative's time zone: windows, days and months are local. */
  readonly timeZone: string;
  /** Billing period, local dates inclusive (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
  /** Chronological, non-overlapping; every interval must lie inside the period. */
  readonly intervals: readonly ConsumptionInterval[];
}

export class RatingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RatingInputError';
  }
}

/**
 * Common denominator of every exact amount: 10^6 turns (milli-minor/kWh × Wh) into minor units,
 * 10^4 more keeps tax in basis points exact, 377580 = lcm(28, 29, 30, 31) keeps a fixed fee pro-rated
 * by days exact. All exact amounts are integers over it.
 */
export const EXACT_DENOMINATOR = 10n ** 10n * 377_580n;
const ENERGY_SCALE = EXACT_DENOMINATOR / 10n ** 6n;

/** A piece of an interval inside one local hour (an interval straddling an hour is split). */
interface Piece {
  readonly wh: number;
  readonly local: LocalParts;
}

interface ExactLine {
  readonly code: ChargeLineCode;
  readonly label: string;
  readonly quantityWh: number | null;
  readonly rateMilliPerKwh: number | null;
  readonly exact: bigint;
}

export function rateConsumption(input: RatingInput): Bill {
  const { definition } = input;
  if (input.to < input.from) throw new RatingInputError(`The period ends (${input.to}) before it starts (${input.from}).`);
  const pieces = toPieces(input);
  const lines: ExactLine[] = [];
  const energyWh = pieces.reduce((sum, p) => sum + p.wh, 0);
  const lifelineMonths = new Set<string>();

  const energy = definition.energy;
  if (energy.mode === 'flat') {
    lines.push(energyLine('energy', 'Energy', energyWh, energy.rateMilliPerKwh));
  } else if (energy.mode === 'time_of_use') {
    const byWindow = new Map<string, number>();
    for (const piece of pieces) {
      const window = energy.windows.find((w) => w.weekdays.includes(piece.local.weekday) && piece.local.hour >= w.startHour && piece.local.hour < w.endHour);
      const key = window?.label ?? '';
      byWindow.set(key, (byWindow.get(key) ?? 0) + piece.wh);
    }
    for (const window of energy.windows) {
      const wh = byWindow.get(window.label) ?? 0;
      if (wh > 0) lines.push(energyLine('energy', `Energy, ${window.label} (${window.startHour}:00–${window.endHour}:00)`, wh, window.rateMilliPerKwh));
    }
    const other = byWindow.get('') ?? 0;
    if (other > 0 || lines.length === 0) lines.push(energyLine('energy', 'Energy, other hours', other, energy.baseRateMilliPerKwh));
  } else {
    // Blocks are cumulative per calendar month; only the month's total matters for the quantities.
    const byMonth = new Map<string, number>();
    for (const piece of pieces) byMonth.set(piece.local.month, (byMonth.get(piece.local.month) ?? 0) + piece.wh);
    const blockWh = energy.blocks.map(() => 0);
    let lifelineWh = 0;
    for (const [month, total] of byMonth) {
      if (energy.lifeline && total <= energy.lifeline.allowanceWh) {
        lifelineWh += total;
        lifelineMonths.add(month);
        continue;
      }
      let below = 0;
      energy.blocks.forEach((block, index) => {
        const top = block.upToWh === null ? total : Math.min(total, block.upToWh);
        const inBlock = Math.max(0, top - below);
        blockWh[index] = (blockWh[index] ?? 0) + inBlock;
        below = Math.max(below, top);
      });
    }
    if (energy.lifeline && (lifelineWh > 0 || byMonth.size === 0)) {
      lines.push(energyLine('lifeline', `Energy at the lifeline rate (month total up to ${formatKwh(energy.lifeline.allowanceWh)})`, lifelineWh, energy.lifeline.rateMilliPerKwh));
    }
    let lower = 0;
    energy.blocks.forEach((block, index) => {
      const wh = blockWh[index] ?? 0;
      const range = block.upToWh === null ? `above ${formatKwh(lower)}` : `${formatKwh(lower)}–${formatKwh(block.upToWh)}`;
      if (wh > 0) lines.push(energyLine('energy', `Energy, block ${index + 1} (${range} per month)`, wh, block.rateMilliPerKwh));
      if (block.upToWh !== null) lower = block.upToWh;
    });
  }

  if (definition.gridFeeMilliPerKwh > 0) lines.push(energyLine('grid_fee', 'Grid fee', energyWh, definition.gridFeeMilliPerKwh));
  if (definition.fixedMonthlyMinor > 0) lines.push(...fixedFeeLines(definition, input.from, input.to, lifelineMonths));
  if (definition.taxBps > 0) {
    const base = lines.reduce((sum, line) => sum + line.exact, 0n);
    lines.push({ code: 'tax', label: `Tax ${formatBps(definition.taxBps)}`, quantityWh: null, rateMilliPerKwh: null, exact: (base * BigInt(definition.taxBps)) / 10_000n });
  }

  const amounts = allocateLargestRemainder(
    lines.map((line) => line.exact),
    EXACT_DENOMINATOR,
  );
  const charged: ChargeLine[] = lines.map((line, index) => ({
    code: line.code,
    label: line.label,
    quantityWh: line.quantityWh,
    rateMilliPerKwh: line.rateMilliPerKwh,
    amountMinor: toSafeNumber(amounts[index] ?? 0n, 'A charge'),
  }));
  return {
    from: input.from,
    to: input.to,
    energyWh,
    lines: charged,
    totalMinor: charged.reduce((sum, line) => sum + line.amountMinor, 0),
    limitBreaches: limitBreaches(input, pieces),
  };
}

function energyLine(code: ChargeLineCode, label: string, wh: number, rate: number): ExactLine {
  return { code, label, quantityWh: wh, rateMilliPerKwh: rate, exact: BigInt(wh) * BigInt(rate) * ENERGY_SCALE };
}

function fixedFeeLines(definition: TariffDefinitionValue, from: string, to: string, lifelineMonths: ReadonlySet<string>): ExactLine[] {
  const waive = definition.energy.mode === 'tiered' && definition.energy.lifeline?.waiveFixedFee === true;
  const daysByMonth = new Map<string, number>();
  for (const date of datesBetween(from, to)) daysByMonth.set(date.slice(0, 7), (daysByMonth.get(date.slice(0, 7)) ?? 0) + 1);
  const lines: ExactLine[] = [];
  for (const [month, days] of daysByMonth) {
    if (waive && lifelineMonths.has(month)) continue;
    const inMonth = daysInMonth(month);
    const label = days === inMonth ? `Fixed fee ${month}` : `Fixed fee ${month} (${days}/${inMonth} days)`;
    lines.push({ code: 'fixed_fee', label, quantityWh: null, rateMilliPerKwh: null, exact: (BigInt(definition.fixedMonthlyMinor) * BigInt(days) * EXACT_DENOMINATOR) / BigInt(inMonth) });
  }
  return lines;
}

/** Validates the intervals and cuts each at local hour boundaries (energy split by minutes, largest remainder). */
function toPieces(input: RatingInput): Piece[] {
  const pieces: Piece[] = [];
  let previousEnd = -Infinity;
  input.intervals.forEach((interval, index) => {
    const where = `Interval ${index + 1} (${interval.start})`;
    const startMs = Date.parse(interval.start);
    if (!Number.isFinite(startMs) || startMs % 60_000 !== 0) throw new RatingInputError(`${where}: the start must be a UTC time on a whole minute.`);
    if (!Number.isInteger(interval.minutes) || interval.minutes < 1 || interval.minutes > 60) throw new RatingInputError(`${where}: the length must be 1 to 60 whole minutes.`);
    if (!Number.isSafeInteger(interval.importWh) || interval.importWh < 0) throw new RatingInputError(`${where}: energy must be a non-negative whole number of Wh.`);
    if (startMs < previousEnd) throw new RatingInputError(`${where}: intervals must be in time order and must not overlap.`);
    const endMs = startMs + interval.minutes * 60_000;
    previousEnd = endMs;
    const first = localParts(startMs, input.timeZone);
    const last = localParts(endMs - 1, input.timeZone);
    if (first.date < input.from || last.date > input.to) throw new RatingInputError(`${where}: lies outside the billing period ${input.from} … ${input.to}.`);
    const minutesInFirstHour = Math.min(interval.minutes, 60 - first.minute);
    if (minutesInFirstHour === interval.minutes) {
      pieces.push({ wh: interval.importWh, local: first });
      return;
    }
    const [a, b] = splitByWeights(interval.importWh, [minutesInFirstHour, interval.minutes - minutesInFirstHour]) as [number, number];
    pieces.push({ wh: a, local: first }, { wh: b, local: localParts(startMs + minutesInFirstHour * 60_000, input.timeZone) });
  });
  return pieces;
}

function limitBreaches(input: RatingInput, pieces: readonly Piece[]): LimitBreach[] {
  const breaches: LimitBreach[] = [];
  const { loadLimitW, dailyEnergyLimitWh } = input.definition;
  if (loadLimitW !== null) {
    for (const interval of input.intervals) {
      const averageW = Math.round((interval.importWh * 60) / interval.minutes);
      if (averageW > loadLimitW) breaches.push({ kind: 'load', at: interval.start, value: averageW, limit: loadLimitW });
    }
  }
  if (dailyEnergyLimitWh !== null) {
    const byDate = new Map<string, number>();
    for (const piece of pieces) byDate.set(piece.local.date, (byDate.get(piece.local.date) ?? 0) + piece.wh);
    for (const [date, wh] of byDate) if (wh > dailyEnergyLimitWh) breaches.push({ kind: 'daily_energy', at: date, value: wh, limit: dailyEnergyLimitWh });
  }
  return breaches;
}

const formatKwh = (wh: number): string => `${(wh / 1000).toLocaleString('en-US', { maximumFractionDigits: 3 })} kWh`;
const formatBps = (bps: number): string => `${(bps / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })} %`;
