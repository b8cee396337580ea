// Message catalogue of the meter protocol (PROTOCOL.md): type codes, body schemas and device error
// codes. Requests use the low 7 bits; a reply sets bit 7 (0x80 | request type); 0x7F is an error.
import { z } from 'zod';

export const MessageType = {
  identify: 0x01,
  attest: 0x02,
  provision: 0x03,
  readBatch: 0x04,
  setClock: 0x05,
  setRelay: 0x06,
  error: 0x7f,
} as const;
export type RequestName = Exclude<keyof typeof MessageType, 'error'>;
export const REPLY_BIT = 0x80;

/** Byte strings (cbor-x yields Buffers, which are Uint8Arrays). */
export const byteString = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be a byte string');
const bytes = (min: number, max: number) =>
  byteString.refine((b) => b.length >= min && b.length <= max, `must be ${min}..${max} bytes`);
const uint = z.number().int().nonnegative();
const unixSeconds = uint.max(0xffffffff);

export const P256_PUBLIC_KEY_BYTES = 65; // uncompressed SEC1 point

/** Privileged commands carry a coop-key signature over [type, counter, fields] (see PROTOCOL.md). */
export const commandAuth = { counter: uint, auth: bytes(64, 64) };

export const requestSchemas = {
  identify: z.object({}),
  attest: z.object({ nonce: bytes(32, 64) }),
  provision: z.object({
    provisioningId: z.string().min(8).max(64),
    memberRef: z.string().min(1).max(64),
    equipmentRef: z.string().max(64).nullable(),
    clock: unixSeconds,
    intervalSeconds: uint.min(60).max(86_400),
    coopKey: bytes(P256_PUBLIC_KEY_BYTES, P256_PUBLIC_KEY_BYTES),
    counter: uint.optional(),
    auth: bytes(64, 64).optional(),
  }),
  readBatch: z.object({ fromSeq: uint }),
  setClock: z.object({ clock: unixSeconds, ...commandAuth }),
  setRelay: z.object({ closed: z.boolean(), loadLimitW: uint.nullable(), ...commandAuth }),
} satisfies Record<RequestName, z.ZodType>;

export const replySchemas = {
  identify: z.object({
    protocolVersion: uint,
    model: z.string().max(64),
    serialNumber: z.string().max(64),
    firmwareVersion: z.string().max(64),
    instanceId: bytes(33, 33),
    implementationId: bytes(32, 32),
    provisioned: z.boolean(),
    provisioningId: z.string().max(64).nullable(),
    commandCounter: uint,
    latestBatchSeq: uint.nullable(),
    clock: unixSeconds,
  }),
  attest: z.object({ token: bytes(16, 12_000) }),
  provision: z.object({ provisioningId: z.string(), alreadyApplied: z.boolean(), batchSeq: uint }),
  readBatch: z.object({ batch: bytes(16, 15_000).nullable(), latestSeq: uint.nullable() }),
  setClock: z.object({ clock: unixSeconds }),
  setRelay: z.object({ closed: z.boolean(), loadLimitW: uint.nullable() }),
} satisfies Record<RequestName, z.ZodType>;

export type RequestBody<N extends RequestName> = z.infer<(typeof requestSchemas)[N]>;
export type ReplyBody<N extends RequestName> = z.infer<(typeof replySchemas)[N]>;

/** Error codes a meter may answer with (body of a 0x7F frame). */
export const DEVICE_ERROR_CODES = [
  'UNSUPPORTED_VERSION',
  'UNKNOWN_TYPE',
  'BAD_REQUEST',
  'NOT_PROVISIONED',
  'UNAUTHORIZED',
  'REPLAYED_COUNTER',
  'BUSY',
  'INTERNAL',
] as const;
export type DeviceErrorCode = (typeof DEVICE_ERROR_CODES)[number];
export const errorBodySchema = z.object({ code: z.enum(DEVICE_ERROR_CODES), message: z.string().max(500) });

export function requestNameOf(type: number): RequestName | null {
  for (const [name, code] of Object.entries(MessageType)) {
    if (code === type && name !== 'error') return name as RequestName;
  }
  return null;
}
