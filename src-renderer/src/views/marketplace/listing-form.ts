// The listing form (either side) ↔ the contract's ListingFields. Capacity is typed in kW, money and
// rates in currency units; the core stores W, minor units and milli-minor-units per kWh.
import type { EquipmentKind, InputOf, ListingSide, Orientation } from '@contract';

export const ORIENTATION_LIST: readonly Orientation[] = ['flat', 'north', 'north_east', 'east', 'south_east', 'south', 'south_west', 'west', 'north_west', 'ground', 'unknown'];

export interface ListingFormState {
  side: ListingSide;
  memberId: number | null;
  siteId: number | null;
  title: string;
  notes: string;
  // owner side
  offer: 'equipment' | 'capital';
  equipmentId: number | null;
  kind: EquipmentKind;
  capacityKw: number | null;
  capitalUnits: number | null;
  preferredSiteIds: number[];
  maxDistanceKm: number | null;
  expectedRateUnits: number | null;
  // host side
  premisesM2: number | null;
  orientation: Orientation;
  siteNotes: string;
  preferredKinds: EquipmentKind[];
  expectedKwhPerMonth: number | null;
}

export function emptyListingForm(side: ListingSide): ListingFormState {
  return {
    side, memberId: null, siteId: null, title: '', notes: '',
    offer: 'equipment', equipmentId: null, kind: 'solar', capacityKw: null, capitalUnits: null, preferredSiteIds: [], maxDistanceKm: null, expectedRateUnits: null,
    premisesM2: null, orientation: 'unknown', siteNotes: '', preferredKinds: [], expectedKwhPerMonth: null,
  };
}

export interface UnitConverters {
  rateFromUnits(units: number): number;
  moneyFromUnits(units: number): number;
}

/** Missing member or capacity go out as invalid values on purpose, so the core names the field. */
export function listingInput(form: ListingFormState, units: UnitConverters): InputOf<'listings.create'> {
  const common = { memberId: form.memberId ?? 0, siteId: form.siteId, title: form.title.trim(), notes: form.notes };
  if (form.side === 'owner') {
    return {
      side: 'owner',
      ...common,
      offer: form.offer,
      equipmentId: form.offer === 'equipment' ? form.equipmentId : null,
      kind: form.kind,
      capacityW: form.capacityKw === null ? 0 : Math.round(form.capacityKw * 1000),
      capitalMinor: form.capitalUnits === null ? null : units.moneyFromUnits(form.capitalUnits),
      preferredSiteIds: form.preferredSiteIds,
      maxDistanceKm: form.maxDistanceKm,
      expectedRateMilliPerKwh: form.expectedRateUnits === null ? null : units.rateFromUnits(form.expectedRateUnits),
    };
  }
  return {
    side: 'host',
    ...common,
    premisesM2: form.premisesM2,
    orientation: form.orientation,
    siteNotes: form.siteNotes,
    preferredKinds: form.preferredKinds,
    expectedConsumptionWhPerMonth: form.expectedKwhPerMonth === null ? null : Math.round(form.expectedKwhPerMonth * 1000),
  };
}
