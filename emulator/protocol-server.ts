// Serial side of the emulated meter: decodes request frames, answers through EmulatedMeter, keeps
// a one-entry reply cache (a retried request id gets the same reply without executing twice),
// and applies line-level faults and optional line timing (a pty transfers instantly, a real UART
// at 9600/115200 baud does not).
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { cborDecodeObject, cborEncode } from '../src-main/core/devices/cbor.js';
import { cobsDecode, cobsEncode } from '../src-main/core/devices/cobs.js';
import { encodeFrame, PROTOCOL_VERSION, type Frame } from '../src-main/core/devices/frame.js';
import { FrameDecoder } from '../src-main/core/devices/frame-decoder.js';
import { MessageType, REPLY_BIT, requestNameOf, requestSchemas, type RequestName } from '../src-main/core/devices/messages.js';
import type { ByteLink } from '../src-main/core/devices/serial-link.js';
import type { FaultPlan } from './faults.js';
import type { EmulatedMeter } from './meter-device.js';

export interface ProtocolServerOptions {
  /** When set, each reply waits as long as request + reply would take on a UART at this baud rate. */
  readonly lineBaud: number | null;
  readonly log: (line: string) => void;
  /** Called when the 'unplug' fault fires. */
  readonly onUnplug: () => void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class ProtocolServer {
  private readonly decoder = new FrameDecoder();
  private lastRequest: { key: string; reply: Uint8Array } | null = null;
  private chain: Promise<void> = Promise.resolve();
  private unplugged = false;

  constructor(
    private readonly link: ByteLink,
    private readonly meter: EmulatedMeter,
    private readonly faults: FaultPlan,
    private readonly options: ProtocolServerOptions,
  ) {
    link.onData((chunk) => {
      for (const event of this.decoder.push(chunk)) {
        if (event.kind === 'error') {
          options.log(`dropped damaged request: ${event.error.code}`);
          continue;
        }
        const frame = event.frame;
        const requestBytes = chunk.length;
        this.chain = this.chain.then(() => this.answer(frame, requestBytes)).catch((error: unknown) => options.log(`reply failed: ${String(error)}`));
      }
    });
  }

  private async answer(frame: Frame, requestBytes: number): Promise<void> {
    if (this.unplugged) return;
    const key = `${frame.requestId}:${crc32(frame.body)}:${frame.type}`;
    let reply: Uint8Array;
    const name = requestNameOf(frame.type);
    if (this.lastRequest?.key === key) {
      reply = this.lastRequest.reply;
      this.options.log(`retry of request ${frame.requestId}: answering from the reply cache`);
    } else {
      reply = this.execute(frame, name);
      this.lastRequest = { key, reply };
    }
    await this.send(reply, requestBytes, name);
  }

  private execute(frame: Frame, name: RequestName | null): Uint8Array {
    const error = (code: string, message: string): Uint8Array =>
      encodeFrame({ version: PROTOCOL_VERSION, type: MessageType.error, requestId: frame.requestId, body: cborEncode({ code, message }) });
    if (name === null) return error('UNKNOWN_TYPE', `message type 0x${frame.type.toString(16)} is not a request`);
    let decoded: unknown;
    try {
      decoded = cborDecodeObject(frame.body);
    } catch {
      return error('BAD_REQUEST', 'body is not CBOR');
    }
    const parsed = requestSchemas[name].safeParse(decoded);
    if (!parsed.success) return error('BAD_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const result = this.meter.handle(name, parsed.data as never);
    this.options.log(`${name} -> ${result.ok ? 'ok' : result.code}`);
    if (!result.ok) return error(result.code, result.message);
    return encodeFrame({ version: PROTOCOL_VERSION, type: MessageType[name] | REPLY_BIT, requestId: frame.requestId, body: cborEncode(result.body) });
  }

  private async send(reply: Uint8Array, requestBytes: number, name: RequestName | null): Promise<void> {
    const plan = this.faults;
    const applies = plan.faults.size > 0 && (plan.onlyFor === null || plan.onlyFor === name) && (plan.remaining === null || plan.remaining > 0);
    const lineFaults = applies && ['bad-crc', 'truncated', 'noise', 'garbage', 'slow', 'unplug'].some((f) => plan.faults.has(f as never));
    if (lineFaults && plan.remaining !== null) plan.remaining -= 1;
    if (this.options.lineBaud) await sleep(((requestBytes + reply.length) * 10 * 1000) / this.options.lineBaud);
    if (!lineFaults) return this.link.write(reply);
    const f = plan.faults;
    if (f.has('slow')) await sleep(plan.slowMs);
    if (f.has('unplug')) {
      this.unplugged = true;
      await this.link.write(reply.subarray(0, Math.max(1, Math.floor(reply.length / 2))));
      this.options.log('unplug fault: half a reply sent, disconnecting');
      this.options.onUnplug();
      return;
    }
    if (f.has('noise')) await this.link.write(garbageBlock());
    if (f.has('garbage')) return this.link.write(garbageBlock());
    // Damage is applied to the unstuffed frame and re-stuffed, as a UART error would corrupt data bits.
    const raw = cobsDecode(reply.subarray(0, reply.length - 1));
    if (!raw) throw new Error('emulator produced an invalid frame');
    let damaged = new Uint8Array(raw);
    if (f.has('bad-crc')) damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 0x01;
    if (f.has('truncated')) damaged = damaged.slice(0, 6);
    await this.link.write(new Uint8Array([...cobsEncode(damaged), 0x00]));
  }
}

/** Bytes that can never decode: a COBS code byte pointing past the end of its block. */
function garbageBlock(): Uint8Array {
  const body = randomBytes(40).map((b) => b || 1);
  body[0] = 0xff;
  body[1] = 0xee; // never the protocol version, so the console classifies it as noise
  return new Uint8Array([...body, 0x00]);
}
