// The tariff editor's state ↔ the contract's TariffDefinition. Rates and money are typed in currency
// units, energy in kWh, power in kW, tax in percent (see units.ts); issue paths of the core
// ("definition.energy.windows") map onto the fields named here ("energy.windows").
import type { TariffDefinitionInput, TariffDefinitionValue } from '@contract';
import { bpsFromPercent, bpsToPercent } from './units.js';

export type PricingMode = 'flat' | 'time_of_use' | 'tiered';

export interface WindowForm {
  label: string;
  weekdays: number[];
  startHour: number | null;
  endHour: number | null;
  rateUnits: number | null;
}
export interface BlockForm {
  upToKwh: number | null;
  rateUnits: number | null;
}

export interface TariffFormState {
  mode: PricingMode;
  flatRateUnits: number | null;
  baseRateUnits: number | null;
  windows: WindowForm[];
  blocks: BlockForm[];
  lifelineOn: boolean;
  lifelineKwh: number | null;
  lifelineRateUnits: number | null;
  lifelineWaivesFee: boolean;
  fixedMonthlyUnits: number | null;
  gridFeeUnits: number | null;
  taxPct: number | null;
  loadLimitKw: number | null;
  dailyLimitKwh: number | null;
}

export interface RateUnits {
  rateFromUnits(units: number): number;
  rateToUnits(milli: number): number;
  moneyFromUnits(units: number): number;
  moneyToUnits(minor: number): number;
}

export function emptyTariffForm(): TariffFormState {
  return {
    mode: 'flat', flatRateUnits: null, baseRateUnits: null,
    windows: [{ label: 'Evening peak', weekdays: [0, 1, 2, 3, 4, 5, 6], startHour: 18, endHour: 22, rateUnits: null }],
    blocks: [{ upToKwh: 50, rateUnits: null }, { upToKwh: null, rateUnits: null }],
    lifelineOn: false, lifelineKwh: 30, lifelineRateUnits: null, lifelineWaivesFee: false,
    fixedMonthlyUnits: 0, gridFeeUnits: 0, taxPct: 0, loadLimitKw: null, dailyLimitKwh: null,
  };
}

export function formFromDefinition(def: TariffDefinitionValue, u: RateUnits): TariffFormState {
  const form = emptyTariffForm();
  form.mode = def.energy.mode;
  if (def.energy.mode === 'flat') form.flatRateUnits = u.rateToUnits(def.energy.rateMilliPerKwh);
  if (def.energy.mode === 'time_of_use') {
    form.baseRateUnits = u.rateToUnits(def.energy.baseRateMilliPerKwh);
    form.windows = def.energy.windows.map((w) => ({ label: w.label, weekdays: [...w.weekdays], startHour: w.startHour, endHour: w.endHour, rateUnits: u.rateToUnits(w.rateMilliPerKwh) }));
  }
  if (def.energy.mode === 'tiered') {
    form.blocks = def.energy.blocks.map((b) => ({ upToKwh: b.upToWh === null ? null : b.upToWh / 1000, rateUnits: u.rateToUnits(b.rateMilliPerKwh) }));
    const lifeline = def.energy.lifeline;
    form.lifelineOn = lifeline !== null;
    if (lifeline) {
      form.lifelineKwh = lifeline.allowanceWh / 1000;
      form.lifelineRateUnits = u.rateToUnits(lifeline.rateMilliPerKwh);
      form.lifelineWaivesFee = lifeline.waiveFixedFee;
    }
  }
  form.fixedMonthlyUnits = u.moneyToUnits(def.fixedMonthlyMinor);
  form.gridFeeUnits = u.rateToUnits(def.gridFeeMilliPerKwh);
  form.taxPct = bpsToPercent(def.taxBps);
  form.loadLimitKw = def.loadLimitW === null ? null : def.loadLimitW / 1000;
  form.dailyLimitKwh = def.dailyEnergyLimitWh === null ? null : def.dailyEnergyLimitWh / 1000;
  return form;
}

// Blank required numbers go out as -1 so the core's validation names the field.
export function definitionFromForm(form: TariffFormState, u: RateUnits): TariffDefinitionInput {
  const rate = (v: number | null) => (v === null ? -1 : u.rateFromUnits(v));
  const wh = (kwh: number) => Math.round(kwh * 1000);
  const energy: TariffDefinitionInput['energy'] =
    form.mode === 'flat'
      ? { mode: 'flat', rateMilliPerKwh: rate(form.flatRateUnits) }
      : form.mode === 'time_of_use'
        ? {
            mode: 'time_of_use',
            baseRateMilliPerKwh: rate(form.baseRateUnits),
            windows: form.windows.map((w) => ({ label: w.label.trim(), weekdays: [...w.weekdays].sort((a, b) => a - b), startHour: w.startHour ?? -1, endHour: w.endHour ?? -1, rateMilliPerKwh: rate(w.rateUnits) })),
          }
        : {
            mode: 'tiered',
            blocks: form.blocks.map((b) => ({ upToWh: b.upToKwh === null ? null : wh(b.upToKwh), rateMilliPerKwh: rate(b.rateUnits) })),
            lifeline: form.lifelineOn ? { allowanceWh: form.lifelineKwh === null ? 0 : wh(form.lifelineKwh), rateMilliPerKwh: rate(form.lifelineRateUnits), waiveFixedFee: form.lifelineWaivesFee } : null,
          };
  return {
    energy,
    fixedMonthlyMinor: u.moneyFromUnits(form.fixedMonthlyUnits ?? 0),
    gridFeeMilliPerKwh: u.rateFromUnits(form.gridFeeUnits ?? 0),
    taxBps: bpsFromPercent(form.taxPct ?? 0),
    loadLimitW: form.loadLimitKw === null ? null : Math.round(form.loadLimitKw * 1000),
    dailyEnergyLimitWh: form.dailyLimitKwh === null ? null : wh(form.dailyLimitKwh),
  };
}

/** Typical days (Wh per local hour) to bill in the preview: what a village household or shop draws. */
export const SAMPLE_PROFILES: Record<'household' | 'evening_heavy' | 'shop', readonly number[]> = {
  household: [120, 100, 100, 100, 110, 180, 350, 420, 300, 220, 200, 220, 260, 240, 220, 240, 300, 480, 700, 760, 640, 480, 300, 180],
  evening_heavy: [80, 60, 60, 60, 60, 90, 150, 200, 150, 120, 120, 120, 140, 120, 120, 140, 220, 600, 1100, 1200, 1000, 700, 350, 150],
  shop: [60, 60, 60, 60, 60, 80, 200, 600, 900, 1000, 1000, 1000, 900, 1000, 1000, 1000, 900, 700, 400, 200, 100, 80, 60, 60],
};
export type SampleProfile = keyof typeof SAMPLE_PROFILES;
