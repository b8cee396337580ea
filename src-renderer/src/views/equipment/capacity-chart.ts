// Capacity by kind and site → an ECharts stacked bar (one stack per site, one series per kind).
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { EquipmentKind } from '@contract';
import type { CapacityMatrix } from '../../stores/equipment.js';

export type CapacityChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

/** One colour per kind everywhere in the console, readable on light and dark cards. */
export const KIND_COLORS: Record<EquipmentKind, string> = {
  solar: '#f6bd16',
  wind: '#5b8ff9',
  hydro: '#6dc8ec',
  biogas: '#3aa56b',
  battery: '#9270ca',
  other: '#8c8c8c',
};

export function capacityOption(matrix: CapacityMatrix, kindLabel: (kind: EquipmentKind) => string, formatPower: (w: number) => string): CapacityChartOption {
  return {
    backgroundColor: 'transparent',
    animationDuration: 400,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => formatPower(Number(value)) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [...matrix.sites] },
    // kW on the axis: village equipment is a few kW to a few hundred kW.
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatPower(value) } },
    series: matrix.kinds.map((kind, index) => ({
      type: 'bar',
      name: kindLabel(kind),
      stack: 'capacity',
      barMaxWidth: 48,
      itemStyle: { color: KIND_COLORS[kind] },
      emphasis: { focus: 'series' },
      data: [...(matrix.watts[index] ?? [])],
    })),
  };
}
