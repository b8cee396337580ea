// Chain and keystore errors → API errors. The chain layer's messages are already written for the
// operator; here they only get a stable API code (and the missing pallets as details).
import type { ApiErrorCode, ApiIssue } from '../../contract/errors.js';
import { ruleIssue } from '../../contract/issues.js';
import { CoreError } from '../api/core-error.js';
import { ChainError, type ChainErrorCode } from '../chain/index.js';
import { KeystoreError, MIN_PASSPHRASE, type KeystoreErrorCode } from '../keystore/index.js';

const CHAIN_CODES: Record<ChainErrorCode, ApiErrorCode> = {
  CHAIN_NODE_START_FAILED: 'CHAIN_NOT_CONNECTED',
  CHAIN_NODE_NOT_RUNNING: 'CHAIN_NOT_CONNECTED',
  CHAIN_NODE_FOLDER_IN_USE: 'CHAIN_NOT_CONNECTED',
  CHAIN_NOT_CONNECTED: 'CHAIN_NOT_CONNECTED',
  CHAIN_MISSING_CAPABILITIES: 'CHAIN_MISSING_CAPABILITIES',
  CHAIN_ENDPOINT_INVALID: 'CHAIN_ENDPOINT_INVALID',
  CHAIN_INVALID_ADDRESS: 'VALIDATION',
  CHAIN_INVALID_AMOUNT: 'VALIDATION',
  CHAIN_INVALID_INPUT: 'VALIDATION',
  CHAIN_TX_REJECTED: 'CHAIN_FAILED',
  CHAIN_TX_DISPATCH_FAILED: 'CHAIN_FAILED',
  CHAIN_TX_DROPPED: 'CHAIN_FAILED',
  CHAIN_TIMEOUT: 'CHAIN_FAILED',
  CHAIN_NOT_BOOTSTRAPPED: 'CHAIN_NOT_BOOTSTRAPPED',
  CHAIN_PROOF_INVALID: 'CHAIN_FAILED',
};

const KEYSTORE_CODES: Record<KeystoreErrorCode, ApiErrorCode> = {
  KEYSTORE_NOT_INITIALIZED: 'KEYSTORE_NOT_INITIALIZED',
  KEYSTORE_ALREADY_INITIALIZED: 'KEYSTORE_ALREADY_INITIALIZED',
  KEYSTORE_LOCKED: 'KEYSTORE_LOCKED',
  KEYSTORE_WRONG_PASSPHRASE: 'KEYSTORE_WRONG_PASSPHRASE',
  KEYSTORE_WEAK_PASSPHRASE: 'VALIDATION',
  KEYSTORE_CORRUPT_FILE: 'KEYSTORE_CORRUPT_FILE',
  KEYSTORE_UNKNOWN_KEY: 'KEYSTORE_UNKNOWN_KEY',
  KEYSTORE_DUPLICATE_KEY: 'KEYSTORE_DUPLICATE_KEY',
  KEYSTORE_INVALID_INPUT: 'VALIDATION',
};

/** A validation error of the chain layer or keystore as an issue the console says from its kind and values. */
function issueOf(code: KeystoreErrorCode | ChainErrorCode, path: string, message: string): ApiIssue {
  if (code === 'KEYSTORE_WEAK_PASSPHRASE') return { path, message, code: 'too_small', params: { origin: 'string', minimum: MIN_PASSPHRASE, inclusive: true } };
  if (code === 'CHAIN_INVALID_ADDRESS') return ruleIssue(path, 'invalidAddress', message);
  if (code === 'CHAIN_INVALID_AMOUNT') return ruleIssue(path, 'invalidAmount', message);
  return { path, message };
}

/** Rebuilds a chain/keystore error as a CoreError; `field` names the input a VALIDATION error is about. */
export function toCoreError(error: unknown, field = ''): unknown {
  if (error instanceof KeystoreError) {
    const code = KEYSTORE_CODES[error.code];
    return new CoreError(code, error.message, code === 'VALIDATION' ? [issueOf(error.code, field || 'passphrase', error.message)] : undefined);
  }
  if (error instanceof ChainError) {
    const code = CHAIN_CODES[error.code];
    const missing = error.details?.['missing'];
    const details = Array.isArray(missing) ? { missing: missing.filter((m): m is string => typeof m === 'string') } : undefined;
    return new CoreError(code, error.message, code === 'VALIDATION' ? [issueOf(error.code, field, error.message)] : undefined, details);
  }
  return error;
}

/** Runs a chain/keystore call and rethrows its errors as API errors. */
export async function chainCall<T>(run: () => T | Promise<T>, field = ''): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toCoreError(error, field);
  }
}

export const chainOff = (): CoreError =>
  new CoreError('CHAIN_OFF', 'The console runs without a chain. An admin can turn it on in Settings → Chain (the embedded node needs no internet).');
