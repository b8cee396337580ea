// Preferences: theme and language survive a restart (same storage, new store instance).
import { beforeEach, describe, expect, it } from 'vitest';
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

  it("uses the cooperative's language until this machine chooses one", () => {
    const prefs = usePreferencesStore();
    prefs.applyDefaultLocale('fr');
    expect(prefs.locale).toBe('fr');
    prefs.setLocale('en');
    prefs.applyDefaultLocale('fr');
    expect(prefs.locale).toBe('en');
  });
});
