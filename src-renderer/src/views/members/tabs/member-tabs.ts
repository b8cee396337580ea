// The tabs of a member's page, in order: each one its own component and roles. A new area (balance,
// energy) adds one entry and one component file here; the page itself does not change.
// The tabs stand in a column on the left, all eleven visible at once (a row of them scrolled sideways
// at 1366 px, hiding Account and Statements); `group` puts a gap between neighbours that belong to
// different questions (who they are, what they own, their meters, their energy, their money).
import { defineAsyncComponent, type Component } from 'vue';
import type { OperatorRole } from '@contract';

export type MemberTabGroup = 'person' | 'assets' | 'meters' | 'energy' | 'money';

export interface MemberTab {
  /** The tab's name in the address (`?tab=account`) and in test ids (`member-tab-account-title`). */
  readonly key: string;
  /** Translation key of the tab's title. */
  readonly title: string;
  readonly group: MemberTabGroup;
  readonly roles: readonly OperatorRole[];
  /** Gets `member` (Member) as its prop. */
  readonly component: Component;
}

const STAFF: readonly OperatorRole[] = ['admin', 'operator'];
const FIELD_AND_STAFF: readonly OperatorRole[] = ['admin', 'operator', 'technician'];

export const MEMBER_TABS: readonly MemberTab[] = [
  { key: 'profile', title: 'members.tabs.profile', group: 'person', roles: FIELD_AND_STAFF, component: defineAsyncComponent(() => import('./MemberProfileTab.vue')) },
  { key: 'card', title: 'members.tabs.card', group: 'person', roles: STAFF, component: defineAsyncComponent(() => import('./MemberCardTab.vue')) },
  { key: 'equipment', title: 'members.tabs.equipment', group: 'assets', roles: FIELD_AND_STAFF, component: defineAsyncComponent(() => import('./MemberEquipmentTab.vue')) },
  { key: 'agreements', title: 'members.tabs.agreements', group: 'assets', roles: STAFF, component: defineAsyncComponent(() => import('./MemberAgreementsTab.vue')) },
  { key: 'meters', title: 'members.tabs.meters', group: 'meters', roles: FIELD_AND_STAFF, component: defineAsyncComponent(() => import('./MemberMetersTab.vue')) },
  { key: 'field', title: 'meters.fromField.title', group: 'meters', roles: FIELD_AND_STAFF, component: defineAsyncComponent(() => import('./MemberFieldTab.vue')) },
  { key: 'energy', title: 'energy.member.tab', group: 'energy', roles: STAFF, component: defineAsyncComponent(() => import('./MemberEnergyTab.vue')) },
  { key: 'tariff', title: 'members.tabs.tariff', group: 'energy', roles: STAFF, component: defineAsyncComponent(() => import('./MemberTariffTab.vue')) },
  { key: 'account', title: 'journal.member.tab', group: 'money', roles: STAFF, component: defineAsyncComponent(() => import('./MemberAccountTab.vue')) },
  { key: 'statements', title: 'statements.tab', group: 'money', roles: STAFF, component: defineAsyncComponent(() => import('./MemberStatementsTab.vue')) },
  { key: 'tokens', title: 'tokens.card.title', group: 'money', roles: STAFF, component: defineAsyncComponent(() => import('./MemberTokensTab.vue')) },
];

/** The tab a `?tab=` value opens: that tab when this operator may see it, else the first one. */
export function openedTab(visible: readonly MemberTab[], asked: unknown): string {
  const found = typeof asked === 'string' ? visible.find((entry) => entry.key === asked) : undefined;
  return found?.key ?? visible[0]?.key ?? 'profile';
}

/** Keys of the visible tabs that start a group (a gap above them in the column). */
export function groupStarts(visible: readonly MemberTab[]): ReadonlySet<string> {
  return new Set(visible.filter((entry, i) => i > 0 && visible[i - 1]?.group !== entry.group).map((entry) => entry.key));
}
