// Signed reading batches: how interval readings leave a meter. Each batch is a COSE_Sign1 (ES256,
// device attestation key) over a CBOR body holding its sequence number, the SHA-256 of the
// previous batch's bytes (hash chain), the provisioning it belongs to, and interval records
// [startUnix, importWh, exportWh]. Altering, dropping or reordering anything breaks a check.
import type { KeyObject } from 'node:crypto';
import { createHash } from 'node:crypto';
import { cborDecodeObject, cborEncode } from '../devices/cbor.js';
import { decodeSign1, signSign1, verifySign1, type CoseSign1 } from '../attestation/cose-sign1.js';

export const BATCH_FORMAT_VERSION = 1;
export const GENESIS_PREV_HASH = new Uint8Array(32);
/** One interval can never carry more than 10 MWh on a village connection: anything above is corrupt. */
export const MAX_WH_PER_INTERVAL = 10_000_000;
export const MAX_RECORDS_PER_BATCH = 1000;

// Checked by hand rather than with zod: ingest speed is dominated by this per-batch work, and
// a zod object schema costs more than the signature verification itself.
export type IntervalRecord = readonly [startUnix: number, importWh: number, exportWh: number];
export interface BatchBody {
  readonly v: typeof BATCH_FORMAT_VERSION;
  readonly instanceId: Uint8Array;
  readonly seq: number;
  readonly prev: Uint8Array;
  readonly provisioningId: string;
  readonly intervalSeconds: number;
  readonly records: IntervalRecord[];
}

const isInt = (x: unknown, min: number, max: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;

function checkEnvelope(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'body must be a map';
  const b = raw as Record<string, unknown>;
  if (b.v !== BATCH_FORMAT_VERSION) return `v: format version ${String(b.v)} is not ${BATCH_FORMAT_VERSION}`;
  if (!(b.instanceId instanceof Uint8Array) || b.instanceId.length !== 33) return 'instanceId must be 33 bytes';
  if (!isInt(b.seq, 1, Number.MAX_SAFE_INTEGER)) return 'seq must be a positive integer';
  if (!(b.prev instanceof Uint8Array) || b.prev.length !== 32) return 'prev must be a 32-byte hash';
  if (typeof b.provisioningId !== 'string' || b.provisioningId.length < 1 || b.provisioningId.length > 64) return 'provisioningId must be 1..64 characters';
  if (!isInt(b.intervalSeconds, 60, 86_400)) return 'intervalSeconds must be 60..86400';
  if (!Array.isArray(b.records) || b.records.length > MAX_RECORDS_PER_BATCH) return `records must be a list of at most ${MAX_RECORDS_PER_BATCH}`;
  return null;
}

const isWh = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= MAX_WH_PER_INTERVAL;

function checkRecords(records: readonly unknown[], intervalSeconds: number): string | null {
  let previous = -1;
  for (let i = 0; i < records.length; i += 1) {
    const r = records[i];
    if (!Array.isArray(r) || r.length !== 3) return `records.${i}: must be [startUnix, importWh, exportWh]`;
    const [start, imp, exp] = r as unknown[];
    if (typeof start !== 'number' || !Number.isInteger(start) || start < 0 || start > 0xffffffff) return `records.${i}: start is not a unix time`;
    if (!isWh(imp) || !isWh(exp)) return `records.${i}: energy must be whole Wh between 0 and ${MAX_WH_PER_INTERVAL}`;
    if (start % intervalSeconds !== 0) return `records.${i}: does not start on an interval boundary`;
    if (start <= previous) return `records.${i}: is not after the previous record`;
    previous = start;
  }
  return null;
}


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
  const problem = checkEnvelope(raw) ?? checkRecords((raw as BatchBody).records, (raw as BatchBody).intervalSeconds);
  if (problem) throw new BatchFormatError(`batch body is invalid: ${problem}`);
  return { sign1, body: raw as BatchBody, sha256: sha256(bytes) };
}

export const verifyBatchSignature = (batch: DecodedBatch, deviceKey: KeyObject): boolean => verifySign1(batch.sign1, deviceKey);
