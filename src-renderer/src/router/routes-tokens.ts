// The Tokens area's route: the green-token policy versions, the editor and its preview.
import type { RouteRecordRaw } from 'vue-router';
import { AREAS } from './areas.js';

const roles = AREAS.find((area) => area.key === 'tokens')?.roles ?? [];

export const tokenRoutes: RouteRecordRaw[] = [
  {
    path: 'tokens',
    name: 'tokens',
    component: () => import('../views/tokens/TokensView.vue'),
    meta: { area: 'tokens', roles, i18n: ['tokens', 'energy'] },
  },
];
