// ES256 (ECDSA P-256 + SHA-256) with raw 64-byte r||s signatures as COSE requires. Signing and
// verifying go through Node's OpenSSL (fast enough for bulk batch ingest); @noble/curves validates
// that a raw SEC1 key from the wire is really a point on P-256 before OpenSSL sees it.
import { p256 } from '@noble/curves/nist.js';
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

const SPKI_P256_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');

export class KeyFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyFormatError';
  }
}

/** Imports an uncompressed SEC1 P-256 public key (65 bytes, 0x04||x||y) after checking it is on the curve. */
export function publicKeyFromSec1(sec1: Uint8Array): KeyObject {
  if (sec1.length !== 65 || sec1[0] !== 0x04) throw new KeyFormatError('public key must be a 65-byte uncompressed P-256 point');
  try {
    p256.Point.fromBytes(sec1).assertValidity();
  } catch {
    throw new KeyFormatError('public key is not a valid P-256 point');
  }
  return createPublicKey({ key: Buffer.concat([SPKI_P256_PREFIX, sec1]), format: 'der', type: 'spki' });
}

/** Uncompressed SEC1 bytes of a P-256 public (or private) KeyObject. */
export function sec1FromKey(key: KeyObject): Uint8Array {
  const jwk = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' });
  if (jwk.crv !== 'P-256' || !jwk.x || !jwk.y) throw new KeyFormatError('key is not a P-256 key');
  return new Uint8Array(Buffer.concat([Buffer.from([0x04]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]));
}

export function publicKeyFromSpkiDer(spki: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
}

export function generateP256(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

export function privateKeyFromPkcs8Pem(pem: string): KeyObject {
  return createPrivateKey({ key: pem, format: 'pem' });
}

export function signEs256(privateKey: KeyObject, data: Uint8Array): Uint8Array {
  return new Uint8Array(sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
}

export function verifyEs256(publicKey: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  try {
    return verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}
