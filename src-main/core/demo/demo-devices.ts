// The demo village's meters as emulated attested devices, registered the way a technician's
// provisioning registers a real one: each meter gets an attestation key certified by the DEMO ONLY
// manufacturer CA (resources/demo-pki), answers a fresh nonce with a PSA attestation token built by
// the emulator's own code, the console verifies that token against its trust store (every check),
// stores the attestation, then records and completes the provisioning (binding to a member or a
// piece of equipment, 15-minute interval). Keys are derived from the seed, so the same seed gives
// the same meters (instance ids) on every machine. The meters have no port: the demo feeds them.
import { createECDH, createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { p256 } from '@noble/curves/nist.js';
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { CaMaterial } from '../../../emulator/pki.js';
import { buildPsaToken, defaultClaims } from '../../../emulator/psa-token-builder.js';
import { APPROVED_FIRMWARE_VERSION } from '../../../emulator/demo-firmware.js';
import { NonceRegistry } from '../attestation/nonce-registry.js';
import { loadTrustStoreFile } from '../attestation/trust-store-file.js';
import type { TrustStoreSnapshot } from '../attestation/trust-store.js';
import { verifyPsaToken } from '../attestation/verifier.js';
import type { MetersRepo } from '../meters/meters-repo.js';
import type { TrustStoreRepo } from '../meters/trust-store-repo.js';
import { resolveResourceDir } from '../platform/resources.js';

export const DEMO_INTERVAL_SECONDS = 900;
const demoPkiDir = (): string => join(resolveResourceDir('resources'), 'demo-pki');

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
type CryptoKeyLike = Awaited<ReturnType<typeof webcrypto.subtle.importKey>>;

/**
 * The DEMO ONLY manufacturer CA, loaded once: the emulator's issueDeviceCertificate parses the CA
 * certificate and imports its key for every certificate, which dominated registering 2,000 meters.
 * The certificates are the same shape (same extensions), signed by the same CA.
 */
export class DemoCa {
  private constructor(
    private readonly issuer: string,
    private readonly signingKey: CryptoKeyLike,
  ) {}

  static async load(material: CaMaterial = demoCaMaterial()): Promise<DemoCa> {
    x509.cryptoProvider.set(webcrypto as never);
    const cert = new x509.X509Certificate(material.certificatePem);
    const key = await webcrypto.subtle.importKey('pkcs8', createPrivateKey(material.privateKeyPem).export({ format: 'der', type: 'pkcs8' }), ALG, false, ['sign']);
    return new DemoCa(cert.subject, key);
  }

  async issue(devicePublicKey: KeyObject, serialHex: string, subject: string, notBefore: Date, notAfter: Date): Promise<Uint8Array> {
    const publicKey = await webcrypto.subtle.importKey('spki', devicePublicKey.export({ format: 'der', type: 'spki' }), ALG, true, ['verify']);
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: serialHex, subject, issuer: this.issuer, notBefore, notAfter, signingAlgorithm: ALG, publicKey, signingKey: this.signingKey,
      extensions: [new x509.BasicConstraintsExtension(false, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
    });
    return new Uint8Array(cert.rawData);
  }
}

export function demoCaMaterial(): CaMaterial {
  const dir = demoPkiDir();
  return { certificatePem: readFileSync(join(dir, 'manufacturer-ca.cert.pem'), 'utf8'), privateKeyPem: readFileSync(join(dir, 'manufacturer-ca.key.pem'), 'utf8') };
}

/** Imports the DEMO ONLY trust store (audited) unless the demo meter platform is already known. */
export function ensureDemoTrust(trust: TrustStoreRepo, operatorId: number | null): TrustStoreSnapshot {
  const demo = loadTrustStoreFile(join(demoPkiDir(), 'demo-trust.json'));
  const known = new Set(trust.snapshot().implementations.map((i) => i.implementationIdHex));
  if (!demo.implementations.every((i) => known.has(i.implementationIdHex))) trust.importSnapshot(demo, operatorId);
  return trust.snapshot();
}

const b64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/** A P-256 attestation key derived from the seed and the meter's number (DEMO ONLY). */
export function demoDeviceKey(seed: number, index: number): KeyObject {
  const material = createHash('sha512').update(`coop-console demo meter key|${seed}|${index}`).digest().subarray(0, 48);
  const secret = p256.utils.randomSecretKey(new Uint8Array(material));
  // The public point through OpenSSL: noble's scalar multiplication costs ~10 ms per key here.
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(secret);
  const point = ecdh.getPublicKey();
  return createPrivateKey({ key: { kty: 'EC', crv: 'P-256', d: b64url(secret), x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33, 65)) }, format: 'jwk' });
}

export interface DemoMeterBinding {
  readonly index: number;
  readonly memberId: number;
  /** null: the member's connection meter; 'EQ-<id>': the generation meter of that equipment. */
  readonly equipmentRef: string | null;
}

export interface RegisteredDemoMeter {
  readonly meterId: number;
  readonly key: KeyObject;
  readonly instanceId: Uint8Array;
  readonly provisioningId: string;
}

export interface DemoDeviceDeps {
  readonly meters: MetersRepo;
  readonly trust: TrustStoreSnapshot;
  readonly now: () => Date;
  readonly operatorId: number | null;
}

/** A demo meter whose attestation token passed verification, ready to be recorded. */
export interface AttestedDemoMeter {
  readonly binding: DemoMeterBinding;
  readonly key: KeyObject;
  readonly serialNumber: string;
  readonly token: Uint8Array;
  readonly nonce: Uint8Array;
  readonly result: Awaited<ReturnType<typeof verifyPsaToken>>;
}

/** Manufactures one demo meter (key, certificate) and verifies its answer to a fresh nonce. No database work. */
export async function attestDemoMeter(deps: Pick<DemoDeviceDeps, 'trust' | 'now'>, ca: DemoCa, nonces: NonceRegistry, seed: number, binding: DemoMeterBinding, validFrom: Date): Promise<AttestedDemoMeter> {
  const key = demoDeviceKey(seed, binding.index);
  const serialHex = createHash('sha256').update(`demo serial|${seed}|${binding.index}`).digest('hex').slice(0, 16).replace(/^0/, '1');
  const serialNumber = `CM1-${serialHex.slice(0, 8).toUpperCase()}`;
  const certificate = await ca.issue(createPublicKey(key), serialHex, `CN=DEMO ONLY meter ${serialNumber}, O=DEMO ONLY`, new Date(validFrom.getTime() - 86_400_000), new Date(validFrom.getTime() + 20 * 365 * 86_400_000));
  const nonce = nonces.issue();
  const token = buildPsaToken(defaultClaims(key, nonce), key, [certificate]);
  nonces.consume(nonce);
  const result = await verifyPsaToken(token, { trustStore: deps.trust, expectedNonce: nonce, wasIssuedBefore: (n) => nonces.wasIssued(n), now: deps.now() });
  if (!result.ok || !result.claims) throw new Error(`Demo meter ${serialNumber} failed attestation at the ${result.failedCheck ?? '?'} check`);
  return { binding, key, serialNumber, token, nonce, result };
}

/** Stores the verified attestation, then records and completes the provisioning (call inside a transaction for speed). */
export function recordDemoMeter(deps: DemoDeviceDeps, seed: number, attested: AttestedDemoMeter): RegisteredDemoMeter {
  const { binding, result } = attested;
  const { meterId } = deps.meters.recordAttestation({
    result, token: attested.token, nonce: attested.nonce, operatorId: deps.operatorId, portPath: '',
    identity: { model: 'CM-1', serialNumber: attested.serialNumber, firmwareVersion: APPROVED_FIRMWARE_VERSION },
  });
  if (meterId === null || !result.claims) throw new Error(`Demo meter ${attested.serialNumber} was not registered`);
  const provisioningId = `demo-${seed}-${binding.index}`;
  const pending = { provisioningId, memberId: binding.memberId, equipmentRef: binding.equipmentRef, intervalSeconds: DEMO_INTERVAL_SECONDS };
  deps.meters.beginProvisioning(meterId, pending, deps.operatorId);
  deps.meters.completeProvisioning(meterId, pending, deps.operatorId);
  return { meterId, key: attested.key, instanceId: result.claims.instanceId, provisioningId };
}
