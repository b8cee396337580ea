// The field-sync bundle: one file format for office → field packs and field → office reports.
// Pure (no I/O): bytes in, bytes or a FieldSyncRefusal out.
//
//   file   = CBOR { format: 'coop-field-sync', version, signed: bstr, signature: bstr }
//   signed = CBOR { kind, cooperativeId, senderId, sequence, createdAt, encryption, body: bstr }
//   body   = CBOR { items: [{ type, key, hash: sha256(content), content: bstr (CBOR) }] }
//            — encrypted with AES-256-GCM under a scrypt key from the passphrase for packs
//
// Encrypt-then-sign: the signature covers the ciphertext, so a changed byte is called tampering
// before any decryption is tried, and a GCM failure after a good signature can only mean a wrong
// passphrase. Items carry their own hash so a report can name the one item that is wrong, and so
// the importer can tell "same item again" (idempotent) from "same key, different content"
// (a conflict) without decoding twice.
import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { CborError, cborDecodeObject, cborEncode } from '../devices/cbor.js';
import { FieldSyncRefusal } from './sync-errors.js';

export const BUNDLE_FORMAT = 'coop-field-sync';
export const BUNDLE_VERSION = 1;
export type BundleKind = 'pack' | 'report';

/** scrypt cost fixed by this version; a file may not ask for more (a forged file could otherwise
 * make the importer spend minutes and gigabytes before the signature is even checked). */
const SCRYPT = { logN: 15, r: 8, p: 1 } as const;
const SCRYPT_MAXMEM = 64 * 1024 * 1024;
const MIN_PASSPHRASE = 8;

export interface BundleItem {
  /** What the item is ('member', 'site', 'provisioning', 'batch', …); the importer dispatches on it. */
  readonly type: string;
  /** Stable identity within its type (meter serial, member number, batch hash…). */
  readonly key: string;
  readonly content: unknown;
}

/** An item as it came out of a verified bundle: its hash is checked, its content decoded. */
export interface OpenedItem extends BundleItem {
  readonly hash: string;
}

export interface BundleHeader {
  readonly kind: BundleKind;
  readonly cooperativeId: string;
  readonly senderId: string;
  readonly sequence: number;
  readonly createdAt: string;
}

export interface SealOptions extends BundleHeader {
  readonly items: readonly BundleItem[];
  /** Ed25519 signature of the sender's key (the key itself stays in its encrypted key file). */
  readonly sign: (message: Uint8Array) => Uint8Array;
  /** Packs only: encrypts the body. */
  readonly passphrase?: string;
}

/** What the opener knows about a sender id, resolved by the caller (office: field consoles table;
 * field: the office it was enrolled by). */
export type SenderStatus =
  | { readonly state: 'active'; readonly publicKey: Uint8Array; readonly label: string }
  | { readonly state: 'revoked'; readonly label: string; readonly revokedAt: string };

export interface OpenOptions {
  readonly expectedKind: BundleKind;
  readonly cooperativeId: string;
  readonly resolveSender: (senderId: string) => SenderStatus | undefined;
  /** Highest sequence already imported from this sender (0 = none). Lower is stale; equal is a repeat. */
  readonly lastSequence: (senderId: string) => number;
  readonly passphrase?: string;
}

export interface OpenedBundle extends BundleHeader {
  readonly items: readonly OpenedItem[];
  /** Same sequence as the last one imported from this sender: importing it again changes nothing. */
  readonly repeat: boolean;
}

export interface SigningKeyPair {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
}

export function newSigningKeyPair(): SigningKeyPair {
  const secretKey = ed25519.utils.randomSecretKey();
  return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

/** A signer over an in-memory secret key (tests and short-lived keys). */
export function signerOf(secretKey: Uint8Array): (message: Uint8Array) => Uint8Array {
  return (message) => ed25519.sign(message, secretKey);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function sealBundle(options: SealOptions): Uint8Array {
  const signed = signedPart(options);
  return assemble(signed, options.sign(signed));
}

/** The same, for a signer that has to unlock its key store first (SyncKeyStore.sign). */
export async function sealBundleAsync(options: Omit<SealOptions, 'sign'>, sign: (message: Uint8Array) => Promise<Uint8Array>): Promise<Uint8Array> {
  const signed = signedPart(options);
  return assemble(signed, await sign(signed));
}

function assemble(signed: Uint8Array, signature: Uint8Array): Uint8Array {
  return cborEncode({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, signed, signature });
}

function signedPart(options: Omit<SealOptions, 'sign'>): Uint8Array {
  if (!Number.isSafeInteger(options.sequence) || options.sequence < 1) throw new Error('bundle sequence must be a positive integer');
  const items = options.items.map((item) => {
    const content = cborEncode(item.content);
    return { type: item.type, key: item.key, hash: sha256Hex(content), content };
  });
  const plainBody = cborEncode({ items });
  let body = plainBody;
  let encryption: EncryptionHeader | null = null;
  if (options.kind === 'pack' || options.passphrase !== undefined) {
    if (options.passphrase === undefined || options.passphrase.length < MIN_PASSPHRASE) {
      throw new FieldSyncRefusal('BUNDLE_PASSPHRASE', `A field pack needs a passphrase of at least ${MIN_PASSPHRASE} characters.`);
    }
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    encryption = { kdf: 'scrypt', ...SCRYPT, salt, cipher: 'aes-256-gcm', iv };
    const cipher = createCipheriv('aes-256-gcm', deriveKey(options.passphrase, salt), iv);
    cipher.setAAD(associatedData(options));
    body = Buffer.concat([cipher.update(plainBody), cipher.final(), cipher.getAuthTag()]);
  }
  return cborEncode({
    kind: options.kind,
    cooperativeId: options.cooperativeId,
    senderId: options.senderId,
    sequence: options.sequence,
    createdAt: options.createdAt,
    encryption,
    body,
  });
}

export function openBundle(bytes: Uint8Array, options: OpenOptions): OpenedBundle {
  const outer = decodeRecord(bytes);
  if (outer['format'] !== BUNDLE_FORMAT) throw damaged();
  if (outer['version'] !== BUNDLE_VERSION) {
    throw new FieldSyncRefusal('BUNDLE_VERSION', `This sync file has format version ${String(outer['version'])}; this console reads version ${BUNDLE_VERSION}. Update the console that reads it.`);
  }
  const signed = bytesField(outer, 'signed');
  const signature = bytesField(outer, 'signature');
  const header = readHeader(decodeRecord(signed));

  if (header.kind !== options.expectedKind) {
    throw new FieldSyncRefusal('BUNDLE_WRONG_KIND', header.kind === 'pack'
      ? 'This file is a field pack (office → laptop); import it on a field laptop, not at the office.'
      : 'This file is a field report (laptop → office); import it at the office, not on a field laptop.');
  }
  if (header.cooperativeId !== options.cooperativeId) {
    throw new FieldSyncRefusal('BUNDLE_FOREIGN', `This file belongs to another cooperative (${header.cooperativeId}), not to this one; nothing was imported.`, { cooperativeId: header.cooperativeId });
  }
  const sender = options.resolveSender(header.senderId);
  if (sender === undefined) {
    throw new FieldSyncRefusal('BUNDLE_UNKNOWN_SENDER', `This file was written by console "${header.senderId}", which this console does not know (not enrolled, or enrolled by another office).`, { senderId: header.senderId });
  }
  if (sender.state === 'revoked') {
    throw new FieldSyncRefusal('BUNDLE_SENDER_REVOKED', `This file comes from field console "${sender.label}", revoked on ${sender.revokedAt}; its reports are no longer accepted.`, { senderId: header.senderId });
  }
  if (signature.length !== 64 || !ed25519.verify(signature, signed, sender.publicKey)) {
    throw new FieldSyncRefusal('BUNDLE_TAMPERED', `This file's signature does not match its content: it was changed after "${sender.label}" wrote it. Nothing was imported; ask for a fresh copy.`, { senderId: header.senderId });
  }
  const last = options.lastSequence(header.senderId);
  if (header.sequence < last) {
    throw new FieldSyncRefusal('BUNDLE_STALE', `This file (number ${header.sequence} from "${sender.label}") is older than the last one already imported (number ${last}); nothing was imported.`, { sequence: header.sequence, lastSequence: last });
  }
  const plainBody = header.encryption === null ? header.body : decrypt(header, options.passphrase);
  const items = readItems(decodeRecord(plainBody));
  const { encryption: _e, body: _b, ...plainHeader } = header;
  return { ...plainHeader, items, repeat: header.sequence === last };
}

interface EncryptionHeader {
  readonly kdf: 'scrypt';
  readonly logN: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Uint8Array;
  readonly cipher: 'aes-256-gcm';
  readonly iv: Uint8Array;
}

interface SignedHeader extends BundleHeader {
  readonly encryption: EncryptionHeader | null;
  readonly body: Uint8Array;
}

function deriveKey(passphrase: string, salt: Uint8Array): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N: 2 ** SCRYPT.logN, r: SCRYPT.r, p: SCRYPT.p, maxmem: SCRYPT_MAXMEM });
}

function associatedData(header: BundleHeader): Buffer {
  return Buffer.from(`${header.kind}|${header.cooperativeId}|${header.senderId}|${header.sequence}`, 'utf8');
}

function decrypt(header: SignedHeader, passphrase: string | undefined): Uint8Array {
  const enc = header.encryption;
  if (enc === null) return header.body;
  if (passphrase === undefined || passphrase.length === 0) {
    throw new FieldSyncRefusal('BUNDLE_PASSPHRASE', 'This field pack is encrypted: type the passphrase the office chose when it made the pack.');
  }
  if (header.body.length < 17) throw damaged();
  const tag = header.body.subarray(header.body.length - 16);
  const data = header.body.subarray(0, header.body.length - 16);
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, enc.salt), enc.iv);
    decipher.setAAD(associatedData(header));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    throw new FieldSyncRefusal('BUNDLE_PASSPHRASE', 'The passphrase does not open this field pack. Check it with the office (letters, case and spaces count).');
  }
}

function readHeader(record: Record<string, unknown>): SignedHeader {
  const kind = record['kind'];
  const { cooperativeId, senderId, createdAt, sequence } = record;
  if ((kind !== 'pack' && kind !== 'report') || typeof cooperativeId !== 'string' || typeof senderId !== 'string'
    || typeof createdAt !== 'string' || typeof sequence !== 'number' || !Number.isSafeInteger(sequence) || sequence < 1) {
    throw damaged();
  }
  return { kind, cooperativeId, senderId, createdAt, sequence, encryption: readEncryption(record['encryption']), body: bytesField(record, 'body') };
}

function readEncryption(value: unknown): EncryptionHeader | null {
  if (value === null) return null;
  if (typeof value !== 'object' || value === undefined) throw damaged();
  const record = value as Record<string, unknown>;
  if (record['kdf'] !== 'scrypt' || record['cipher'] !== 'aes-256-gcm'
    || record['logN'] !== SCRYPT.logN || record['r'] !== SCRYPT.r || record['p'] !== SCRYPT.p) {
    throw new FieldSyncRefusal('BUNDLE_VERSION', 'This pack uses encryption settings this console does not accept; make the pack again with an up-to-date office console.');
  }
  const salt = bytesField(record, 'salt');
  const iv = bytesField(record, 'iv');
  if (iv.length !== 12 || salt.length < 16) throw damaged();
  return { kdf: 'scrypt', cipher: 'aes-256-gcm', ...SCRYPT, salt, iv };
}

function readItems(record: Record<string, unknown>): OpenedItem[] {
  const list = record['items'];
  if (!Array.isArray(list)) throw damaged();
  return list.map((raw: unknown, index) => {
    if (typeof raw !== 'object' || raw === null) throw damaged();
    const item = raw as Record<string, unknown>;
    const { type, key, hash } = item;
    if (typeof type !== 'string' || typeof key !== 'string' || typeof hash !== 'string') throw damaged();
    const content = bytesField(item, 'content');
    if (sha256Hex(content) !== hash) {
      throw new FieldSyncRefusal('BUNDLE_ITEM_HASH', `Item ${index + 1} (${type} ${key}) does not match its content hash; the file was built wrongly. Nothing was imported.`, { type, key });
    }
    return { type, key, hash, content: decodeRecordOrValue(content) };
  });
}

function decodeRecord(bytes: Uint8Array): Record<string, unknown> {
  const value = decodeRecordOrValue(bytes);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) throw damaged();
  return value as Record<string, unknown>;
}

function decodeRecordOrValue(bytes: Uint8Array): unknown {
  try {
    return cborDecodeObject(bytes);
  } catch (error) {
    if (error instanceof CborError) throw damaged();
    throw error;
  }
}

function bytesField(record: Record<string, unknown>, name: string): Uint8Array {
  const value = record[name];
  if (!(value instanceof Uint8Array)) throw damaged();
  return value;
}

function damaged(): FieldSyncRefusal {
  return new FieldSyncRefusal('BUNDLE_DAMAGED', 'This file is not a complete sync file: it is truncated, damaged or something else entirely. Copy it again from the other console.');
}
