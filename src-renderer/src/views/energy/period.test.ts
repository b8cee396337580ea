// Periods of the Energy area: calendar weeks start on Monday, months and years end on their last
// day (leap years included), stepping crosses year ends, and the default bucket follows the period.
import { describe, expect, it } from 'vitest';
import { addDays, daysIn, intervalsMissingByNow, isIsoDate, lastDays, openingWindow, periodAround, shiftAnchor } from './period.js';

describe('energy periods', () => {
  it('puts a week from Monday to Sunday, across a month end', () => {
    expect(periodAround('week', '2026-12-03')).toEqual({ kind: 'week', from: '2026-11-30', to: '2026-12-06', bucket: 'hour' });
    expect(periodAround('week', '2026-11-30').from).toBe('2026-11-30');
    expect(periodAround('week', '2026-12-06').from).toBe('2026-11-30');
  });

  it('ends months and years on their last day, with the bucket each reads best in', () => {
    expect(periodAround('month', '2028-02-10')).toEqual({ kind: 'month', from: '2028-02-01', to: '2028-02-29', bucket: 'day' });
    expect(periodAround('year', '2026-07-01')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31', bucket: 'day' });
    expect(periodAround('day', '2026-07-01')).toEqual({ kind: 'day', from: '2026-07-01', to: '2026-07-01', bucket: 'interval' });
    expect(periodAround('year', '2026-07-01', 'interval').bucket).toBe('interval');
    expect(daysIn('2028-01-01', '2028-12-31')).toBe(366);
  });

  it('steps to the period before or after', () => {
    expect(shiftAnchor('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftAnchor('week', '2026-12-31', -1)).toBe('2026-12-24');
    expect(shiftAnchor('month', '2026-01-31', -1)).toBe('2025-12-01');
    expect(shiftAnchor('month', '2026-01-31', 1)).toBe('2026-02-01');
    expect(shiftAnchor('year', '2026-05-05', 1)).toBe('2027-01-01');
  });

  it('reads only real calendar dates from a link', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(isIsoDate(42)).toBe(false);
    expect(lastDays('2026-03-02', 7)).toEqual({ from: addDays('2026-03-02', -6), to: '2026-03-02' });
    expect(lastDays('2026-03-02', 7).from).toBe('2026-02-24');
  });
});

describe('intervals missing by now', () => {
  it('counts only intervals that have happened', () => {
    const period = { from: '2026-12-01', to: '2026-12-31' };
    const now = Date.parse('2026-12-03T00:00:00Z'); // two days = 192 intervals have happened
    expect(intervalsMissingByNow({ intervalsComputed: 96, intervalsMissing: 2880 }, period, now)).toBe(96);
    expect(intervalsMissingByNow({ intervalsComputed: 192, intervalsMissing: 2784 }, period, now)).toBe(0);
    expect(intervalsMissingByNow({ intervalsComputed: 0, intervalsMissing: 2976 }, period, Date.parse('2027-02-01T00:00:00Z'))).toBe(2976);
  });

  it('opens only a long 15-min period on its last 31 days (the window the chart shows first)', () => {
    expect(openingWindow({ from: '2026-01-01', to: '2026-12-31', bucket: 'interval' })).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(openingWindow({ from: '2024-01-01', to: '2024-03-01', bucket: 'interval' })).toEqual({ from: '2024-01-31', to: '2024-03-01' });
    expect(openingWindow({ from: '2026-01-01', to: '2026-01-31', bucket: 'interval' })).toBeNull();
    expect(openingWindow({ from: '2026-01-01', to: '2026-12-31', bucket: 'day' })).toBeNull();
  });
});
