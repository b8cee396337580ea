import { describe, expect, it } from 'vitest';
import { emptyListingForm, listingInput } from './listing-form.js';

const units = { rateFromUnits: (u: number) => Math.round(u * 100_000), moneyFromUnits: (u: number) => Math.round(u * 100) };

describe('listing form', () => {
  it('builds an owner listing in core units and leaves host fields out', () => {
    const form = { ...emptyListingForm('owner'), memberId: 3, title: ' 3 kW solar ', equipmentId: 8, capacityKw: 3, expectedRateUnits: 25.5, capitalUnits: 1200.1, premisesM2: 40 };
    const input = listingInput(form, units);
    expect(input).toEqual({ side: 'owner', memberId: 3, siteId: null, title: '3 kW solar', notes: '', offer: 'equipment', equipmentId: 8, kind: 'solar', capacityW: 3000, capitalMinor: 120_010, preferredSiteIds: [], maxDistanceKm: null, expectedRateMilliPerKwh: 2_550_000 });
  });
  it('drops the equipment link when capital is offered', () => {
    expect(listingInput({ ...emptyListingForm('owner'), offer: 'capital', equipmentId: 8 }, units)).toMatchObject({ offer: 'capital', equipmentId: null, memberId: 0, capacityW: 0 });
  });
  it('builds a host listing with consumption in Wh', () => {
    const input = listingInput({ ...emptyListingForm('host'), memberId: 4, title: 'Roof', premisesM2: 40, orientation: 'north', preferredKinds: ['solar'], expectedKwhPerMonth: 300 }, units);
    expect(input).toEqual({ side: 'host', memberId: 4, siteId: null, title: 'Roof', notes: '', premisesM2: 40, orientation: 'north', siteNotes: '', preferredKinds: ['solar'], expectedConsumptionWhPerMonth: 300_000 });
  });
});
