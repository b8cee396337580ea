import { describe, expect, it } from 'vitest';
import { localizeNumbers } from './localize-numbers.js';

type Fn = (value: unknown) => string;
const narrow = (text: string) => text.replace(/\s/g, ' '); // French groups with a narrow no-break space

describe('localizeNumbers', () => {
  const option = {
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: ['a', 'b'] },
    yAxis: [{ type: 'value' }, { type: 'value', axisLabel: { formatter: (v: number) => `${v} W` } }],
    series: [
      { type: 'bar', data: [2500, 1.5], label: { show: true } },
      { type: 'line', data: [[1, 2]], label: { show: true } },
    ],
  };

  it('writes axis labels, tooltip values and bar labels in French', () => {
    const fr = localizeNumbers(option, 'fr') as unknown as {
      tooltip: { valueFormatter: Fn };
      yAxis: Array<{ axisLabel: { formatter: Fn } }>;
      series: Array<{ label: { formatter?: (p: { value: unknown }) => string } }>;
    };
    expect(narrow(fr.yAxis[0]!.axisLabel.formatter(2500))).toBe('2 500');
    expect(fr.tooltip.valueFormatter(1.5)).toBe('1,5');
    expect(narrow(fr.series[0]!.label.formatter!({ value: 2500 }))).toBe('2 500');
  });

  it('keeps what a chart chose itself and leaves categories and encoded data alone', () => {
    const fr = localizeNumbers(option, 'fr') as unknown as {
      xAxis: { axisLabel?: unknown };
      yAxis: Array<{ axisLabel: { formatter: Fn } }>;
      series: Array<{ label: { formatter?: unknown } }>;
    };
    expect(fr.xAxis.axisLabel).toBeUndefined();
    expect(fr.yAxis[1]!.axisLabel.formatter(3)).toBe('3 W');
    expect(fr.series[1]!.label.formatter).toBeUndefined();
    expect(option.yAxis[0]).toEqual({ type: 'value' }); // the input is not changed
  });

  it('writes English numbers the English way', () => {
    const en = localizeNumbers({ yAxis: {} }, 'en') as unknown as { yAxis: { axisLabel: { formatter: Fn } } };
    expect(en.yAxis.axisLabel.formatter(2500)).toBe('2,500');
  });
});
