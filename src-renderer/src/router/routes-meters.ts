// The Meters area's routes: list (with stock meters), the provisioning wizard, one meter.
import type { RouteRecordRaw } from 'vue-router';
import { AREAS } from './areas.js';

const roles = AREAS.find((area) => area.key === 'meters')?.roles ?? [];

export const meterRoutes: RouteRecordRaw[] = [
  {
    path: 'meters',
    name: 'meters',
    component: () => import('../views/meters/MetersView.vue'),
    meta: { area: 'meters', roles, i18n: ['meters'] },
  },
  {
    path: 'meters/provision',
    name: 'meter-provision',
    component: () => import('../views/meters/ProvisionWizard.vue'),
    meta: { area: 'meters', roles, i18n: ['meters'] },
  },
  {
    path: 'meters/:id(\\d+)',
    name: 'meter',
    component: () => import('../views/meters/MeterDetailView.vue'),
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { area: 'meters', roles, i18n: ['meters'] },
  },
];
