// Register maps of the stock Eastron meters we read over Modbus RTU: input registers (function
// 04), each value an IEEE-754 float32 over two 16-bit registers, high word first.
export type SdmModel = 'SDM120' | 'SDM630';
export type SdmQuantity = 'V' | 'A' | 'W' | 'Hz' | 'kWh';

export interface SdmRegister {
  readonly name: string;
  readonly address: number;
  readonly unit: SdmQuantity;
}

export const SDM_REGISTERS: Record<SdmModel, readonly SdmRegister[]> = {
  SDM120: [
    { name: 'voltage', address: 0x0000, unit: 'V' },
    { name: 'current', address: 0x0006, unit: 'A' },
    { name: 'activePower', address: 0x000c, unit: 'W' },
    { name: 'frequency', address: 0x0046, unit: 'Hz' },
    { name: 'importEnergy', address: 0x0048, unit: 'kWh' },
    { name: 'exportEnergy', address: 0x004a, unit: 'kWh' },
    { name: 'totalEnergy', address: 0x0156, unit: 'kWh' },
  ],
  SDM630: [
    { name: 'voltageL1', address: 0x0000, unit: 'V' },
    { name: 'voltageL2', address: 0x0002, unit: 'V' },
    { name: 'voltageL3', address: 0x0004, unit: 'V' },
    { name: 'currentL1', address: 0x0006, unit: 'A' },
    { name: 'currentL2', address: 0x0008, unit: 'A' },
    { name: 'currentL3', address: 0x000a, unit: 'A' },
    { name: 'activePower', address: 0x0034, unit: 'W' },
    { name: 'frequency', address: 0x0046, unit: 'Hz' },
    { name: 'importEnergy', address: 0x0048, unit: 'kWh' },
    { name: 'exportEnergy', address: 0x004a, unit: 'kWh' },
    { name: 'totalEnergy', address: 0x0156, unit: 'kWh' },
  ],
};

export function floatToWords(value: number): [number, number] {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, value);
  return [view.getUint16(0), view.getUint16(2)];
}

export function wordsToFloat(high: number, low: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint16(0, high);
  view.setUint16(2, low);
  return view.getFloat32(0);
}

/** kWh register value → integer Wh (float32 holds ~7 significant digits; rounding is deterministic). */
export const kwhToWh = (kwh: number): number => Math.round(kwh * 1000);
