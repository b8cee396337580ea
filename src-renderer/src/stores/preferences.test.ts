// Preferences: theme and language survive a restart (same storage, new store instance).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { usePreferencesStore } from './preferences.js';
import { storage } from './storage.js';

describe('preferences store', () => {
  beforeEach(() => {
    storage.local.removeItem('coop.theme');
    storage.local.removeItem('coop.locale');
    setActivePinia(createPinia());
  });

  it('persists the theme and language the operator chose', async () => {
    const first = usePreferencesStore();
    expect(first.theme).toBe('light');
    first.toggleTheme();
    first.setLocale('fr');
    await nextTick();

    setActivePinia(createPinia());
    const second = usePreferencesStore();
    expect(second.theme).toBe('dark');
    expect(second.locale).toBe('fr');
  });

  describe("follows the computer's light/dark setting until the operator chooses", () => {
    afterEach(() => vi.unstubAllGlobals());
    const systemPrefersDark = (dark: boolean) =>
      vi.stubGlobal('matchMedia', (query: string) => ({ matches: dark && query === '(prefers-color-scheme: dark)' }));

    it('opens dark on a dark desktop and light on a light one', () => {
      systemPrefersDark(true);
      expect(usePreferencesStore().theme).toBe('dark');
      setActivePinia(createPinia());
      systemPrefersDark(false);
      expect(usePreferencesStore().theme).toBe('light');
    });

    it("keeps the operator's own choice over the computer's", async () => {
      systemPrefersDark(true);
      const prefs = usePreferencesStore();
      prefs.setTheme('light');
      await nextTick();
      setActivePinia(createPinia());
      expect(usePreferencesStore().theme).toBe('light');
    });
  });

  it("uses the cooperative's language until this machine chooses one", () => {
    const prefs = usePreferencesStore();
    prefs.applyDefaultLocale('fr');
    expect(prefs.locale).toBe('fr');
    prefs.setLocale('en');
    prefs.applyDefaultLocale('fr');
    expect(prefs.locale).toBe('en');
  });
});
