// Our hand-written COSE_Sign1 (cbor-x + Node's OpenSSL) against an independent implementation,
// @auth0/cose: each side verifies what the other signed, and each rejects what was altered. The
// library runs in a worker thread (see cose-sign1.interop-worker.mjs for why).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { COSE_ALG_ES256, COSE_HEADER_ALG, COSE_HEADER_KID, decodeSign1, signSign1, verifySign1 } from './cose-sign1.js';
import { generateP256, sec1FromKey } from './es256.js';
import { encodePsaClaims, Lifecycle } from './psa-claims.js';
import { PSA_PROFILE_2023 } from './psa-profiles.js';
import { instanceIdForKey } from './trust-store.js';

const WORKER = new URL('./cose-sign1.interop-worker.mjs', import.meta.url);

interface LibVerifyResult { alg: number | null; kid: Uint8Array | null; payload: Uint8Array; verified: boolean; error: string | null }

// One library worker for the whole file (loading @auth0/cose and its deps costs ~0.5 s).
let worker: Worker;
let nextId = 0;
beforeAll(() => {
  worker = new Worker(WORKER);
});
afterAll(async () => {
  await worker.terminate();
});

function inLibrary<T>(data: Record<string, unknown>): Promise<T> {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const onMessage = (message: { id: number; ok: boolean; result?: T; error?: string }): void => {
      if (message.id !== id) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      if (message.ok) resolve(message.result as T);
      else reject(new Error(`@auth0/cose: ${message.error ?? 'unknown error'}`));
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.postMessage({ id, ...data });
  });
}

const jwk = (key: KeyObject): JsonWebKey => key.export({ format: 'jwk' });
const libVerify = (token: Uint8Array, publicKey: KeyObject) => inLibrary<LibVerifyResult>({ op: 'verify', token, publicKeyJwk: jwk(publicKey) });
const libSign = async (payload: Uint8Array, privateKey: KeyObject, kid?: Uint8Array) =>
  (await inLibrary<{ token: Uint8Array }>({ op: 'sign', payload, privateKeyJwk: jwk(privateKey), kid })).token;

/** A realistic payload: the PSA claims our meters put in their attestation token. */
function psaPayload(privateKey: KeyObject): Uint8Array {
  return encodePsaClaims({
    profile: PSA_PROFILE_2023.id,
    nonce: new Uint8Array(32).fill(9),
    instanceId: instanceIdForKey(sec1FromKey(privateKey)),
    implementationId: new Uint8Array(32).fill(3),
    clientId: 1,
    lifecycle: Lifecycle.secured,
    bootSeed: new Uint8Array(32).fill(4),
    certificationReference: null,
    softwareComponents: [{ measurementType: 'BL', measurementValue: new Uint8Array(32).fill(1), signerId: new Uint8Array(32).fill(2), version: '1.0.0', measurementDescription: null }],
    verificationService: null,
  });
}

/** Plain Uint8Array copy: cbor-x hands out Buffers, the worker hands back Uint8Arrays. */
const plain = (bytes: Uint8Array | null): Uint8Array | null => (bytes === null ? null : new Uint8Array(bytes));

function flipped(bytes: Uint8Array, indexFromEnd: number): Uint8Array {
  const copy = bytes.slice();
  const i = copy.length - indexFromEnd;
  copy[i] = (copy[i] ?? 0) ^ 0x01;
  return copy;
}

describe('COSE_Sign1 interoperability with @auth0/cose', () => {
  it('the library verifies a token we signed (tag 18, protected alg -7, kid unprotected)', async () => {
    const { privateKey, publicKey } = generateP256();
    const payload = psaPayload(privateKey);
    const kid = new Uint8Array([0xc0, 0x0b]);
    const ours = signSign1(payload, privateKey, new Map([[COSE_HEADER_KID, kid]]));
    expect(ours[0]).toBe(0xd2); // CBOR tag 18

    const r = await libVerify(ours, publicKey);
    expect(r.error).toBeNull();
    expect(r.verified).toBe(true);
    expect(r.alg).toBe(COSE_ALG_ES256);
    expect(plain(r.kid)).toEqual(kid);
    expect(plain(r.payload)).toEqual(plain(payload));
  });

  it('the library rejects our token when the signature or payload is altered, or the key is another', async () => {
    const { privateKey, publicKey } = generateP256();
    const ours = signSign1(psaPayload(privateKey), privateKey);
    expect((await libVerify(flipped(ours, 5), publicKey)).verified).toBe(false); // inside the signature
    expect((await libVerify(flipped(ours, 80), publicKey)).verified).toBe(false); // inside the payload
    expect((await libVerify(ours, generateP256().publicKey)).verified).toBe(false);
  });

  it('we decode and verify a token the library signed', async () => {
    const { privateKey, publicKey } = generateP256();
    const payload = psaPayload(privateKey);
    const kid = new Uint8Array([1, 2, 3]);
    const theirs = await libSign(payload, privateKey, kid);
    expect(theirs[0]).toBe(0xd2);

    const sign1 = decodeSign1(theirs);
    expect(sign1.protectedHeaders.get(COSE_HEADER_ALG)).toBe(COSE_ALG_ES256);
    expect(plain(sign1.unprotectedHeaders.get(COSE_HEADER_KID) as Uint8Array)).toEqual(kid);
    expect(plain(sign1.payload)).toEqual(plain(payload));
    expect(verifySign1(sign1, publicKey)).toBe(true);
    expect(verifySign1(sign1, createPublicKey(generateP256().privateKey))).toBe(false);
  });

  it('we reject a library-signed token whose signature or payload was altered', async () => {
    const { privateKey, publicKey } = generateP256();
    const theirs = await libSign(psaPayload(privateKey), privateKey);
    expect(verifySign1(decodeSign1(flipped(theirs, 5)), publicKey)).toBe(false);
    expect(verifySign1(decodeSign1(flipped(theirs, 80)), publicKey)).toBe(false);
  });
});
