// Numbers in the operator's language: "2 500" in French, "2,500" in English (a French reader takes
// "2,500" for two and a half).
import { computed, type ComputedRef } from 'vue';
import { usePreferencesStore } from '../stores/preferences.js';

export type NumberFormatter = (value: unknown) => string;

export function numberFormatter(locale: string): NumberFormatter {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  return (value) => (typeof value === 'number' && Number.isFinite(value) ? format.format(value) : String(value ?? ''));
}

/** The formatter of the language chosen in this window; follows the language switch. */
export function useNumberFormat(): ComputedRef<NumberFormatter> {
  const preferences = usePreferencesStore();
  return computed(() => numberFormatter(preferences.locale));
}
