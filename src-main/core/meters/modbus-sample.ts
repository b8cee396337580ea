// A stock meter's register values (floats, as the SDM map names them) → the integer sample the
// console stores and shows: Wh, W, decivolts, milliamps, centihertz. Pure; the poller does the I/O.
import type { ModbusPhaseView, ModbusSampleView } from '../../contract/meters.js';
import { kwhToWh, type SdmModel } from '../devices/sdm-registers.js';

export type RegisterValues = Readonly<Record<string, number>>;

function required(values: RegisterValues, name: string): number {
  const value = values[name];
  // The register map and this mapping are kept together: a missing name is a bug, not a meter fault.
  if (value === undefined) throw new Error(`The register ${name} was not read`);
  return value;
}

const decivolts = (v: number): number => Math.round(v * 10);
const milliamps = (a: number): number => Math.round(a * 1000);

export function sampleFromRegisters(model: SdmModel, values: RegisterValues, at: string): ModbusSampleView {
  const phases: ModbusPhaseView[] =
    model === 'SDM630'
      ? (['L1', 'L2', 'L3'] as const).map((l) => ({ voltageDv: decivolts(required(values, `voltage${l}`)), currentMa: milliamps(required(values, `current${l}`)) }))
      : [{ voltageDv: decivolts(required(values, 'voltage')), currentMa: milliamps(required(values, 'current')) }];
  return {
    at,
    importWh: kwhToWh(required(values, 'importEnergy')),
    exportWh: kwhToWh(required(values, 'exportEnergy')),
    totalWh: kwhToWh(required(values, 'totalEnergy')),
    powerW: Math.round(required(values, 'activePower')),
    voltageDv: phases[0]!.voltageDv,
    frequencyCHz: Math.round(required(values, 'frequency') * 100),
    phases,
  };
}
