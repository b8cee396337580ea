// COSE_Sign1 (RFC 9052 §4.2, §4.4) restricted to ES256: the envelope of both the PSA attestation
// token and the meters' signed reading batches. Kept to the structure we need (one signer, no
// external AAD) so every way it can be malformed maps to one clear message.
import { Tag } from 'cbor-x';
import type { KeyObject } from 'node:crypto';
import { cborDecodeMaps, cborEncode } from '../devices/cbor.js';
import { signEs256, verifyEs256 } from './es256.js';

export const COSE_SIGN1_TAG = 18;
export const COSE_MAC0_TAG = 17;
export const COSE_HEADER_ALG = 1;
export const COSE_HEADER_KID = 4;
export const COSE_HEADER_X5CHAIN = 33; // RFC 9360
export const COSE_ALG_ES256 = -7;

export class CoseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CoseError';
  }
}

export interface CoseSign1 {
  readonly protectedBytes: Uint8Array;
  readonly protectedHeaders: Map<unknown, unknown>;
  readonly unprotectedHeaders: Map<unknown, unknown>;
  readonly payload: Uint8Array;
  readonly signature: Uint8Array;
}

/** The bytes an ES256 signature covers: Sig_structure = ["Signature1", protected, h'', payload]. */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return cborEncode(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

export function signSign1(payload: Uint8Array, privateKey: KeyObject, unprotected: Map<number, unknown> = new Map()): Uint8Array {
  const protectedBytes = cborEncode(new Map([[COSE_HEADER_ALG, COSE_ALG_ES256]]));
  const signature = signEs256(privateKey, sigStructure(protectedBytes, payload));
  return cborEncode(new Tag([protectedBytes, unprotected, payload, signature], COSE_SIGN1_TAG));
}

/** Parses a COSE_Sign1 (tagged or untagged); throws CoseError when it is not a well-formed ES256 Sign1. */
export function decodeSign1(bytes: Uint8Array): CoseSign1 {
  let item: unknown;
  try {
    item = cborDecodeMaps(bytes);
  } catch (error) {
    throw new CoseError(`not CBOR: ${(error as Error).message}`);
  }
  if (item instanceof Tag) {
    if (item.tag === COSE_MAC0_TAG) {
      throw new CoseError('this is a COSE_Mac0 token (tag 17), MACed with a symmetric attestation key; only ES256 COSE_Sign1 tokens can be verified here');
    }
    if (item.tag !== COSE_SIGN1_TAG) throw new CoseError(`CBOR tag ${String(item.tag)} is not COSE_Sign1 (18)`);
    item = item.value;
  }
  if (!Array.isArray(item) || item.length !== 4) throw new CoseError('COSE_Sign1 must be an array of 4 items');
  const [protectedBytes, unprotectedHeaders, payload, signature] = item as unknown[];
  if (!(protectedBytes instanceof Uint8Array)) throw new CoseError('protected header must be a byte string');
  if (!(unprotectedHeaders instanceof Map)) throw new CoseError('unprotected header must be a map');
  if (!(payload instanceof Uint8Array)) throw new CoseError('payload must be an attached byte string');
  if (!(signature instanceof Uint8Array)) throw new CoseError('signature must be a byte string');
  let protectedHeaders: unknown;
  try {
    protectedHeaders = protectedBytes.length === 0 ? new Map() : cborDecodeMaps(protectedBytes);
  } catch (error) {
    throw new CoseError(`protected header is not CBOR: ${(error as Error).message}`);
  }
  if (!(protectedHeaders instanceof Map)) throw new CoseError('protected header must encode a map');
  const alg = protectedHeaders.get(COSE_HEADER_ALG);
  if (alg !== COSE_ALG_ES256) throw new CoseError(`algorithm ${String(alg)} is not ES256 (-7), the only one accepted`);
  if (unprotectedHeaders.has(COSE_HEADER_ALG)) throw new CoseError('algorithm must not appear in the unprotected header');
  return { protectedBytes, protectedHeaders, unprotectedHeaders, payload, signature };
}

export function verifySign1(sign1: CoseSign1, publicKey: KeyObject): boolean {
  return verifyEs256(publicKey, sigStructure(sign1.protectedBytes, sign1.payload), sign1.signature);
}

/** Certificates (DER, leaf first) carried in the x5chain header, protected or unprotected. */
export function x5chainOf(sign1: CoseSign1): Uint8Array[] {
  const value = sign1.protectedHeaders.get(COSE_HEADER_X5CHAIN) ?? sign1.unprotectedHeaders.get(COSE_HEADER_X5CHAIN);
  if (value === undefined) return [];
  if (value instanceof Uint8Array) return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((c): c is Uint8Array => c instanceof Uint8Array)) return value;
  throw new CoseError('x5chain header must be a certificate or an array of certificates');
}
