// Billing figures → ECharts options (pure, unit-tested): prepaid members by credit status, and
// overdue money by how long it has been overdue.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { BillingMemberView, OverdueMemberView } from '@contract';

export type BillingChartOption = ComposeOption<BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

const STATUS_COLORS = { ok: '#3aa56b', low: '#f6bd16', empty: '#e8684a' } as const;
export const AGE_BUCKETS = [
  { key: 'upTo30', max: 30 },
  { key: 'upTo60', max: 60 },
  { key: 'upTo90', max: 90 },
  { key: 'over90', max: Number.POSITIVE_INFINITY },
] as const;

export function creditStatusOption(members: readonly BillingMemberView[], label: (status: 'ok' | 'low' | 'empty') => string): BillingChartOption {
  const counts = { ok: 0, low: 0, empty: 0 };
  for (const m of members) if (m.creditStatus) counts[m.creditStatus]++;
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        label: { formatter: '{c}' },
        data: (['ok', 'low', 'empty'] as const).filter((s) => counts[s] > 0).map((s) => ({ name: label(s), value: counts[s], itemStyle: { color: STATUS_COLORS[s] } })),
      },
    ],
  };
}

/** Overdue money per age bucket (in minor units; `money` formats axis labels and tooltips). */
export function overdueAgeOption(overdue: readonly OverdueMemberView[], bucketLabel: (key: (typeof AGE_BUCKETS)[number]['key']) => string, money: (minor: number) => string): BillingChartOption {
  const sums = AGE_BUCKETS.map(() => 0);
  for (const m of overdue) {
    const i = AGE_BUCKETS.findIndex((b) => m.daysOverdue <= b.max);
    sums[i] = (sums[i] ?? 0) + m.overdueMinor;
  }
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis', valueFormatter: (v) => money(Number(v)) },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: AGE_BUCKETS.map((b) => bucketLabel(b.key)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v) } },
    series: [{ type: 'bar', data: sums, barMaxWidth: 40, itemStyle: { color: '#e8684a', borderRadius: [4, 4, 0, 0] } }],
  };
}
