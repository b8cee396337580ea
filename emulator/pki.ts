// Certificate issuing for the emulated meter factory and the demo PKI generator (DEMO ONLY keys).
// A real manufacturer's CA key never leaves its HSM; here it ships in resources/demo-pki/ so the
// emulator can certify fresh device keys offline.
import 'reflect-metadata';
import { webcrypto, type KeyObject, createPrivateKey } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// Node's WebCrypto is what @peculiar/x509 expects; only the DOM typings differ.
x509.cryptoProvider.set(webcrypto as never);
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export async function toCryptoPrivate(key: KeyObject): Promise<CryptoKeyLike> {
  return webcrypto.subtle.importKey('pkcs8', key.export({ format: 'der', type: 'pkcs8' }), ALG, true, ['sign']);
}
export async function toCryptoPublic(key: KeyObject): Promise<CryptoKeyLike> {
  return webcrypto.subtle.importKey('spki', key.export({ format: 'der', type: 'spki' }), ALG, true, ['verify']);
}
type CryptoKeyLike = Awaited<ReturnType<typeof webcrypto.subtle.importKey>>;

export interface CaMaterial {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

export async function createRootCa(subject: string, privateKey: KeyObject, publicKey: KeyObject, notBefore: Date, notAfter: Date): Promise<string> {
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: subject,
    notBefore,
    notAfter,
    signingAlgorithm: ALG,
    keys: { privateKey: await toCryptoPrivate(privateKey), publicKey: await toCryptoPublic(publicKey) },
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  return cert.toString('pem');
}

export interface DeviceCertificateRequest {
  readonly ca: CaMaterial;
  readonly devicePublicKey: KeyObject;
  readonly serialHex: string;
  readonly subject: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** Issues the device attestation key certificate (DER) signed by the manufacturer CA. */
export async function issueDeviceCertificate(request: DeviceCertificateRequest): Promise<Uint8Array> {
  const caCert = new x509.X509Certificate(request.ca.certificatePem);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: request.serialHex,
    subject: request.subject,
    issuer: caCert.subject,
    notBefore: request.notBefore,
    notAfter: request.notAfter,
    signingAlgorithm: ALG,
    publicKey: await toCryptoPublic(request.devicePublicKey),
    signingKey: await toCryptoPrivate(createPrivateKey(request.ca.privateKeyPem)),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    ],
  });
  return new Uint8Array(cert.rawData);
}

export function pemToDer(pem: string): Uint8Array {
  return new Uint8Array(new x509.X509Certificate(pem).rawData);
}
