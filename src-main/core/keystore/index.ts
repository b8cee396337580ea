export { Keystore, MIN_PASSPHRASE, type KeystoreOptions } from './keystore.js';
export { KeystoreError, type KeystoreErrorCode } from './keystore-errors.js';
export { KEY_ROLES, type KeyInfo, type KeyRole } from './key-file.js';
