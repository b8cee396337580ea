// Tariff preview → ECharts: the price per hour across a day or a week (step line, energy+grid fee
// and with tax), and the bill of a sample month as one stacked bar of its charge lines.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { Bill, ChargeLineCode, HourPrice } from '@contract';

export type TariffChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

const LINE_COLORS: Record<ChargeLineCode, string> = { energy: '#5b8ff9', lifeline: '#3aa56b', fixed_fee: '#9270ca', grid_fee: '#f6bd16', tax: '#e8684a' };

export interface PriceLabels {
  weekday(day: number): string;
  rate: string;
  withTax: string;
  /** Formats milli-minor/kWh for axis and tooltip. */
  format(milli: number): string;
}

/**
 * Points of a step line on an hour axis: the price of hour h holds from h to h+1, so each point sits
 * at the start of its hour and a last point closes the final hour (24:00, or 168 for a week). Drawn
 * with step 'end' (horizontal first, then the jump), a window 18–22 changes price exactly at 18 and 22.
 */
export function hourSteps(hours: readonly HourPrice[], value: (h: HourPrice) => number): [number, number][] {
  const points = hours.map((h): [number, number] => [h.weekday * 24 + h.hour, value(h)]);
  const last = points[points.length - 1];
  if (last) points.push([last[0] + 1, last[1]]);
  return points;
}

export function priceOption(hours: readonly HourPrice[], labels: PriceLabels): TariffChartOption {
  const days = [...new Set(hours.map((h) => h.weekday))];
  const week = days.length > 1;
  const taxed = hours.some((h) => h.withTaxMilliPerKwh !== h.rateMilliPerKwh);
  const first = (days[0] ?? 0) * 24;
  const hourLabel = (x: number) => (week ? `${labels.weekday(Math.floor(x / 24) % 7)} ${String(x % 24).padStart(2, '0')}h` : `${String(x - first).padStart(2, '0')}:00`);
  const byX = new Map(hours.map((h) => [h.weekday * 24 + h.hour, h]));
  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    tooltip: {
      trigger: 'axis',
      // The hour under the pointer and its price: "18:00–19:00 · Evening peak".
      formatter: (params) => {
        const list = (Array.isArray(params) ? params : [params]) as unknown as { value: [number, number]; seriesName: string; marker: string }[];
        const x = Math.min(Math.floor(list[0]?.value[0] ?? 0), first + hours.length - 1);
        const hour = byX.get(x);
        const head = `${hourLabel(x)}–${hourLabel(x + 1).replace(/^\S+ /, '')}${hour?.label ? ` · ${hour.label}` : ''}`;
        return [head, ...list.map((p) => `${p.marker}${p.seriesName}: ${labels.format(Number(p.value[1]))}`)].join('<br/>');
      },
    },
    legend: { top: 0, show: taxed },
    grid: { left: 8, right: 16, top: taxed ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: first, max: first + hours.length, interval: week ? 24 : 3, axisLabel: { formatter: (x: number) => hourLabel(x), hideOverlap: true }, splitLine: { show: false } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => labels.format(v) } },
    series: [
      { type: 'line', name: labels.rate, step: 'end', showSymbol: false, data: hourSteps(hours, (h) => h.rateMilliPerKwh), lineStyle: { width: 2 }, itemStyle: { color: '#2f8f5b' }, areaStyle: { opacity: 0.12 } },
      // Without tax both lines are the same: one line says it, two on top of each other only confuse.
      ...(taxed ? [{ type: 'line' as const, name: labels.withTax, step: 'end' as const, showSymbol: false, data: hourSteps(hours, (h) => h.withTaxMilliPerKwh), lineStyle: { width: 1, type: 'dashed' as const }, itemStyle: { color: '#e8684a' } }] : []),
    ],
  };
}

/** Shades of the energy colour, so each energy part (time window, block) has its own segment. */
const ENERGY_SHADES = ['#5b8ff9', '#2c5fc9', '#9dbcff', '#1b3f8f', '#c6d8ff', '#436fd6'];

export interface BillLabels {
  line(code: ChargeLineCode): string;
  money(minor: number): string;
  /** Formats milli-minor/kWh, to tell the energy parts apart by their price. */
  rate(milli: number): string;
  axisMoney?(minor: number): string;
}

/**
 * One horizontal stacked bar: each charge line is a segment, so the total reads at the end. Energy
 * parts (one per time window or block) get their own shade and are named by their price, in the
 * operator's language; the legend sits under the bar so no label covers it.
 */
export function billOption(bill: Bill, labels: BillLabels, barLabel: string): TariffChartOption {
  const parts = (code: ChargeLineCode) => bill.lines.filter((line) => line.code === code).length;
  let energyIndex = 0;
  const series = bill.lines.map((line) => {
    const split = parts(line.code) > 1 && line.rateMilliPerKwh !== null;
    const color = line.code === 'energy' ? ENERGY_SHADES[energyIndex++ % ENERGY_SHADES.length]! : LINE_COLORS[line.code];
    return {
      type: 'bar' as const,
      stack: 'bill',
      name: split ? `${labels.line(line.code)} · ${labels.rate(line.rateMilliPerKwh!)}` : labels.line(line.code),
      barMaxWidth: 44,
      itemStyle: { color },
      data: [line.amountMinor],
    };
  });
  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    tooltip: { trigger: 'item', formatter: (p) => { const item = p as unknown as { seriesName: string; value: number }; return `${item.seriesName}: ${labels.money(item.value)}`; } },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 24, top: 8, bottom: 36, containLabel: true },
    yAxis: { type: 'category', data: [barLabel] },
    xAxis: { type: 'value', splitNumber: 4, axisLabel: { formatter: (v: number) => (labels.axisMoney ?? labels.money)(v), hideOverlap: true } },
    series,
  };
}
