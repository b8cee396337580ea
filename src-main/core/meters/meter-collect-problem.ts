// Why a background read of a cooperative meter failed, in words a technician can act on. The
// serial layer says "TIMEOUT" or "PORT_OPEN_FAILED"; the technician needs to know which port and
// what to check. The problem code lets the UI say it in its own language.
import type { MeterCollectProblem } from '../../contract/meters.js';
import type { BatchProblem } from './batch-ingest.js';
import { MeterServiceError } from './meter-errors.js';
import { portIsMissing } from './modbus-poll-problem.js';

export class MeterCollectError extends Error {
  constructor(
    readonly problem: MeterCollectProblem,
    message: string,
  ) {
    super(message);
    this.name = 'MeterCollectError';
  }
}

const missing = (path: string) =>
  new MeterCollectError(
    'port-missing',
    `The port ${path} does not exist, so the meter cannot be read. Check that the meter's USB–RS-485 adapter is plugged in ` +
      `(on Linux, list the ports with: ls /dev/ttyUSB* /dev/serial/by-id/) and that the port saved for this meter is the adapter's.`,
  );

/** Before opening: a POSIX port path that is absent is reported without touching the driver. */
export function missingPortError(path: string): MeterCollectError | null {
  return portIsMissing(path) ? missing(path) : null;
}

/** Batches the meter sent that failed verification: evidence of tampering or a faulty meter. */
export function rejectedBatchesError(path: string, rejected: ReadonlyArray<{ seq: number | null; problem: BatchProblem; message: string }>): MeterCollectError {
  const first = rejected[0];
  return new MeterCollectError(
    'batches-rejected',
    `The meter on ${path} sent ${rejected.length} signed batch(es) that fail verification (${first?.problem ?? '?'}: ${first?.message ?? ''}). ` +
      `They were not stored. The meter may have been tampered with or be faulty: do not trust it, and report it to the cooperative office.`,
  );
}

/** Turns whatever a read threw into a MeterCollectError with a code and an actionable message. */
export function classifyCollectFailure(error: unknown, path: string): MeterCollectError {
  if (error instanceof MeterCollectError) return error;
  if (error instanceof MeterServiceError) {
    if (error.code === 'METER_NOT_FOUND') {
      return new MeterCollectError('wrong-meter', `${error.message}. Another meter answers on ${path}: check which adapter this meter is plugged into, and update its port.`);
    }
    if (error.code === 'LINK') {
      const link = error.details.linkCode;
      if (link === 'PORT_OPEN_FAILED' || link === 'DISCONNECTED') {
        if (portIsMissing(path)) return missing(path);
        if (link === 'PORT_OPEN_FAILED') {
          return new MeterCollectError(
            'port-unavailable',
            `The port ${path} exists but could not be opened (${error.message}). Close any other program that uses it, unplug and re-plug the adapter, ` +
              `and on Linux check that the console's user may use serial ports (group dialout).`,
          );
        }
      }
      if (link === 'TIMEOUT' || link === 'DISCONNECTED') {
        return new MeterCollectError('no-answer', `The meter on ${path} did not answer. Check that the meter is powered and that its cable is firmly plugged in at both ends.`);
      }
      if (link === 'CRC_MISMATCH' || link === 'TRUNCATED' || link === 'NOISE' || link === 'OVERSIZE') {
        return new MeterCollectError('damaged-replies', `Replies from the meter on ${path} arrive damaged. Check the cable, its shielding and the baud rate (115200 for cooperative meters).`);
      }
    }
  }
  return new MeterCollectError('other', error instanceof Error ? error.message : String(error));
}
