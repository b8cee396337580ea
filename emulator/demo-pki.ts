// Loads the DEMO ONLY PKI shipped in resources/demo-pki (see its README).
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueDeviceCertificate, type CaMaterial } from './pki.js';
import type { AttestationIdentity } from './meter-device.js';
import { deviceKeyOf, type MeterState } from './meter-state.js';
import { createPublicKey } from 'node:crypto';

export const DEMO_PKI_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'demo-pki');
const read = (name: string): string => readFileSync(join(DEMO_PKI_DIR, name), 'utf8');

export const demoCa = (): CaMaterial => ({ certificatePem: read('manufacturer-ca.cert.pem'), privateKeyPem: read('manufacturer-ca.key.pem') });

export function revokedIdentity(): AttestationIdentity {
  return {
    key: createPrivateKey(read('revoked-device.key.pem')),
    chainDer: [new Uint8Array(Buffer.from(read('revoked-device.cert.der.b64').trim(), 'base64'))],
  };
}

/** The meter's own key with a certificate whose validity ended yesterday. */
export async function expiredIdentity(state: MeterState): Promise<AttestationIdentity> {
  const key = deviceKeyOf(state);
  const day = 86_400_000;
  const cert = await issueDeviceCertificate({
    ca: demoCa(),
    devicePublicKey: createPublicKey(key),
    serialHex: '0e0e0e' + Date.now().toString(16),
    subject: `CN=DEMO ONLY meter ${state.serialNumber} (expired), O=DEMO ONLY`,
    notBefore: new Date(Date.now() - 400 * day),
    notAfter: new Date(Date.now() - day),
  });
  return { key, chainDer: [cert] };
}
