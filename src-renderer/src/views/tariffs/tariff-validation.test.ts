import { describe, expect, it } from 'vitest';
import { emptyTariffForm } from './tariff-form.js';
import { validateTariffForm, visibleErrors } from './tariff-validation.js';

describe('tariff editor checks', () => {
  it('asks for the price of the chosen mode only', () => {
    const form = emptyTariffForm();
    expect(validateTariffForm(form)).toEqual({ 'energy.rateMilliPerKwh': 'enterPrice' });
    expect(validateTariffForm({ ...form, flatRateUnits: 0 })).toEqual({});
    expect(validateTariffForm({ ...form, flatRateUnits: -0.5 })).toEqual({ 'energy.rateMilliPerKwh': 'priceNegative' });
  });

  it('names every empty tiered price, the lifeline rate when offered, and time-of-use window gaps', () => {
    const tiered = { ...emptyTariffForm(), mode: 'tiered' as const, lifelineOn: true };
    tiered.blocks = [{ upToKwh: 50, rateUnits: 12 }, { upToKwh: null, rateUnits: null }];
    expect(validateTariffForm(tiered)).toEqual({ 'energy.blocks.1.rateMilliPerKwh': 'enterPrice', 'energy.lifeline.rateMilliPerKwh': 'enterPrice' });
    const tou = { ...emptyTariffForm(), mode: 'time_of_use' as const, baseRateUnits: 20 };
    tou.windows = [{ label: ' ', weekdays: [0], startHour: null, endHour: 22, rateUnits: -1 }];
    expect(validateTariffForm(tou)).toEqual({ 'energy.windows.0.label': 'nameWindow', 'energy.windows.0.startHour': 'chooseHours', 'energy.windows.0.rateMilliPerKwh': 'priceNegative' });
  });

  it('refuses a negative price, also in the optional fees, and text that is no number', () => {
    const flat = { ...emptyTariffForm(), flatRateUnits: -5, fixedMonthlyUnits: -1, gridFeeUnits: 0 };
    expect(validateTariffForm(flat)).toEqual({ 'energy.rateMilliPerKwh': 'priceNegative', fixedMonthlyMinor: 'priceNegative' });
    expect(validateTariffForm({ ...emptyTariffForm(), flatRateUnits: Number.NaN })).toEqual({ 'energy.rateMilliPerKwh': 'enterPrice' });
  });

  it('shows a message only after its field was left or a save was tried; its own check wins', () => {
    const client = { 'energy.rateMilliPerKwh': 'Enter a price' };
    const server = { 'energy.rateMilliPerKwh': 'A rate cannot be negative', 'energy.windows': 'overlap', taxBps: 'At most 100 %' };
    expect(visibleErrors({ client, server, touched: new Set(), attempted: false })).toEqual({});
    expect(visibleErrors({ client, server, touched: new Set(['energy.rateMilliPerKwh']), attempted: false })).toEqual({ 'energy.rateMilliPerKwh': 'Enter a price' });
    expect(visibleErrors({ client, server, touched: new Set(['energy.windows.1.startHour']), attempted: false })).toEqual({ 'energy.windows': 'overlap' });
    expect(visibleErrors({ client, server, touched: new Set(), attempted: true })).toEqual({ 'energy.rateMilliPerKwh': 'Enter a price', 'energy.windows': 'overlap', taxBps: 'At most 100 %' });
  });
});
