// Generates the DEMO ONLY test PKI in this folder: a manufacturer root CA (with its private key, so
// the emulator can certify device keys), one pre-revoked device identity, and the demo trust store
// (anchors, approved firmware, revocations). Run: npx tsx resources/demo-pki/generate-demo-pki.ts
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateP256, sec1FromKey } from '../../src-main/core/attestation/es256.js';
import { instanceIdForKey, toHex } from '../../src-main/core/attestation/trust-store.js';
import { APPROVED_FIRMWARE_VERSION, approvedFirmware, DEMO_IMPLEMENTATION_ID } from '../../emulator/demo-firmware.js';
import { createRootCa, issueDeviceCertificate } from '../../emulator/pki.js';

const here = dirname(fileURLToPath(import.meta.url));
const out = (name: string, text: string): void => writeFileSync(join(here, name), text);

const ca = generateP256();
const caPem = await createRootCa(
  'CN=DEMO ONLY Coop Meter Manufacturer Root CA, O=DEMO ONLY - NOT FOR PRODUCTION',
  ca.privateKey,
  ca.publicKey,
  new Date('2024-01-01T00:00:00Z'),
  new Date('2049-12-31T23:59:59Z'),
);
const caKeyPem = ca.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
out('manufacturer-ca.cert.pem', caPem);
out('manufacturer-ca.key.pem', caKeyPem);

const revoked = generateP256();
const revokedSerial = '7e57ed0000000001';
const revokedCert = await issueDeviceCertificate({
  ca: { certificatePem: caPem, privateKeyPem: caKeyPem },
  devicePublicKey: revoked.publicKey,
  serialHex: revokedSerial,
  subject: 'CN=DEMO ONLY revoked meter CM1-REVOKED, O=DEMO ONLY',
  notBefore: new Date('2024-01-01T00:00:00Z'),
  notAfter: new Date('2049-12-31T23:59:59Z'),
});
out('revoked-device.key.pem', revoked.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
out('revoked-device.cert.der.b64', Buffer.from(revokedCert).toString('base64') + '\n');

const trust = {
  comment: 'DEMO ONLY trust store for the meter emulator. Never use in production.',
  caCertificates: [{ label: 'DEMO ONLY manufacturer root', file: 'manufacturer-ca.cert.pem' }],
  implementations: [
    {
      implementationIdHex: toHex(DEMO_IMPLEMENTATION_ID),
      label: 'DEMO coop-meter CM-1',
      measurements: approvedFirmware().map((c) => ({
        measurementHex: toHex(c.measurementValue),
        signerIdHex: toHex(c.signerId),
        componentType: c.measurementType,
        version: APPROVED_FIRMWARE_VERSION,
      })),
    },
  ],
  revoked: [{ serialHex: revokedSerial, reason: 'DEMO: key compromised (instance ' + toHex(instanceIdForKey(sec1FromKey(revoked.publicKey))).slice(0, 12) + '…)' }],
};
out('demo-trust.json', JSON.stringify(trust, null, 2) + '\n');
console.log(`DEMO ONLY PKI written to ${here}`);
