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

describe('opening window', () => {
  it('opens only a long 15-min period on its last 31 days (the window the chart shows first)', () => {
    const later = '2030-01-01';
    expect(openingWindow({ from: '2026-01-01', to: '2026-12-31', bucket: 'interval' }, later)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(openingWindow({ from: '2024-01-01', to: '2024-03-01', bucket: 'interval' }, later)).toEqual({ from: '2024-01-31', to: '2024-03-01' });
    expect(openingWindow({ from: '2026-01-01', to: '2026-01-31', bucket: 'interval' }, later)).toBeNull();
    expect(openingWindow({ from: '2026-01-01', to: '2026-12-31', bucket: 'day' }, later)).toBeNull();
  });

  it('opens the year in progress on its last 31 days up to today, not on the weeks to come', () => {
    const year = { from: '2026-01-01', to: '2026-12-31', bucket: 'interval' as const };
    expect(openingWindow(year, '2026-08-15')).toEqual({ from: '2026-07-16', to: '2026-08-15' });
    // Early in the year, the window still spans 31 days of the period.
    expect(openingWindow(year, '2026-01-10')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(openingWindow(year, '2025-06-01')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
