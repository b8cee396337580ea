// Certificate path checks for the device attestation key: the x5chain (leaf first) must lead to a
// manufacturer CA in the trust store, each link signed by the next; every certificate must be in
// its validity period; none may be revoked. Uses @peculiar/x509 (which needs reflect-metadata).
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { normaliseSerial, type CaAnchor, type RevokedCertificate } from './trust-store.js';

// Node's WebCrypto is what @peculiar/x509 expects; only the DOM typings differ.
x509.cryptoProvider.set(webcrypto as never);

export interface ChainOutcome {
  readonly ok: boolean;
  readonly detail: string;
  readonly path: readonly x509.X509Certificate[];
}

export function parseCertificate(der: Uint8Array): x509.X509Certificate {
  return new x509.X509Certificate(Buffer.from(der));
}

/** Builds and checks the path leaf → … → trusted CA. Only signatures and names, no dates. */
export async function checkChain(chainDer: readonly Uint8Array[], anchors: readonly CaAnchor[]): Promise<ChainOutcome> {
  if (chainDer.length === 0) return { ok: false, detail: 'the token carries no certificate chain (x5chain) and no per-device key is trusted for it', path: [] };
  let certs: x509.X509Certificate[];
  try {
    certs = chainDer.map(parseCertificate);
  } catch (error) {
    return { ok: false, detail: `a certificate in the chain is not valid X.509: ${(error as Error).message}`, path: [] };
  }
  const roots = anchors.map((a) => parseCertificate(a.certificateDer));
  for (let i = 0; i + 1 < certs.length; i += 1) {
    const child = certs[i] as x509.X509Certificate;
    const parent = certs[i + 1] as x509.X509Certificate;
    if (child.issuer !== parent.subject || !(await child.verify({ publicKey: parent, signatureOnly: true }))) {
      return { ok: false, detail: `certificate "${child.subject}" is not signed by the next one in the chain ("${parent.subject}")`, path: certs };
    }
    if (!isCa(parent)) return { ok: false, detail: `"${parent.subject}" is not a CA certificate but signs another`, path: certs };
  }
  const top = certs[certs.length - 1] as x509.X509Certificate;
  for (const root of roots) {
    if (top.issuer !== root.subject) continue;
    if (await top.verify({ publicKey: root, signatureOnly: true })) {
      return { ok: true, detail: `chain of ${certs.length} certificate(s) ends at trusted CA "${root.subject}"`, path: [...certs, root] };
    }
  }
  return { ok: false, detail: `no trusted manufacturer CA signed "${top.subject}" (issuer "${top.issuer}")`, path: certs };
}

export function checkValidity(path: readonly x509.X509Certificate[], at: Date): { ok: boolean; detail: string } {
  for (const cert of path) {
    if (at < cert.notBefore) return { ok: false, detail: `certificate "${cert.subject}" is not valid before ${cert.notBefore.toISOString()}` };
    if (at > cert.notAfter) return { ok: false, detail: `certificate "${cert.subject}" expired on ${cert.notAfter.toISOString()}` };
  }
  return { ok: true, detail: `all ${path.length} certificate(s) valid at ${at.toISOString()}` };
}

export function checkRevocation(path: readonly x509.X509Certificate[], revoked: readonly RevokedCertificate[]): { ok: boolean; detail: string } {
  const bySerial = new Map(revoked.map((r) => [normaliseSerial(r.serialHex), r]));
  for (const cert of path) {
    const hit = bySerial.get(normaliseSerial(cert.serialNumber));
    if (hit) return { ok: false, detail: `certificate "${cert.subject}" (serial ${cert.serialNumber}) is revoked: ${hit.reason}` };
  }
  return { ok: true, detail: 'no certificate in the chain is revoked' };
}

function isCa(cert: x509.X509Certificate): boolean {
  const bc = cert.getExtension(x509.BasicConstraintsExtension);
  return bc?.ca === true;
}

/** Raw SPKI DER of a certificate's subject public key. */
export const spkiOf = (cert: x509.X509Certificate): Uint8Array => new Uint8Array(cert.publicKey.rawData);
