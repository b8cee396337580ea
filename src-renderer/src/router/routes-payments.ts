// The Payments area's route: take payment, recent payments, statement import, suspense list.
import type { RouteRecordRaw } from 'vue-router';
import { AREAS } from './areas.js';

const roles = AREAS.find((area) => area.key === 'payments')?.roles ?? [];

export const paymentRoutes: RouteRecordRaw[] = [
  { path: 'payments', name: 'payments', component: () => import('../views/payments/PaymentsView.vue'), meta: { area: 'payments', roles, i18n: ['payments'] } },
];
