// Pairing a field laptop with its office over the LAN, pure (no I/O): an X25519 key agreement
// whose transcript gives a 6-digit code shown on BOTH screens (numeric comparison, as Bluetooth
// does): the operators compare the codes and each confirms; a machine in the middle runs two key
// agreements and so shows two different codes.
//
// The laptop commits to its key before it sees the office's (hash of key + nonce), and reveals it
// only after: a machine in the middle must fix one side's key before it learns the other, so it
// cannot search for a pair of keys giving equal codes (one chance in a million per attempt).
//
//   laptop → office: consoleId, commitment = SHA-256(context | laptopKey | nonce)
//   office → laptop: pairingId, officeKey (fresh)
//   laptop → office: laptopKey, nonce          (office checks the commitment)
//   both: shared = X25519; code, pairing key = HKDF-SHA-256(shared, salt = transcript)
//
// The pairing key then authenticates each network sync (HMAC of what travels) and gives the
// pack's passphrase; the bundles themselves stay signed by their senders' keys as on a USB stick.
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes, timingSafeEqual } from 'node:crypto';

const CONTEXT = 'coop-field-sync-lan-pairing-v1';
const encoder = new TextEncoder();

export interface EphemeralKey {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
}

export function newEphemeralKey(): EphemeralKey {
  const secretKey = x25519.utils.randomSecretKey();
  return { secretKey, publicKey: x25519.getPublicKey(secretKey) };
}

export function newNonce(): Uint8Array {
  return new Uint8Array(randomBytes(16));
}

export function commitmentOf(laptopPublicKey: Uint8Array, nonce: Uint8Array): Uint8Array {
  return sha256(concat(encoder.encode(`${CONTEXT}|commit|`), laptopPublicKey, nonce));
}

export function commitmentMatches(commitment: Uint8Array, laptopPublicKey: Uint8Array, nonce: Uint8Array): boolean {
  const expected = commitmentOf(laptopPublicKey, nonce);
  return commitment.length === expected.length && timingSafeEqual(commitment, expected);
}

export interface PairingTranscript {
  readonly cooperativeSyncId: string;
  readonly consoleId: string;
  readonly laptopPublicKey: Uint8Array;
  readonly officePublicKey: Uint8Array;
}

export interface PairingSecret {
  /** Six digits, shown on both screens. */
  readonly code: string;
  /** 32 bytes: authenticates network syncs of this laptop. */
  readonly key: Uint8Array;
}

/** What both sides derive from their own secret key and the other side's public key. */
export function derivePairing(ownSecretKey: Uint8Array, otherPublicKey: Uint8Array, transcript: PairingTranscript): PairingSecret {
  const shared = x25519.getSharedSecret(ownSecretKey, otherPublicKey);
  const salt = concat(encoder.encode(`${CONTEXT}|${transcript.cooperativeSyncId}|${transcript.consoleId}|`), transcript.laptopPublicKey, transcript.officePublicKey);
  const codeBytes = hkdf(sha256, shared, salt, encoder.encode('code'), 8);
  // 64 bits reduced mod 10^6: the bias (< 10^-13) is far below one guess in a million.
  const code = (new DataView(codeBytes.buffer, codeBytes.byteOffset, 8).getBigUint64(0) % 1_000_000n).toString().padStart(6, '0');
  return { code, key: hkdf(sha256, shared, salt, encoder.encode('sync-key'), 32) };
}

/** HMAC-SHA-256 over labelled parts (each length-prefixed, so parts cannot be shifted into one another). */
export function syncMac(key: Uint8Array, label: string, parts: readonly (string | Uint8Array)[]): Uint8Array {
  const chunks: Uint8Array[] = [encoder.encode(`${CONTEXT}|${label}`)];
  for (const part of parts) {
    const bytes = typeof part === 'string' ? encoder.encode(part) : part;
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, bytes.length);
    chunks.push(length, bytes);
  }
  return hmac(sha256, key, concat(...chunks));
}

export function macMatches(expected: Uint8Array, given: Uint8Array): boolean {
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The passphrase a pack sent over the network is encrypted with (only the paired laptop can open it). */
export function packPassphraseOf(key: Uint8Array): string {
  return Buffer.from(syncMac(key, 'pack-passphrase', [])).toString('base64url');
}

export const sha256Of = (bytes: Uint8Array): Uint8Array => sha256(bytes);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
