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
  it('gives every problem a stable code and the values its sentence names', () => {
    const csv = [
      'time,M-1,M-1,M-404,M-9,',
      '2026-03-02T00:00:00Z,0.5,0.5,0,0,0',
      '',
      '2026-03-02 00:15,0.5,0.5,0,0,0',
      '2026-03-02T00:20:00Z,0.5,0.5,0,0,0',
      '2026-03-01T23:45:00Z,0.5,0.5,0,0,0',
      '2026-03-02T00:00:00Z,0.5,0.5,0,0,0',
      '2026-03-02T01:00:00Z,-0.1,1.2,x,0,0',
      '2026-03-02T01:15:00Z,0.5,0.4,0,0,0',
      '2026-03-02T01:30:00Z,1',
    ].join('\n');
    const issues = parseKeyCsv(csv, 1, members, '2026-03-02T00:00:00.000Z').preview.issues.map(({ line, code, params }) => ({ line, code, params }));
    expect(issues).toEqual([
      { line: 1, code: 'first_column', params: { cell: 'time' } },
      { line: 1, code: 'member_twice', params: { memberNo: 'M-1' } },
      { line: 1, code: 'unknown_member', params: { memberNo: 'M-404' } },
      { line: 1, code: 'member_of_other_site', params: { memberNo: 'M-9', memberName: 'Faraway' } },
      { line: 1, code: 'column_without_member', params: {} },
      { line: 3, code: 'empty_line', params: {} },
      { line: 4, code: 'bad_interval', params: { cell: '2026-03-02 00:15', example: '2026-04-01T00:15:00Z' } },
      { line: 5, code: 'not_interval_start', params: { cell: '2026-03-02T00:20:00Z' } },
      { line: 6, code: 'before_valid_from', params: { interval: '2026-03-01T23:45:00.000Z', validFrom: '2026-03-02T00:00:00.000Z' } },
      { line: 7, code: 'interval_twice', params: { interval: '2026-03-02T00:00:00.000Z' } },
      { line: 8, code: 'negative', params: { cell: '-0.1' } },
      { line: 8, code: 'above_one', params: { cell: '1.2' } },
      { line: 8, code: 'not_a_number', params: { cell: 'x', example: '0.25' } },
      { line: 9, code: 'row_sum', params: { interval: '2026-03-02T01:15:00Z', sum: 0.9, expected: 1, tolerance: 0.00001 } },
      { line: 10, code: 'column_count', params: { count: 1, expected: 5 } },
    ]);
    expect(parseKeyCsv('interval_start\n', 1, members).preview.issues.map((i) => i.code)).toEqual(['no_member_columns', 'no_rows']);
  });
});
