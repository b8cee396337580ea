// The readings chart: one bar per interval for import (up) and export (down), UTC labels.
import { describe, expect, it } from 'vitest';
import { intervalLabel, readingsOption } from './readings-chart.js';

describe('readingsOption', () => {
  const readings = [
    { intervalStart: '2026-11-21T10:00:00.000Z', importWh: 120, exportWh: 0 },
    { intervalStart: '2026-11-21T10:15:00.000Z', importWh: 0, exportWh: 340 },
  ];
  it('draws import upwards and export downwards, one category per interval', () => {
    const option = readingsOption(readings, { import: 'Import', export: 'Export' }) as { xAxis: { data: string[] }; series: Array<{ name: string; data: number[] }> };
    expect(option.xAxis.data).toEqual(['21/11 10:00', '21/11 10:15']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['Import', [120, 0]],
      ['Export', [-0, -340]],
    ]);
  });
  it('labels intervals in UTC whatever the local zone', () => {
    expect(intervalLabel('2026-01-02T23:45:00.000Z')).toBe('02/01 23:45');
  });
});
