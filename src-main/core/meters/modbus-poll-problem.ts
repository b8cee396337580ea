// Why a stock-meter poll failed, in words a technician can act on. The driver's errors (serialport,
// modbus-serial) say "No such file or directory" or "Timed out"; the technician needs to know which
// port, which unit id, and what to check. The problem code lets the UI say it in its own language.
import { existsSync } from 'node:fs';
import type { ModbusPollProblem } from '../../contract/meters.js';
import { ModbusExceptionReply, type SdmClientOptions } from '../devices/sdm-client.js';
import { modbusExceptionAdvice, modbusExceptionName } from '../devices/modbus-exceptions.js';

export type { ModbusPollProblem } from '../../contract/meters.js';

/** What a meter refused (problem 'device-refused'): the register and the Modbus exception code. */
export interface ModbusRefusal {
  readonly register: string;
  readonly address: number;
  readonly exceptionCode: number;
}

export class ModbusPollError extends Error {
  constructor(
    readonly problem: ModbusPollProblem,
    message: string,
    readonly refusal: ModbusRefusal | null = null,
  ) {
    super(message);
    this.name = 'ModbusPollError';
  }
}

type Target = Pick<SdmClientOptions, 'path' | 'unitId' | 'baudRate'> & { readonly model?: SdmClientOptions['model'] };

/**
 * True when a POSIX device path (e.g. /dev/ttyUSB0 or a /dev/serial/by-id link) is absent. Windows
 * names (COM4) are not files, so for them only the driver's own error can tell.
 */
export function portIsMissing(path: string): boolean {
  return path.startsWith('/') && !existsSync(path);
}

export function portMissingError(target: Target): ModbusPollError {
  return new ModbusPollError(
    'port-missing',
    `The port ${target.path} does not exist, so the meter cannot be read. Check that the USB–RS-485 adapter is plugged in ` +
      `(on Linux, list the ports with: ls /dev/ttyUSB* /dev/serial/by-id/) and that the port path saved for this meter is the adapter's.`,
  );
}

/** Turns whatever a poll threw into a ModbusPollError with a code and an actionable message. */
export function classifyPollFailure(error: unknown, target: Target): ModbusPollError {
  if (error instanceof ModbusPollError) return error;
  if (error instanceof ModbusExceptionReply) {
    // An exception reply needs a working line: wiring, unit id and baud rate are right.
    const { register, address, exceptionCode } = error;
    const hex = `0x${address.toString(16).padStart(4, '0')}`;
    return new ModbusPollError(
      'device-refused',
      `The meter on ${target.path} (unit id ${target.unitId}) answered but refused register ${register} (${hex}): exception ${exceptionCode}, ` +
        `${modbusExceptionName(exceptionCode)} — ${modbusExceptionAdvice(exceptionCode, target.model ?? 'SDM')}. The wiring, unit id and baud rate are right.`,
      { register, address, exceptionCode },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  if (/no such file|ENOENT|file not found|cannot find the (file|path)/i.test(detail)) return portMissingError(target);
  if (detail.includes('Reading (connect) over Modbus failed')) {
    // The SDM client wraps every failure with wiring advice; for a port that will not open the
    // driver's reason is what matters (busy, permission, not a serial device).
    const reason = /failed: (?:Error: )?(.*?)\.? Check the RS-485/.exec(detail)?.[1] ?? detail;
    return new ModbusPollError(
      'port-unavailable',
      `The port ${target.path} exists but could not be opened (${reason}). Close any other program that uses it, unplug and re-plug the adapter, ` +
        `and on Linux check that the console's user may use serial ports (group dialout).`,
    );
  }
  // modbus-serial reports a timeout (and a port closed under a read) with plain objects, not Errors,
  // which the SDM client's message turns into "[object Object]": on a port that opened, that is a
  // meter that did not answer.
  if (/timed out|ETIMEDOUT|\[object Object\]|Port Not Open/i.test(detail)) {
    return new ModbusPollError(
      'no-answer',
      `The meter on ${target.path} (unit id ${target.unitId}, ${target.baudRate ?? 9600} baud) did not answer. Check that the meter is powered, ` +
        `the RS-485 wiring (A to A, B to B), and that the meter's unit id and baud rate match the ones saved here.`,
    );
  }
  return new ModbusPollError('other', detail);
}
