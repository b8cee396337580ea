// The Settlements area: periods of a site (run with progress), one period (members, lines, report).
import type { RouteRecordRaw } from 'vue-router';
import { AREAS } from './areas.js';

const roles = AREAS.find((area) => area.key === 'settlements')?.roles ?? [];
const meta = { area: 'settlements', roles, i18n: ['settlements', 'statements'] };

export const settlementRoutes: RouteRecordRaw[] = [
  { path: 'settlements', name: 'settlements', component: () => import('../views/settlements/SettlementsView.vue'), meta },
  { path: 'settlements/:id(\\d+)', name: 'settlement', component: () => import('../views/settlements/SettlementPeriodView.vue'), props: (route) => ({ id: Number(route.params.id) }), meta },
];
