// The Energy area: one site's flows (charts, Sankey, KPIs, recompute) and its allocation key.
// The query (?site=&period=&date=&bucket=&tab=) holds what is shown, so a view can be linked to.
import type { RouteRecordRaw } from 'vue-router';
import { AREAS } from './areas.js';

const roles = AREAS.find((area) => area.key === 'energy')?.roles ?? [];

export const energyRoutes: RouteRecordRaw[] = [
  {
    path: 'energy',
    name: 'energy',
    component: () => import('../views/energy/EnergyView.vue'),
    meta: { area: 'energy', roles, i18n: ['energy'] },
  },
];
