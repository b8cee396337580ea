// The console's areas, in menu order: which route, icon and operator roles each one has.
import type { Component } from 'vue';
import type { OperatorRole } from '@contract';
import {
  BarChartOutline,
  BookOutline,
  CashOutline,
  CalculatorOutline,
  DocumentTextOutline,
  FlashOutline,
  HardwareChipOutline,
  HomeOutline,
  LeafOutline,
  PeopleOutline,
  PricetagsOutline,
  SettingsOutline,
  WalletOutline,
} from '@vicons/ionicons5';

export interface AreaDef {
  readonly key: string;
  readonly icon: Component;
  readonly roles: readonly OperatorRole[];
  /** False for areas whose screens are not built yet: they show the shared "not built yet" view. */
  readonly built: boolean;
}

const STAFF: readonly OperatorRole[] = ['admin', 'operator'];
const FIELD_AND_STAFF: readonly OperatorRole[] = ['admin', 'operator', 'technician'];
const EVERYONE: readonly OperatorRole[] = ['admin', 'operator', 'technician', 'kiosk'];

export const AREAS: readonly AreaDef[] = [
  { key: 'dashboard', icon: HomeOutline, roles: FIELD_AND_STAFF, built: true },
  { key: 'members', icon: PeopleOutline, roles: FIELD_AND_STAFF, built: true },
  { key: 'equipment', icon: FlashOutline, roles: FIELD_AND_STAFF, built: true },
  { key: 'agreements', icon: DocumentTextOutline, roles: STAFF, built: true },
  { key: 'tariffs', icon: PricetagsOutline, roles: STAFF, built: true },
  { key: 'meters', icon: HardwareChipOutline, roles: FIELD_AND_STAFF, built: true },
  { key: 'energy', icon: BarChartOutline, roles: STAFF, built: true },
  { key: 'settlements', icon: CalculatorOutline, roles: STAFF, built: true },
  { key: 'payments', icon: CashOutline, roles: STAFF, built: true },
  { key: 'billing', icon: WalletOutline, roles: STAFF, built: true },
  { key: 'tokens', icon: LeafOutline, roles: STAFF, built: true },
  { key: 'ledger', icon: BookOutline, roles: STAFF, built: true },
  { key: 'settings', icon: SettingsOutline, roles: EVERYONE, built: true },
];

export function areaByKey(key: string): AreaDef | undefined {
  return AREAS.find((area) => area.key === key);
}

/** Where a role's work is when it is not the first area of the menu (a technician installs and reads meters). */
const HOME_OF: Partial<Record<OperatorRole, string>> = { technician: 'meters' };

/** Where an operator lands after signing in: their role's own home, else the first area their role may open. */
export function homeAreaFor(role: OperatorRole): string {
  const own = HOME_OF[role];
  if (own && areaByKey(own)?.roles.includes(role)) return own;
  return AREAS.find((area) => area.built && area.roles.includes(role))?.key ?? 'settings';
}
