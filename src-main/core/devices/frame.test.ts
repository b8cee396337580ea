// Framing: COBS round trips, CRC and version checks, and a decoder fed in arbitrary chunks.
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { cobsDecode, cobsEncode } from './cobs.js';
import { encodeFrame, FrameError, MAX_FRAME_BYTES, packFrame, unpackFrame } from './frame.js';
import { FrameDecoder } from './frame-decoder.js';

describe('COBS', () => {
  it.each([0, 1, 253, 254, 255, 508, 2000])('round-trips %i bytes with and without zeros', (n) => {
    for (const data of [new Uint8Array(n), new Uint8Array(randomBytes(n)), new Uint8Array(n).fill(7)]) {
      const encoded = cobsEncode(data);
      expect(encoded.includes(0)).toBe(false);
      expect(cobsDecode(encoded)).toEqual(data);
    }
  });
  it('rejects a block whose code byte points past its end', () => {
    expect(cobsDecode(new Uint8Array([5, 1, 2]))).toBeNull();
  });
});

describe('frames', () => {
  const frame = { version: 1, type: 0x81, requestId: 0x1234, body: new Uint8Array([0xa1, 0x61, 0x61, 0x01]) };
  it('round-trips through the decoder even when split into single bytes', () => {
    const wire = encodeFrame(frame);
    const decoder = new FrameDecoder();
    const events = [...wire].flatMap((b) => decoder.push(new Uint8Array([b])));
    expect(events).toEqual([{ kind: 'frame', frame }]);
  });
  it('names a checksum error', () => {
    const raw = packFrame(frame);
    raw[5] = (raw[5] ?? 0) ^ 0x10;
    expect(() => unpackFrame(raw)).toThrowError(expect.objectContaining({ code: 'CRC_MISMATCH' }) as FrameError);
  });
  it('names an unsupported version', () => {
    expect(() => unpackFrame(packFrame({ ...frame, version: 2 }))).toThrowError(/version 2 is not supported/);
  });
  it('names a frame that is too short', () => {
    expect(() => unpackFrame(new Uint8Array([1, 2, 3]))).toThrowError(expect.objectContaining({ code: 'TRUNCATED' }) as FrameError);
  });
  it('resynchronises after noise and keeps the next good frame', () => {
    const decoder = new FrameDecoder();
    const noise = new Uint8Array([0xff, 0xee, 3, 4, 5, 0x00]);
    const events = decoder.push(new Uint8Array([...noise, ...encodeFrame(frame)]));
    expect(events.map((e) => (e.kind === 'error' ? e.error.code : 'frame'))).toEqual(['NOISE', 'frame']);
  });
  it('bounds its buffer when no delimiter ever comes', () => {
    const decoder = new FrameDecoder();
    decoder.push(new Uint8Array(MAX_FRAME_BYTES * 3).fill(9));
    const events = decoder.push(new Uint8Array([0]));
    expect(events[0]?.kind === 'error' && events[0].error.code).toBe('OVERSIZE');
    expect(decoder.pendingBytes).toBe(0);
  });
  it('refuses to encode an oversize body', () => {
    expect(() => encodeFrame({ ...frame, body: new Uint8Array(MAX_FRAME_BYTES) })).toThrowError(/exceeds/);
  });
});
