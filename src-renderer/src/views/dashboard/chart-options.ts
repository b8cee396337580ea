// Dashboard figures → ECharts options. Pure functions so they can be unit-tested.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { DashboardSummary } from '@contract';

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

/** Transparent so the card's own (theme) background shows through in light and dark. */
const base = { backgroundColor: 'transparent', animationDuration: 400 } as const;

export function byRoleOption(summary: DashboardSummary, roleLabel: (role: string) => string, seriesName: string): ChartOption {
  return {
    ...base,
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: summary.byRole.map((entry) => roleLabel(entry.role)), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: seriesName, data: summary.byRole.map((entry) => entry.count), barMaxWidth: 48, itemStyle: { borderRadius: [4, 4, 0, 0] } }],
  };
}

export function bySiteOption(summary: DashboardSummary, seriesName: string): ChartOption {
  return {
    ...base,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        name: seriesName,
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        itemStyle: { borderRadius: 4, borderColor: 'transparent', borderWidth: 2 },
        label: { show: false },
        data: summary.bySite.map((entry) => ({ name: entry.siteName, value: entry.count })),
      },
    ],
  };
}

export function growthOption(summary: DashboardSummary, names: { total: string; joined: string }): ChartOption {
  return {
    ...base,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: summary.growth.map((point) => point.month) },
    yAxis: [
      // No axis names: the legend names both series, and long names were clipped at the edges.
      { type: 'value', minInterval: 1 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { type: 'line', name: names.total, data: summary.growth.map((point) => point.total), smooth: true, showSymbol: false, areaStyle: { opacity: 0.12 } },
      { type: 'bar', name: names.joined, yAxisIndex: 1, data: summary.growth.map((point) => point.joined), barMaxWidth: 18 },
    ],
  };
}
