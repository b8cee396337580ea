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

export function priceOption(hours: readonly HourPrice[], labels: PriceLabels): TariffChartOption {
  const week = new Set(hours.map((h) => h.weekday)).size > 1;
  const taxed = hours.some((h) => h.withTaxMilliPerKwh !== h.rateMilliPerKwh);
  const category = hours.map((h) => (week ? `${labels.weekday(h.weekday)} ${String(h.hour).padStart(2, '0')}h` : `${String(h.hour).padStart(2, '0')}:00`));
  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    tooltip: { trigger: 'axis', valueFormatter: (v) => labels.format(Number(v)) },
    legend: { top: 0, show: taxed },
    grid: { left: 8, right: 16, top: taxed ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: category, axisLabel: { interval: week ? 23 : 2 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => labels.format(v) } },
    series: [
      { type: 'line', name: labels.rate, step: 'start', showSymbol: false, data: hours.map((h) => h.rateMilliPerKwh), lineStyle: { width: 2 }, itemStyle: { color: '#2f8f5b' }, areaStyle: { opacity: 0.12 } },
      // Without tax both lines are the same: one line says it, two on top of each other only confuse.
      ...(taxed ? [{ type: 'line' as const, name: labels.withTax, step: 'start' as const, showSymbol: false, data: hours.map((h) => h.withTaxMilliPerKwh), lineStyle: { width: 1, type: 'dashed' as const }, itemStyle: { color: '#e8684a' } }] : []),
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
