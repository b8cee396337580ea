// Dashboard figures → ECharts options. Pure functions so they can be unit-tested.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { DashboardSummary } from '@contract';

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

/**
 * Transparent so the card's own (theme) background shows through in light and dark; one palette
 * readable on both (the stock dark palette has a slate that vanished on the dark card).
 */
const PALETTE = ['#3aa56b', '#5b8ff9', '#f6bd16', '#e8684a', '#6dc8ec', '#9270ca', '#ff9d4d', '#269a99'];
const base = { backgroundColor: 'transparent', animationDuration: 400, color: PALETTE } as const;

export function byRoleOption(summary: DashboardSummary, roleLabel: (role: string) => string, seriesName: string): ChartOption {
  return {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    // Horizontal bars: role names are long in French ("Propriétaire / investisseur") and would overlap.
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    yAxis: { type: 'category', inverse: true, data: summary.byRole.map((entry) => roleLabel(entry.role)), axisTick: { show: false } },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: summary.byRole.map((entry) => entry.count),
        barMaxWidth: 28,
        itemStyle: { borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right' },
      },
    ],
  };
}

/** `formatNumber` writes the slice counts in the operator's language (see i18n/numbers.ts). */
export function bySiteOption(summary: DashboardSummary, seriesName: string, formatNumber: (value: number) => string = String): ChartOption {
  return {
    ...base,
    tooltip: { trigger: 'item', formatter: (params) => { const p = params as unknown as { name: string; value: number; percent: number }; return `${p.name}: ${formatNumber(p.value)} (${p.percent}%)`; } },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        name: seriesName,
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        itemStyle: { borderRadius: 4, borderColor: 'transparent', borderWidth: 2 },
        // The count on each slice: a donut without numbers only says "about a third".
        label: { show: true, position: 'inside', fontWeight: 'bold', color: '#fff', formatter: (params) => formatNumber(Number((params as { value?: unknown }).value)) },
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
    // One axis for both series: joined-per-month is part of the total, so they share a scale honestly.
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'line', name: names.total, data: summary.growth.map((point) => point.total), showSymbol: false, areaStyle: { opacity: 0.12 } },
      { type: 'bar', name: names.joined, data: summary.growth.map((point) => point.joined), barMaxWidth: 18 },
    ],
  };
}
