// Incremental receiver: feed it whatever chunks the serial port delivers; it yields whole frames and
// typed errors for damaged ones. Noise never grows the buffer without bound: bytes beyond the
// largest possible frame are dropped until the next delimiter.
import { cobsDecode } from './cobs.js';
import { FRAME_DELIMITER, FrameError, MAX_FRAME_BYTES, PROTOCOL_VERSION, unpackFrame, type Frame } from './frame.js';

export type DecodeEvent =
  | { readonly kind: 'frame'; readonly frame: Frame }
  | { readonly kind: 'error'; readonly error: FrameError; readonly discardedBytes: number };

const MAX_STUFFED_BYTES = MAX_FRAME_BYTES + Math.ceil(MAX_FRAME_BYTES / 254) + 1;

export class FrameDecoder {
  private buffer = new Uint8Array(1024);
  private length = 0;
  private overflowing = false;
  private overflowBytes = 0;

  push(chunk: Uint8Array): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    for (const byte of chunk) {
      if (byte === FRAME_DELIMITER) {
        const event = this.finishBlock();
        if (event) events.push(event);
        continue;
      }
      if (this.overflowing) {
        this.overflowBytes += 1;
        continue;
      }
      if (this.length >= MAX_STUFFED_BYTES) {
        this.overflowing = true;
        this.overflowBytes = this.length + 1;
        this.length = 0;
        continue;
      }
      if (this.length === this.buffer.length) {
        const bigger = new Uint8Array(Math.min(this.buffer.length * 2, MAX_STUFFED_BYTES));
        bigger.set(this.buffer);
        this.buffer = bigger;
      }
      this.buffer[this.length++] = byte;
    }
    return events;
  }

  /** Bytes held while waiting for a delimiter (for diagnostics and tests). */
  get pendingBytes(): number {
    return this.overflowing ? this.overflowBytes : this.length;
  }

  reset(): void {
    this.length = 0;
    this.overflowing = false;
    this.overflowBytes = 0;
  }

  private finishBlock(): DecodeEvent | null {
    if (this.overflowing) {
      const discardedBytes = this.overflowBytes;
      this.reset();
      return { kind: 'error', error: new FrameError('OVERSIZE', `Dropped ${discardedBytes} bytes without a frame delimiter`), discardedBytes };
    }
    const block = this.buffer.slice(0, this.length);
    this.length = 0;
    if (block.length === 0) return null; // back-to-back delimiters are allowed as idle fill
    const raw = cobsDecode(block);
    if (raw === null) {
      // A stuffed frame of ours starts with its code byte, then the (non-zero) version byte.
      const error =
        block[1] === PROTOCOL_VERSION
          ? new FrameError('TRUNCATED', `Dropped a frame of ${block.length} bytes that ended early (cut off on the line?)`)
          : new FrameError('NOISE', `Dropped ${block.length} unreadable bytes (line noise or wrong baud rate?)`);
      return { kind: 'error', error, discardedBytes: block.length };
    }
    try {
      return { kind: 'frame', frame: unpackFrame(raw) };
    } catch (error) {
      if (error instanceof FrameError) return { kind: 'error', error, discardedBytes: block.length };
      throw error;
    }
  }
}
