// The meter wizard's equipment field: chosen from the equipment registry, never typed. The meter
// stores a reference string (the core keeps it as given); the console writes "EQ-<equipment id>"
// so the meter screens can find the equipment again and show its name.
import type { Equipment } from '@contract';

const REF = /^EQ-(\d+)$/;

export function equipmentRefFor(equipmentId: number): string {
  return `EQ-${equipmentId}`;
}

/** The equipment id behind a reference the console wrote; null for other (older, typed) references. */
export function equipmentIdFromRef(ref: string | null): number | null {
  const match = ref ? REF.exec(ref) : null;
  return match ? Number(match[1]) : null;
}

export interface EquipmentChoice {
  readonly label: string;
  readonly value: string;
  /** Searchable text: kind, make, model, serial, owner, host, site. */
  readonly search: string;
}

/**
 * Options for the select: the chosen member's own or hosted equipment first (that is what their
 * meter measures), then the rest; retired equipment is left out.
 */
export function equipmentChoices(rows: readonly Equipment[], memberId: number | null, describe: (e: Equipment) => string): { mine: EquipmentChoice[]; others: EquipmentChoice[] } {
  const live = rows.filter((e) => e.status !== 'retired');
  const toChoice = (e: Equipment): EquipmentChoice => ({
    label: describe(e),
    value: equipmentRefFor(e.id),
    search: [e.kind, e.make, e.model, e.serial, e.ownerName, e.hostName ?? '', e.siteName].join(' ').toLowerCase(),
  });
  const isMine = (e: Equipment) => memberId !== null && (e.ownerMemberId === memberId || e.hostMemberId === memberId);
  return { mine: live.filter(isMine).map(toChoice), others: live.filter((e) => !isMine(e)).map(toChoice) };
}
