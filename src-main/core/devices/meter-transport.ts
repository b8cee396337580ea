// Request/response over a ByteLink: one request in flight, matched to its reply by request id,
// with a timeout per attempt and a bounded number of retries. A retry re-sends the very same bytes
// (same request id), so a meter that already executed it answers from its reply cache instead of
// executing twice (PROTOCOL.md, "Retries").
import { cborDecodeObject, cborEncode, CborError } from './cbor.js';
import { encodeFrame, PROTOCOL_VERSION, type FrameErrorCode } from './frame.js';
import { FrameDecoder } from './frame-decoder.js';
import type { ByteLink } from './serial-link.js';
import { MeterLinkError } from './link-errors.js';
import {
  errorBodySchema,
  MessageType,
  replySchemas,
  REPLY_BIT,
  requestSchemas,
  type ReplyBody,
  type RequestBody,
  type RequestName,
} from './messages.js';

export interface TransportOptions {
  /** How long to wait for a reply to one attempt. */
  readonly timeoutMs?: number;
  /** Extra attempts after the first (timeouts and damaged frames only; device errors are final). */
  readonly retries?: number;
  /** Quiet time after a damaged frame before re-sending, so a valid reply still in flight can land. */
  readonly resendAfterDamageMs?: number;
}

export interface LinkStats {
  framesSent: number;
  framesReceived: number;
  damagedFrames: number;
  discardedBytes: number;
  retries: number;
}

interface Pending {
  readonly requestId: number;
  readonly onFrame: (type: number, body: Uint8Array) => void;
  readonly onDamage: (code: FrameErrorCode) => void;
  readonly onClose: (reason: string) => void;
}

export class MeterTransport {
  private readonly decoder = new FrameDecoder();
  private nextRequestId = Math.floor(Math.random() * 0xffff);
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closedReason: string | null = null;
  readonly stats: LinkStats = { framesSent: 0, framesReceived: 0, damagedFrames: 0, discardedBytes: 0, retries: 0 };
  private readonly detach: Array<() => void> = [];

  constructor(
    private readonly link: ByteLink,
    private readonly options: TransportOptions = {},
  ) {
    this.detach.push(link.onData((chunk) => this.receive(chunk)));
    this.detach.push(
      link.onClose((reason) => {
        this.closedReason = reason;
        this.pending?.onClose(reason);
      }),
    );
  }

  /** Sends one request and resolves with its validated reply body. Requests are serialised. */
  request<N extends RequestName>(name: N, body: RequestBody<N>, override: TransportOptions = {}): Promise<ReplyBody<N>> {
    const run = this.queue.then(() => this.exchange(name, body, { ...this.options, ...override }));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    for (const off of this.detach.splice(0)) off();
    await this.link.close();
  }

  private receive(chunk: Uint8Array): void {
    for (const event of this.decoder.push(chunk)) {
      if (event.kind === 'error') {
        this.stats.damagedFrames += 1;
        this.stats.discardedBytes += event.discardedBytes;
        this.pending?.onDamage(event.error.code);
        continue;
      }
      this.stats.framesReceived += 1;
      // Replies to earlier (timed-out) attempts carry another request id and are ignored.
      if (this.pending && event.frame.requestId === this.pending.requestId) this.pending.onFrame(event.frame.type, event.frame.body);
    }
  }

  private async exchange<N extends RequestName>(name: N, body: RequestBody<N>, options: TransportOptions): Promise<ReplyBody<N>> {
    const timeoutMs = options.timeoutMs ?? 1500;
    const retries = options.retries ?? 2;
    const resendAfterDamageMs = options.resendAfterDamageMs ?? 60;
    requestSchemas[name].parse(body); // programming errors surface here, not on the meter
    const requestId = (this.nextRequestId = (this.nextRequestId + 1) & 0xffff);
    const wire = encodeFrame({ version: PROTOCOL_VERSION, type: MessageType[name], requestId, body: cborEncode(body) });
    let lastProblem: { code: FrameErrorCode | 'TIMEOUT'; detail: string } = { code: 'TIMEOUT', detail: '' };
    for (let attempt = 1; attempt <= retries + 1; attempt += 1) {
      if (this.closedReason !== null) throw new MeterLinkError('DISCONNECTED', `Serial link ${this.closedReason}`, attempt - 1);
      if (attempt > 1) this.stats.retries += 1;
      const outcome = await this.attempt(requestId, wire, timeoutMs, resendAfterDamageMs);
      if (outcome.kind === 'reply') return this.parseReply(name, outcome.type, outcome.body, attempt);
      if (outcome.kind === 'closed') throw new MeterLinkError('DISCONNECTED', `Serial link ${outcome.reason} during '${name}'`, attempt);
      lastProblem =
        outcome.kind === 'damaged'
          ? { code: outcome.code, detail: `Reply to '${name}' was damaged (${outcome.code}) on ${attempt} attempt(s)` }
          : { code: 'TIMEOUT', detail: `No reply to '${name}' within ${timeoutMs} ms on ${attempt} attempt(s)` };
    }
    throw new MeterLinkError(lastProblem.code, lastProblem.detail, retries + 1);
  }

  private attempt(
    requestId: number,
    wire: Uint8Array,
    timeoutMs: number,
    resendAfterDamageMs: number,
  ): Promise<
    | { kind: 'reply'; type: number; body: Uint8Array }
    | { kind: 'timeout' }
    | { kind: 'damaged'; code: FrameErrorCode }
    | { kind: 'closed'; reason: string }
  > {
    return new Promise((resolve) => {
      let damageTimer: NodeJS.Timeout | null = null;
      const finish = (result: Parameters<typeof resolve>[0]): void => {
        clearTimeout(timer);
        if (damageTimer) clearTimeout(damageTimer);
        this.pending = null;
        resolve(result);
      };
      const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
      this.pending = {
        requestId,
        onFrame: (type, body) => finish({ kind: 'reply', type, body }),
        onDamage: (code) => {
          if (damageTimer) clearTimeout(damageTimer);
          damageTimer = setTimeout(() => finish({ kind: 'damaged', code }), resendAfterDamageMs);
        },
        onClose: (reason) => finish({ kind: 'closed', reason }),
      };
      this.stats.framesSent += 1;
      this.link.write(wire).catch((error: unknown) => finish({ kind: 'closed', reason: `write failed: ${String(error)}` }));
    });
  }

  private parseReply<N extends RequestName>(name: N, type: number, body: Uint8Array, attempts: number): ReplyBody<N> {
    let decoded: unknown;
    try {
      decoded = cborDecodeObject(body);
    } catch (error) {
      const detail = error instanceof CborError ? error.message : String(error);
      throw new MeterLinkError('MALFORMED_REPLY', `Reply to '${name}' is not valid CBOR (${detail})`, attempts);
    }
    if (type === MessageType.error) {
      const parsed = errorBodySchema.safeParse(decoded);
      if (!parsed.success) throw new MeterLinkError('MALFORMED_REPLY', `Meter sent an unreadable error for '${name}'`, attempts);
      throw new MeterLinkError('DEVICE_ERROR', `Meter refused '${name}': ${parsed.data.code} (${parsed.data.message})`, attempts, parsed.data.code);
    }
    if (type !== (MessageType[name] | REPLY_BIT)) {
      throw new MeterLinkError('MALFORMED_REPLY', `Meter answered '${name}' with message type 0x${type.toString(16)}`, attempts);
    }
    const parsed = replySchemas[name].safeParse(decoded);
    if (!parsed.success) {
      throw new MeterLinkError('MALFORMED_REPLY', `Reply to '${name}' has unexpected fields: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, attempts);
    }
    return parsed.data as ReplyBody<N>;
  }
}
