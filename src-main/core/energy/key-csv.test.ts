// Key tables from CSV: the spreadsheet variants people export, and one sentence per bad cell.
import { describe, expect, it } from 'vitest';
import { parseKeyCsv } from './key-csv.js';

const members = new Map([
  ['m-1', { id: 1, name: 'Amina', siteId: 1 }],
  ['m-2', { id: 2, name: 'Baraka', siteId: 1 }],
  ['m-9', { id: 9, name: 'Faraway', siteId: 2 }],
]);

describe('parseKeyCsv', () => {
  it('reads a comma table into parts per million', () => {
    const r = parseKeyCsv('interval_start,M-1,M-2\n2026-03-02T00:00:00Z,0.25,0.75\n2026-03-02T00:15Z,0.333333,0.666667\n', 1, members);
    expect(r.preview.ok).toBe(true);
    expect(r.memberIds).toEqual([1, 2]);
    expect(r.rows).toEqual([{ intervalStart: '2026-03-02T00:00:00.000Z', ppm: [250_000, 750_000] }, { intervalStart: '2026-03-02T00:15:00.000Z', ppm: [333_333, 666_667] }]);
  });
  it('reads a semicolon table with decimal commas (French spreadsheets)', () => {
    const r = parseKeyCsv('\uFEFFinterval_start;M-1;M-2\r\n2026-03-02T00:00:00Z;0,4;0,6\r\n', 1, members);
    expect(r.rows[0]?.ppm).toEqual([400_000, 600_000]);
  });
  it('names every bad cell: another site, a duplicate interval, not a number, a wrong count', () => {
    const r = parseKeyCsv('interval_start,M-1,M-9\n2026-03-02T00:00:00Z,1,0\n2026-03-02T00:00:00Z,abc,1\n2026-03-02T00:15:00Z,1\n', 1, members);
    expect(r.preview.issues.map((i) => i.message)).toEqual([
      'Member M-9 (Faraway) belongs to another site',
      'The interval 2026-03-02T00:00:00.000Z is listed twice',
      '"abc" is not a number (write a coefficient between 0 and 1, e.g. 0.25)',
      'This line has 1 coefficients but the header names 2 members',
    ]);
    expect(r.rows).toEqual([]);
  });
  it('accepts a row summing to 1 within 1e-5, refuses beyond', () => {
    expect(parseKeyCsv('interval_start,M-1,M-2\n2026-03-02T00:00:00Z,0.500004,0.500004\n', 1, members).preview.ok).toBe(true);
    expect(parseKeyCsv('interval_start,M-1,M-2\n2026-03-02T00:00:00Z,0.50001,0.50001\n', 1, members).preview.ok).toBe(false);
  });
});
