// Energy area charts: sources without energy stay out of the legend, export is drawn below the
// axis, long series are sampled with a zoom and no animation, estimated/unattested energy gets
// its own marked lines only when there is some, and the Sankey leaves out empty links, keeps node
// ids apart from (escaped) member names and says how much of a link is estimated.
import { describe, expect, it } from 'vitest';
import { LONG_SERIES, escapeHtml, sankeyOption, seriesOption, type SankeyLabels, type SeriesLabels } from './energy-charts.js';
import { flowsOf, seriesOf } from '../../stores/energy-fixtures.js';

type Series = { name: string; data: (number | null)[]; sampling?: string; stack?: string; lineStyle?: { type?: string } };
const labels: SeriesLabels = {
  source: (s) => `gen ${s}`, consumption: 'cons', self: 'self', shared: 'shared', mainIn: 'in', mainOut: 'out', estimated: 'est', unattested: 'unatt', unit: 'kWh',
};
const format = { time: (iso: string) => `t${iso.slice(11, 16)}`, energy: (kwh: number) => `${kwh} kWh` };
const seriesOfOption = (option: object) => (option as { series: Series[] }).series;

describe('energy series chart', () => {
  it('stacks generation by source present, in kWh, with export below the axis', () => {
    const series = seriesOfOption(seriesOption(seriesOf(4), labels, format));
    expect(series.map((s) => s.name)).toEqual(['gen solar', 'gen wind', 'cons', 'self', 'shared', 'in', 'out']);
    expect(series[0]?.stack).toBe('generation');
    expect(series[0]?.data).toEqual([0.1, 0.101, 0.102, 0.103]);
    expect(series.find((s) => s.name === 'out')?.data).toEqual([-0.03, -0.03, -0.03, -0.03]);
  });

  it('marks estimated and unattested energy with dotted lines when the period has some', () => {
    const data = seriesOf(3, { estimatedWh: [0, 250, 0], unattestedWh: [10, 0, 0] });
    const series = seriesOfOption(seriesOption(data, labels, format));
    const estimated = series.find((s) => s.name === 'est');
    expect(estimated?.data).toEqual([0, 0.25, 0]);
    expect(estimated?.lineStyle?.type).toBe('dotted');
    expect(series.find((s) => s.name === 'unatt')?.lineStyle?.type).toBe('dotted');
  });

  it('samples a long series the same way for every series, with a zoom and no animation', () => {
    const short = seriesOption(seriesOf(LONG_SERIES), labels, format) as { animation: boolean; dataZoom: unknown[] };
    expect(short.animation).toBe(true);
    expect(short.dataZoom).toEqual([]);
    const long = seriesOption(seriesOf(35_040), labels, format) as { animation: boolean; dataZoom: unknown[]; xAxis: { data: string[] } };
    expect(long.animation).toBe(false);
    expect(long.dataZoom).toHaveLength(2);
    // A year opens on its last month; the slider widens it.
    expect(long.dataZoom).toEqual([expect.objectContaining({ startValue: 35_040 - 2976, endValue: 35_039 }), expect.objectContaining({ startValue: 35_040 - 2976 })]);
    expect(long.xAxis.data).toHaveLength(35_040);
    expect(new Set(seriesOfOption(long).map((s) => s.sampling))).toEqual(new Set(['average']));
  });

  it('draws a bucket without flows as a gap, not as zero energy', () => {
    const data = seriesOf(4, { computedPerBucket: [96, 0, 96, 0] });
    const series = seriesOfOption(seriesOption(data, labels, format));
    expect(series.find((s) => s.name === 'cons')?.data).toEqual([0.12, null, 0.12, null]);
    expect(series.find((s) => s.name === 'gen solar')?.data).toEqual([0.1, null, 0.102, null]);
    expect(series.find((s) => s.name === 'out')?.data).toEqual([-0.03, null, -0.03, null]);
  });

  it('opens the year in progress on its last month with flows, not on the weeks to come', () => {
    const known = 30_000; // flows up to here; the rest of the year has not happened yet
    const data = seriesOf(35_040, { computedPerBucket: Array.from({ length: 35_040 }, (_, i) => (i < known ? 1 : 0)) });
    const option = seriesOption(data, labels, format) as { dataZoom: unknown[] };
    expect(option.dataZoom).toEqual([expect.objectContaining({ startValue: known - 2976, endValue: known - 1 }), expect.objectContaining({ startValue: known - 2976, endValue: known - 1 })]);
    const nothing = seriesOption(seriesOf(35_040, { computedPerBucket: new Array<number>(35_040).fill(0) }), labels, format) as { dataZoom: unknown[] };
    expect(nothing.dataZoom).toEqual([expect.objectContaining({ startValue: 35_040 - 2976, endValue: 35_039 }), expect.anything()]);
  });
});

describe('energy Sankey', () => {
  const sankeyLabels: SankeyLabels = {
    node: (node) => node.label,
    estimatedPart: (text) => `${text} est.`,
    unattestedPart: (text) => `${text} unatt.`,
  };
  type Sankey = { data: { name: string }[]; links: { source: string; target: string; value: number }[]; label: { formatter: (p: { name: string }) => string } };
  const option = sankeyOption(flowsOf(), sankeyLabels, format) as { series: Sankey[]; tooltip: { formatter: (p: object) => string } };
  const sankey = option.series[0]!;

  it('leaves out links without energy and the nodes only they touched', () => {
    expect(sankey.links.map((l) => `${l.source}>${l.target}:${l.value}`)).toEqual(['source:solar>self:6', 'source:solar>community:4', 'community>member:2:3', 'community>main_out:1']);
    expect(sankey.data.map((n) => n.name)).not.toContain('main_in');
  });

  it('names nodes by their label, and tooltips escape names and give the estimated part', () => {
    expect(sankey.label.formatter({ name: 'member:2' })).toBe('Baraka <b>Otieno</b>');
    const edge = option.tooltip.formatter({ dataType: 'edge', data: { source: 'community', target: 'member:2', value: 3, estimatedWh: 500, unattestedWh: 0 } });
    expect(edge).toBe('Community → Baraka &#60;b&#62;Otieno&#60;/b&#62;<br/>3 kWh<br/>0.5 kWh est.');
    expect(escapeHtml(`"a"&'b'`)).toBe('&#34;a&#34;&#38;&#39;b&#39;');
  });
});
