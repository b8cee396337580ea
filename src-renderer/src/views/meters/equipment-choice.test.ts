import { describe, expect, it } from 'vitest';
import type { Equipment } from '@contract';
import { equipmentChoices, equipmentIdFromRef, equipmentRefFor } from './equipment-choice.js';

const row = (id: number, patch: Partial<Equipment>): Equipment =>
  ({ id, kind: 'solar', ratedPowerW: 3000, storageWh: null, make: 'SunCo', model: 'S3', serial: `S-${id}`, ownerMemberId: 1, hostMemberId: null, siteId: 1, commissionedOn: null, status: 'installed', meterRefs: null, notes: '', ownerName: 'Otieno', hostName: null, siteName: 'Hill', chain: { state: 'unregistered', collectionId: null, itemId: null, blockHash: null, extrinsicHash: null }, createdAt: '', updatedAt: '', ...patch }) as Equipment;

describe('equipment choice', () => {
  it('round-trips the reference it writes and ignores typed ones', () => {
    expect(equipmentIdFromRef(equipmentRefFor(42))).toBe(42);
    expect(equipmentIdFromRef('EQ-SOLAR-7')).toBeNull();
    expect(equipmentIdFromRef(null)).toBeNull();
  });

  it("puts the member's own or hosted equipment first and leaves retired equipment out", () => {
    const rows = [row(1, { ownerMemberId: 7 }), row(2, { hostMemberId: 7, hostName: 'Wanjiru' }), row(3, {}), row(4, { ownerMemberId: 7, status: 'retired' })];
    const { mine, others } = equipmentChoices(rows, 7, (e) => `#${e.id}`);
    expect(mine.map((c) => c.value)).toEqual(['EQ-1', 'EQ-2']);
    expect(others.map((c) => c.value)).toEqual(['EQ-3']);
    expect(mine[1]!.search).toContain('wanjiru');
    expect(equipmentChoices(rows, null, (e) => `#${e.id}`).mine).toEqual([]);
  });
});
