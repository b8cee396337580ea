// Composes the renderer: Pinia, router, i18n, and the session-expiry hook of the API bridge.
import { createApp, watch } from 'vue';
import { createPinia } from 'pinia';
import 'vue-echarts/style.css';
import App from './App.vue';
import { router } from './router/index.js';
import { i18n, loadFeatures, switchLocale, CORE_FEATURES } from './i18n/index.js';
import { useApi } from './api/index.js';
import { useSessionStore } from './stores/session.js';
import { usePreferencesStore } from './stores/preferences.js';
import { useCooperativeStore } from './stores/cooperative.js';
import { useMembersStore } from './stores/members.js';

async function start() {
  const app = createApp(App);
  const pinia = createPinia();
  app.use(pinia);

  const preferences = usePreferencesStore();
  await loadFeatures(preferences.locale, CORE_FEATURES);
  await switchLocale(preferences.locale);
  watch(
    () => preferences.locale,
    (locale) => void switchLocale(locale),
  );

  const api = useApi();
  const session = useSessionStore();
  api.onUnauthenticated(() => {
    session.clear('expired');
    const current = router.currentRoute.value;
    if (!current.meta.public) void router.push({ name: 'login', query: { redirect: current.fullPath } });
  });
  // What one operator filtered or loaded is not the next one's business.
  watch(
    () => session.token,
    (token) => {
      if (token === null) useMembersStore().reset();
    },
  );
  // A restored database may hold other operators and settings: start over from the top.
  api.on('database.restored', () => {
    session.clear('signed-out');
    useCooperativeStore().needsSetup = null;
    window.location.reload();
  });

  app.use(i18n);
  app.use(router);
  await router.isReady();
  app.mount('#app');
}

void start();
