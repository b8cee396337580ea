// Reads stock Eastron SDM120/SDM630 meters over Modbus RTU (modbus-serial over serialport):
// one input-register read per quantity, float32 decoded, with a per-request timeout.
import { createRequire } from 'node:module';
import type ModbusRTUClass from 'modbus-serial';

// modbus-serial is CommonJS whose typings declare an ES default export; require() gives the class
// itself under every loader (tsx, vitest, compiled NodeNext).
type ModbusRTUCtor = (typeof ModbusRTUClass) extends { default: infer D } ? D : typeof ModbusRTUClass;
const ModbusRTU = createRequire(import.meta.url)('modbus-serial') as ModbusRTUCtor;
import { SDM_REGISTERS, wordsToFloat, type SdmModel, type SdmRegister } from './sdm-registers.js';
import { modbusExceptionName } from './modbus-exceptions.js';

export interface SdmClientOptions {
  readonly path: string;
  readonly baudRate?: number;
  readonly unitId: number;
  readonly model: SdmModel;
  readonly timeoutMs?: number;
}

export class ModbusReadError extends Error {
  constructor(
    readonly register: string,
    cause: unknown,
  ) {
    super(`Reading ${register} over Modbus failed: ${causeText(cause)}. Check the RS-485 wiring (A/B), the unit id and the baud rate (SDM default 2400/9600).`);
    this.name = 'ModbusReadError';
    this.cause = cause;
  }
}

/**
 * The meter answered with a Modbus exception: the line is fine, the request was refused. Not a
 * ModbusReadError, whose message gives wiring advice that does not apply here.
 */
export class ModbusExceptionReply extends Error {
  constructor(
    readonly register: string,
    readonly address: number,
    readonly exceptionCode: number,
  ) {
    super(`The meter refused register ${register} (0x${address.toString(16).padStart(4, '0')}): Modbus exception ${exceptionCode}, ${modbusExceptionName(exceptionCode)}.`);
    this.name = 'ModbusExceptionReply';
  }
}

/** modbus-serial rejects an exception reply with an Error carrying `modbusCode`. */
function exceptionCodeOf(error: unknown): number | null {
  const code = (error as { modbusCode?: unknown } | null)?.modbusCode;
  return typeof code === 'number' && Number.isInteger(code) && code > 0 ? code : null;
}

/** modbus-serial reports timeouts as plain objects ({ name, message, errno }), not Error instances. */
function causeText(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'object' && cause !== null && 'message' in cause && typeof cause.message === 'string') return cause.message;
  return String(cause);
}

/** The map's registers grouped into runs of adjacent float pairs (at most 40 registers a request). */
export function adjacentRuns(registers: readonly SdmRegister[]): SdmRegister[][] {
  const runs: SdmRegister[][] = [];
  for (const reg of [...registers].sort((a, b) => a.address - b.address)) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && reg.address === last.address + 2 && run.length < 20) run.push(reg);
    else runs.push([reg]);
  }
  return runs;
}

export class SdmClient {
  private readonly client = new ModbusRTU();

  private constructor(private readonly options: SdmClientOptions) {}

  static async connect(options: SdmClientOptions): Promise<SdmClient> {
    const sdm = new SdmClient(options);
    try {
      await sdm.client.connectRTUBuffered(options.path, { baudRate: options.baudRate ?? 9600, dataBits: 8, stopBits: 1, parity: 'none' });
    } catch (error) {
      throw new ModbusReadError('(connect)', error);
    }
    sdm.client.setID(options.unitId);
    sdm.client.setTimeout(options.timeoutMs ?? 1000);
    return sdm;
  }

  /** Reads one float32 input register pair. */
  async readFloat(address: number, name = `0x${address.toString(16)}`): Promise<number> {
    try {
      const result = await this.client.readInputRegisters(address, 2);
      return wordsToFloat(result.data[0] ?? 0, result.data[1] ?? 0);
    } catch (error) {
      const exceptionCode = exceptionCodeOf(error);
      if (exceptionCode !== null) throw new ModbusExceptionReply(name, address, exceptionCode);
      throw new ModbusReadError(name, error);
    }
  }

  /**
   * Reads every register of the model's map, adjacent registers in one request (an SDM630: 4
   * requests instead of 11; each request costs a round trip and two line silences). A request the
   * meter refuses is read again register by register, so the refusal names the one register.
   */
  async readAll(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const run of adjacentRuns(SDM_REGISTERS[this.options.model])) {
      const first = run[0]!;
      let words: number[];
      try {
        words = (await this.client.readInputRegisters(first.address, run.length * 2)).data;
      } catch (error) {
        if (run.length > 1 && exceptionCodeOf(error) !== null) {
          for (const reg of run) out[reg.name] = await this.readFloat(reg.address, reg.name);
          continue;
        }
        const exceptionCode = exceptionCodeOf(error);
        if (exceptionCode !== null) throw new ModbusExceptionReply(first.name, first.address, exceptionCode);
        throw new ModbusReadError(run.map((r) => r.name).join(', '), error);
      }
      run.forEach((reg, i) => (out[reg.name] = wordsToFloat(words[2 * i] ?? 0, words[2 * i + 1] ?? 0)));
    }
    return out;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.client.isOpen ? this.client.close(() => resolve()) : resolve()));
  }
}
