// Reads a trust store from a JSON file (as in resources/demo-pki/demo-trust.json), for the
// command-line verifier and for seeding a console database. Certificate files are resolved
// relative to the JSON file.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { parseCertificate } from './x509-chain.js';
import type { TrustAnchor, TrustStoreSnapshot } from './trust-store.js';

const hex = (len?: number) => z.string().regex(len ? new RegExp(`^[0-9a-f]{${len}}$`) : /^[0-9a-f]+$/, 'lowercase hex');

const fileSchema = z.object({
  caCertificates: z.array(z.object({ label: z.string(), file: z.string() })).default([]),
  deviceKeys: z.array(z.object({ label: z.string(), instanceIdHex: hex(66), publicKeyHex: hex(130) })).default([]),
  implementations: z
    .array(
      z.object({
        implementationIdHex: hex(64),
        label: z.string(),
        measurements: z.array(
          z.object({ measurementHex: hex(), signerIdHex: hex().nullable().default(null), componentType: z.string().nullable().default(null), version: z.string().nullable().default(null) }),
        ),
      }),
    )
    .default([]),
  revoked: z.array(z.object({ serialHex: hex(), reason: z.string() })).default([]),
});

export class TrustStoreFileError extends Error {
  constructor(file: string, detail: string) {
    super(`Trust store file ${file} is not usable: ${detail}`);
    this.name = 'TrustStoreFileError';
  }
}

export function loadTrustStoreFile(file: string): TrustStoreSnapshot {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TrustStoreFileError(file, (error as Error).message);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new TrustStoreFileError(file, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const base = dirname(resolve(file));
  const anchors: TrustAnchor[] = [
    ...parsed.data.caCertificates.map((c) => ({ kind: 'ca-certificate' as const, label: c.label, certificateDer: readCertificate(resolve(base, c.file)) })),
    ...parsed.data.deviceKeys.map((k) => ({ kind: 'device-key' as const, label: k.label, instanceIdHex: k.instanceIdHex, publicKey: new Uint8Array(Buffer.from(k.publicKeyHex, 'hex')) })),
  ];
  return { anchors, implementations: parsed.data.implementations, revoked: parsed.data.revoked };
}

/** PEM or DER certificate file → DER bytes. */
export function readCertificate(file: string): Uint8Array {
  const bytes = readFileSync(file);
  const text = bytes.toString('latin1');
  try {
    return new Uint8Array(parseCertificate(text.includes('-----BEGIN') ? pemBody(text) : bytes).rawData);
  } catch (error) {
    throw new TrustStoreFileError(file, `not an X.509 certificate (${(error as Error).message})`);
  }
}

const pemBody = (pem: string): Uint8Array => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
