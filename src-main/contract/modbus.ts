// Stock Modbus meters (Eastron SDM120/SDM630 over RS-485) and the serial-line fields they share with
// provisioning: what a poll returns, why it failed, and the fields of a registration. Channels are in
// meters.ts with the rest of the technician's work.
import { z } from 'zod';
import { Id, RequiredText, ShortText } from './common.js';
import { because } from './issues.js';

export const SDM_MODELS = ['SDM120', 'SDM630'] as const;

/** A device path: /dev/ttyUSB0, COM4, or a pty/symlink. No control characters, no NUL. */
export const PortPath = RequiredText(260).regex(/^[^\0-\x1f]+$/, 'Not a valid port name');
export const BaudRate = z.number().int().refine((b) => [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200].includes(b), because('standardBaudRate', 'Use a standard baud rate (1200 … 115200)'));

/**
 * Why a stock-meter poll failed: `port-missing` the port path does not exist (adapter unplugged or
 * wrong path), `port-unavailable` it exists but will not open (busy, permissions), `no-answer` the
 * port opened but the meter did not reply in time (wiring, power, unit id, baud rate),
 * `device-refused` the meter answered with a Modbus exception (the line is fine; see `lastRefusal`),
 * `other`.
 */
export const MODBUS_POLL_PROBLEMS = ['port-missing', 'port-unavailable', 'no-answer', 'device-refused', 'other'] as const;
export type ModbusPollProblem = (typeof MODBUS_POLL_PROBLEMS)[number];

/** One phase of a sample: L1 (the only phase of an SDM120), L2, L3. */
export interface ModbusPhaseView {
  /** Decivolts (integer): 2301 = 230.1 V. */
  readonly voltageDv: number;
  /** Milliamps (integer); null in samples stored before the console read current. */
  readonly currentMa: number | null;
}

/**
 * Everything the meter's register map provides, as integers in small units (like the Wh of the
 * books): energy in Wh, power in W, voltage in decivolts, current in milliamps, frequency in
 * centihertz. Quantities added later are null in samples stored before them.
 */
export interface ModbusSampleView {
  readonly at: string;
  readonly importWh: number;
  readonly exportWh: number;
  /** The meter's own total-energy register (import + export as the meter counts it). */
  readonly totalWh: number | null;
  /** Active power; SDM630: the total over the three phases. */
  readonly powerW: number;
  /** Decivolts (integer), phase L1: 2301 = 230.1 V. */
  readonly voltageDv: number;
  /** Centihertz (integer): 5003 = 50.03 Hz. */
  readonly frequencyCHz: number | null;
  /** One entry for an SDM120, three (L1, L2, L3) for an SDM630. */
  readonly phases: readonly ModbusPhaseView[];
}

/** What a meter refused when it answered a poll with a Modbus exception. */
export interface ModbusRefusalView {
  /** The register's name in the model's map (e.g. totalEnergy) and its address. */
  readonly register: string;
  readonly address: number;
  /** 1 illegal function, 2 illegal data address, 3 illegal data value, 4 server device failure, … */
  readonly exceptionCode: number;
}

export interface ModbusMeterView {
  readonly id: number;
  readonly label: string;
  readonly model: (typeof SDM_MODELS)[number];
  readonly portPath: string;
  readonly baudRate: number;
  readonly unitId: number;
  readonly memberId: number | null;
  readonly memberName: string | null;
  readonly equipmentRef: string | null;
  /**
   * 0 = not polled automatically; otherwise 5 … 86400 s. Stored in the database: polling resumes
   * by itself when the console starts. While polls fail the wait grows (see `nextPollAt`).
   */
  readonly pollSeconds: number;
  readonly lastSample: ModbusSampleView | null;
  /** The last attempt (scheduled or "poll now"), successful or not; null = never polled. */
  readonly lastPollAt: string | null;
  /** Whether that attempt read the meter; null = never polled. */
  readonly lastPollOk: boolean | null;
  /** Why the last attempt failed (null after a success): for a message in the operator's language. */
  readonly lastProblem: ModbusPollProblem | null;
  /** With `device-refused`: which register was refused and the exception code. */
  readonly lastRefusal: ModbusRefusalView | null;
  /** The core's message for the last failure (English, with port, unit id, baud rate and what to check). */
  readonly lastError: string | null;
  /** Failed attempts since the last success. */
  readonly consecutiveFailures: number;
  /**
   * When the next scheduled attempt is due; null when not polled automatically (or one is running).
   * After failures it is later than the interval: the wait doubles per failure, up to 1 minute or
   * the interval if longer.
   */
  readonly nextPollAt: string | null;
}

/** Stock-meter polling interval: 0 = off, otherwise 5 s … 1 day (the meter and the line need the pause). */
export const PollSeconds = z.number().int('Whole seconds').refine((s) => s === 0 || (s >= 5 && s <= 86_400), because('pollSeconds', '0 (off) or 5 … 86400 seconds'));

export const ModbusMeterFields = z.object({
  label: RequiredText(80),
  model: z.enum(SDM_MODELS),
  portPath: PortPath,
  baudRate: BaudRate.default(9600),
  unitId: z.number().int().min(1, 'Modbus unit ids are 1 … 247').max(247, 'Modbus unit ids are 1 … 247'),
  memberId: Id.nullable().default(null),
  equipmentRef: ShortText(64).default(''),
  pollSeconds: PollSeconds.default(0),
});
