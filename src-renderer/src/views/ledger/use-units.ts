// Amount formatting in the operator's language (grouping and decimal point of the locale).
import { useI18n } from 'vue-i18n';
import { formatUnits } from './ledger-format.js';

export function useUnits() {
  const { locale } = useI18n();
  return (minor: string, decimals: number, maxFraction = 4) =>
    locale.value === 'fr' ? formatUnits(minor, decimals, { maxFraction, group: '\u202f', point: ',' }) : formatUnits(minor, decimals, { maxFraction });
}
