// The rating function against hand-computed bills. Rates are milli-minor-units per kWh, so
// charge (minor) = Wh × rate / 1,000,000; every expected number below is worked out in the comment.
import { describe, expect, it } from 'vitest';
import { TariffDefinition, type TariffDefinitionInput } from '../../contract/tariffs.js';
import { rateConsumption, RatingInputError, type ConsumptionInterval } from './rating.js';

const NAIROBI = 'Africa/Nairobi'; // UTC+3, no daylight saving
const def = (input: TariffDefinitionInput) => TariffDefinition.parse(input);
const amounts = (bill: { lines: readonly { amountMinor: number }[] }) => bill.lines.map((l) => l.amountMinor);
/** 15-minute intervals from a UTC start. */
const quarterHours = (startIso: string, whs: number[]): ConsumptionInterval[] =>
  whs.map((importWh, i) => ({ start: new Date(Date.parse(startIso) + i * 900_000).toISOString(), minutes: 15, importWh }));

describe('rateConsumption — flat', () => {
  it('bills Wh × rate and rounds the total half up', () => {
    // 100 + 250 + 333 + 17 = 700 Wh × 25,000 milli/kWh = 17.5 minor → 18
    const bill = rateConsumption({ definition: def({ energy: { mode: 'flat', rateMilliPerKwh: 25_000 } }), timeZone: NAIROBI, from: '2026-03-02', to: '2026-03-02', intervals: quarterHours('2026-03-02T05:00:00Z', [100, 250, 333, 17]) });
    expect(bill.energyWh).toBe(700);
    expect(bill.lines).toEqual([{ code: 'energy', label: 'Energy', quantityWh: 700, rateMilliPerKwh: 25_000, amountMinor: 18 }]);
    expect(bill.totalMinor).toBe(18);
  });

  it('gives the missing unit to the line with the largest remainder so lines sum to the total', () => {
    // energy 17.5, grid fee 700 × 3,333 / 1e6 = 2.3331; total 19.8331 → 20; floors 17 + 2 = 19; +1 to energy (.5 > .3331)
    const bill = rateConsumption({ definition: def({ energy: { mode: 'flat', rateMilliPerKwh: 25_000 }, gridFeeMilliPerKwh: 3_333 }), timeZone: NAIROBI, from: '2026-03-02', to: '2026-03-02', intervals: quarterHours('2026-03-02T05:00:00Z', [100, 250, 333, 17]) });
    expect(amounts(bill)).toEqual([18, 2]);
    expect(bill.totalMinor).toBe(20);
  });

  it('taxes the exact base, not the rounded lines', () => {
    // energy 17.5, tax 16 % of 17.5 = 2.8; total 20.3 → 20; floors 17 + 2; +1 to tax (.8 > .5)
    const bill = rateConsumption({ definition: def({ energy: { mode: 'flat', rateMilliPerKwh: 25_000 }, taxBps: 1_600 }), timeZone: NAIROBI, from: '2026-03-02', to: '2026-03-02', intervals: quarterHours('2026-03-02T05:00:00Z', [100, 250, 333, 17]) });
    expect(bill.lines.map((l) => [l.code, l.amountMinor])).toEqual([['energy', 17], ['tax', 3]]);
    expect(bill.lines[1]!.label).toBe('Tax 16 %');
    expect(bill.totalMinor).toBe(20);
  });
});

describe('rateConsumption — time of use', () => {
  const tou = def({
    energy: { mode: 'time_of_use', baseRateMilliPerKwh: 20_000, windows: [{ label: 'Evening peak', weekdays: [0, 1, 2, 3, 4], startHour: 18, endHour: 22, rateMilliPerKwh: 40_000 }] },
  });

  it('splits an interval that straddles the window boundary by minutes', () => {
    // 2026-03-02 is a Monday. 17:45–18:15 local (14:45Z, 30 min) with 301 Wh → 151 Wh before 18:00 (earlier part
    // takes the odd Wh), 150 Wh after; plus 18:15–18:30 local 100 Wh. Peak 250 Wh × 40,000 = 10; other 151 × 20,000 = 3.02
    const intervals = [
      { start: '2026-03-02T14:45:00Z', minutes: 30, importWh: 301 },
      { start: '2026-03-02T15:15:00Z', minutes: 15, importWh: 100 },
    ];
    const bill = rateConsumption({ definition: tou, timeZone: NAIROBI, from: '2026-03-02', to: '2026-03-02', intervals });
    expect(bill.lines.map((l) => [l.label, l.quantityWh, l.amountMinor])).toEqual([
      ['Energy, Evening peak (18:00–22:00)', 250, 10],
      ['Energy, other hours', 151, 3],
    ]);
    expect(bill.totalMinor).toBe(13);
  });

  it('uses local hours and weekdays: Saturday evening is off-peak, and 18:00 local is 15:00 UTC', () => {
    // Saturday 2026-03-07 18:00 local: 1,000 Wh at the base rate = 20. Monday 17:00 UTC = 20:00 local: 1,000 Wh peak = 40.
    const intervals = [
      { start: '2026-03-02T17:00:00Z', minutes: 60, importWh: 1_000 },
      { start: '2026-03-07T15:00:00Z', minutes: 60, importWh: 1_000 },
    ];
    const bill = rateConsumption({ definition: tou, timeZone: NAIROBI, from: '2026-03-01', to: '2026-03-31', intervals });
    expect(bill.lines.map((l) => [l.quantityWh, l.amountMinor])).toEqual([[1_000, 40], [1_000, 20]]);
  });
});

describe('rateConsumption — tiered blocks and lifeline', () => {
  const blocks = [
    { upToWh: 50_000, rateMilliPerKwh: 10_000 },
    { upToWh: 200_000, rateMilliPerKwh: 20_000 },
    { upToWh: null, rateMilliPerKwh: 35_000 },
  ];

  it('splits the month total across blocks, an interval crossing a block boundary included', () => {
    // 40,000 + 40,000 (crosses 50 kWh) + 150,000 = 230,000 Wh: 50 kWh × 10 = 500; 150 kWh × 20 = 3,000; 30 kWh × 35 = 1,050
    const bill = rateConsumption({ definition: def({ energy: { mode: 'tiered', blocks } }), timeZone: NAIROBI, from: '2026-03-01', to: '2026-03-31', intervals: quarterHours('2026-03-10T06:00:00Z', [40_000, 40_000, 150_000]) });
    expect(bill.lines.map((l) => [l.quantityWh, l.amountMinor])).toEqual([[50_000, 500], [150_000, 3_000], [30_000, 1_050]]);
    expect(bill.lines[2]!.label).toBe('Energy, block 3 (above 200 kWh per month)');
    expect(bill.totalMinor).toBe(4_550);
  });

  it('resets the blocks each calendar month', () => {
    // 30 kWh in March and 30 kWh in April stay in block 1 each: 60 kWh × 10 = 600
    const intervals = [...quarterHours('2026-03-31T06:00:00Z', [30_000]), ...quarterHours('2026-04-01T06:00:00Z', [30_000])];
    const bill = rateConsumption({ definition: def({ energy: { mode: 'tiered', blocks } }), timeZone: NAIROBI, from: '2026-03-31', to: '2026-04-01', intervals });
    expect(bill.lines.map((l) => [l.quantityWh, l.amountMinor])).toEqual([[60_000, 600]]);
  });

  const lifeline = def({ energy: { mode: 'tiered', blocks, lifeline: { allowanceWh: 30_000, rateMilliPerKwh: 5_000, waiveFixedFee: true } }, fixedMonthlyMinor: 10_000 });

  it('bills a month within the lifeline allowance at the lifeline rate, fixed fee waived', () => {
    // 25,000 Wh ≤ 30,000: 25 kWh × 5 = 125; no fixed fee
    const bill = rateConsumption({ definition: lifeline, timeZone: NAIROBI, from: '2026-03-01', to: '2026-03-31', intervals: quarterHours('2026-03-05T06:00:00Z', [10_000, 15_000]) });
    expect(bill.lines.map((l) => [l.code, l.quantityWh, l.amountMinor])).toEqual([['lifeline', 25_000, 125]]);
    expect(bill.totalMinor).toBe(125);
  });

  it('bills a month above the allowance on the blocks, with the fixed fee', () => {
    // 35,000 Wh > 30,000: 35 kWh × 10 = 350 in block 1; fixed fee 10,000
    const bill = rateConsumption({ definition: lifeline, timeZone: NAIROBI, from: '2026-03-01', to: '2026-03-31', intervals: quarterHours('2026-03-05T06:00:00Z', [20_000, 15_000]) });
    expect(bill.lines.map((l) => [l.code, l.amountMinor])).toEqual([['energy', 350], ['fixed_fee', 10_000]]);
    expect(bill.totalMinor).toBe(10_350);
  });
});

describe('rateConsumption — fixed fee pro rata', () => {
  it('pro-rates the monthly fee by days per calendar month, lines summing exactly', () => {
    // 17–31 March = 15/31 of 10,000 = 4,838.71; 1–10 April = 10/30 = 3,333.33; total 8,172.04 → 8,172;
    // floors 4,838 + 3,333 = 8,171; +1 to March (.71 > .33)
    const bill = rateConsumption({ definition: def({ energy: { mode: 'flat', rateMilliPerKwh: 25_000 }, fixedMonthlyMinor: 10_000 }), timeZone: NAIROBI, from: '2026-03-17', to: '2026-04-10', intervals: [] });
    expect(bill.lines.map((l) => [l.label, l.amountMinor])).toEqual([
      ['Energy', 0],
      ['Fixed fee 2026-03 (15/31 days)', 4_839],
      ['Fixed fee 2026-04 (10/30 days)', 3_333],
    ]);
    expect(bill.totalMinor).toBe(8_172);
  });

  it('charges a whole month in full', () => {
    const bill = rateConsumption({ definition: def({ energy: { mode: 'flat', rateMilliPerKwh: 0 }, fixedMonthlyMinor: 9_999 }), timeZone: NAIROBI, from: '2026-02-01', to: '2026-02-28', intervals: [] });
    expect(bill.lines.find((l) => l.code === 'fixed_fee')).toMatchObject({ label: 'Fixed fee 2026-02', amountMinor: 9_999 });
  });
});

describe('rateConsumption — limits and bad input', () => {
  const flat = def({ energy: { mode: 'flat', rateMilliPerKwh: 1_000 }, loadLimitW: 2_000, dailyEnergyLimitWh: 1_000 });

  it('reports load and daily-energy limit breaches without charging for them', () => {
    // 600 Wh in 15 min = 2,400 W average > 2,000 W; the day's 600 + 500 = 1,100 Wh > 1,000 Wh
    const bill = rateConsumption({ definition: flat, timeZone: NAIROBI, from: '2026-03-02', to: '2026-03-02', intervals: quarterHours('2026-03-02T05:00:00Z', [600, 500]) });
    expect(bill.limitBreaches).toEqual([
      { kind: 'load', at: '2026-03-02T05:00:00.000Z', value: 2_400, limit: 2_000 },
      { kind: 'daily_energy', at: '2026-03-02', value: 1_100, limit: 1_000 },
    ]);
  });

  it('refuses overlapping intervals and intervals outside the period', () => {
    const overlapping = [
      { start: '2026-03-02T05:00:00Z', minutes: 30, importWh: 1 },
      { start: '2026-03-02T05:15:00Z', minutes: 15, importWh: 1 },
    ];
    expect(() => rateConsumption({ definition: flat, timeZone: NAIROBI, from: '2026-03-02', to: '2026-03-02', intervals: overlapping })).toThrow(RatingInputError);
    // 22:00Z on 2 March is 01:00 on 3 March in Nairobi: outside a period ending on the 2nd.
    expect(() => rateConsumption({ definition: flat, timeZone: NAIROBI, from: '2026-03-02', to: '2026-03-02', intervals: quarterHours('2026-03-02T22:00:00Z', [1]) })).toThrow(/outside the billing period/);
    expect(() => rateConsumption({ definition: flat, timeZone: NAIROBI, from: '2026-03-02', to: '2026-03-02', intervals: [{ start: '2026-03-02T05:00:00Z', minutes: 90, importWh: 1 }] })).toThrow(/1 to 60/);
  });
});

describe('tariff definition validation', () => {
  const issues = (input: unknown) => {
    const result = TariffDefinition.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it('refuses overlapping time-of-use windows, naming both and the first clash', () => {
    const windows = [
      { label: 'Peak', weekdays: [0, 1, 2, 3, 4], startHour: 17, endHour: 21, rateMilliPerKwh: 40_000 },
      { label: 'Shoulder', weekdays: [4, 5], startHour: 20, endHour: 23, rateMilliPerKwh: 30_000 },
    ];
    expect(issues({ energy: { mode: 'time_of_use', baseRateMilliPerKwh: 1, windows } })).toEqual(['Windows "Peak" and "Shoulder" overlap on Fri at 20:00']);
    windows[1]!.startHour = 21;
    expect(issues({ energy: { mode: 'time_of_use', baseRateMilliPerKwh: 1, windows } })).toEqual([]);
  });

  it('refuses negative, fractional and absurd rates', () => {
    expect(issues({ energy: { mode: 'flat', rateMilliPerKwh: -1 } })).toEqual(['A rate cannot be negative']);
    expect(issues({ energy: { mode: 'flat', rateMilliPerKwh: 1.5 } })).toEqual(['Rates are whole milli-minor-units per kWh']);
    expect(issues({ energy: { mode: 'flat', rateMilliPerKwh: 1e12 } })[0]).toMatch(/absurdly high/);
    expect(issues({ energy: { mode: 'flat', rateMilliPerKwh: 1 }, taxBps: 12_000 })).toEqual(['At most 100 %']);
  });

  it('requires tiers to ascend with only the last one open-ended', () => {
    expect(issues({ energy: { mode: 'tiered', blocks: [{ upToWh: 50_000, rateMilliPerKwh: 1 }, { upToWh: 40_000, rateMilliPerKwh: 2 }, { upToWh: null, rateMilliPerKwh: 3 }] } })).toEqual([
      'Blocks must ascend: 40000 Wh is not above the previous 50000 Wh',
    ]);
    expect(issues({ energy: { mode: 'tiered', blocks: [{ upToWh: 50_000, rateMilliPerKwh: 1 }] } })).toEqual(['The last block must be open-ended (no upper limit)']);
    expect(issues({ energy: { mode: 'tiered', blocks: [{ upToWh: null, rateMilliPerKwh: 1 }, { upToWh: null, rateMilliPerKwh: 2 }] } })).toEqual(['Only the last block may be open-ended']);
  });
});
