// Agreements by status → a bar per status in lifecycle order, coloured like the status tags.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { AgreementStatus } from '@contract';
import { STATUS_COLOR } from './agreement-status.js';

export type StatusChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export function statusOption(counts: readonly { status: AgreementStatus; count: number }[], label: (status: AgreementStatus) => string, seriesName: string): StatusChartOption {
  return {
    backgroundColor: 'transparent',
    animationDuration: 400,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: counts.map((c) => label(c.status)), axisTick: { show: false } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: seriesName,
        barMaxWidth: 36,
        label: { show: true, position: 'top' },
        data: counts.map((c) => ({ value: c.count, itemStyle: { color: STATUS_COLOR[c.status], borderRadius: [4, 4, 0, 0] } })),
      },
    ],
  };
}
