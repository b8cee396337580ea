// Tokens the project did not make (test/fixtures/psa-tokens, see its README): RFC 9783's appendix
// example and two TF-M tokens of the legacy profiles. Each verifies with its published key through
// a per-device anchor; each tampering is refused by the check that names it. Nothing is re-signed.
import { beforeAll, describe, expect, it } from 'vitest';
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tag } from 'cbor-x';
import { cborEncode } from '../devices/cbor.js';
import { COSE_HEADER_X5CHAIN, decodeSign1 } from './cose-sign1.js';
import { generateP256, sec1FromKey } from './es256.js';
import { decodePsaClaims } from './psa-claims.js';
import { psaProfileByName } from './psa-profiles.js';
import { tokenFromFileBytes } from './token-text.js';
import { loadTrustStoreFile } from './trust-store-file.js';
import { toHex, type TrustStoreSnapshot } from './trust-store.js';
import { verifyPsaToken, type VerificationResult } from './verifier.js';
import { demoCa, DEMO_PKI_DIR } from '../../../emulator/demo-pki.js';
import { issueDeviceCertificate } from '../../../emulator/pki.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'psa-tokens');
const readToken = (file: string): Uint8Array => tokenFromFileBytes(new Uint8Array(readFileSync(join(FIXTURES, file))));
const jwkKey = (file: string) => createPublicKey({ key: JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as JsonWebKey, format: 'jwk' });

interface Vector {
  readonly file: string;
  readonly keyFile: string;
  readonly profileName: string;
  readonly profileId: string;
  readonly nonceHex: string;
  /** Whether the token's instance id is TF-M's 0x01 ‖ SHA-256(key). */
  readonly derivedInstanceId: boolean;
  readonly bootSeedHex: string;
}

const VECTORS: readonly Vector[] = [
  { file: 'rfc9783-sign1.hex', keyFile: 'rfc9783-iak.public.jwk.json', profileName: 'psa-tfm-2023', profileId: 'tag:psacertified.org,2023:psa#tfm', nonceHex: '01'.repeat(32), derivedInstanceId: false, bootSeedHex: '00'.repeat(8) },
  { file: 'tfm-psa-iot-1-sign1.hex', keyFile: 'tfm-iak.public.jwk.json', profileName: 'psa-iot-1', profileId: 'PSA_IOT_PROFILE_1', nonceHex: '00'.repeat(64), derivedInstanceId: true, bootSeedHex: Array.from({ length: 32 }, (_, i) => (0xa0 + i).toString(16)).join('') },
  { file: 'tfm-psa-2.0.0-sign1.hex', keyFile: 'tfm-iak.public.jwk.json', profileName: 'psa-2.0.0', profileId: 'http://arm.com/psa/2.0.0', nonceHex: '00'.repeat(64), derivedInstanceId: true, bootSeedHex: Array.from({ length: 32 }, (_, i) => (0xa0 + i).toString(16)).join('') },
];

let trust: TrustStoreSnapshot;
beforeAll(() => {
  trust = loadTrustStoreFile(join(FIXTURES, 'published-trust.json'));
});

const verify = (token: Uint8Array, v: Vector, extra: { trustStore?: TrustStoreSnapshot; nonceHex?: string } = {}): Promise<VerificationResult> =>
  verifyPsaToken(token, { trustStore: extra.trustStore ?? trust, expectedNonce: new Uint8Array(Buffer.from(extra.nonceHex ?? v.nonceHex, 'hex')) });

/** The same token with one part replaced; the signature is NOT recomputed. */
function reassemble(token: Uint8Array, part: { payload?: Uint8Array; signature?: Uint8Array; unprotected?: Map<number, unknown> }): Uint8Array {
  const s = decodeSign1(token);
  return cborEncode(new Tag([s.protectedBytes, part.unprotected ?? s.unprotectedHeaders, part.payload ?? s.payload, part.signature ?? s.signature], 18));
}

function flipBit(bytes: Uint8Array, index: number): Uint8Array {
  const out = bytes.slice();
  out[index] = out[index]! ^ 0x01;
  return out;
}

/** Offset of a byte sequence in a buffer (to flip a bit inside one claim's value, keeping the CBOR well-formed). */
const offsetOf = (haystack: Uint8Array, needle: Uint8Array): number => Buffer.from(haystack).indexOf(Buffer.from(needle));

describe.each(VECTORS)('published token $file', (v) => {
  it(`verifies with its published key as profile ${v.profileName}, every check named`, async () => {
    const token = readToken(v.file);
    const r = await verify(token, v);
    expect(r.failedCheck, JSON.stringify(r.checks, null, 1)).toBeNull();
    expect(r.ok).toBe(true);
    expect(r.claims?.profileName).toBe(v.profileName);
    expect(r.checks.find((c) => c.check === 'profile')?.detail).toContain(v.profileId);
    expect(toHex(r.claims!.bootSeed!)).toBe(v.bootSeedHex);
    expect(r.devicePublicKey && toHex(r.devicePublicKey)).toBe(toHex(sec1FromKey(jwkKey(v.keyFile))));
    // The binding of instance id to key is the trust store's, whether or not the id is a key hash.
    expect(r.checks.find((c) => c.check === 'instance-id')?.detail).toMatch(/^rule: trust store/);
    expect(r.checks.find((c) => c.check === 'instance-id')?.detail.includes('also 0x01‖SHA-256')).toBe(v.derivedInstanceId);
  });

  it('one bit flipped in the signature → signature', async () => {
    const token = readToken(v.file);
    const signature = decodeSign1(token).signature;
    for (const index of [0, 31, 32, 63]) {
      const r = await verify(reassemble(token, { signature: flipBit(signature, index) }), v);
      expect(r.failedCheck).toBe('signature');
      expect(r.checks.find((c) => c.check === 'signature')?.detail).toMatch(/does not match/);
    }
  });

  it('one bit flipped in the payload (inside the boot seed) → signature, the rest still read', async () => {
    const token = readToken(v.file);
    const payload = decodeSign1(token).payload;
    // The boot seed claim as encoded: its key, then the byte string.
    const claimBytes = Buffer.concat([cborEncode(psaProfileByName(v.profileName)!.keys.bootSeed), cborEncode(new Uint8Array(Buffer.from(v.bootSeedHex, 'hex')))]);
    const at = offsetOf(payload, claimBytes);
    expect(at).toBeGreaterThan(0);
    const r = await verify(reassemble(token, { payload: flipBit(payload, at + claimBytes.length - 2) }), v);
    expect(r.failedCheck).toBe('signature');
    expect(r.checks.filter((c) => c.status === 'failed').map((c) => c.check)).toEqual(['signature']);
  });

  it('a wrong nonce → nonce', async () => {
    const r = await verify(readToken(v.file), v, { nonceHex: 'ee'.repeat(v.nonceHex.length / 2) });
    expect(r.failedCheck).toBe('nonce');
    expect(r.checks.filter((c) => c.status === 'failed').map((c) => c.check)).toEqual(['nonce']);
  });

  it('another key registered for that instance id → signature', async () => {
    const token = readToken(v.file);
    const instanceIdHex = toHex(decodePsaClaims(decodeSign1(token).payload).instanceId);
    const otherKey = sec1FromKey(generateP256().publicKey);
    const trustStore = { ...trust, anchors: [{ kind: 'device-key' as const, label: 'someone else', instanceIdHex, publicKey: otherKey }] };
    const r = await verify(token, v, { trustStore });
    expect(r.failedCheck).toBe('signature');
    expect(r.checks.filter((c) => c.status === 'failed').map((c) => c.check)).toEqual(['signature']);
  });

  it('no anchor for its instance id and no certificate → chain', async () => {
    const r = await verify(readToken(v.file), v, { trustStore: { ...trust, anchors: [] } });
    expect(r.failedCheck).toBe('chain');
  });

  it(`its key certified by a trusted CA instead: the key-hash rule applies (${v.derivedInstanceId ? 'holds' : 'fails'})`, async () => {
    const token = readToken(v.file);
    const now = Date.now();
    const cert = await issueDeviceCertificate({ ca: demoCa(), devicePublicKey: jwkKey(v.keyFile), serialHex: '7e57' + now.toString(16), subject: 'CN=published test key', notBefore: new Date(now - 60_000), notAfter: new Date(now + 86_400_000) });
    // x5chain travels in the unprotected header, so adding it leaves the signature valid.
    const withChain = reassemble(token, { unprotected: new Map<number, unknown>([[COSE_HEADER_X5CHAIN, cert]]) });
    const demoTrust = loadTrustStoreFile(join(DEMO_PKI_DIR, 'demo-trust.json'));
    const r = await verify(withChain, v, { trustStore: { ...demoTrust, implementations: trust.implementations } });
    expect(r.checks.find((c) => c.check === 'signature')?.status).toBe('passed');
    const instance = r.checks.find((c) => c.check === 'instance-id')!;
    expect(instance.detail).toMatch(/^rule: key hash/);
    expect(instance.status).toBe(v.derivedInstanceId ? 'passed' : 'failed');
    expect(r.failedCheck).toBe(v.derivedInstanceId ? null : 'instance-id');
  });
});

describe('RFC 9783 appendix, other facts', () => {
  it('the boot seed is read from EAT key 268 and a token without one is still well-formed', () => {
    const claims = decodePsaClaims(decodeSign1(readToken('rfc9783-sign1.hex')).payload);
    expect(claims.bootSeed).toEqual(new Uint8Array(8));
    expect(claims.instanceId[0]).toBe(0x01);
  });

  it('a COSE_Mac0 token (RFC 9783 A.2 shape: tag 17, symmetric IAK) is refused as malformed, saying why', async () => {
    // Built here from the Sign1 example's parts under tag 17: the shape of A.2, not its bytes.
    const sign1 = decodeSign1(readToken('rfc9783-sign1.hex'));
    const mac0 = cborEncode(new Tag([sign1.protectedBytes, new Map(), sign1.payload, new Uint8Array(32)], 17));
    const r = await verifyPsaToken(mac0, { trustStore: trust, expectedNonce: null });
    expect(r.failedCheck).toBe('malformed');
    expect(r.checks[0]?.detail).toMatch(/COSE_Mac0.*symmetric/);
  });
});
