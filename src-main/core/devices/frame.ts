// One protocol frame before COBS stuffing: version, message type, request id, CBOR body, CRC-32.
// See PROTOCOL.md beside this file. Pure functions only, so the fuzz test can drive them directly.
import { crc32 } from 'node:zlib';
import { cobsEncode } from './cobs.js';

export const PROTOCOL_VERSION = 1;
export const FRAME_DELIMITER = 0x00;
/** Largest decoded frame we accept; bigger ones are line noise or a misbehaving device. */
export const MAX_FRAME_BYTES = 16 * 1024;
const HEADER_BYTES = 4;
const CRC_BYTES = 4;
export const MIN_FRAME_BYTES = HEADER_BYTES + 1 + CRC_BYTES; // an empty CBOR map is one byte

export interface Frame {
  readonly version: number;
  readonly type: number;
  readonly requestId: number;
  readonly body: Uint8Array;
}

/**
 * NOISE: bytes that do not look like a frame at all (wrong start, line noise, wrong baud rate).
 * TRUNCATED: starts like a frame of ours but ends early. CRC_MISMATCH: complete but damaged.
 */
export type FrameErrorCode = 'NOISE' | 'TRUNCATED' | 'OVERSIZE' | 'CRC_MISMATCH' | 'BAD_VERSION';

export class FrameError extends Error {
  constructor(
    readonly code: FrameErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FrameError';
  }
}

/** Frame bytes without COBS: header + body + CRC-32 (big endian) over header and body. */
export function packFrame(frame: Frame): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES + frame.body.length + CRC_BYTES);
  const view = new DataView(out.buffer);
  view.setUint8(0, frame.version);
  view.setUint8(1, frame.type);
  view.setUint16(2, frame.requestId);
  out.set(frame.body, HEADER_BYTES);
  view.setUint32(out.length - CRC_BYTES, crc32(out.subarray(0, out.length - CRC_BYTES)));
  return out;
}

/** Wire bytes: COBS(packFrame) followed by the 0x00 delimiter. */
export function encodeFrame(frame: Frame): Uint8Array {
  if (frame.body.length + HEADER_BYTES + CRC_BYTES > MAX_FRAME_BYTES) {
    throw new FrameError('OVERSIZE', `Frame body of ${frame.body.length} bytes exceeds the ${MAX_FRAME_BYTES}-byte limit`);
  }
  const stuffed = cobsEncode(packFrame(frame));
  const out = new Uint8Array(stuffed.length + 1);
  out.set(stuffed);
  out[stuffed.length] = FRAME_DELIMITER;
  return out;
}

/** Parses de-stuffed frame bytes; throws FrameError naming what is wrong. */
export function unpackFrame(bytes: Uint8Array): Frame {
  const looksLikeOurs = bytes[0] === PROTOCOL_VERSION;
  if (bytes.length < MIN_FRAME_BYTES) {
    if (!looksLikeOurs) throw new FrameError('NOISE', `Dropped ${bytes.length} unreadable bytes (line noise?)`);
    throw new FrameError('TRUNCATED', `Frame of ${bytes.length} bytes is shorter than the ${MIN_FRAME_BYTES}-byte minimum (cut off on the line?)`);
  }
  if (bytes.length > MAX_FRAME_BYTES) throw new FrameError('OVERSIZE', `Frame of ${bytes.length} bytes exceeds ${MAX_FRAME_BYTES}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const expected = view.getUint32(bytes.length - CRC_BYTES);
  const actual = crc32(bytes.subarray(0, bytes.length - CRC_BYTES));
  if (expected !== actual) {
    if (!looksLikeOurs) throw new FrameError('NOISE', `Dropped ${bytes.length} bytes that are not a frame (line noise or wrong baud rate?)`);
    throw new FrameError('CRC_MISMATCH', `Frame checksum mismatch (got ${hex32(expected)}, computed ${hex32(actual)}): the line is noisy or the frame was cut`);
  }
  const version = view.getUint8(0);
  if (version !== PROTOCOL_VERSION) {
    throw new FrameError('BAD_VERSION', `Protocol version ${version} is not supported (this console speaks version ${PROTOCOL_VERSION})`);
  }
  return {
    version,
    type: view.getUint8(1),
    requestId: view.getUint16(2),
    body: bytes.slice(HEADER_BYTES, bytes.length - CRC_BYTES),
  };
}

const hex32 = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;
