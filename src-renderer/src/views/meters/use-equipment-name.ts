// A meter's equipment as a person knows it ("Solar 4.92 kW · Sunking X500 — Amina Njeri"), not its
// reference ("EQ-5"); an older typed reference the registry does not know is shown as it was typed.
import { useI18n } from 'vue-i18n';
import type { MeterEquipment } from '@contract';
import { useUnits } from '../tariffs/units.js';

export function useEquipmentName(): (equipment: MeterEquipment | null, ref: string | null) => string {
  const { t, te } = useI18n();
  const units = useUnits();
  return (equipment, ref) => {
    if (!equipment) return ref?.trim() || '—';
    const kind = te(`meters.wizard.kinds.${equipment.kind}`) ? t(`meters.wizard.kinds.${equipment.kind}`) : equipment.kind;
    const makeModel = [equipment.make, equipment.model].filter(Boolean).join(' ');
    return `${[`${kind} ${units.power(equipment.ratedPowerW)}`, makeModel].filter(Boolean).join(' · ')} — ${equipment.ownerName}`;
  };
}
