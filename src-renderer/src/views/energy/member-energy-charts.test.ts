// Member energy charts: bars stack own generation, the community by source and the main supply
// (which add up to the day's use), estimated energy gets a dotted line, and the donut lists only
// sources the member used, the main supply among them.
import { describe, expect, it } from 'vitest';
import { communityTotal, dailyBarsOption, selfTotal, sourceDonutOption, usedBySource, type MemberChartLabels } from './member-energy-charts.js';
import { memberDay, memberEnergyOf, mix } from '../../stores/energy-fixtures.js';

const labels: MemberChartLabels = {
  self: 'self', community: (s) => `community ${s}`, mainIn: 'main', estimated: 'est', unattested: 'unatt', source: (s) => s, mainSupply: 'main supply', unit: 'kWh',
};
const energy = memberEnergyOf([
  memberDay('2026-11-01', { consumptionWh: 5000, selfBySource: mix({ solar: 2000 }), poolReceivedBySource: mix({ wind: 1500 }), p2pReceivedBySource: mix({ solar: 500 }), mainImportWh: 1000 }),
  memberDay('2026-11-02', { consumptionWh: 3000, selfBySource: mix({ solar: 1000 }), poolReceivedBySource: mix({ wind: 1000 }), mainImportWh: 1000, estimatedWh: 400 }),
]);

describe('member energy charts', () => {
  it('stacks self, community by source and main supply, adding up to the use of each day', () => {
    const option = dailyBarsOption(energy, labels, (d) => d, (v) => `${v}`) as { series: { name: string; stack?: string; data: number[] }[] };
    const bars = option.series.filter((s) => s.stack === 'used');
    expect(bars.map((s) => s.name)).toEqual(['self', 'community solar', 'community wind', 'main']);
    energy.days.forEach((day, i) => expect(bars.reduce((sum, s) => sum + (s.data[i] ?? 0), 0) * 1000).toBeCloseTo(day.consumptionWh, 6));
    expect(option.series.find((s) => s.name === 'est')?.data).toEqual([0, 0.4]);
    expect(option.series.some((s) => s.name === 'unatt')).toBe(false);
  });

  it('gives the donut the sources used and the main supply', () => {
    expect(usedBySource(energy.total)).toEqual([
      { source: 'solar', wh: 3500 },
      { source: 'wind', wh: 2500 },
      { source: 'main', wh: 2000 },
    ]);
    const option = sourceDonutOption(energy, labels, (v) => `${v}`, (p) => `${p}%`) as { series: { data: { name: string; value: number }[] }[] };
    expect(option.series[0]?.data.map((d) => [d.name, d.value])).toEqual([['solar', 3.5], ['wind', 2.5], ['main supply', 2]]);
    expect(selfTotal(energy.total) + communityTotal(energy.total) + energy.total.mainImportWh).toBe(energy.total.consumptionWh);
  });
});
