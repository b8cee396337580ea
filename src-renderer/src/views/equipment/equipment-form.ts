// The equipment form's state ↔ the contract's EquipmentFields, and the option lists it offers.
// Power is typed in kW and storage in kWh (what is on the nameplate); the core stores W and Wh.
import type { Equipment, EquipmentKind, EquipmentStatus, InputOf } from '@contract';

export const EQUIPMENT_KIND_LIST: readonly EquipmentKind[] = ['solar', 'wind', 'hydro', 'biogas', 'battery', 'other'];
export const EQUIPMENT_STATUS_LIST: readonly EquipmentStatus[] = ['listed', 'installed', 'leased', 'transferred', 'retired'];

export interface EquipmentFormState {
  kind: EquipmentKind;
  ratedPowerKw: number | null;
  storageKwh: number | null;
  make: string;
  model: string;
  serial: string;
  ownerMemberId: number | null;
  hostMemberId: number | null;
  siteId: number | null;
  commissionedOn: string | null;
  status: EquipmentStatus;
  meterRefs: string[];
  notes: string;
}

export function formFromEquipment(item: Equipment | null, defaultSiteId: number | null): EquipmentFormState {
  if (!item) {
    return { kind: 'solar', ratedPowerKw: null, storageKwh: null, make: '', model: '', serial: '', ownerMemberId: null, hostMemberId: null, siteId: defaultSiteId, commissionedOn: null, status: 'listed', meterRefs: [], notes: '' };
  }
  return {
    kind: item.kind,
    ratedPowerKw: item.ratedPowerW / 1000,
    storageKwh: item.storageWh === null ? null : item.storageWh / 1000,
    make: item.make,
    model: item.model,
    serial: item.serial,
    ownerMemberId: item.ownerMemberId,
    hostMemberId: item.hostMemberId,
    siteId: item.siteId,
    commissionedOn: item.commissionedOn,
    status: item.status,
    meterRefs: [...(item.meterRefs ?? [])],
    notes: item.notes,
  };
}

/**
 * The form as channel input. A missing power, owner or site is sent as an invalid value on purpose:
 * the core's validation then names the field, so the rules live in one place.
 */
export function equipmentInput(form: EquipmentFormState): InputOf<'equipment.create'> {
  const refs = form.meterRefs.map((ref) => ref.trim()).filter((ref) => ref !== '');
  return {
    kind: form.kind,
    ratedPowerW: form.ratedPowerKw === null ? 0 : Math.round(form.ratedPowerKw * 1000),
    storageWh: form.storageKwh === null ? null : Math.round(form.storageKwh * 1000),
    make: form.make.trim(),
    model: form.model.trim(),
    serial: form.serial.trim(),
    ownerMemberId: form.ownerMemberId ?? 0,
    hostMemberId: form.hostMemberId,
    siteId: form.siteId ?? 0,
    commissionedOn: form.commissionedOn,
    status: form.status,
    meterRefs: refs.length > 0 ? refs : null,
    notes: form.notes,
  };
}

/** Only what changed, for equipment.update. */
export function equipmentChanges(before: Equipment, form: EquipmentFormState): InputOf<'equipment.update'>['changes'] {
  const next = equipmentInput(form);
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const old = (before as unknown as Record<string, unknown>)[key];
    if (JSON.stringify(old) !== JSON.stringify(value)) changes[key] = value;
  }
  return changes as InputOf<'equipment.update'>['changes'];
}
