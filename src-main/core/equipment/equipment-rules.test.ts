import { describe, expect, it } from 'vitest';
import { EquipmentFields } from '../../contract/equipment.js';
import { equipmentProblems, statusChangeProblem } from './equipment-rules.js';

const base = EquipmentFields.parse({ kind: 'solar', ratedPowerW: 3_000, ownerMemberId: 1, siteId: 1 });

describe('equipment rules', () => {
  it('ties storage capacity to batteries only', () => {
    expect(equipmentProblems(base)).toEqual([]);
    expect(equipmentProblems({ ...base, kind: 'battery' }).map((i) => i.path)).toEqual(['storageWh']);
    expect(equipmentProblems({ ...base, kind: 'battery', storageWh: 10_000 })).toEqual([]);
    expect(equipmentProblems({ ...base, storageWh: 10_000 })[0]?.message).toMatch(/Only batteries/);
  });

  it('requires a host other than the owner for leased equipment, and distinct meters', () => {
    expect(equipmentProblems({ ...base, status: 'leased' }).map((i) => i.path)).toEqual(['hostMemberId']);
    expect(equipmentProblems({ ...base, status: 'leased', hostMemberId: 1 }).map((i) => i.path)).toEqual(['hostMemberId']);
    expect(equipmentProblems({ ...base, status: 'leased', hostMemberId: 2 })).toEqual([]);
    expect(equipmentProblems({ ...base, meterRefs: ['A', 'A'] }).map((i) => i.path)).toEqual(['meterRefs']);
  });

  it('keeps retired equipment retired', () => {
    expect(statusChangeProblem('retired', 'installed')).toMatch(/cannot come back/);
    expect(statusChangeProblem('installed', 'retired')).toBeNull();
  });

  it('refuses absurd capacities at the boundary', () => {
    expect(EquipmentFields.safeParse({ ...base, ratedPowerW: 2e10 }).error?.issues[0]?.message).toMatch(/check the unit/);
  });
});
