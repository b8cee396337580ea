// Hash history so the same build works from file:// (Electron) and over HTTP (serve mode).
// The guard decides, in order: first-run setup, sign-in, role, and loads the route's translations.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import type { OperatorRole } from '@contract';
import { AREAS, homeAreaFor } from './areas.js';
import { marketRoutes } from './routes-market.js';
import { meterRoutes } from './routes-meters.js';
import { ledgerRoutes } from './routes-ledger.js';
import { energyRoutes } from './routes-energy.js';
import { paymentRoutes } from './routes-payments.js';
import { billingRoutes } from './routes-billing.js';
import { tokenRoutes } from './routes-tokens.js';
import { settlementRoutes } from './routes-settlements.js';
import { useCooperativeStore } from '../stores/cooperative.js';
import { useSessionStore } from '../stores/session.js';
import { usePreferencesStore } from '../stores/preferences.js';
import { useKioskStore } from '../stores/kiosk.js';
import { loadFeatures } from '../i18n/index.js';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session. */
    public?: boolean;
    roles?: readonly OperatorRole[];
    /** Translation features this route needs (besides common, errors, layout). */
    i18n?: readonly string[];
    /** Area key, for the menu highlight and the "not built yet" view. */
    area?: string;
    /** The members' kiosk: no operator session, no setup check; the only route of a kiosk-only console. */
    kiosk?: boolean;
  }
}

const areaRoutes: RouteRecordRaw[] = AREAS.filter((area) => !area.built).map((area) => ({
  path: area.key,
  name: area.key,
  component: () => import('../views/common/NotBuiltView.vue'),
  meta: { area: area.key, roles: area.roles, i18n: ['areas'] },
}));
const rolesOf = (key: string) => AREAS.find((area) => area.key === key)?.roles ?? [];

const routes: RouteRecordRaw[] = [
  { path: '/setup', name: 'setup', component: () => import('../views/setup/SetupWizard.vue'), meta: { public: true, i18n: ['setup', 'ledger'] } },
  { path: '/login', name: 'login', component: () => import('../views/login/LoginView.vue'), meta: { public: true, i18n: ['login'] } },
  { path: '/kiosk', name: 'kiosk', component: () => import('../views/kiosk/KioskView.vue'), meta: { public: true, kiosk: true, i18n: ['kiosk', 'energy', 'tokens', 'statements', 'journal', 'settlements'] } },
  { path: '/unreachable', name: 'unreachable', component: () => import('../views/common/UnreachableView.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('../layouts/MainLayout.vue'),
    children: [
      { path: '', name: 'home', redirect: () => ({ name: homeAreaFor(useSessionStore().role ?? 'kiosk') }) },
      {
        path: 'dashboard',
        name: 'dashboard',
        component: () => import('../views/dashboard/DashboardView.vue'),
        meta: { area: 'dashboard', roles: rolesOf('dashboard'), i18n: ['dashboard', 'members'] },
      },
      {
        path: 'members',
        name: 'members',
        component: () => import('../views/members/MembersView.vue'),
        meta: { area: 'members', roles: rolesOf('members'), i18n: ['members'] },
      },
      {
        path: 'members/:id(\\d+)',
        name: 'member',
        component: () => import('../views/members/MemberDetailView.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { area: 'members', roles: rolesOf('members'), i18n: ['members', 'accounts', 'equipment', 'agreements', 'meters', 'energy', 'journal', 'payments', 'tokens', 'statements', 'settlements'] },
      },
      {
        path: 'settings',
        name: 'settings',
        component: () => import('../views/settings/SettingsView.vue'),
        meta: { area: 'settings', roles: rolesOf('settings'), i18n: ['settings', 'members', 'meters', 'ledger', 'fieldSync'] },
      },
      {
        // Field sync (issue 13): office and field laptop alike; the core refuses what a role may not do.
        path: 'settings/field-sync',
        name: 'field-sync',
        component: () => import('../views/settings/field-sync/FieldSyncView.vue'),
        meta: { area: 'settings', roles: ['admin', 'operator', 'technician'], i18n: ['settings', 'fieldSync'] },
      },
      ...meterRoutes,
      ...marketRoutes,
      ...ledgerRoutes,
      ...energyRoutes,
      ...paymentRoutes,
      ...billingRoutes,
      ...tokenRoutes,
      ...settlementRoutes,
      ...areaRoutes,
      { path: ':rest(.*)*', redirect: { name: 'home' } },
    ],
  },
];

export const router = createRouter({ history: createWebHashHistory(), routes });

/** Whether this console is a members' kiosk only (`--kiosk`), asked once. */
let kioskOnly: boolean | null = null;

router.beforeEach(async (to) => {
  const cooperative = useCooperativeStore();
  const session = useSessionStore();
  const preferences = usePreferencesStore();
  await loadFeatures(preferences.locale, to.meta.i18n ?? []);
  if (kioskOnly === null) {
    try {
      kioskOnly = (await useKioskStore().loadWelcome()).kioskOnly;
    } catch {
      kioskOnly = null; // the core is not reachable yet: the checks below say so
    }
  }
  // A kiosk-only console has no other screen: whatever address was typed, the kiosk it is.
  if (kioskOnly && !to.meta.kiosk) return { name: 'kiosk' };
  if (to.meta.kiosk || to.name === 'unreachable') return true;

  if (cooperative.needsSetup === null) {
    try {
      await cooperative.loadStatus();
    } catch {
      return { name: 'unreachable', query: { next: to.fullPath } };
    }
    if (cooperative.cooperative) preferences.applyDefaultLocale(cooperative.cooperative.locale);
  }
  if (cooperative.needsSetup) return to.name === 'setup' ? true : { name: 'setup' };
  // The wizard stays open after setup.initialize until the operator finished its last step.
  if (to.name === 'setup') return session.signedIn ? { name: 'home' } : { name: 'login' };
  if (to.meta.public) return true;

  if (!(await session.restore())) {
    // A fresh visit to "/" was already redirected to the home of a role nobody has yet: it asks for
    // nothing in particular, so sign-in lands on the home of whoever signs in, not on that guess.
    const asked = to.redirectedFrom?.fullPath ?? to.fullPath;
    return { name: 'login', query: asked === '/' ? {} : { redirect: to.fullPath } };
  }
  if (to.meta.roles && !session.hasRole(to.meta.roles)) {
    return { name: homeAreaFor(session.role ?? 'kiosk') };
  }
  return true;
});
