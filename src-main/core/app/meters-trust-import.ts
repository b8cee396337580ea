// A trust file sent through the API (Settings → Trust store → Import): the JSON format of
// resources/demo-pki/demo-trust.json, where each CA certificate is either inline ("pem") or named by
// file ("file") and sent alongside as PEM text. Parsed completely before anything is written.
import { z } from 'zod';
import { RequiredText, ShortText } from '../../contract/common.js';
import { CoreError } from '../api/core-error.js';
import { parseCertificate } from '../attestation/x509-chain.js';
import type { TrustAnchor, TrustStoreSnapshot } from '../attestation/trust-store.js';

const hex = (len?: number) => z.string().regex(len ? new RegExp(`^[0-9a-f]{${len}}$`) : /^[0-9a-f]+$/, len ? `lowercase hex of ${len} characters` : 'lowercase hex');

// Labels and reasons are human text stored in the trust store: the contract's own text rules apply.
const trustFileSchema = z.object({
  caCertificates: z.array(z.object({ label: RequiredText(200), file: z.string().max(200).optional(), pem: z.string().max(100_000).optional() })).default([]),
  deviceKeys: z.array(z.object({ label: RequiredText(200), instanceIdHex: hex(66).optional(), publicKeyHex: hex(130) })).default([]),
  implementations: z
    .array(
      z.object({
        implementationIdHex: hex(64),
        label: RequiredText(200),
        measurements: z.array(
          z.object({ measurementHex: hex(), signerIdHex: hex().nullable().default(null), componentType: ShortText(40).nullable().default(null), version: ShortText(40).nullable().default(null) }),
        ),
      }),
    )
    .default([]),
  revoked: z.array(z.object({ serialHex: hex(), reason: RequiredText(200) })).default([]),
});

/** PEM text → DER bytes of the first certificate; throws CoreError VALIDATION naming the label. */
export function certificateFromPem(pem: string, label: string): Uint8Array {
  const body = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem)?.[1];
  if (!body) throw new CoreError('VALIDATION', `"${label}": no "-----BEGIN CERTIFICATE-----" block found. Paste the CA certificate in PEM form.`);
  try {
    return new Uint8Array(parseCertificate(new Uint8Array(Buffer.from(body.replace(/\s+/g, ''), 'base64'))).rawData);
  } catch (error) {
    throw new CoreError('VALIDATION', `"${label}" is not a readable X.509 certificate: ${(error as Error).message}`);
  }
}

export function parseTrustImport(json: string, files: Readonly<Record<string, string>>): TrustStoreSnapshot {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new CoreError('VALIDATION', `The trust file is not JSON: ${(error as Error).message}`);
  }
  const parsed = trustFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CoreError('VALIDATION', `The trust file is not usable: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'}`);
  }
  const data = parsed.data;
  const anchors: TrustAnchor[] = [
    ...data.caCertificates.map((c): TrustAnchor => {
      const pem = c.pem ?? (c.file !== undefined ? files[c.file] ?? files[c.file.split(/[\\/]/).pop() ?? ''] : undefined);
      if (pem === undefined) throw new CoreError('VALIDATION', `The trust file names the certificate "${c.file ?? c.label}": select that .pem file too.`);
      return { kind: 'ca-certificate', label: c.label, certificateDer: certificateFromPem(pem, c.label) };
    }),
    ...data.deviceKeys.map((k): TrustAnchor => ({ kind: 'device-key', label: k.label, instanceIdHex: k.instanceIdHex ?? '', publicKey: new Uint8Array(Buffer.from(k.publicKeyHex, 'hex')) })),
  ];
  return { anchors, implementations: data.implementations, revoked: data.revoked };
}
