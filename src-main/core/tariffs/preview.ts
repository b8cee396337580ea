// The tariff editor's preview: the price of each hour across a day or a week, and the bill of a
// sample consumption profile (the same typical day, every day of a month). Pure.
import type { Bill, HourPrice, TariffDefinitionValue } from '../../contract/tariffs.js';
import { splitEvenly } from './largest-remainder.js';
import { daysInMonth, localParts } from './local-time.js';
import { rateConsumption, type ConsumptionInterval } from './rating.js';

export function hourlyPrices(definition: TariffDefinitionValue, span: 'day' | 'week'): HourPrice[] {
  const days = span === 'day' ? [0] : [0, 1, 2, 3, 4, 5, 6];
  const out: HourPrice[] = [];
  for (const weekday of days) {
    for (let hour = 0; hour < 24; hour++) {
      const { rate, label } = energyRateAt(definition, weekday, hour);
      const beforeTax = rate + definition.gridFeeMilliPerKwh;
      // Half up; display only (bills are rated exactly by rateConsumption).
      const withTax = Math.floor((beforeTax * (10_000 + definition.taxBps) + 5_000) / 10_000);
      out.push({ weekday, hour, label, rateMilliPerKwh: beforeTax, withTaxMilliPerKwh: withTax });
    }
  }
  return out;
}

function energyRateAt(definition: TariffDefinitionValue, weekday: number, hour: number): { rate: number; label: string } {
  const energy = definition.energy;
  switch (energy.mode) {
    case 'flat':
      return { rate: energy.rateMilliPerKwh, label: 'Flat' };
    case 'time_of_use': {
      const window = energy.windows.find((w) => w.weekdays.includes(weekday) && hour >= w.startHour && hour < w.endHour);
      return window ? { rate: window.rateMilliPerKwh, label: window.label } : { rate: energy.baseRateMilliPerKwh, label: 'Other hours' };
    }
    case 'tiered':
      return { rate: energy.blocks[0]?.rateMilliPerKwh ?? 0, label: 'Block 1 (rate rises with monthly use)' };
  }
}

/** Bills `hourlyWh` (24 local hours) for every day of `month`, as 15-minute intervals. */
export function sampleMonthBill(definition: TariffDefinitionValue, timeZone: string, month: string, hourlyWh: readonly number[]): Bill {
  const quarters = hourlyWh.map((wh) => splitEvenly(wh, 4));
  const [y, m] = month.split('-').map(Number) as [number, number];
  // Walk UTC quarter hours over a window wide enough for any offset; keep those in the local month.
  const startMs = Date.UTC(y, m - 1, 1) - 15 * 3_600_000;
  const endMs = Date.UTC(y, m, 1) + 15 * 3_600_000;
  const intervals: ConsumptionInterval[] = [];
  for (let t = startMs; t < endMs; t += 900_000) {
    const local = localParts(t, timeZone);
    if (local.month !== month) continue;
    intervals.push({ start: new Date(t).toISOString(), minutes: 15, importWh: quarters[local.hour]?.[Math.floor(local.minute / 15)] ?? 0 });
  }
  const to = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  return rateConsumption({ definition, timeZone, from: `${month}-01`, to, intervals });
}
