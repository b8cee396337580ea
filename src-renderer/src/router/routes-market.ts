// Routes of the Equipment, Agreements (with the marketplace) and Tariffs areas. The marketplace
// lives inside Agreements: every listing exists to become an agreement, and the wizard walks from a
// listing to a signed agreement, so one menu entry keeps that path in one place.
import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router';
import { AREAS } from './areas.js';

const rolesOf = (key: string) => AREAS.find((area) => area.key === key)?.roles ?? [];
const idParam = (name: string) => (route: RouteLocationNormalized) => Number(route.params[name]);
const queryId = (route: RouteLocationNormalized, name: string) => {
  const value = route.query[name];
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
};

const equipmentMeta = { area: 'equipment', roles: rolesOf('equipment'), i18n: ['equipment'] };
const agreementsMeta = { area: 'agreements', roles: rolesOf('agreements'), i18n: ['agreements', 'market', 'equipment'] };
const tariffsMeta = { area: 'tariffs', roles: rolesOf('tariffs'), i18n: ['tariffs'] };

export const marketRoutes: RouteRecordRaw[] = [
  { path: 'equipment', name: 'equipment', component: () => import('../views/equipment/EquipmentView.vue'), meta: equipmentMeta },
  {
    path: 'equipment/:id(\\d+)',
    name: 'equipment-detail',
    component: () => import('../views/equipment/EquipmentDetailView.vue'),
    props: (route) => ({ id: idParam('id')(route) }),
    meta: equipmentMeta,
  },
  { path: 'agreements', name: 'agreements', component: () => import('../views/agreements/AgreementsView.vue'), meta: agreementsMeta },
  { path: 'agreements/marketplace', name: 'marketplace', component: () => import('../views/marketplace/MarketplaceView.vue'), meta: agreementsMeta },
  { path: 'agreements/new', name: 'agreement-new', component: () => import('../views/agreements/AgreementWizardView.vue'), meta: agreementsMeta },
  {
    path: 'agreements/:id(\\d+)',
    name: 'agreement',
    component: () => import('../views/agreements/AgreementDetailView.vue'),
    props: (route) => ({ id: idParam('id')(route) }),
    meta: agreementsMeta,
  },
  { path: 'tariffs', name: 'tariffs', component: () => import('../views/tariffs/TariffsView.vue'), meta: tariffsMeta },
  {
    path: 'tariffs/:id(\\d+)',
    name: 'tariff-plan',
    component: () => import('../views/tariffs/TariffPlanView.vue'),
    props: (route) => ({ id: idParam('id')(route) }),
    meta: tariffsMeta,
  },
  {
    path: 'tariffs/:planId(\\d+)/new',
    name: 'tariff-version-new',
    component: () => import('../views/tariffs/TariffVersionEditorView.vue'),
    props: (route) => ({ planId: idParam('planId')(route), fromVersionId: queryId(route, 'from') }),
    meta: tariffsMeta,
  },
  {
    path: 'tariffs/:planId(\\d+)/versions/:versionId(\\d+)',
    name: 'tariff-version-edit',
    component: () => import('../views/tariffs/TariffVersionEditorView.vue'),
    props: (route) => ({ planId: idParam('planId')(route), versionId: idParam('versionId')(route) }),
    meta: tariffsMeta,
  },
];
