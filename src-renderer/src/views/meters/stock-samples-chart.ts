// ECharts option for a stock (Modbus, unattested) meter's polled values over time: the active power
// it reported at each poll (left axis, W) and its import and export registers (right axis, kWh, so
// the energy counted between two polls reads as the rise of the line). A time axis: polls come at
// the operator's interval, with gaps while the meter did not answer, and the chart shows the gaps
// as they are (no line across a gap longer than three intervals). Pure: unit-tested.
import type { EChartsCoreOption } from 'echarts/core';
import type { ModbusSampleView } from '@contract';

export interface StockChartLabels {
  readonly power: string;
  readonly import: string;
  readonly export: string;
}

/** What the chart needs of a poll: the console's own samples and the values a laptop brought both have it. */
export type StockPoint = Pick<ModbusSampleView, 'at' | 'powerW' | 'importWh' | 'exportWh'>;

type Point = [number, number] | [number, null];

/** [time, value] points with a null after any gap longer than `gapMs` (ECharts breaks the line there). */
function pointsOf(samples: readonly StockPoint[], value: (s: StockPoint) => number, gapMs: number): Point[] {
  const out: Point[] = [];
  let previous: number | null = null;
  for (const s of samples) {
    const at = Date.parse(s.at);
    if (previous !== null && at - previous > gapMs) out.push([previous + 1, null]);
    out.push([at, value(s)]);
    previous = at;
  }
  return out;
}

/** The usual spacing of the polls: the median gap between consecutive samples (ms), or null with fewer than 2. */
export function medianPollGapMs(samples: readonly StockPoint[]): number | null {
  const gaps = samples.slice(1).map((s, i) => Date.parse(s.at) - Date.parse(samples[i]!.at)).sort((a, b) => a - b);
  return gaps.length === 0 ? null : gaps[Math.floor(gaps.length / 2)]!;
}

export function stockSamplesOption(samples: readonly StockPoint[], labels: StockChartLabels): EChartsCoreOption {
  const typical = medianPollGapMs(samples);
  const gapMs = typical === null ? Number.POSITIVE_INFINITY : Math.max(3 * typical, 60_000);
  const line = (name: string, yAxisIndex: number, color: string, value: (s: StockPoint) => number) => ({
    name, type: 'line', yAxisIndex, showSymbol: samples.length < 60, connectNulls: false, itemStyle: { color }, data: pointsOf(samples, value, gapMs),
  });
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 64, right: 64, top: 36, bottom: 40 },
    xAxis: { type: 'time' },
    yAxis: [
      // Power from zero (an export reads below the line); the registers only grow, so their axis hugs them.
      { type: 'value', name: 'W' },
      { type: 'value', name: 'kWh', scale: true, splitLine: { show: false } },
    ],
    series: [
      line(labels.power, 0, '#f0a020', (s) => s.powerW),
      // Drawn in kWh (axis, tooltip and legend agree); the stored registers stay whole Wh.
      line(labels.import, 1, '#2080f0', (s) => s.importWh / 1000),
      line(labels.export, 1, '#18a058', (s) => s.exportWh / 1000),
    ],
  };
}
