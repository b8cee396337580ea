// naive-ui's discrete API (messages, dialogs, notifications usable outside components), created once
// as a module and themed like the app.
import { computed } from 'vue';
import { createDiscreteApi, darkTheme, type ConfigProviderProps } from 'naive-ui';
import { usePreferencesStore } from '../stores/preferences.js';

type Discrete = ReturnType<typeof createDiscreteApi<'message' | 'dialog' | 'notification'>>;
let discrete: Discrete | null = null;

export function useDiscrete(): Discrete {
  if (!discrete) {
    const preferences = usePreferencesStore();
    const configProviderProps = computed<ConfigProviderProps>(() => ({
      theme: preferences.theme === 'dark' ? darkTheme : null,
    }));
    discrete = createDiscreteApi(['message', 'dialog', 'notification'], { configProviderProps });
  }
  return discrete;
}
