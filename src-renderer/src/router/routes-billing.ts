// The Credit & arrears area's route: low prepaid credit, overdue postpaid bills, supply switches, modes.
import type { RouteRecordRaw } from 'vue-router';
import { AREAS } from './areas.js';

const roles = AREAS.find((area) => area.key === 'billing')?.roles ?? [];

export const billingRoutes: RouteRecordRaw[] = [
  {
    path: 'billing',
    name: 'billing',
    component: () => import('../views/billing/BillingView.vue'),
    meta: { area: 'billing', roles, i18n: ['billing'] },
  },
];
