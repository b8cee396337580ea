import { describe, expect, it } from 'vitest';
import type { Bill, HourPrice } from '@contract';
import { billOption, priceOption } from './tariff-charts.js';
import { definitionFromForm, emptyTariffForm, formFromDefinition } from './tariff-form.js';

const u = { rateFromUnits: (x: number) => Math.round(x * 100_000), rateToUnits: (m: number) => m / 100_000, moneyFromUnits: (x: number) => Math.round(x * 100), moneyToUnits: (m: number) => m / 100 };
const labels = { weekday: (d: number) => ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'][d]!, rate: 'Rate', withTax: 'With tax', format: (m: number) => String(m) };

describe('tariff preview charts', () => {
  it('draws a time-of-use window exactly over its hours, the last hour included', () => {
    // Evening peak 18:00–22:00 at 35, night 0:00–6:00 at 10, else 20 (what the core's preview gives).
    const rate = (hour: number) => (hour >= 18 && hour < 22 ? 35 : hour < 6 ? 10 : 20);
    const day: HourPrice[] = Array.from({ length: 24 }, (_, hour) => ({ weekday: 0, hour, label: '', rateMilliPerKwh: rate(hour), withTaxMilliPerKwh: rate(hour) * 2 }));
    const series = priceOption(day, labels).series as { step: string; data: [number, number][] }[];
    for (const line of series) {
      // ECharts' step 'end': from each point the line runs flat to the next point's x, then jumps.
      expect(line.step).toBe('end');
      const drawn = (x: number) => line.data.filter(([at]) => at <= x).pop()![1];
      const jumps = line.data.filter(([, y], i) => i > 0 && y !== line.data[i - 1]![1]).map(([x]) => x);
      expect(jumps).toEqual([6, 18, 22]);
      // Every hour, 23:00–24:00 too, is drawn at that hour's price, and the line ends at 24:00.
      for (let hour = 0; hour < 24; hour++) expect(drawn(hour + 0.5) / (line === series[0] ? 1 : 2)).toBe(rate(hour));
      expect(line.data[line.data.length - 1]).toEqual([24, line === series[0] ? 20 : 40]);
    }
    expect(priceOption(day, labels).xAxis).toMatchObject({ type: 'value', min: 0, max: 24 });
  });

  it('labels hours of one day, and weekday+hour across a week', () => {
    const day: HourPrice[] = Array.from({ length: 24 }, (_, hour) => ({ weekday: 0, hour, label: '', rateMilliPerKwh: hour, withTaxMilliPerKwh: hour * 2 }));
    const axis = priceOption(day, labels).xAxis as { axisLabel: { formatter: (x: number) => string } };
    expect([0, 1, 24].map(axis.axisLabel.formatter)).toEqual(['00:00', '01:00', '24:00']);
    const week = [0, 1].flatMap((weekday) => day.map((h) => ({ ...h, weekday })));
    const weekAxis = priceOption(week, labels).xAxis as { max: number; axisLabel: { formatter: (x: number) => string } };
    expect(weekAxis.axisLabel.formatter(24)).toBe('Tu 00h');
    expect(weekAxis.max).toBe(48);
  });

  it('stacks every charge line of the sample bill', () => {
    const bill: Bill = { from: '', to: '', energyWh: 1, totalMinor: 30, limitBreaches: [], lines: [
      { code: 'energy', label: '', quantityWh: 1, rateMilliPerKwh: 1, amountMinor: 20 },
      { code: 'tax', label: '', quantityWh: null, rateMilliPerKwh: null, amountMinor: 10 },
    ] };
    const series = billOption(bill, { line: (c) => c, money: (m) => `${m}`, rate: (m) => `${m}/kWh` }, 'April').series as { name: string; stack: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.stack, s.data[0]])).toEqual([['energy', 'bill', 20], ['tax', 'bill', 10]]);
  });
  it('tells energy parts apart by price and colour, and keeps the legend off the bar', () => {
    const bill: Bill = { from: '', to: '', energyWh: 3, totalMinor: 60, limitBreaches: [], lines: [
      { code: 'energy', label: 'Energy, peak (18:00–22:00)', quantityWh: 1, rateMilliPerKwh: 35, amountMinor: 20 },
      { code: 'energy', label: 'Energy, other hours', quantityWh: 2, rateMilliPerKwh: 20, amountMinor: 30 },
      { code: 'fixed_fee', label: 'Fixed fee', quantityWh: null, rateMilliPerKwh: null, amountMinor: 10 },
    ] };
    const option = billOption(bill, { line: (c) => ({ energy: 'Énergie', fixed_fee: 'Abonnement' })[c as 'energy'] ?? c, money: (m) => `${m}`, rate: (m) => `${m} €/kWh` }, 'Avril');
    const series = option.series as { name: string; itemStyle: { color: string } }[];
    expect(series.map((s) => s.name)).toEqual(['Énergie · 35 €/kWh', 'Énergie · 20 €/kWh', 'Abonnement']);
    expect(new Set(series.map((s) => s.itemStyle.color)).size).toBe(3);
    expect(option.legend).toMatchObject({ bottom: 0 });
  });
  it('draws one price line when tax adds nothing, two when it does', () => {
    const flat: HourPrice[] = Array.from({ length: 24 }, (_, hour) => ({ weekday: 0, hour, label: '', rateMilliPerKwh: 20, withTaxMilliPerKwh: 20 }));
    expect((priceOption(flat, labels).series as unknown[]).length).toBe(1);
    const taxed = flat.map((h) => ({ ...h, withTaxMilliPerKwh: 23 }));
    expect((priceOption(taxed, labels).series as unknown[]).length).toBe(2);
  });
});

describe('tariff form', () => {
  it('round-trips time-of-use and tiered definitions in core units', () => {
    const tou = { energy: { mode: 'time_of_use' as const, baseRateMilliPerKwh: 2_000_000, windows: [{ label: 'Peak', weekdays: [0, 4], startHour: 18, endHour: 22, rateMilliPerKwh: 3_500_000 }] }, fixedMonthlyMinor: 20_000, gridFeeMilliPerKwh: 300_000, taxBps: 1_600, loadLimitW: 2_500, dailyEnergyLimitWh: 8_000 };
    expect(definitionFromForm(formFromDefinition(tou, u), u)).toEqual(tou);
    const tiered = { energy: { mode: 'tiered' as const, blocks: [{ upToWh: 50_000, rateMilliPerKwh: 1_000_000 }, { upToWh: null, rateMilliPerKwh: 2_500_000 }], lifeline: { allowanceWh: 30_000, rateMilliPerKwh: 500_000, waiveFixedFee: true } }, fixedMonthlyMinor: 0, gridFeeMilliPerKwh: 0, taxBps: 0, loadLimitW: null, dailyEnergyLimitWh: null };
    expect(definitionFromForm(formFromDefinition(tiered, u), u)).toEqual(tiered);
  });
  it('sends a blank rate as -1 so the core names it', () => {
    expect(definitionFromForm(emptyTariffForm(), u).energy).toEqual({ mode: 'flat', rateMilliPerKwh: -1 });
  });
});
