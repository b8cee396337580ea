// Emulates a stock Eastron SDM120 / SDM630 on Modbus RTU (modbus-serial ServerSerial): input
// registers per the datasheet map, live values from the same energy profiles as the Coop meter.
import ModbusRTU from 'modbus-serial';
import { floatToWords, SDM_REGISTERS, type SdmModel } from '../src-main/core/devices/sdm-registers.js';
import { consumptionW, generationW, type ProfileConfig } from './profiles.js';

export interface SdmEmulatorOptions {
  readonly path: string;
  readonly baudRate: number;
  readonly unitId: number;
  readonly model: SdmModel;
  readonly profile: ProfileConfig;
  readonly speed: number;
  /** Delay each reply as a UART at baudRate would (a pty itself transfers instantly). */
  readonly lineTiming: boolean;
  readonly log: (line: string) => void;
  /** Input registers answered with a Modbus exception instead of data: address → exception code. */
  readonly refusals?: ReadonlyMap<number, number>;
}

/**
 * `--refuse REG:CODE` values → address → exception code. REG is decimal or 0x-hex (the first
 * register of a float pair), CODE 1 … 11 (2 = illegal data address: what a meter of another model
 * answers for a register it does not have). A read touching REG or REG+1 is refused.
 */
export function parseRefusals(values: readonly string[]): Map<number, number> {
  const refusals = new Map<number, number>();
  for (const value of values) {
    const match = /^(0x[0-9a-f]+|\d+):(\d+)$/i.exec(value.trim());
    const address = match ? Number(match[1]) : NaN;
    const code = match ? Number(match[2]) : NaN;
    if (!(address >= 0 && address <= 0xffff) || !(code >= 1 && code <= 11)) {
      throw new Error(`--refuse takes REGISTER:EXCEPTION, e.g. 0x0156:2 (register 0 … 0xffff, exception 1 … 11), not "${value}"`);
    }
    refusals.set(address, code);
  }
  return refusals;
}

export interface RunningSdm {
  close(): Promise<void>;
}

export async function startSdmEmulator(options: SdmEmulatorOptions): Promise<RunningSdm> {
  const startReal = Date.now();
  const startUnix = Date.now() / 1000;
  let importKwh = 1234.5;
  let exportKwh = 321.25;
  let lastUnix = startUnix;
  const values = (): Map<number, number> => {
    const unix = startUnix + ((Date.now() - startReal) / 1000) * options.speed;
    const netW = consumptionW(options.profile, unix) - generationW(options.profile, unix);
    const hours = (unix - lastUnix) / 3600;
    lastUnix = unix;
    if (netW >= 0) importKwh += (netW * hours) / 1000;
    else exportKwh += (-netW * hours) / 1000;
    const voltage = 229.5 + Math.sin(unix / 37) * 1.8;
    const phases = options.model === 'SDM630' ? 3 : 1;
    const current = Math.abs(netW) / voltage / phases;
    const byName: Record<string, number> = {
      voltage, voltageL1: voltage, voltageL2: voltage + 0.7, voltageL3: voltage - 0.4,
      current, currentL1: current, currentL2: current, currentL3: current,
      activePower: netW, frequency: 50 + Math.sin(unix / 11) * 0.03,
      importEnergy: importKwh, exportEnergy: exportKwh, totalEnergy: importKwh + exportKwh,
    };
    const words = new Map<number, number>();
    for (const reg of SDM_REGISTERS[options.model]) {
      const [hi, lo] = floatToWords(byName[reg.name] ?? 0);
      words.set(reg.address, hi);
      words.set(reg.address + 1, lo);
    }
    return words;
  };
  const vector = {
    getMultipleInputRegisters(addr: number, length: number, _unit: number, cb: (err: Error | null, v: number[]) => void): void {
      for (const [refused, code] of options.refusals ?? []) {
        if (refused + 1 >= addr && refused < addr + length) {
          options.log(`refusing input registers 0x${addr.toString(16)}+${length}: Modbus exception ${code}`);
          // modbus-serial's server answers function | 0x80 with this code when the error carries it.
          return cb(Object.assign(new Error(`exception ${code}`), { modbusErrorCode: code }), []);
        }
      }
      const words = values();
      // A real meter answers a register outside its model's map with exception 2 (illegal data
      // address): what a console configured with the wrong model sees.
      if (Array.from({ length }, (_, i) => addr + i).some((a) => !words.has(a))) {
        options.log(`no input register 0x${addr.toString(16)}+${length} on an ${options.model}: Modbus exception 2`);
        return cb(Object.assign(new Error('illegal data address'), { modbusErrorCode: 2 }), []);
      }
      const out = Array.from({ length }, (_, i) => words.get(addr + i) ?? 0);
      // RTU request 8 bytes + reply 5 + 2n bytes, 10 bits each, plus two 3.5-character silences.
      const delay = options.lineTiming ? ((8 + 5 + 2 * length + 7) * 10 * 1000) / options.baudRate : 0;
      setTimeout(() => cb(null, out), delay);
    },
  };
  const server = await new Promise<InstanceType<typeof ModbusRTU.ServerSerial>>((resolve, reject) => {
    const serverOptions = {
      path: options.path,
      baudRate: options.baudRate,
      unitID: options.unitId,
      // End of an RTU frame = 3.5 character times of silence (11-bit characters), not the 30 ms default.
      interval: Math.max(2, Math.ceil((3.5 * 11 * 1000) / options.baudRate)), // typed options lack it; the server reads it
      openCallback: (error?: Error | null) => (error ? reject(error) : resolve(s)),
    };
    const s: InstanceType<typeof ModbusRTU.ServerSerial> = new ModbusRTU.ServerSerial(vector, serverOptions);
  });
  options.log(`${options.model} emulator answering Modbus RTU unit ${options.unitId} on ${options.path} at ${options.baudRate} baud`);
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
