// The tabs of a member's page, in order: each one its own component and roles. A new area (balance,
// energy) adds one entry and one component file here; the page itself does not change.
import { defineAsyncComponent, type Component } from 'vue';
import type { OperatorRole } from '@contract';

export interface MemberTab {
  readonly key: string;
  /** Translation key of the tab's title. */
  readonly title: string;
  readonly roles: readonly OperatorRole[];
  /** Gets `member` (Member) as its prop. */
  readonly component: Component;
}

const STAFF: readonly OperatorRole[] = ['admin', 'operator'];
const FIELD_AND_STAFF: readonly OperatorRole[] = ['admin', 'operator', 'technician'];

export const MEMBER_TABS: readonly MemberTab[] = [
  { key: 'profile', title: 'members.tabs.profile', roles: FIELD_AND_STAFF, component: defineAsyncComponent(() => import('./MemberProfileTab.vue')) },
  { key: 'equipment', title: 'members.tabs.equipment', roles: FIELD_AND_STAFF, component: defineAsyncComponent(() => import('./MemberEquipmentTab.vue')) },
  { key: 'agreements', title: 'members.tabs.agreements', roles: STAFF, component: defineAsyncComponent(() => import('./MemberAgreementsTab.vue')) },
  { key: 'meters', title: 'members.tabs.meters', roles: FIELD_AND_STAFF, component: defineAsyncComponent(() => import('./MemberMetersTab.vue')) },
  { key: 'field', title: 'meters.fromField.title', roles: FIELD_AND_STAFF, component: defineAsyncComponent(() => import('./MemberFieldTab.vue')) },
  { key: 'tariff', title: 'members.tabs.tariff', roles: STAFF, component: defineAsyncComponent(() => import('./MemberTariffTab.vue')) },
  { key: 'energy', title: 'energy.member.tab', roles: STAFF, component: defineAsyncComponent(() => import('./MemberEnergyTab.vue')) },
  { key: 'account', title: 'journal.member.tab', roles: STAFF, component: defineAsyncComponent(() => import('./MemberAccountTab.vue')) },
  { key: 'statements', title: 'statements.tab', roles: STAFF, component: defineAsyncComponent(() => import('./MemberStatementsTab.vue')) },
  { key: 'tokens', title: 'tokens.card.title', roles: STAFF, component: defineAsyncComponent(() => import('./MemberTokensTab.vue')) },
  { key: 'card', title: 'members.tabs.card', roles: STAFF, component: defineAsyncComponent(() => import('./MemberCardTab.vue')) },
];
