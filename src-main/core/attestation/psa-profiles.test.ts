// The three accepted profiles as the emulator produces them: the key layout on the wire, what is
// optional in which profile, and a full verification of each (CA-certified, so the key-hash rule).
import { beforeAll, describe, expect, it } from 'vitest';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { cborDecodeMaps, cborEncode } from '../devices/cbor.js';
import { COSE_HEADER_X5CHAIN, decodeSign1, signSign1 } from './cose-sign1.js';
import { generateP256 } from './es256.js';
import { ClaimsError, decodePsaClaims, encodePsaClaims } from './psa-claims.js';
import { PSA_PROFILE_2023, PSA_PROFILE_2_0_0, PSA_PROFILE_IOT_1, PSA_PROFILES } from './psa-profiles.js';
import { loadTrustStoreFile } from './trust-store-file.js';
import type { TrustStoreSnapshot } from './trust-store.js';
import { verifyPsaToken } from './verifier.js';
import { buildPsaToken, defaultClaims } from '../../../emulator/psa-token-builder.js';
import { demoCa, DEMO_PKI_DIR } from '../../../emulator/demo-pki.js';
import { issueDeviceCertificate } from '../../../emulator/pki.js';

const nonce = new Uint8Array(32).fill(7);
let key: KeyObject;
let chain: Uint8Array[];
let trust: TrustStoreSnapshot;

beforeAll(async () => {
  trust = loadTrustStoreFile(join(DEMO_PKI_DIR, 'demo-trust.json'));
  key = generateP256().privateKey;
  const now = Date.now();
  chain = [await issueDeviceCertificate({ ca: demoCa(), devicePublicKey: createPublicKey(key), serialHex: 'a11' + now.toString(16), subject: 'CN=profile test', notBefore: new Date(now - 60_000), notAfter: new Date(now + 86_400_000) })];
});

const payloadMap = (token: Uint8Array): Map<number, unknown> => cborDecodeMaps(decodeSign1(token).payload) as Map<number, unknown>;

describe.each(PSA_PROFILES)('profile $name ($id)', (profile) => {
  it('the emulator signs it with that profile\'s claim keys and the console verifies it end to end', async () => {
    const token = buildPsaToken(defaultClaims(key, nonce, {}, profile), key, chain);
    const keys = [...payloadMap(token).keys()];
    expect(keys).toContain(profile.keys.nonce);
    expect(keys).toContain(profile.keys.bootSeed);
    expect(keys.every((k) => (profile === PSA_PROFILE_IOT_1 ? k <= -75000 : k > 0))).toBe(true);
    const r = await verifyPsaToken(token, { trustStore: trust, expectedNonce: nonce });
    expect(r.failedCheck, JSON.stringify(r.checks, null, 1)).toBeNull();
    expect(r.claims?.profileName).toBe(profile.name);
    expect(r.checks.find((c) => c.check === 'profile')?.detail).toContain(profile.id);
    expect(r.checks.find((c) => c.check === 'instance-id')?.detail).toMatch(/^rule: key hash/);
  });

  it(`a missing boot seed is ${profile.bootSeedRequired ? 'malformed' : 'accepted'}`, async () => {
    const token = buildPsaToken(defaultClaims(key, nonce, { bootSeed: null }, profile), key, chain);
    const r = await verifyPsaToken(token, { trustStore: trust, expectedNonce: nonce });
    expect(r.failedCheck).toBe(profile.bootSeedRequired ? 'malformed' : null);
    if (profile.bootSeedRequired) expect(r.checks[0]?.detail).toMatch(/boot-seed \(-75004\)/);
    else expect(r.claims?.bootSeed).toBeNull();
  });
});

describe('claim keys', () => {
  it('RFC 9783 reads the boot seed at 268 only: one left at 2397 in a 2023 token is not a boot seed', () => {
    const claims = defaultClaims(key, nonce, { bootSeed: null });
    const map = cborDecodeMaps(encodePsaClaims(claims)) as Map<number, unknown>;
    map.set(2397, new Uint8Array(32).fill(1));
    expect(decodePsaClaims(cborEncode(map)).bootSeed).toBeNull();
    map.set(268, new Uint8Array(4));
    expect(() => decodePsaClaims(cborEncode(map))).toThrow(/boot-seed \(268\) has invalid length 4/);
  });

  it('PSA_IOT_PROFILE_1 without its (optional) profile claim is still that profile; a foreign name under its keys is no profile', () => {
    const claims = defaultClaims(key, nonce, {}, PSA_PROFILE_IOT_1);
    expect(decodePsaClaims(encodePsaClaims({ ...claims, profile: null }, PSA_PROFILE_IOT_1)).profileName).toBe('psa-iot-1');
    expect(decodePsaClaims(encodePsaClaims({ ...claims, profile: PSA_PROFILE_2_0_0.id }, PSA_PROFILE_IOT_1)).profileName).toBeNull();
    expect(decodePsaClaims(encodePsaClaims({ ...claims, profile: null }, PSA_PROFILE_2023)).profileName).toBeNull();
  });

  it('PSA_IOT_PROFILE_1 "no software measurements" decodes, and the measurement check refuses it', async () => {
    const map = payloadMap(buildPsaToken(defaultClaims(key, nonce, {}, PSA_PROFILE_IOT_1), key, chain));
    map.delete(PSA_PROFILE_IOT_1.keys.softwareComponents);
    expect(() => decodePsaClaims(cborEncode(map))).toThrow(ClaimsError);
    map.set(PSA_PROFILE_IOT_1.keys.noSoftwareMeasurements!, 1);
    expect(decodePsaClaims(cborEncode(map)).softwareComponents).toEqual([]);
    const token = signSign1(cborEncode(map), key, new Map<number, unknown>([[COSE_HEADER_X5CHAIN, chain[0]]]));
    const r = await verifyPsaToken(token, { trustStore: trust, expectedNonce: nonce });
    expect(r.failedCheck).toBe('measurement');
    expect(r.checks.find((c) => c.check === 'measurement')?.detail).toMatch(/no software measurements/);
  });
});
