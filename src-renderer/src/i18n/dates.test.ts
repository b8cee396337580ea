import { describe, expect, it } from 'vitest';
import { formatBoundary, formatMonth, formatDate, formatDateTime, formatTime, instantOfWallClock, monthAt, nextMonthStart, wallClockAt, zoneLabel } from './dates.js';

// Whatever zone this test machine runs in, the cooperative's zone decides what is shown and entered.
describe('dates in the cooperative\'s zone', () => {
  it('enters a wall-clock time of the cooperative, not of this computer', () => {
    expect(new Date(instantOfWallClock({ year: 2027, month: 1, day: 1, hour: 0, minute: 0 }, 'Africa/Nairobi')).toISOString()).toBe('2026-12-31T21:00:00.000Z');
    expect(new Date(instantOfWallClock({ year: 2027, month: 1, day: 1, hour: 0, minute: 0 }, 'America/Lima')).toISOString()).toBe('2027-01-01T05:00:00.000Z');
    // Daylight saving: summer and winter offsets of Paris; a skipped time lands after the jump.
    expect(new Date(instantOfWallClock({ year: 2026, month: 7, day: 1, hour: 18, minute: 0 }, 'Europe/Paris')).toISOString()).toBe('2026-07-01T16:00:00.000Z');
    expect(new Date(instantOfWallClock({ year: 2026, month: 12, day: 1, hour: 18, minute: 0 }, 'Europe/Paris')).toISOString()).toBe('2026-12-01T17:00:00.000Z');
    const skipped = instantOfWallClock({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Paris');
    expect(wallClockAt(skipped, 'Europe/Paris').hour).toBe(3);
  });

  it('round-trips every hour of a year through the wall clock', () => {
    for (const zone of ['Africa/Nairobi', 'Europe/Paris', 'Asia/Kathmandu', 'America/Lima']) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000 * 7) {
        const w = wallClockAt(t, zone);
        const back = instantOfWallClock(w, zone);
        // A repeated hour (autumn) may resolve to its other occurrence: same wall clock either way.
        expect(wallClockAt(back, zone)).toEqual(w);
      }
    }
  });

  it('shows a version valid from 1 January 2027 (Nairobi) in January 2027, not "2026-12"', () => {
    const from = instantOfWallClock({ year: 2027, month: 1, day: 1, hour: 0, minute: 0 }, 'Africa/Nairobi');
    expect(new Date(from).toISOString().slice(0, 7)).toBe('2026-12'); // what the UTC slice said
    expect(monthAt(from, 'Africa/Nairobi')).toBe('2027-01');
    expect(formatMonth(monthAt(from, 'Africa/Nairobi'), 'en')).toBe('January 2027');
    expect(formatMonth('2027-01', 'fr')).toBe('janvier 2027');
    expect(nextMonthStart(Date.parse('2026-12-31T22:30:00Z'), 'Africa/Nairobi')).toBe(Date.parse('2027-01-31T21:00:00Z'));
  });

  it('displays instants in the cooperative\'s zone, EN and FR, 24-hour clock', () => {
    const at = '2026-12-06T21:31:00Z';
    expect(formatDateTime(at, 'en', 'Africa/Nairobi')).toBe('7 Dec 2026, 00:31');
    expect(formatDateTime(at, 'fr', 'Africa/Nairobi')).toBe('7 déc. 2026, 00:31');
    expect(formatTime(at, 'en', 'Africa/Nairobi')).toBe('00:31');
    expect(formatDateTime(at, 'en', 'America/Lima')).toBe('6 Dec 2026, 16:31');
  });

  it('never shifts a calendar date, and shows a midnight boundary as the day alone', () => {
    expect(formatDate('2026-12-07', 'en', 'America/Lima')).toBe('7 Dec 2026');
    expect(formatDate('2026-12-07', 'fr', 'Pacific/Kiritimati')).toBe('7 déc. 2026');
    expect(formatBoundary('2026-12-31T21:00:00Z', 'en', 'Africa/Nairobi')).toBe('1 Jan 2027');
    expect(formatBoundary('2026-12-31T21:00:00Z', 'fr', 'Africa/Nairobi')).toBe('1 janv. 2027');
    expect(formatBoundary('2027-01-01T03:00:00Z', 'en', 'Africa/Nairobi')).toBe('1 Jan 2027, 06:00');
  });

  it('names the zone with its offset', () => {
    expect(zoneLabel('Africa/Nairobi', Date.UTC(2027, 0, 1))).toBe('Africa/Nairobi (UTC+03:00)');
    expect(zoneLabel('UTC', Date.UTC(2027, 0, 1))).toBe('UTC (UTC+00:00)');
  });
});
