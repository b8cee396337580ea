// rateSlots hands the rating function one interval per run of quarter hours inside a local hour
// (a quarter of the intervals for a steady consumer). Property: its bill lines are exactly those of
// the rating function given every quarter hour on its own — for flat, time-of-use and tiered (with
// lifeline) tariffs with fees and tax, dense random consumption, and zones with a half-hour offset
// and a daylight-saving change inside the period (the local hour 02:00 happens twice in Paris).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TariffDefinition } from '../../contract/tariffs.js';
import { rateConsumption } from '../tariffs/rating.js';
import { PeriodSlots, rateSlots, tariffSegments } from './tariff-calendar.js';
import { periodSlots } from './period-slots.js';

const ZONES = ['Africa/Nairobi', 'Asia/Kolkata', 'Europe/Paris'] as const;
const energyArb = fc.oneof(
  fc.record({ mode: fc.constant('flat' as const), rateMilliPerKwh: fc.integer({ min: 0, max: 90_000 }) }),
  fc.record({
    mode: fc.constant('time_of_use' as const),
    baseRateMilliPerKwh: fc.integer({ min: 0, max: 90_000 }),
    windows: fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 90_000 }), fc.integer({ min: 0, max: 90_000 })).map(([start, length, day, weekend]) => [
      { label: 'Day', weekdays: [0, 1, 2, 3, 4], startHour: start, endHour: start + length, rateMilliPerKwh: day },
      { label: 'Weekend', weekdays: [5, 6], startHour: 0, endHour: 24, rateMilliPerKwh: weekend },
    ]),
  }),
  fc.record({
    mode: fc.constant('tiered' as const),
    blocks: fc.tuple(fc.integer({ min: 1, max: 40_000 }), fc.integer({ min: 0, max: 90_000 }), fc.integer({ min: 0, max: 90_000 })).map(([upTo, low, high]) => [{ upToWh: upTo, rateMilliPerKwh: low }, { upToWh: null, rateMilliPerKwh: high }]),
    lifeline: fc.option(fc.record({ allowanceWh: fc.integer({ min: 1, max: 30_000 }), rateMilliPerKwh: fc.integer({ min: 0, max: 20_000 }), waiveFixedFee: fc.boolean() }), { nil: null }),
  }),
);

describe('rating a period by local-hour runs', () => {
  it('gives exactly the lines of rating every quarter hour on its own', () => {
    fc.assert(
      fc.property(
        energyArb, fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 0, max: 3_000 }),
        fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 96 * 4, maxLength: 96 * 4 }), fc.integer({ min: 0, max: 3 }),
        (energy, timeZone, fixed, grid, tax, series, sparsity) => {
          const definition = TariffDefinition.parse({ energy, fixedMonthlyMinor: fixed, gridFeeMilliPerKwh: grid, taxBps: tax, loadLimitW: null, dailyEnergyLimitWh: null });
          // 24–27 October 2026: Paris leaves summer time on the 25th (a 25-hour local day).
          const { firstSlotMs, slotCount } = periodSlots('2026-10-24', '2026-10-27', timeZone);
          const slots = new PeriodSlots({ firstSlotMs, slotCount, timeZone, from: '2026-10-24', to: '2026-10-27' });
          const wh = (k: number) => ((k * 7) % 4 < sparsity ? 0 : (series[k % series.length] ?? 0));
          const segments = tariffSegments(slots, [{ id: 1, planId: 1, version: 1, validFrom: '2026-01-01T00:00:00Z', definition }], 1, 'Plan');
          const merged = rateSlots(slots, segments, wh).flatMap((r) => r.bill.lines);
          const intervals = [];
          for (let k = 0; k < slotCount; k++) if (wh(k) > 0) intervals.push({ start: slots.iso[k]!, minutes: 15, importWh: wh(k) });
          const single = rateConsumption({ definition, timeZone, from: '2026-10-24', to: '2026-10-27', intervals }).lines;
          expect(merged).toEqual(single);
        },
      ),
      { numRuns: 60 },
    );
  });
});
