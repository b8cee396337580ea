// Chain and keystore errors become CoreErrors with the contract's codes (their messages are already
// written for people). Used by the member-accounts service and the chain registrar.
import type { ApiErrorCode } from '../../contract/errors.js';
import { CoreError } from '../api/core-error.js';
import { ChainError, errorMessage } from '../chain/errors.js';
import { KeystoreError } from '../keystore/keystore-errors.js';

const CHAIN_CODES: Partial<Record<string, ApiErrorCode>> = {
  CHAIN_NOT_CONNECTED: 'CHAIN_NOT_CONNECTED',
  CHAIN_NODE_NOT_RUNNING: 'CHAIN_NOT_CONNECTED',
  CHAIN_MISSING_CAPABILITIES: 'CHAIN_MISSING_CAPABILITIES',
  CHAIN_ENDPOINT_INVALID: 'CHAIN_ENDPOINT_INVALID',
  CHAIN_NOT_BOOTSTRAPPED: 'CHAIN_NOT_BOOTSTRAPPED',
  CHAIN_INVALID_ADDRESS: 'VALIDATION',
  CHAIN_INVALID_AMOUNT: 'VALIDATION',
  CHAIN_INVALID_INPUT: 'VALIDATION',
};

export function toCoreError(error: unknown): CoreError {
  if (error instanceof CoreError) return error;
  if (error instanceof KeystoreError) {
    const code: ApiErrorCode = error.code === 'KEYSTORE_WEAK_PASSPHRASE' || error.code === 'KEYSTORE_INVALID_INPUT' ? 'VALIDATION' : error.code;
    return new CoreError(code, error.message);
  }
  if (error instanceof ChainError) return new CoreError(CHAIN_CODES[error.code] ?? 'CHAIN_FAILED', error.message);
  return new CoreError('CHAIN_FAILED', `The chain did not answer as expected: ${errorMessage(error)}`);
}

/** Runs `work`, turning chain/keystore errors into CoreErrors. */
export async function asCoreErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toCoreError(error);
  }
}
