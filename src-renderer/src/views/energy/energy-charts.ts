// ECharts options of the Energy area: the site's stacked series over a period and the Sankey of
// where the period's energy went. Pure (labels and formatters come in) so they are unit-tested.
// Long series (a year of 15-min intervals is 35,040 points) stay fast: no animation, 'average'
// sampling (the same windows for every series, so stacks stay aligned), a dataZoom to look closer,
// and category labels formatted only when ECharts draws them.
import type { EChartsCoreOption } from 'echarts/core';
import type { EnergyFlows, EnergySeries, EnergySource, FlowNode } from '@contract';
import { FLOW_COLORS, SOURCE_COLORS, SOURCE_ORDER, kwh } from './energy-units.js';

export interface SeriesLabels {
  readonly source: (source: EnergySource) => string;
  readonly consumption: string;
  readonly self: string;
  readonly shared: string;
  readonly mainIn: string;
  readonly mainOut: string;
  readonly estimated: string;
  readonly unattested: string;
  readonly unit: string;
}

export interface ChartFormat {
  /** A bucket start (ISO instant) as the axis and tooltip show it. */
  readonly time: (iso: string) => string;
  /** kWh with unit, in the operator's number format. */
  readonly energy: (kwhValue: number) => string;
}

/** Above this many points the chart samples, skips animation and offers a zoom slider. */
export const LONG_SERIES = 400;
/**
 * Above this many points the zoom opens on the last WINDOW_POINTS (a month of 15-min intervals):
 * ECharts then draws only that window, and the slider (with the whole period's outline) pans or
 * widens it. Drawing all 35,040 points of a year at once took seconds.
 */
export const OPEN_WINDOW_ABOVE = 6000;
export const WINDOW_POINTS = 2976;

/** Member and site names go into HTML tooltips: never as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** kWh per bucket; a bucket without computed flows is null, which ECharts draws as a gap (not as 0). */
const toKwhWith = (known: readonly number[]) => (values: readonly number[]) => values.map((v, i) => ((known[i] ?? 0) > 0 ? kwh(v) : null));
const anyNonZero = (values: readonly number[]) => values.some((v) => v !== 0);

export function seriesOption(data: EnergySeries, labels: SeriesLabels, format: ChartFormat): EChartsCoreOption {
  const points = data.starts.length;
  const long = points > LONG_SERIES;
  const toKwh = toKwhWith(data.computedPerBucket);
  // Every bucket of the period is there, the future included: a long series opens on its last
  // buckets with flows, not on empty weeks to come.
  let lastKnown = points - 1;
  while (lastKnown > 0 && (data.computedPerBucket[lastKnown] ?? 0) === 0) lastKnown--;
  if ((data.computedPerBucket[lastKnown] ?? 0) === 0) lastKnown = points - 1;
  const endValue = points > OPEN_WINDOW_ABOVE ? lastKnown : points - 1;
  const startValue = points > OPEN_WINDOW_ABOVE ? Math.max(0, endValue - WINDOW_POINTS + 1) : 0;
  const common = { type: 'line', showSymbol: false, symbol: 'none', sampling: long ? 'average' : undefined, emphasis: { disabled: long } };
  const generation = SOURCE_ORDER.filter((source) => anyNonZero(data.generationBySource[source])).map((source) => ({
    ...common,
    name: labels.source(source),
    stack: 'generation',
    areaStyle: { opacity: 0.55 },
    lineStyle: { width: 0 },
    itemStyle: { color: SOURCE_COLORS[source] },
    data: toKwh(data.generationBySource[source]),
  }));
  const line = (name: string, values: readonly number[], color: string, style: Record<string, unknown> = {}) => ({
    ...common,
    name,
    itemStyle: { color },
    lineStyle: { color, width: 1.5, ...style },
    data: toKwh(values),
  });
  const series = [
    ...generation,
    line(labels.consumption, data.consumptionWh, FLOW_COLORS.consumption, { width: 2 }),
    line(labels.self, data.selfConsumedWh, FLOW_COLORS.self, { type: 'dashed' }),
    line(labels.shared, data.sharedWh, FLOW_COLORS.shared, { type: 'dashed' }),
    line(labels.mainIn, data.mainImportWh, FLOW_COLORS.mainIn),
    // Energy leaving the site is drawn below the axis, so in and out read apart at a glance.
    { ...line(labels.mainOut, data.mainExportWh.map((v) => -v), FLOW_COLORS.mainOut), areaStyle: { opacity: 0.25 } },
    ...(anyNonZero(data.estimatedWh) ? [line(labels.estimated, data.estimatedWh, FLOW_COLORS.estimated, { type: 'dotted', width: 2 })] : []),
    ...(anyNonZero(data.unattestedWh) ? [line(labels.unattested, data.unattestedWh, FLOW_COLORS.unattested, { type: 'dotted', width: 2 })] : []),
  ];
  return {
    animation: !long,
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'line' },
      valueFormatter: (value: unknown) => (typeof value === 'number' ? format.energy(Math.abs(value)) : ''),
    },
    legend: { top: 0, type: 'plain' },
    grid: { left: 64, right: 24, top: 84, bottom: long ? 72 : 40 },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: data.starts,
      // A long axis gets a fixed label step: hideOverlap would measure all 35,040 labels.
      axisLabel: long ? { interval: Math.max(1, Math.floor(points / 8)) - 1, formatter: (value: string) => format.time(value) } : { hideOverlap: true, formatter: (value: string) => format.time(value) },
      axisTick: long ? { interval: Math.max(1, Math.floor(points / 8)) - 1 } : undefined,
      axisPointer: { label: { formatter: (params: { value: unknown }) => format.time(String(params.value)) } },
    },
    yAxis: { type: 'value', name: labels.unit, axisLabel: { formatter: (value: number) => format.energy(Math.abs(value)).replace(/\s*kWh$/, '') } },
    dataZoom: long
      ? [
          { type: 'inside', throttle: 50, startValue, endValue },
          { type: 'slider', height: 22, bottom: 12, startValue, endValue, labelFormatter: (index: number) => format.time(data.starts[index] ?? '') },
        ]
      : [],
    series,
  };
}

export interface SankeyLabels {
  readonly node: (node: FlowNode) => string;
  readonly estimatedPart: (text: string) => string;
  readonly unattestedPart: (text: string) => string;
}

const NODE_COLORS: Readonly<Record<FlowNode['kind'], string>> = {
  source: SOURCE_COLORS.other,
  self: FLOW_COLORS.self,
  community: FLOW_COLORS.shared,
  member: '#5c7cfa',
  other_members: '#91a7ff',
  main_supply_in: FLOW_COLORS.mainIn,
  main_supply_out: FLOW_COLORS.mainOut,
};

interface SankeyTooltipParams {
  readonly dataType?: string;
  readonly data?: { readonly source?: string; readonly target?: string; readonly name?: string; readonly estimatedWh?: number; readonly unattestedWh?: number; readonly value?: number };
  readonly value?: number;
}

/** Sources → self-consumption / community → members / main supply; links of 0 Wh are left out. */
export function sankeyOption(flows: EnergyFlows, labels: SankeyLabels, format: ChartFormat): EChartsCoreOption {
  const links = flows.links.filter((link) => link.wh > 0);
  const used = new Set(links.flatMap((link) => [link.from, link.to]));
  const nodes = flows.nodes.filter((node) => used.has(node.id));
  const nameOf = new Map(nodes.map((node) => [node.id, labels.node(node)]));
  const htmlName = (id: string | undefined) => escapeHtml(nameOf.get(id ?? '') ?? '');
  const describe = (wh: number, estimatedWh: number, unattestedWh: number) => {
    const parts = [format.energy(kwh(wh))];
    if (estimatedWh > 0) parts.push(labels.estimatedPart(format.energy(kwh(estimatedWh))));
    if (unattestedWh > 0) parts.push(labels.unattestedPart(format.energy(kwh(unattestedWh))));
    return parts.join('<br/>');
  };
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: SankeyTooltipParams) => {
        const d = params.data ?? {};
        if (params.dataType === 'edge') {
          return `${htmlName(d.source)} → ${htmlName(d.target)}<br/>${describe((d.value ?? 0) * 1000, d.estimatedWh ?? 0, d.unattestedWh ?? 0)}`;
        }
        return `${htmlName(d.name)}<br/>${format.energy(params.value ?? 0)}`;
      },
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 150,
        top: 12,
        bottom: 12,
        nodeGap: 10,
        draggable: false,
        layoutIterations: 32,
        emphasis: { focus: 'adjacency' },
        label: { formatter: (params: { name: string }) => nameOf.get(params.name) ?? params.name },
        lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.45 },
        data: nodes.map((node) => ({
          name: node.id,
          itemStyle: { color: node.source ? SOURCE_COLORS[node.source] : NODE_COLORS[node.kind] },
        })),
        links: links.map((link) => ({
          source: link.from,
          target: link.to,
          value: kwh(link.wh),
          estimatedWh: link.estimatedWh,
          unattestedWh: link.unattestedWh,
          // Energy resting on estimates or stock meters is drawn fainter: visible, not hidden.
          lineStyle: link.estimatedWh + link.unattestedWh > link.wh / 2 ? { opacity: 0.2 } : undefined,
        })),
      },
    ],
  };
}
