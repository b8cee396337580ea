// Stable error codes of the meters services (see README.md); messages tell a technician what to do.
export type MeterServiceErrorCode =
  | 'LINK' // serial problem: see `linkCode` (TIMEOUT, DISCONNECTED, CRC_MISMATCH, …)
  | 'ATTESTATION_FAILED' // see `failedCheck`
  | 'NONCE_UNKNOWN'
  | 'MEMBER_NOT_FOUND'
  | 'METER_NOT_FOUND'
  | 'NOT_FOUND'
  | 'NOT_ATTESTED'
  | 'PROVISION_MISMATCH'
  | 'BATCH_REJECTED' // see `batchProblem`
  | 'TRUST_INPUT_INVALID'
  | 'MODBUS';

export class MeterServiceError extends Error {
  constructor(
    readonly code: MeterServiceErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'MeterServiceError';
  }
}
