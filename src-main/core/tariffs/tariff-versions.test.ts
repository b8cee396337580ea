import { describe, expect, it } from 'vitest';
import { TariffDefinition } from '../../contract/tariffs.js';
import { allocateLargestRemainder, splitEvenly } from './largest-remainder.js';
import { hourlyPrices, sampleMonthBill } from './preview.js';
import { startRefusal, validUntil, versionInForce, versionState } from './tariff-versions.js';

const versions = [
  { id: 1, validFrom: '2026-01-01T00:00:00.000Z' },
  { id: 2, validFrom: '2026-04-01T00:00:00.000Z' },
  { id: 3, validFrom: '2026-07-01T00:00:00.000Z' },
];

describe('the version in force', () => {
  it('is the latest start at or before the instant, with the boundary belonging to the new version', () => {
    expect(versionInForce(versions, '2025-12-31T23:59:59.999Z')).toBeNull();
    expect(versionInForce(versions, '2026-03-31T23:59:59.999Z')?.id).toBe(1);
    expect(versionInForce(versions, '2026-04-01T00:00:00.000Z')?.id).toBe(2);
    expect(versionInForce([...versions].reverse(), '2027-01-01T00:00:00.000Z')?.id).toBe(3);
  });

  it('labels versions scheduled, in force or superseded and knows where each ends', () => {
    const now = '2026-05-01T00:00:00.000Z';
    expect(versions.map((v) => versionState(versions, v, now))).toEqual(['superseded', 'in_force', 'scheduled']);
    expect(versions.map((v) => validUntil(versions, v))).toEqual(['2026-04-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z', null]);
  });
});

describe('a new version start', () => {
  const base = { now: '2026-05-01T00:00:00.000Z', settledUntil: null, allowPast: false, existing: versions };
  it('is accepted in the future and refused in the past unless explicitly allowed', () => {
    expect(startRefusal({ ...base, validFrom: '2026-06-01T00:00:00.000Z' })).toBeNull();
    expect(startRefusal({ ...base, validFrom: '2026-04-15T00:00:00.000Z' })).toMatch(/in the past; a new version never rewrites past periods/);
    expect(startRefusal({ ...base, validFrom: '2026-04-15T00:00:00.000Z', allowPast: true })).toBeNull();
  });
  it('never goes before a settled period or behind a version already in force, and never doubles a start', () => {
    expect(startRefusal({ ...base, validFrom: '2026-04-15T00:00:00.000Z', allowPast: true, settledUntil: '2026-05-01T00:00:00.000Z' })).toMatch(/settled/);
    expect(startRefusal({ ...base, validFrom: '2026-03-15T00:00:00.000Z', allowPast: true })).toMatch(/already in force since 2026-04-01/);
    expect(startRefusal({ ...base, validFrom: '2026-07-01T00:00:00.000Z' })).toMatch(/already starts/);
    expect(startRefusal({ ...base, validFrom: '2026-07-01T00:00:00.000Z', ignoreId: 3 })).toBeNull();
  });
});

describe('largest remainder', () => {
  it('splits evenly with earlier parts taking the extra units, always summing exactly', () => {
    expect(splitEvenly(100, 3)).toEqual([34, 33, 33]);
    expect(splitEvenly(2, 4)).toEqual([1, 1, 0, 0]);
    expect(allocateLargestRemainder([15n, 15n, 15n], 10n)).toEqual([2n, 2n, 1n]); // 4.5 → 5
    expect(() => allocateLargestRemainder([-1n], 1n)).toThrow(RangeError);
  });
});

describe('tariff preview', () => {
  const tou = TariffDefinition.parse({
    energy: { mode: 'time_of_use', baseRateMilliPerKwh: 20_000, windows: [{ label: 'Peak', weekdays: [0, 1, 2, 3, 4], startHour: 18, endHour: 22, rateMilliPerKwh: 40_000 }] },
    gridFeeMilliPerKwh: 5_000,
    taxBps: 1_000,
  });
  it('prices every hour of the week with grid fee and tax', () => {
    const hours = hourlyPrices(tou, 'week');
    expect(hours).toHaveLength(168);
    expect(hours.find((h) => h.weekday === 0 && h.hour === 18)).toEqual({ weekday: 0, hour: 18, label: 'Peak', rateMilliPerKwh: 45_000, withTaxMilliPerKwh: 49_500 });
    expect(hours.find((h) => h.weekday === 5 && h.hour === 18)).toMatchObject({ label: 'Other hours', rateMilliPerKwh: 25_000 });
    expect(hourlyPrices(tou, 'day')).toHaveLength(24);
  });
  it('bills a sample day profile over a month, daylight-saving day included', () => {
    const flat = TariffDefinition.parse({ energy: { mode: 'flat', rateMilliPerKwh: 100_000 } });
    // Paris loses one hour on 29 March 2026: 31 × 24 − 1 hours of 1,000 Wh = 743 kWh × 100 = 74,300.
    const bill = sampleMonthBill(flat, 'Europe/Paris', '2026-03', Array(24).fill(1_000));
    expect(bill.energyWh).toBe(743_000);
    expect(bill.totalMinor).toBe(74_300);
  });
});
