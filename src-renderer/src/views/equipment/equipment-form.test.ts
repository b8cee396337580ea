// Equipment form: kW/kWh typed → W/Wh sent exactly; an edit sends only what changed.
import { describe, expect, it } from 'vitest';
import type { Equipment } from '@contract';
import { equipmentChanges, equipmentInput, formFromEquipment } from './equipment-form.js';

const stored: Equipment = {
  id: 4, kind: 'battery', ratedPowerW: 2500, storageWh: 9600, make: 'Volt', model: 'B10', serial: 'B-1', ownerMemberId: 1, hostMemberId: null, siteId: 2,
  commissionedOn: '2026-01-05', status: 'listed', meterRefs: ['MTR-1'], notes: '', ownerName: 'O', hostName: null, siteName: 'S',
  chain: { state: 'unregistered', collectionId: null, itemId: null, blockHash: null, extrinsicHash: null }, createdAt: '', updatedAt: '',
};

describe('equipment form', () => {
  it('converts kW and kWh to whole W and Wh, and drops blank meter references', () => {
    const form = { ...formFromEquipment(null, 3), ratedPowerKw: 3.3, storageKwh: 13.5, ownerMemberId: 7, meterRefs: [' MTR-9 ', ''] };
    expect(equipmentInput(form)).toMatchObject({ ratedPowerW: 3300, storageWh: 13500, siteId: 3, ownerMemberId: 7, meterRefs: ['MTR-9'] });
  });
  it('sends invalid placeholders for missing required fields so the core names them', () => {
    expect(equipmentInput(formFromEquipment(null, null))).toMatchObject({ ratedPowerW: 0, ownerMemberId: 0, siteId: 0, meterRefs: null });
  });
  it('round-trips a stored item and sends only changed fields', () => {
    const form = formFromEquipment(stored, null);
    expect(equipmentChanges(stored, form)).toEqual({});
    form.hostMemberId = 9;
    form.status = 'leased';
    form.meterRefs.push('MTR-2');
    expect(equipmentChanges(stored, form)).toEqual({ hostMemberId: 9, status: 'leased', meterRefs: ['MTR-1', 'MTR-2'] });
  });
});
