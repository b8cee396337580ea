// Signed reading batches: how interval readings leave a meter. Each batch is a COSE_Sign1 (ES256,
// device attestation key) over a CBOR body holding its sequence number, the SHA-256 of the
// previous batch's bytes (hash chain), the provisioning it belongs to, and interval records
// [startUnix, importWh, exportWh]. Altering, dropping or reordering anything breaks a check.
import type { KeyObject } from 'node:crypto';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { cborDecodeObject, cborEncode } from '../devices/cbor.js';
import { byteString } from '../devices/messages.js';
import { decodeSign1, signSign1, verifySign1, type CoseSign1 } from '../attestation/cose-sign1.js';

export const BATCH_FORMAT_VERSION = 1;
export const GENESIS_PREV_HASH = new Uint8Array(32);
/** One interval can never carry more than 10 MWh on a village connection: anything above is corrupt. */
export const MAX_WH_PER_INTERVAL = 10_000_000;
export const MAX_RECORDS_PER_BATCH = 1000;

const whValue = z.number().int().min(0).max(MAX_WH_PER_INTERVAL);
const recordSchema = z.tuple([z.number().int().min(0).max(0xffffffff), whValue, whValue]);

export const batchBodySchema = z
  .object({
    v: z.literal(BATCH_FORMAT_VERSION),
    instanceId: byteString.refine((b) => b.length === 33, 'instanceId must be 33 bytes'),
    seq: z.number().int().min(1),
    prev: byteString.refine((b) => b.length === 32, 'prev must be a 32-byte hash'),
    provisioningId: z.string().min(1).max(64),
    intervalSeconds: z.number().int().min(60).max(86_400),
    records: z.array(recordSchema).max(MAX_RECORDS_PER_BATCH),
  })
  .superRefine((body, ctx) => {
    for (let i = 0; i < body.records.length; i += 1) {
      const start = body.records[i]![0];
      if (start % body.intervalSeconds !== 0) ctx.addIssue({ code: 'custom', message: `record ${i} does not start on an interval boundary` });
      if (i > 0 && start <= body.records[i - 1]![0]) ctx.addIssue({ code: 'custom', message: `record ${i} is not after the previous one` });
    }
  });

export type BatchBody = z.infer<typeof batchBodySchema>;
export type IntervalRecord = BatchBody['records'][number];

export class BatchFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BatchFormatError';
  }
}

export interface DecodedBatch {
  readonly sign1: CoseSign1;
  readonly body: BatchBody;
  readonly sha256: Uint8Array;
}

export function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}

export function signBatch(body: BatchBody, deviceKey: KeyObject): Uint8Array {
  return signSign1(cborEncode(body), deviceKey);
}

export function decodeBatch(bytes: Uint8Array): DecodedBatch {
  let sign1: CoseSign1;
  let raw: unknown;
  try {
    sign1 = decodeSign1(bytes);
    raw = cborDecodeObject(sign1.payload);
  } catch (error) {
    throw new BatchFormatError(`batch is not a readable COSE_Sign1: ${(error as Error).message}`);
  }
  const parsed = batchBodySchema.safeParse(raw);
  if (!parsed.success) {
    throw new BatchFormatError(`batch body is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`);
  }
  return { sign1, body: parsed.data, sha256: sha256(bytes) };
}

export const verifyBatchSignature = (batch: DecodedBatch, deviceKey: KeyObject): boolean => verifySign1(batch.sign1, deviceKey);
