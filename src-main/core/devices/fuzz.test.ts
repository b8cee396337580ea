// Property test: the frame decoder and the token/batch parsers never crash, hang or throw
// anything but their own typed errors on random and mutated input (≥ 100k inputs in total).
import { describe, expect, it } from 'vitest';
import { FrameDecoder } from './frame-decoder.js';
import { encodeFrame } from './frame.js';
import { cborDecodeObject, cborEncode, CborError } from './cbor.js';
import { decodeSign1, CoseError } from '../attestation/cose-sign1.js';
import { decodePsaClaims, ClaimsError, encodePsaClaims, Lifecycle } from '../attestation/psa-claims.js';
import { decodeBatch, BatchFormatError } from '../meters/signed-batch.js';

/** Small deterministic PRNG (mulberry32) so a failure is reproducible from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const randomBytes = (r: () => number, n: number): Uint8Array => Uint8Array.from({ length: n }, () => Math.floor(r() * 256));

function mutate(r: () => number, input: Uint8Array): Uint8Array {
  const out = new Uint8Array(input);
  const flips = 1 + Math.floor(r() * 4);
  for (let i = 0; i < flips; i += 1) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
  return r() < 0.3 ? out.slice(0, Math.floor(r() * out.length)) : out;
}

describe('fuzz', () => {
  it('frame decoder: 60k random and mutated streams', () => {
    const r = rng(1);
    const good = encodeFrame({ version: 1, type: 0x82, requestId: 7, body: cborEncode({ token: new Uint8Array(100) }) });
    const decoder = new FrameDecoder();
    let frames = 0;
    const started = Date.now();
    for (let i = 0; i < 60_000; i += 1) {
      // Every 10th input is an intact frame after a delimiter: the decoder must resync and keep it.
      const input = i % 10 === 9 ? new Uint8Array([0, ...good]) : i % 2 === 0 ? randomBytes(r, Math.floor(r() * 64)) : mutate(r, good);
      for (const event of decoder.push(input)) {
        if (event.kind === 'frame') {
          frames += 1;
          try {
            cborDecodeObject(event.frame.body);
          } catch (error) {
            expect(error).toBeInstanceOf(CborError);
          }
        } else expect(event.error.name).toBe('FrameError');
      }
      expect(decoder.pendingBytes).toBeLessThanOrEqual(20_000);
    }
    expect(frames).toBeGreaterThanOrEqual(6000); // every intact frame survived the noise around it
    expect(Date.now() - started).toBeLessThan(45_000); // a hang guard, not a speed target
  }, 60_000);

  it('token, claims and batch parsers: 45k random and mutated inputs', () => {
    const r = rng(2);
    const claims = encodePsaClaims({
      profile: 'tag:psacertified.org,2023:psa#tfm', nonce: new Uint8Array(32), instanceId: new Uint8Array(33), implementationId: new Uint8Array(32),
      clientId: 1, lifecycle: Lifecycle.secured, bootSeed: new Uint8Array(32), certificationReference: null, verificationService: null,
      softwareComponents: [{ measurementType: 'BL', measurementValue: new Uint8Array(32), version: '1', signerId: new Uint8Array(32), measurementDescription: null }],
    });
    const sign1 = cborEncode([cborEncode(new Map([[1, -7]])), new Map(), claims, new Uint8Array(64)]);
    const expected = [CoseError, ClaimsError, BatchFormatError];
    for (let i = 0; i < 45_000; i += 1) {
      const which = i % 3;
      const base = which === 1 ? claims : sign1;
      const input = r() < 0.2 ? randomBytes(r, Math.floor(r() * 200)) : mutate(r, base);
      try {
        if (which === 0) decodeSign1(input);
        else if (which === 1) decodePsaClaims(input);
        else decodeBatch(input);
      } catch (error) {
        expect(expected.some((E) => error instanceof E), String(error)).toBe(true);
      }
    }
  }, 60_000);
});
