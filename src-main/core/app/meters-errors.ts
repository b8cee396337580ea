// Meter service errors at the API boundary: as CoreError for direct calls (collect, relay, Modbus,
// trust edits) and as RunError data for provisioning runs. The meter services' messages already say
// what to do; here they only get an API code and, for runs, the fields the UI turns into advice.
import type { AttestationCheckName, RunError } from '../../contract/meters.js';
import { ATTESTATION_CHECKS } from '../../contract/meters.js';
import { CoreError } from '../api/core-error.js';
import { ModbusReadError } from '../devices/sdm-client.js';
import { MeterServiceError } from '../meters/meter-errors.js';
import { MeterCollectError } from '../meters/meter-collect-problem.js';

export function toRunError(error: unknown): RunError {
  if (error instanceof MeterServiceError) {
    const failed = error.details.failedCheck;
    const attempts = error.details.attempts;
    const linkCode = typeof error.details.linkCode === 'string' ? error.details.linkCode : null;
    return {
      code: error.code,
      message: error.message,
      linkCode,
      failedCheck: typeof failed === 'string' && (ATTESTATION_CHECKS as readonly string[]).includes(failed) ? (failed as AttestationCheckName) : null,
      attempts: typeof attempts === 'number' ? attempts : null,
      // A serial problem or an interrupted provisioning can be retried (the core resumes); a meter
      // that failed attestation or sent a bad batch must not be installed.
      retryable: error.code === 'LINK' ? linkCode !== 'DEVICE_ERROR' : error.code === 'PROVISION_MISMATCH',
    };
  }
  if (error instanceof CoreError) return { code: error.code, message: error.message, linkCode: null, failedCheck: null, attempts: null, retryable: false };
  return { code: 'INTERNAL', message: 'Something went wrong inside the console; the details are in the log.', linkCode: null, failedCheck: null, attempts: null, retryable: true };
}

/** Rethrows meter-layer errors as CoreError with a stable API code; anything else is a bug (INTERNAL). */
export function asCoreError(error: unknown): never {
  if (error instanceof MeterServiceError) {
    switch (error.code) {
      case 'MEMBER_NOT_FOUND':
      case 'METER_NOT_FOUND':
      case 'NOT_FOUND':
        throw new CoreError('NOT_FOUND', error.message);
      case 'TRUST_INPUT_INVALID':
        throw new CoreError('VALIDATION', error.message);
      case 'LINK':
        throw new CoreError(error.details.linkCode === 'DEVICE_ERROR' ? 'DEVICE_REFUSED' : 'DEVICE_UNREACHABLE', error.message);
      case 'MODBUS':
        throw new CoreError('DEVICE_UNREACHABLE', error.message);
      default:
        throw new CoreError('DEVICE_REFUSED', error.message);
    }
  }
  if (error instanceof ModbusReadError) throw new CoreError('DEVICE_UNREACHABLE', error.message);
  // The collector's own check (a port path that does not exist), before any driver call.
  if (error instanceof MeterCollectError) throw new CoreError('DEVICE_UNREACHABLE', error.message);
  throw error;
}

/** Runs `work`, translating meter-layer errors. */
export async function meterCall<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    return asCoreError(error);
  }
}
