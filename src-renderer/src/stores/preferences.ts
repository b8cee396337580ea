// Per-machine display preferences: theme and language, kept in localStorage.
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { storage, type KeyValueStore } from './storage.js';

export type ThemeName = 'light' | 'dark';
export type LocaleName = 'en' | 'fr';
export const LOCALES: readonly LocaleName[] = ['en', 'fr'];

const THEME_KEY = 'coop.theme';
const LOCALE_KEY = 'coop.locale';

function initialLocale(store: KeyValueStore): LocaleName {
  const saved = store.getItem(LOCALE_KEY);
  if (saved === 'en' || saved === 'fr') return saved;
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return nav.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The saved choice, else the computer's own light/dark setting (a dark desktop opens dark). */
function initialTheme(store: KeyValueStore): ThemeName {
  const saved = store.getItem(THEME_KEY);
  if (saved === 'dark' || saved === 'light') return saved;
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const usePreferencesStore = defineStore('preferences', () => {
  const store = storage.local;
  const theme = ref<ThemeName>(initialTheme(store));
  const locale = ref<LocaleName>(initialLocale(store));
  /** True once the operator picked a language here; then the cooperative's default no longer applies. */
  const localeChosen = ref(store.getItem(LOCALE_KEY) !== null);

  watch(theme, (value) => store.setItem(THEME_KEY, value));

  function toggleTheme() {
    theme.value = theme.value === 'dark' ? 'light' : 'dark';
  }
  function setTheme(value: ThemeName) {
    theme.value = value;
  }
  function setLocale(value: LocaleName) {
    locale.value = value;
    localeChosen.value = true;
    store.setItem(LOCALE_KEY, value);
  }
  /** The cooperative's locale is the default until this machine chooses its own. */
  function applyDefaultLocale(value: LocaleName) {
    if (!localeChosen.value) locale.value = value;
  }

  return { theme, locale, localeChosen, toggleTheme, setTheme, setLocale, applyDefaultLocale };
});
