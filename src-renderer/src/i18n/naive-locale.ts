// naive-ui's own texts in the operator's language, minus its generic placeholders: an empty field
// that says "Please Input" / "Saisir" tells nobody anything; fields that need a hint set their own.
import { enUS, frFR, type NLocale } from 'naive-ui';
import type { LocaleName } from '../stores/preferences.js';

function withoutGenericPlaceholders(base: NLocale): NLocale {
  return {
    ...base,
    Input: { ...base.Input, placeholder: '' },
    InputNumber: { ...base.InputNumber, placeholder: '' },
    Select: { ...base.Select, placeholder: '' },
    Cascader: { ...base.Cascader, placeholder: '' },
  };
}

const LOCALES: Record<LocaleName, NLocale> = { en: withoutGenericPlaceholders(enUS), fr: withoutGenericPlaceholders(frFR) };

export function naiveLocale(locale: LocaleName): NLocale {
  return LOCALES[locale];
}
