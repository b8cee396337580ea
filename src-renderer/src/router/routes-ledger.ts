// The Ledger area's route: the chain status, keystore, accounts, transactions, outbox and anchors.
import type { RouteRecordRaw } from 'vue-router';
import { AREAS } from './areas.js';

const roles = AREAS.find((area) => area.key === 'ledger')?.roles ?? [];

export const ledgerRoutes: RouteRecordRaw[] = [
  {
    path: 'ledger',
    name: 'ledger',
    component: () => import('../views/ledger/LedgerView.vue'),
    meta: { area: 'ledger', roles, i18n: ['ledger', 'journal'] },
  },
];
