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
  const category = hours.map((h) => (week ? `${labels.weekday(h.weekday)} ${String(h.hour).padStart(2, '0')}h` : `${String(h.hour).padStart(2, '0')}:00`));
  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    tooltip: { trigger: 'axis', valueFormatter: (v) => labels.format(Number(v)) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: category, axisLabel: { interval: week ? 23 : 2 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => labels.format(v) } },
    series: [
      { type: 'line', name: labels.rate, step: 'start', showSymbol: false, data: hours.map((h) => h.rateMilliPerKwh), lineStyle: { width: 2 }, itemStyle: { color: '#2f8f5b' }, areaStyle: { opacity: 0.12 } },
      { type: 'line', name: labels.withTax, step: 'start', showSymbol: false, data: hours.map((h) => h.withTaxMilliPerKwh), lineStyle: { width: 1, type: 'dashed' }, itemStyle: { color: '#e8684a' } },
    ],
  };
}

/** One horizontal stacked bar: each charge line is a segment, so the total reads at the end. */
export function billOption(bill: Bill, lineLabel: (code: ChargeLineCode) => string, money: (minor: number) => string, barLabel: string, axisMoney: (minor: number) => string = money): TariffChartOption {
  // Several lines of one kind (e.g. one energy line per time-of-use window) keep the core's label apart.
  const shared = (code: ChargeLineCode) => bill.lines.filter((line) => line.code === code).length > 1;
  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    tooltip: { trigger: 'item', formatter: (p) => { const item = p as unknown as { seriesName: string; value: number }; return `${item.seriesName}: ${money(item.value)}`; } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    yAxis: { type: 'category', data: [barLabel] },
    xAxis: { type: 'value', splitNumber: 4, axisLabel: { formatter: (v: number) => axisMoney(v), hideOverlap: true } },
    series: bill.lines.map((line) => ({
      type: 'bar',
      stack: 'bill',
      name: shared(line.code) && line.label ? `${lineLabel(line.code)} · ${line.label}` : lineLabel(line.code),
      barMaxWidth: 44,
      itemStyle: { color: LINE_COLORS[line.code] },
      data: [line.amountMinor],
    })),
  };
}
