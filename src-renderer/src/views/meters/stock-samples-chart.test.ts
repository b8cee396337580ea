// A stock meter's chart: power on the left axis, the import/export registers on the right, on a
// time axis; a gap in the polls (the meter did not answer) breaks the lines instead of bridging it.
import { describe, expect, it } from 'vitest';
import type { ModbusSampleView } from '@contract';
import { medianPollGapMs, stockSamplesOption } from './stock-samples-chart.js';

const sample = (at: string, powerW: number, importWh: number, exportWh = 0): ModbusSampleView => ({ at, importWh, exportWh, totalWh: importWh + exportWh, powerW, voltageDv: 2301, frequencyCHz: 5000, phases: [] });
type Series = { name: string; yAxisIndex: number; data: Array<[number, number | null]> };

describe('stockSamplesOption', () => {
  const labels = { power: 'Power', import: 'Import', export: 'Export' };
  it('draws power in W on the left axis and the energy registers in kWh on the right, each poll at its time', () => {
    const samples = [sample('2026-12-07T10:00:00.000Z', 400, 12_000), sample('2026-12-07T10:00:10.000Z', 420, 12_001, 3)];
    const option = stockSamplesOption(samples, labels) as { xAxis: { type: string }; series: Series[] };
    expect(option.xAxis.type).toBe('time');
    const t0 = Date.parse('2026-12-07T10:00:00.000Z');
    expect(option.series.map((s) => [s.name, s.yAxisIndex, s.data])).toEqual([
      ['Power', 0, [[t0, 400], [t0 + 10_000, 420]]],
      ['Import', 1, [[t0, 12], [t0 + 10_000, 12.001]]],
      ['Export', 1, [[t0, 0], [t0 + 10_000, 0.003]]],
    ]);
  });
  it('breaks the line where the polls stopped for more than three usual intervals, not on a late poll', () => {
    const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 10) + s * 1000).toISOString();
    // Every 60 s, one poll 30 s late, then 10 minutes without an answer.
    const samples = [0, 60, 120, 210, 270, 870, 930].map((s, i) => sample(at(s), 100 + i, 1000 + i));
    expect(medianPollGapMs(samples)).toBe(60_000);
    const power = (stockSamplesOption(samples, labels) as { series: Series[] }).series[0]!.data;
    expect(power.filter(([, v]) => v === null)).toEqual([[Date.parse(at(270)) + 1, null]]);
    expect(power.filter(([, v]) => v !== null)).toHaveLength(7);
  });
  it('draws a single poll, and nothing from no poll', () => {
    expect(medianPollGapMs([sample('2026-12-07T10:00:00.000Z', 1, 1)])).toBeNull();
    const one = stockSamplesOption([sample('2026-12-07T10:00:00.000Z', 5, 7)], labels) as { series: Series[] };
    expect(one.series[0]!.data).toEqual([[Date.parse('2026-12-07T10:00:00.000Z'), 5]]);
    expect((stockSamplesOption([], labels) as { series: Series[] }).series.every((s) => s.data.length === 0)).toBe(true);
  });
});
