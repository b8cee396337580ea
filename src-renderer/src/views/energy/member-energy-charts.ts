// ECharts options of a member's energy tab: daily bars of how the member's demand was met (own
// generation, the community by source, the main supply) with estimated/unattested energy drawn as
// dotted lines, and a donut of the sources of everything the member used. Pure: unit-tested.
import type { EChartsCoreOption } from 'echarts/core';
import type { MemberEnergy, MemberEnergyDay, EnergySource, SourceMix } from '@contract';
import { FLOW_COLORS, SOURCE_COLORS, SOURCE_ORDER, kwh } from './energy-units.js';

export interface MemberChartLabels {
  readonly self: string;
  readonly community: (source: EnergySource) => string;
  readonly mainIn: string;
  readonly estimated: string;
  readonly unattested: string;
  readonly source: (source: EnergySource) => string;
  readonly mainSupply: string;
  readonly unit: string;
}

const sumMix = (mix: SourceMix) => SOURCE_ORDER.reduce((sum, source) => sum + mix[source], 0);
const communityOf = (day: Pick<MemberEnergyDay, 'p2pReceivedBySource' | 'poolReceivedBySource'>, source: EnergySource) =>
  day.p2pReceivedBySource[source] + day.poolReceivedBySource[source];

/** Where the member's used energy came from: own generation + community, by source, and the main supply. */
export function usedBySource(total: MemberEnergy['total']): { source: EnergySource | 'main'; wh: number }[] {
  const rows: { source: EnergySource | 'main'; wh: number }[] = SOURCE_ORDER.map((source) => ({ source, wh: total.selfBySource[source] + communityOf(total, source) }));
  rows.push({ source: 'main', wh: total.mainImportWh });
  return rows.filter((row) => row.wh > 0);
}

export function selfTotal(day: Pick<MemberEnergyDay, 'selfBySource'>): number {
  return sumMix(day.selfBySource);
}
export function communityTotal(day: Pick<MemberEnergyDay, 'p2pReceivedBySource' | 'poolReceivedBySource'>): number {
  return sumMix(day.p2pReceivedBySource) + sumMix(day.poolReceivedBySource);
}

export function dailyBarsOption(energy: MemberEnergy, labels: MemberChartLabels, formatDay: (iso: string) => string, formatEnergy: (kwhValue: number) => string): EChartsCoreOption {
  const days = energy.days;
  const bar = (name: string, color: string, values: number[]) => ({ name, type: 'bar', stack: 'used', barMaxWidth: 28, itemStyle: { color }, data: values.map(kwh) });
  const sources = SOURCE_ORDER.filter((source) => days.some((day) => communityOf(day, source) > 0));
  const dotted = (name: string, color: string, values: number[]) => ({ name, type: 'line', symbolSize: 6, itemStyle: { color }, lineStyle: { type: 'dotted', width: 2, color }, data: values.map(kwh) });
  const hasEstimated = days.some((day) => day.estimatedWh > 0);
  const hasUnattested = days.some((day) => day.unattestedWh > 0);
  return {
    tooltip: { trigger: 'axis', confine: true, valueFormatter: (value: unknown) => (typeof value === 'number' ? formatEnergy(value) : '') },
    legend: { top: 0, type: 'plain' },
    grid: { left: 56, right: 16, top: 64, bottom: 32 },
    xAxis: { type: 'category', data: days.map((day) => day.date), axisLabel: { hideOverlap: true, formatter: formatDay } },
    yAxis: { type: 'value', name: labels.unit },
    series: [
      bar(labels.self, FLOW_COLORS.self, days.map(selfTotal)),
      ...sources.map((source) => bar(labels.community(source), SOURCE_COLORS[source], days.map((day) => communityOf(day, source)))),
      bar(labels.mainIn, FLOW_COLORS.mainIn, days.map((day) => day.mainImportWh)),
      ...(hasEstimated ? [dotted(labels.estimated, FLOW_COLORS.estimated, days.map((day) => day.estimatedWh))] : []),
      ...(hasUnattested ? [dotted(labels.unattested, FLOW_COLORS.unattested, days.map((day) => day.unattestedWh))] : []),
    ],
  };
}

export function sourceDonutOption(energy: MemberEnergy, labels: MemberChartLabels, formatEnergy: (kwhValue: number) => string, formatPercent: (percent: number) => string): EChartsCoreOption {
  const rows = usedBySource(energy.total);
  return {
    tooltip: { trigger: 'item', confine: true, valueFormatter: (value: unknown) => (typeof value === 'number' ? formatEnergy(value) : '') },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['38%', '74%'],
        center: ['50%', '45%'],
        // Inside the ring: outside labels were cut off in a card a third of the page wide.
        label: { position: 'inside', color: '#fff', fontSize: 11, formatter: (params: { percent?: number }) => ((params.percent ?? 0) >= 4 ? formatPercent(params.percent ?? 0) : '') },
        data: rows.map((row) => ({
          name: row.source === 'main' ? labels.mainSupply : labels.source(row.source),
          value: kwh(row.wh),
          itemStyle: { color: row.source === 'main' ? FLOW_COLORS.mainIn : SOURCE_COLORS[row.source] },
        })),
      },
    ],
  };
}
