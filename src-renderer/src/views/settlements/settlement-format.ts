// Money, energy and the sentence of a line in the operator's language and the cooperative's currency.
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useDates } from '../../i18n/dates.js';
import type { SettlementLineView } from '@contract';
import { useCooperativeStore } from '../../stores/cooperative.js';
import { usePreferencesStore } from '../../stores/preferences.js';
import { formatEnergy, formatMoney, formatPercent, formatRate } from '../tariffs/units.js';

export function useSettlementFormat() {
  const { t } = useI18n();
  const dates = useDates();
  const cooperative = useCooperativeStore();
  const preferences = usePreferencesStore();
  const currency = computed(() => cooperative.cooperative?.currency ?? 'EUR');
  const locale = computed(() => preferences.locale);
  const money = (minor: number) => formatMoney(minor, currency.value, locale.value);
  const energy = (wh: number) => formatEnergy(wh, locale.value);
  const rate = (milli: number) => formatRate(milli, currency.value, locale.value);
  const percent = (bps: number) => formatPercent(bps, locale.value);

  /** The sentence that explains a line, from its code and explanation values. */
  function explain(line: SettlementLineView): string {
    const e = line.explain;
    const num = (k: string) => Number(e[k] ?? 0);
    const who = line.counterpartyName ?? t(`settlements.accounts.${line.counterparty.startsWith('member:') ? 'member' : line.counterparty}`);
    const params: Record<string, string | number> = {
      wh: energy(line.quantityWh ?? num('wh')),
      rate: line.rateMilliPerKwh === null ? '' : rate(line.rateMilliPerKwh),
      who,
      label: String(e.label ?? ''),
      version: line.tariffVersion ?? '',
      base: money(num('base')),
      share: percent(num('bps')),
      income: money(num('income')),
      sharedWh: energy(num('sharedWh')),
      poolWh: energy(num('poolWh')),
      poolRevenue: money(num('poolRevenue')),
      number: num('number'),
      count: num('count'),
      dueOn: String(e.dueOn ?? ''),
      agreement: line.agreementTitle ?? '',
      of: e.of ? t(`settlements.codes.${String(e.of)}`) : '',
      periodFrom: String(e.periodFrom ?? ''),
      periodTo: String(e.periodTo ?? ''),
      discount: percent(num('discountBps')),
      from: e.from ? dates.date(String(e.from)) : '',
      to: e.to ? dates.date(String(e.to)) : '',
    };
    const sold = line.code === 'p2p_energy' && line.amountMinor > 0 ? '_sold' : '';
    const key = line.code === 'p2p_energy' && e.mode === 'tariff' ? `p2p_energy_tariff${sold}` : `${line.code}${sold}`;
    return t(`settlements.explain.${key}`, params);
  }

  return { currency, money, energy, rate, percent, explain };
}
