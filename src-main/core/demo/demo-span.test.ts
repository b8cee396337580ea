// The demo's span in the cooperative's local days: the first-run wizard's (a whole previous month
// plus this month so far, or the last N days when COOP_DEMO_DAYS asks for fewer) and `npm run
// demo`'s, each from local midnight to local midnight — the first local day is whole on the charts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { demoDaysFromEnv } from './demo-generator.js';
import { demoFirstDay, demoMonthsSpan, wizardDemoSpan } from './demo-span.js';
import { localParts } from '../tariffs/local-time.js';

const iso = (span: { fromMs: number; toMs: number }) => [new Date(span.fromMs).toISOString(), new Date(span.toMs).toISOString()];
const NAIROBI = 'Africa/Nairobi';

describe('wizardDemoSpan', () => {
  it('covers the whole previous local month and this month up to the start of today, local midnight to local midnight', () => {
    // Nairobi is UTC+3: local midnight is 21:00 UTC the evening before.
    expect(iso(wizardDemoSpan(new Date('2026-12-07T03:45:00Z'), NAIROBI))).toEqual(['2026-10-31T21:00:00.000Z', '2026-12-06T21:00:00.000Z']);
    // 22:30 UTC on 30 November is already 1 December in Nairobi: November is the previous month.
    expect(iso(wizardDemoSpan(new Date('2026-11-30T22:30:00Z'), NAIROBI))).toEqual(['2026-10-31T21:00:00.000Z', '2026-11-30T21:00:00.000Z']);
    // Across a year end, and in UTC (local midnight is UTC midnight).
    expect(iso(wizardDemoSpan(new Date('2027-01-01T10:00:00Z'), 'UTC'))).toEqual(['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    // West of Greenwich: Guatemala is UTC−6.
    expect(iso(wizardDemoSpan(new Date('2026-03-31T23:59:00Z'), 'America/Guatemala'))).toEqual(['2026-02-01T06:00:00.000Z', '2026-03-31T06:00:00.000Z']);
  });
  it('gives the last N whole local days when asked for fewer, and ignores a value that is not a count of days', () => {
    expect(iso(wizardDemoSpan(new Date('2026-12-07T03:45:00Z'), NAIROBI, 7))).toEqual(['2026-11-29T21:00:00.000Z', '2026-12-06T21:00:00.000Z']);
    expect([demoDaysFromEnv('7'), demoDaysFromEnv(undefined), demoDaysFromEnv(''), demoDaysFromEnv('0'), demoDaysFromEnv('1.5'), demoDaysFromEnv('week')]).toEqual([7, null, null, null, null, null]);
  });
  it('starts and ends at local midnight whatever the instant and zone, including a zone with daylight saving', () => {
    const zones = [NAIROBI, 'UTC', 'America/Guatemala', 'Europe/Paris', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }), fc.constantFrom(...zones), fc.option(fc.integer({ min: 1, max: 60 })), (now, zone, days) => {
        const span = wizardDemoSpan(new Date(now), zone, days);
        for (const edge of [span.fromMs, span.toMs]) expect(localParts(edge, zone)).toMatchObject({ hour: 0, minute: 0 });
        // Ends where today begins (local), and is a whole number of local days.
        expect(localParts(span.toMs, zone).date).toBe(localParts(now, zone).date);
        expect(span.toMs).toBeLessThanOrEqual(now);
        if (days !== null) expect(Math.round((span.toMs - span.fromMs) / 86_400_000)).toBe(days);
        else expect(localParts(span.fromMs, zone).date.slice(8)).toBe('01');
      }),
      { numRuns: 300 },
    );
  });
});

describe('demoMonthsSpan (npm run demo)', () => {
  it('runs from local midnight of the 1st of the start month for whole months or days', () => {
    expect(iso(demoMonthsSpan('2026-11', 1, null, new Date('2027-05-05T00:00:00Z'), NAIROBI))).toEqual(['2026-10-31T21:00:00.000Z', '2026-11-30T21:00:00.000Z']);
    expect(iso(demoMonthsSpan('2026-12', 2, null, new Date(), NAIROBI))).toEqual(['2026-11-30T21:00:00.000Z', '2027-01-31T21:00:00.000Z']);
    expect(iso(demoMonthsSpan('2026-11', 1, 3, new Date(), NAIROBI))).toEqual(['2026-10-31T21:00:00.000Z', '2026-11-03T21:00:00.000Z']);
    // No start: the months before today's local month (1 December in Nairobi at 22:30 UTC on 30 November).
    expect(iso(demoMonthsSpan(null, 1, null, new Date('2026-11-30T22:30:00Z'), NAIROBI))).toEqual(['2026-10-31T21:00:00.000Z', '2026-11-30T21:00:00.000Z']);
    expect(demoFirstDay(demoMonthsSpan('2026-11', 1, null, new Date(), NAIROBI), NAIROBI)).toBe('2026-11-01');
  });
});
