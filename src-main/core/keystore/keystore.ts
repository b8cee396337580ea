// Encrypted keystore for the cooperative's and members' sr25519 keys, in `${dataDir}/keystore/`.
// - One polkadot-js keyring JSON file per key, encrypted with the keystore passphrase
//   (scrypt KDF + xsalsa20-poly1305, the format polkadot-js tools read and write).
// - `keystore.json` holds a small encrypted canary, so a wrong passphrase is told apart from a
//   corrupt key file before any key is touched.
// - Unlocked per session: secrets live only in memory while unlocked and are wiped by lock().
//   They never go to the database, logs or API results (KeyInfo carries no secret).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { stringToU8a, u8aToString } from '@polkadot/util';
import { cryptoWaitReady, jsonDecrypt, jsonEncrypt, mnemonicGenerate } from '@polkadot/util-crypto';
import type { EncryptedJson } from '@polkadot/util-crypto/types';
import { KeystoreError } from './keystore-errors.js';
import { encryptedJsonSchema, keyFileSchema, keyInfoFrom, KEY_ROLES, type KeyFileJson, type KeyInfo, type KeyRole } from './key-file.js';

const CANARY_TEXT = 'coop-console-keystore-v1';
export const MIN_PASSPHRASE = 10;

export interface KeystoreOptions {
  /** Normally `${dataDir}/keystore`. */
  readonly dir: string;
  /** SS58 prefix for addresses; 42 (generic Substrate) by default. */
  readonly ss58Format?: number;
}

export class Keystore {
  readonly #dir: string;
  readonly #keyring: Keyring;
  #passphrase: string | null = null;
  readonly #unlocked = new Map<string, KeyringPair>();

  constructor(options: KeystoreOptions) {
    this.#dir = options.dir;
    this.#keyring = new Keyring({ type: 'sr25519', ss58Format: options.ss58Format ?? 42 });
  }

  get isInitialized(): boolean {
    return existsSync(this.#metaFile);
  }

  get isUnlocked(): boolean {
    return this.#passphrase !== null;
  }

  /** Creates an empty keystore protected by `passphrase` and leaves it unlocked. */
  async initialize(passphrase: string): Promise<void> {
    await cryptoWaitReady();
    if (this.isInitialized) throw new KeystoreError('KEYSTORE_ALREADY_INITIALIZED', 'A keystore already exists here; unlock it instead of creating a new one.');
    checkPassphrase(passphrase);
    mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
    const canary = jsonEncrypt(stringToU8a(CANARY_TEXT), ['canary'], passphrase);
    writeAtomic(this.#metaFile, JSON.stringify({ version: 1, canary }, null, 2));
    this.#passphrase = passphrase;
  }

  /** Checks the passphrase, then decrypts every key into memory for this session. */
  async unlock(passphrase: string): Promise<void> {
    await cryptoWaitReady();
    if (!this.isInitialized) throw new KeystoreError('KEYSTORE_NOT_INITIALIZED', 'There is no keystore yet: create one with a passphrase first.');
    const meta = readJson(this.#metaFile);
    const canary = encryptedJsonSchema.safeParse((meta as { canary?: unknown } | null)?.canary);
    if (!canary.success) throw corrupt(this.#metaFile);
    let text: string;
    try {
      text = u8aToString(jsonDecrypt(canary.data as EncryptedJson, passphrase));
    } catch {
      throw new KeystoreError('KEYSTORE_WRONG_PASSPHRASE', 'The keystore passphrase is wrong. Check the keyboard layout and caps lock, then try again.');
    }
    if (text !== CANARY_TEXT) throw corrupt(this.#metaFile);
    const pairs = new Map<string, KeyringPair>();
    for (const file of this.#keyFiles()) {
      const json = parseKeyFile(readJson(file), file);
      const pair = this.#keyring.createFromJson(json as KeyringPair$Json);
      try {
        pair.decodePkcs8(passphrase);
      } catch {
        throw new KeystoreError('KEYSTORE_CORRUPT_FILE', `The key file ${file} cannot be decrypted with the keystore passphrase: it is damaged or was encrypted with another passphrase. Restore it from a backup.`);
      }
      pairs.set(pair.address, pair);
    }
    this.lock();
    for (const [address, pair] of pairs) this.#unlocked.set(address, pair);
    this.#passphrase = passphrase;
  }

  /** Wipes every secret from memory. */
  lock(): void {
    for (const pair of this.#unlocked.values()) pair.lock();
    this.#unlocked.clear();
    this.#passphrase = null;
  }

  /** Public information about every key (readable while locked). */
  list(): KeyInfo[] {
    if (!this.isInitialized) return [];
    return this.#keyFiles().map((file) => keyInfoFrom(parseKeyFile(readJson(file), file)));
  }

  find(address: string): KeyInfo | undefined {
    return this.list().find((k) => k.address === address);
  }

  /** Generates a new sr25519 key, stores it encrypted and returns its public info. */
  async create(label: string, role: KeyRole): Promise<KeyInfo> {
    await cryptoWaitReady();
    const passphrase = this.#requireUnlocked();
    checkLabel(label, role);
    const pair = this.#keyring.addFromMnemonic(mnemonicGenerate(24), { name: label, coopRole: role, whenCreated: Date.now() });
    this.#keyring.removePair(pair.address); // we keep our own map; the keyring is only a factory
    return this.#store(pair, passphrase);
  }

  /** The unlocked signing pair for `address` (for the transaction service only). */
  signer(address: string): KeyringPair {
    this.#requireUnlocked();
    const pair = this.#unlocked.get(address);
    if (!pair) throw new KeystoreError('KEYSTORE_UNKNOWN_KEY', `No key for ${address} in this keystore.`);
    return pair;
  }

  /** One key as polkadot-js JSON, encrypted with `exportPassphrase` (importable in polkadot-js apps). */
  async exportKey(address: string, exportPassphrase: string): Promise<KeyringPair$Json> {
    await cryptoWaitReady();
    checkPassphrase(exportPassphrase);
    return this.signer(address).toJson(exportPassphrase);
  }

  /** Imports one polkadot-js key JSON; `passphrase` is the one it was exported with. */
  async importKey(input: unknown, passphrase: string, role: KeyRole = 'other'): Promise<KeyInfo> {
    await cryptoWaitReady();
    const keystorePassphrase = this.#requireUnlocked();
    const json = parseKeyFile(input, 'the imported key');
    const pair = this.#keyring.createFromJson(json as KeyringPair$Json);
    try {
      pair.decodePkcs8(passphrase);
    } catch {
      throw new KeystoreError('KEYSTORE_WRONG_PASSPHRASE', `The passphrase does not open the key ${json.address}. Use the passphrase it was exported with.`);
    }
    if (this.#unlocked.has(pair.address)) throw new KeystoreError('KEYSTORE_DUPLICATE_KEY', `The key ${pair.address} is already in this keystore.`);
    pair.setMeta({ coopRole: KEY_ROLES.includes(role) ? role : 'other', whenCreated: pair.meta['whenCreated'] ?? Date.now() });
    return this.#store(pair, keystorePassphrase);
  }

  /** Every key in one file (polkadot-js "batch-pkcs8" backup format), encrypted with `backupPassphrase`. */
  async backup(backupPassphrase: string): Promise<EncryptedJson & { accounts: { address: string; meta: Record<string, unknown> }[] }> {
    await cryptoWaitReady();
    checkPassphrase(backupPassphrase);
    this.#requireUnlocked();
    const jsons = [...this.#unlocked.values()].map((pair) => pair.toJson(backupPassphrase));
    const encrypted = jsonEncrypt(stringToU8a(JSON.stringify(jsons)), ['batch-pkcs8'], backupPassphrase);
    return { ...encrypted, accounts: jsons.map((j) => ({ address: j.address, meta: { ...j.meta } })) };
  }

  /** Restores keys from a backup made by backup() (or polkadot-js apps' "export all"); returns what was added. */
  async restore(input: unknown, backupPassphrase: string): Promise<KeyInfo[]> {
    await cryptoWaitReady();
    this.#requireUnlocked();
    const parsed = encryptedJsonSchema.safeParse(input);
    if (!parsed.success || !parsed.data.encoding.content.includes('batch-pkcs8')) {
      throw new KeystoreError('KEYSTORE_CORRUPT_FILE', 'This is not a keystore backup file (expected a polkadot-js "batch-pkcs8" JSON). Choose the file made by Backup keys.');
    }
    let inner: unknown;
    try {
      inner = JSON.parse(u8aToString(jsonDecrypt(parsed.data as EncryptedJson, backupPassphrase)));
    } catch {
      throw new KeystoreError('KEYSTORE_WRONG_PASSPHRASE', 'The backup passphrase is wrong (or the backup file was altered).');
    }
    if (!Array.isArray(inner)) throw new KeystoreError('KEYSTORE_CORRUPT_FILE', 'The backup decrypted but holds no list of keys; it is damaged.');
    const added: KeyInfo[] = [];
    for (const json of inner) {
      const info = keyInfoFrom(parseKeyFile(json, 'a key in the backup'));
      if (this.#unlocked.has(info.address)) continue;
      added.push(await this.importKey(json, backupPassphrase, info.role));
    }
    return added;
  }

  #store(pair: KeyringPair, passphrase: string): KeyInfo {
    const json = pair.toJson(passphrase);
    writeAtomic(join(this.#dir, `${pair.address}.json`), JSON.stringify(json, null, 2));
    this.#unlocked.set(pair.address, pair);
    return keyInfoFrom(parseKeyFile(json, pair.address));
  }

  #requireUnlocked(): string {
    if (this.#passphrase === null) throw new KeystoreError('KEYSTORE_LOCKED', 'The keystore is locked. Unlock it with its passphrase first.');
    return this.#passphrase;
  }

  get #metaFile(): string {
    return join(this.#dir, 'keystore.json');
  }

  #keyFiles(): string[] {
    return readdirSync(this.#dir)
      .filter((f) => f.endsWith('.json') && f !== 'keystore.json')
      .sort()
      .map((f) => join(this.#dir, f));
  }
}

function parseKeyFile(input: unknown, where: string): KeyFileJson {
  const parsed = keyFileSchema.safeParse(input);
  if (!parsed.success || !parsed.data.encoding.content.includes('pkcs8')) {
    throw new KeystoreError('KEYSTORE_CORRUPT_FILE', `${where} is not a polkadot-js key JSON (missing address, encoded or encoding); it is damaged or of another kind.`);
  }
  return parsed.data;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    throw corrupt(file);
  }
}

function corrupt(file: string): KeystoreError {
  return new KeystoreError('KEYSTORE_CORRUPT_FILE', `The keystore file ${file} is damaged (not the expected JSON). Restore it from a backup.`);
}

function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || passphrase.length < MIN_PASSPHRASE) {
    throw new KeystoreError('KEYSTORE_WEAK_PASSPHRASE', `Choose a passphrase of at least ${MIN_PASSPHRASE} characters.`);
  }
}

function checkLabel(label: string, role: KeyRole): void {
  if (typeof label !== 'string' || label.trim().length === 0 || label.length > 120) {
    throw new KeystoreError('KEYSTORE_INVALID_INPUT', 'A key needs a name of 1 to 120 characters.');
  }
  if (!KEY_ROLES.includes(role)) throw new KeystoreError('KEYSTORE_INVALID_INPUT', `Unknown key role "${String(role)}"; use one of ${KEY_ROLES.join(', ')}.`);
}

function writeAtomic(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}
