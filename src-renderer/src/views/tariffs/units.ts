// Integer units of the core (src-main/core/tariffs/README.md) ↔ what an operator reads and types:
// money in minor units, energy rates in milli-minor-units per kWh, shares in basis points, Wh, W.
// Conversions from typed decimals round to the nearest integer unit, so 25.5 → 2,550,000 exactly.
import { computed } from 'vue';
import { useCooperativeStore } from '../../stores/cooperative.js';
import { usePreferencesStore } from '../../stores/preferences.js';

/** Decimal places of a currency's minor unit (KES, EUR 2; XOF, JPY 0). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

const pow10 = (n: number) => 10 ** n;

export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(minor / pow10(digits));
}

/** Rate per kWh in currency units, with up to three digits more than the minor unit (trailing zeros dropped). */
export function formatRate(milliPerKwh: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const value = milliPerKwh / pow10(digits + 3);
  const text = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits + 3 }).format(value);
  return `${text}/kWh`;
}

/** Currency units per kWh (what the editor shows) → milli-minor-units per kWh (what the core stores). */
export function rateFromUnits(units: number, currency: string): number {
  return Math.round(units * pow10(minorDigits(currency) + 3));
}
export function rateToUnits(milliPerKwh: number, currency: string): number {
  return milliPerKwh / pow10(minorDigits(currency) + 3);
}
export function moneyFromUnits(units: number, currency: string): number {
  return Math.round(units * pow10(minorDigits(currency)));
}
export function moneyToUnits(minor: number, currency: string): number {
  return minor / pow10(minorDigits(currency));
}

/** Percent (two decimals) ↔ basis points. */
export const bpsFromPercent = (percent: number) => Math.round(percent * 100);
export const bpsToPercent = (bps: number) => bps / 100;

export function formatPercent(bps: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
}

export function formatEnergy(wh: number, locale: string): string {
  const nf = (value: number, max: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: max }).format(value);
  if (Math.abs(wh) >= 1_000_000) return `${nf(wh / 1_000_000, 2)} MWh`;
  if (Math.abs(wh) >= 1_000) return `${nf(wh / 1_000, 2)} kWh`;
  return `${nf(wh, 0)} Wh`;
}

export function formatPower(w: number, locale: string): string {
  const nf = (value: number, max: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: max }).format(value);
  if (Math.abs(w) >= 1_000_000) return `${nf(w / 1_000_000, 2)} MW`;
  if (Math.abs(w) >= 1_000) return `${nf(w / 1_000, 2)} kW`;
  return `${nf(w, 0)} W`;
}

/** The formatters bound to the cooperative's currency and the operator's language. */
export function useUnits() {
  const cooperative = useCooperativeStore();
  const preferences = usePreferencesStore();
  const currency = computed(() => cooperative.cooperative?.currency ?? 'EUR');
  const locale = computed(() => (preferences.locale === 'fr' ? 'fr-FR' : 'en-GB'));
  return {
    currency,
    money: (minor: number) => formatMoney(minor, currency.value, locale.value),
    /** Whole currency units, for chart axes. */
    moneyWhole: (minor: number) => new Intl.NumberFormat(locale.value, { style: 'currency', currency: currency.value, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(minor / 10 ** minorDigits(currency.value)),
    rate: (milli: number) => formatRate(milli, currency.value, locale.value),
    percent: (bps: number) => formatPercent(bps, locale.value),
    energy: (wh: number) => formatEnergy(wh, locale.value),
    power: (w: number) => formatPower(w, locale.value),
    rateFromUnits: (units: number) => rateFromUnits(units, currency.value),
    rateToUnits: (milli: number) => rateToUnits(milli, currency.value),
    moneyFromUnits: (units: number) => moneyFromUnits(units, currency.value),
    moneyToUnits: (minor: number) => moneyToUnits(minor, currency.value),
  };
}
