// The first-run wizard's demo span: a whole previous month of flows plus this month so far (the
// Energy area shows a complete month), or the last N days when COOP_DEMO_DAYS asks for fewer.
import { describe, expect, it } from 'vitest';
import { demoDaysFromEnv, wizardDemoSpan } from './demo-generator.js';

const iso = (span: { fromMs: number; toMs: number }) => [new Date(span.fromMs).toISOString(), new Date(span.toMs).toISOString()];

describe('wizardDemoSpan', () => {
  it('covers the whole previous calendar month and this month up to the start of today (UTC)', () => {
    expect(iso(wizardDemoSpan(new Date('2026-12-07T03:45:00Z')))).toEqual(['2026-11-01T00:00:00.000Z', '2026-12-07T00:00:00.000Z']);
    // Across a year end, and on the first of a month (the previous month alone, complete).
    expect(iso(wizardDemoSpan(new Date('2027-01-01T10:00:00Z')))).toEqual(['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    expect(iso(wizardDemoSpan(new Date('2026-03-31T23:59:00Z')))).toEqual(['2026-02-01T00:00:00.000Z', '2026-03-31T00:00:00.000Z']);
  });
  it('gives the last N whole days when asked for fewer, and ignores a value that is not a count of days', () => {
    expect(iso(wizardDemoSpan(new Date('2026-12-07T03:45:00Z'), 7))).toEqual(['2026-11-30T00:00:00.000Z', '2026-12-07T00:00:00.000Z']);
    expect([demoDaysFromEnv('7'), demoDaysFromEnv(undefined), demoDaysFromEnv(''), demoDaysFromEnv('0'), demoDaysFromEnv('1.5'), demoDaysFromEnv('week')]).toEqual([7, null, null, null, null, null]);
  });
});
