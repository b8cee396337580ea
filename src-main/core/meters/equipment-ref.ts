// A meter's equipment reference ("17", "EQ-17", "EQ-SOLAR-17"): its trailing number is the equipment
// id. One rule for the energy computation (generation meters) and the meter screens (the name shown).
export function equipmentIdOfRef(equipmentRef: string | null): number | null {
  const id = equipmentRef === null ? undefined : /(\d+)\s*$/.exec(equipmentRef)?.[1];
  return id === undefined ? null : Number(id);
}
