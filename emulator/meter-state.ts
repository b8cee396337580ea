// The emulated meter's persistent memory, one JSON file: identity (key, certificate chain,
// firmware, lifecycle), provisioning, command counter, relay, and the signed reading log.
// Written atomically (temp file + rename) so an unplug or kill never leaves it half-written.
import { randomBytes, createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { generateP256 } from '../src-main/core/attestation/es256.js';
import { Lifecycle } from '../src-main/core/attestation/psa-claims.js';
import { issueDeviceCertificate, type CaMaterial } from './pki.js';

const stateSchema = z.object({
  format: z.literal(1),
  model: z.string(),
  serialNumber: z.string(),
  firmwareVersion: z.string(),
  deviceKeyPem: z.string(),
  certificateChainB64: z.array(z.string()),
  lifecycle: z.number().int(),
  provisioning: z
    .object({
      provisioningId: z.string(),
      memberRef: z.string(),
      equipmentRef: z.string().nullable(),
      intervalSeconds: z.number().int(),
      coopKeyHex: z.string(),
    })
    .nullable(),
  commandCounter: z.number().int(),
  relay: z.object({ closed: z.boolean(), loadLimitW: z.number().int().nullable() }),
  /** Meter clock as of `savedAtRealMs` (unix seconds); the clock runs on from there at the speed factor. */
  clockUnix: z.number(),
  savedAtRealMs: z.number(),
  nextIntervalStart: z.number().int().nullable(),
  pendingRecords: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int()])),
  totals: z.object({ importWh: z.number().int(), exportWh: z.number().int() }),
  batches: z.array(z.object({ seq: z.number().int(), b64: z.string(), sha256Hex: z.string() })),
  lastTokenB64: z.string().nullable(),
});
export type MeterState = z.infer<typeof stateSchema>;

export function loadState(file: string): MeterState | null {
  if (!existsSync(file)) return null;
  return stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function saveState(file: string, state: MeterState): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}

/** A meter fresh from the (demo) factory: new attestation key certified by the manufacturer CA. */
export async function manufactureMeter(ca: CaMaterial, model: string): Promise<MeterState> {
  const { privateKey, publicKey } = generateP256();
  const serialHex = randomBytes(8).toString('hex').replace(/^0/, '1');
  const serialNumber = `CM1-${serialHex.slice(0, 8).toUpperCase()}`;
  const now = Date.now();
  const cert = await issueDeviceCertificate({
    ca,
    devicePublicKey: publicKey,
    serialHex,
    subject: `CN=DEMO ONLY meter ${serialNumber}, O=DEMO ONLY`,
    notBefore: new Date(now - 86_400_000),
    notAfter: new Date(now + 20 * 365 * 86_400_000),
  });
  return {
    format: 1,
    model,
    serialNumber,
    firmwareVersion: '1.4.2',
    deviceKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    certificateChainB64: [Buffer.from(cert).toString('base64')],
    lifecycle: Lifecycle.secured,
    provisioning: null,
    commandCounter: 0,
    relay: { closed: true, loadLimitW: null },
    clockUnix: Math.floor(now / 1000),
    savedAtRealMs: now,
    nextIntervalStart: null,
    pendingRecords: [],
    totals: { importWh: 0, exportWh: 0 },
    batches: [],
    lastTokenB64: null,
  };
}

export const deviceKeyOf = (state: MeterState): KeyObject => createPrivateKey(state.deviceKeyPem);
