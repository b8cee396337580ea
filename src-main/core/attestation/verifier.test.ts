// Tampered PSA tokens are rejected with the right reason. Tokens are built with the DEMO PKI and the
// emulator's token builder, then altered one way each (re-signed where the point is not the signature).
import { beforeAll, describe, expect, it } from 'vitest';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { Tag } from 'cbor-x';
import { generateP256, sec1FromKey } from './es256.js';
import { verifyPsaToken, type CheckName } from './verifier.js';
import { loadTrustStoreFile } from './trust-store-file.js';
import { instanceIdForKey, toHex, type TrustStoreSnapshot } from './trust-store.js';
import { Claim, encodePsaClaims, Lifecycle, type PsaClaims } from './psa-claims.js';
import { COSE_HEADER_X5CHAIN, decodeSign1 } from './cose-sign1.js';
import { cborDecodeMaps, cborEncode } from '../devices/cbor.js';
import { buildPsaToken, defaultClaims } from '../../../emulator/psa-token-builder.js';
import { demoCa, DEMO_PKI_DIR, revokedIdentity } from '../../../emulator/demo-pki.js';
import { issueDeviceCertificate } from '../../../emulator/pki.js';
import { createRootCa } from '../../../emulator/pki.js';

const DAY = 86_400_000;
let trust: TrustStoreSnapshot;
let key: KeyObject;
let chain: Uint8Array[];
const nonce = new Uint8Array(32).fill(7);

async function certFor(k: KeyObject, notBefore: Date, notAfter: Date, ca = demoCa()): Promise<Uint8Array> {
  return issueDeviceCertificate({ ca, devicePublicKey: createPublicKey(k), serialHex: '1234' + Math.floor(Math.random() * 1e9).toString(16), subject: 'CN=test meter', notBefore, notAfter });
}
const token = (overrides: Partial<PsaClaims> = {}, k = key, c = chain): Uint8Array => buildPsaToken(defaultClaims(k, nonce, overrides), k, c);
const verify = (t: Uint8Array, extra: Partial<Parameters<typeof verifyPsaToken>[1]> = {}) => verifyPsaToken(t, { trustStore: trust, expectedNonce: nonce, ...extra });

/** Re-assembles a COSE_Sign1 with one part replaced (no re-signing). */
function reassemble(t: Uint8Array, part: { payload?: Uint8Array; signature?: Uint8Array; protectedBytes?: Uint8Array }): Uint8Array {
  const s = decodeSign1(t);
  return cborEncode(new Tag([part.protectedBytes ?? s.protectedBytes, s.unprotectedHeaders, part.payload ?? s.payload, part.signature ?? s.signature], 18));
}

beforeAll(async () => {
  trust = loadTrustStoreFile(join(DEMO_PKI_DIR, 'demo-trust.json'));
  key = generateP256().privateKey;
  chain = [await certFor(key, new Date(Date.now() - DAY), new Date(Date.now() + 365 * DAY))];
});

describe('PSA token verification', () => {
  it('accepts a genuine token and reports every check passed', async () => {
    const r = await verify(token());
    expect(r.ok).toBe(true);
    expect(r.checks.map((c) => c.status)).toEqual(Array(11).fill('passed'));
    expect(r.evidenceSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  const cases: Array<[string, () => Promise<Uint8Array> | Uint8Array, CheckName, RegExp, Partial<Parameters<typeof verifyPsaToken>[1]>?]> = [
    ['claims changed after signing', () => reassemble(token(), { payload: encodePsaClaims(defaultClaims(key, nonce, { clientId: 99 })) }), 'signature', /does not match/],
    ['signature bytes flipped', () => { const t = token(); const s = decodeSign1(t).signature.slice(); s[5] = (s[5] ?? 0) ^ 0xff; return reassemble(t, { signature: s }); }, 'signature', /does not match/],
    ['certificate from an untrusted CA', async () => {
      const rogue = generateP256();
      const rogueCa = { certificatePem: await createRootCa('CN=Rogue CA', rogue.privateKey, rogue.publicKey, new Date(Date.now() - DAY), new Date(Date.now() + DAY)), privateKeyPem: rogue.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
      return token({}, key, [await certFor(key, new Date(Date.now() - DAY), new Date(Date.now() + DAY), rogueCa)]);
    }, 'chain', /no trusted manufacturer CA/],
    ['no certificate chain and no device key', () => token({}, key, []), 'chain', /no certificate chain/],
    ['expired device certificate', async () => token({}, key, [await certFor(key, new Date(Date.now() - 10 * DAY), new Date(Date.now() - DAY))]), 'validity', /expired/],
    ['device certificate not yet valid', async () => token({}, key, [await certFor(key, new Date(Date.now() + DAY), new Date(Date.now() + 10 * DAY))]), 'validity', /not valid before/],
    ['revoked device certificate', () => { const r = revokedIdentity(); return buildPsaToken(defaultClaims(r.key, nonce), r.key, [...r.chainDer]); }, 'revocation', /revoked/],
    ['certificate of another key in x5chain', async () => token({}, key, [await certFor(generateP256().privateKey, new Date(Date.now() - DAY), new Date(Date.now() + DAY))]), 'signature', /does not match/],
    ['instance id of another device', () => token({ instanceId: instanceIdForKey(sec1FromKey(generateP256().publicKey)) }), 'instance-id', /does not belong/],
    ['wrong nonce (stale)', () => token({ nonce: new Uint8Array(32).fill(9) }), 'nonce', /stale or made-up/],
    ['earlier nonce (replay)', () => token({ nonce: new Uint8Array(32).fill(3) }), 'nonce', /replayed/, { wasIssuedBefore: (n: Uint8Array) => n[0] === 3 }],
    ['unknown profile', () => token({ profile: 'tag:psacertified.org,2023:psa#aes-mac' }), 'profile', /none of the accepted ones/],
    ['missing profile', () => token({ profile: null }), 'profile', /null/],
    ['debug lifecycle', () => token({ lifecycle: Lifecycle.nonPsaRotDebug }), 'lifecycle', /nonPsaRotDebug/],
    ['decommissioned lifecycle', () => token({ lifecycle: Lifecycle.decommissioned }), 'lifecycle', /decommissioned/],
    ['unknown implementation id', () => token({ implementationId: new Uint8Array(32).fill(1) }), 'implementation', /not in the trust store/],
    ['unapproved measurement', () => { const c = defaultClaims(key, nonce); return token({ softwareComponents: c.softwareComponents.map((s, i) => (i === 3 ? { ...s, measurementValue: new Uint8Array(32).fill(0xab) } : s)) }); }, 'measurement', /unapproved firmware/],
    ['approved measurement from the wrong signer', () => { const c = defaultClaims(key, nonce); return token({ softwareComponents: c.softwareComponents.map((s) => ({ ...s, signerId: new Uint8Array(32).fill(2) })) }); }, 'measurement', /unapproved firmware/],
    ['not CBOR at all', () => new Uint8Array([0xff, 0x00, 0x13, 0x37]), 'malformed', /COSE/],
    ['truncated token', () => token().slice(0, 120), 'malformed', /COSE/],
    ['algorithm other than ES256', () => reassemble(token(), { protectedBytes: cborEncode(new Map([[1, -35]])) }), 'malformed', /not ES256/],
    ['nonce claim missing', () => { const m = cborDecodeMaps(encodePsaClaims(defaultClaims(key, nonce))) as Map<number, unknown>; m.delete(Claim.nonce); return reassemble(token(), { payload: cborEncode(m) }); }, 'malformed', /nonce/],
    ['software components missing', () => { const m = cborDecodeMaps(encodePsaClaims(defaultClaims(key, nonce))) as Map<number, unknown>; m.delete(Claim.softwareComponents); return reassemble(token(), { payload: cborEncode(m) }); }, 'malformed', /software-components/],
    ['x5chain header not certificates', () => cborEncode(new Tag([decodeSign1(token()).protectedBytes, new Map([[COSE_HEADER_X5CHAIN, 42]]), decodeSign1(token()).payload, decodeSign1(token()).signature], 18)), 'malformed', /x5chain/],
  ];

  it.each(cases)('rejects: %s → %s', async (_name, make, check, detail, extra) => {
    const r = await verify(await make(), extra ?? {});
    expect(r.ok).toBe(false);
    expect(r.failedCheck).toBe(check);
    expect(r.checks.find((c) => c.check === check)?.detail).toMatch(detail);
  });

  it('trusts a per-device key anchor (Veraison style) and rejects a token signed by another key for that instance', async () => {
    const deviceKeyTrust: TrustStoreSnapshot = {
      ...trust,
      anchors: [{ kind: 'device-key', label: 'meter 7', instanceIdHex: toHex(instanceIdForKey(sec1FromKey(key))), publicKey: sec1FromKey(key) }],
    };
    const good = await verifyPsaToken(token({}, key, []), { trustStore: deviceKeyTrust, expectedNonce: nonce });
    expect(good.ok).toBe(true);
    expect(good.checks.find((c) => c.check === 'chain')?.detail).toMatch(/per-device key/);
    const impostor = generateP256().privateKey;
    const bad = await verifyPsaToken(token({ instanceId: instanceIdForKey(sec1FromKey(key)) }, impostor, []), { trustStore: deviceKeyTrust, expectedNonce: nonce });
    expect(bad.failedCheck).toBe('signature');
  });
});
