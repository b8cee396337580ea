// The console's field-sync signing key (Ed25519), kept encrypted at rest by the same Keystore code
// that guards the chain keys (polkadot-js JSON: scrypt + xsalsa20-poly1305), in its own folder and
// with its own passphrase: sync must work with the chain off, and a technician who may sign field
// reports should not hold the cooperative's treasury passphrase.
// The key is unlocked only for the moment a pack or report is signed, then locked again.
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import { randomBytes } from 'node:crypto';
import { Keystore } from '../keystore/keystore.js';
import { KeystoreError } from '../keystore/keystore-errors.js';
import { FieldSyncRefusal } from './sync-errors.js';

export interface SyncKeyInfo {
  readonly address: string;
  readonly publicKeyHex: string;
}

/** A fresh Ed25519 key as polkadot-js JSON encrypted with `passphrase` (the enrolment file's key,
 * or the office's own key on its way into its key store). */
export async function newEncryptedSyncKey(label: string, passphrase: string): Promise<{ json: KeyringPair$Json; publicKeyHex: string }> {
  await cryptoWaitReady();
  const pair = new Keyring({ type: 'ed25519' }).addFromMnemonic(mnemonicGenerate(24), { name: label, whenCreated: Date.now() }, 'ed25519');
  const json = pair.toJson(passphrase);
  pair.lock();
  return { json, publicKeyHex: u8aToHex(pair.publicKey, -1, false) };
}

export class SyncKeyStore {
  readonly #keystore: Keystore;

  constructor(dir: string) {
    this.#keystore = new Keystore({ dir });
  }

  get isInitialized(): boolean {
    return this.#keystore.isInitialized;
  }

  /** Creates the key store with `passphrase` and puts the key `json` (encrypted with `jsonPassphrase`) in it. */
  async install(json: unknown, jsonPassphrase: string, passphrase: string): Promise<SyncKeyInfo> {
    await keystoreCall(async () => {
      if (!this.#keystore.isInitialized) await this.#keystore.initialize(passphrase);
      else await this.#keystore.unlock(passphrase);
    });
    try {
      const info = await this.#keystore.importKey(json, jsonPassphrase, 'other');
      return { address: info.address, publicKeyHex: u8aToHex(this.#keystore.signer(info.address).publicKey, -1, false) };
    } catch (error) {
      if (error instanceof KeystoreError && error.code === 'KEYSTORE_WRONG_PASSPHRASE') {
        throw new FieldSyncRefusal('ENROLMENT_INVALID', 'The enrolment passphrase does not open this enrolment file. Ask the office for the passphrase it chose when it enrolled this laptop.');
      }
      if (error instanceof KeystoreError) throw new FieldSyncRefusal('ENROLMENT_INVALID', error.message);
      throw error;
    } finally {
      this.#keystore.lock();
    }
  }

  /** Creates a new key directly in the store (the office's own key). */
  async create(label: string, passphrase: string): Promise<SyncKeyInfo> {
    const transfer = randomBytes(24).toString('base64url'); // only lives between the two calls below
    const { json } = await newEncryptedSyncKey(label, transfer);
    return this.install(json, transfer, passphrase);
  }

  /** Signs one message with the key at `address`, unlocking the store only for this call. */
  async sign(address: string, passphrase: string, message: Uint8Array): Promise<Uint8Array> {
    return keystoreCall(async () => {
      await this.#keystore.unlock(passphrase);
      try {
        return this.#keystore.signer(address).sign(message);
      } finally {
        this.#keystore.lock();
      }
    });
  }
}

async function keystoreCall<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof KeystoreError && error.code === 'KEYSTORE_WRONG_PASSPHRASE') {
      throw new FieldSyncRefusal('BUNDLE_PASSPHRASE', 'The sync key passphrase is wrong: type the one chosen when this console was set up for field sync.');
    }
    if (error instanceof KeystoreError) throw new FieldSyncRefusal('ENROLMENT_INVALID', error.message);
    throw error;
  }
}
