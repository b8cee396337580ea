// ECharts option for a meter's interval readings: import and export Wh per interval as bars
// (export drawn downwards, so a prosumer's surplus reads at a glance). Pure: unit-tested.
import type { EChartsCoreOption } from 'echarts/core';
import type { MeterReading } from '@contract';

export interface ReadingsChartLabels {
  readonly import: string;
  readonly export: string;
}

/** "2026-11-21T10:15:00.000Z" → "21/11 10:15" in UTC (readings are stored in UTC). */
export function intervalLabel(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)} ${iso.slice(11, 16)}`;
}

export function readingsOption(readings: readonly MeterReading[], labels: ReadingsChartLabels, compact = false): EChartsCoreOption {
  return {
    animation: !compact,
    tooltip: { trigger: 'axis' },
    legend: compact ? { show: false } : { top: 0 },
    grid: compact ? { left: 40, right: 8, top: 8, bottom: 20 } : { left: 56, right: 16, top: 32, bottom: 40 },
    xAxis: { type: 'category', data: readings.map((r) => intervalLabel(r.intervalStart)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: compact ? '' : 'Wh', axisLabel: { formatter: (v: number) => String(Math.abs(v)) } },
    series: [
      { name: labels.import, type: 'bar', stack: 'flow', data: readings.map((r) => r.importWh), itemStyle: { color: '#2080f0' } },
      { name: labels.export, type: 'bar', stack: 'flow', data: readings.map((r) => -r.exportWh), itemStyle: { color: '#18a058' } },
    ],
  };
}
