// vue-i18n with lazily loaded per-feature JSON: i18n/<locale>/<feature>.json is merged under the
// key <feature>, so "members.title" lives in members.json as "title". Only features a route needs
// are fetched; switching language loads the same features in the new language.
import { createI18n } from 'vue-i18n';
import type { LocaleName } from '../stores/preferences.js';

type Messages = Record<string, unknown>;
const loaders = import.meta.glob<{ default: Messages }>('./*/*.json');

/** Features every screen uses; loaded before the first route renders. */
export const CORE_FEATURES = ['common', 'errors', 'layout'] as const;

export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en: {}, fr: {} },
  datetimeFormats: {
    en: { long: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }, time: { hour: '2-digit', minute: '2-digit' } },
    fr: { long: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }, time: { hour: '2-digit', minute: '2-digit' } },
  },
  // Every key exists in both languages (a unit test compares them), so a miss is a bug worth seeing.
  missingWarn: true,
  fallbackWarn: false,
});

const wanted = new Set<string>(CORE_FEATURES);
const loaded = new Set<string>();

async function loadOne(locale: LocaleName, feature: string) {
  const id = `${locale}/${feature}`;
  if (loaded.has(id)) return;
  const loader = loaders[`./${id}.json`];
  if (!loader) throw new Error(`No translations for ${id}`);
  const mod = await loader();
  i18n.global.mergeLocaleMessage(locale, { [feature]: mod.default });
  loaded.add(id);
}

export async function loadFeatures(locale: LocaleName, features: readonly string[]) {
  for (const feature of features) wanted.add(feature);
  await Promise.all(features.map((feature) => loadOne(locale, feature)));
}

export async function switchLocale(locale: LocaleName) {
  await Promise.all([...wanted].map((feature) => loadOne(locale, feature)));
  i18n.global.locale.value = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
