// Errors of the keystore, with stable codes for the API contract and messages an operator can act on.
export type KeystoreErrorCode =
  | 'KEYSTORE_NOT_INITIALIZED'
  | 'KEYSTORE_ALREADY_INITIALIZED'
  | 'KEYSTORE_LOCKED'
  | 'KEYSTORE_WRONG_PASSPHRASE'
  | 'KEYSTORE_WEAK_PASSPHRASE'
  | 'KEYSTORE_CORRUPT_FILE'
  | 'KEYSTORE_UNKNOWN_KEY'
  | 'KEYSTORE_DUPLICATE_KEY'
  | 'KEYSTORE_INVALID_INPUT';

export class KeystoreError extends Error {
  constructor(
    readonly code: KeystoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KeystoreError';
  }
}
