import { describe, expect, it } from 'vitest';
import { capacityOption, KIND_COLORS } from './capacity-chart.js';

describe('capacityOption', () => {
  it('stacks one series per kind over the sites, in the kind colours', () => {
    const option = capacityOption({ sites: ['A', 'B'], kinds: ['solar', 'wind'], watts: [[3000, 0], [500, 700]] }, (k) => k.toUpperCase(), (w) => `${w} W`);
    const series = option.series as { name: string; stack: string; data: number[]; itemStyle: { color: string } }[];
    expect(series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['SOLAR', 'capacity', [3000, 0]],
      ['WIND', 'capacity', [500, 700]],
    ]);
    expect(series[1]?.itemStyle.color).toBe(KIND_COLORS.wind);
    expect((option.xAxis as { data: string[] }).data).toEqual(['A', 'B']);
  });
});
