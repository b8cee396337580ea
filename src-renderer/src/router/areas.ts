// The console's areas, in menu order: which route, icon and operator roles each one has.
import type { Component } from 'vue';
import type { OperatorRole } from '@contract';
import {
  BarChartOutline,
  BookOutline,
  CalculatorOutline,
  DocumentTextOutline,
  FlashOutline,
  HardwareChipOutline,
  HomeOutline,
  PeopleOutline,
  PricetagsOutline,
  SettingsOutline,
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
  { key: 'ledger', icon: BookOutline, roles: STAFF, built: true },
  { key: 'settings', icon: SettingsOutline, roles: EVERYONE, built: true },
];

export function areaByKey(key: string): AreaDef | undefined {
  return AREAS.find((area) => area.key === key);
}

/** Where an operator lands after signing in: the first area their role may open. */
export function homeAreaFor(role: OperatorRole): string {
  return AREAS.find((area) => area.built && area.roles.includes(role))?.key ?? 'settings';
}
