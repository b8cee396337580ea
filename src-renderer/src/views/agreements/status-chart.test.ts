import { describe, expect, it } from 'vitest';
import { statusOption } from './status-chart.js';
import { STATUS_COLOR } from './agreement-status.js';

describe('statusOption', () => {
  it('draws one bar per status in the given order with the status colours', () => {
    const option = statusOption([{ status: 'draft', count: 2 }, { status: 'active', count: 5 }], (s) => `[${s}]`, 'Agreements');
    expect((option.xAxis as { data: string[] }).data).toEqual(['[draft]', '[active]']);
    const data = (option.series as { data: { value: number; itemStyle: { color: string } }[] }[])[0]!.data;
    expect(data.map((d) => [d.value, d.itemStyle.color])).toEqual([[2, STATUS_COLOR.draft], [5, STATUS_COLOR.active]]);
  });
});
