// Polls one stock Modbus meter on a schedule and stores integer samples (every register of its
// model's map: Wh, W, decivolts, milliamps, centihertz; see modbus-sample.ts) and the
// outcome of every attempt (modbus_meters.last_poll_*). Polls never overlap; stop() waits for the
// one in flight and closes the port.
//
// Failures: a failed poll (port missing, port busy, no answer) is reported and retried. The first
// retry comes after the normal interval; each further failure doubles the wait, up to
// max(interval, maxRetryDelayMs = 60 s). So a 5 s poll of an unplugged adapter settles at one try
// a minute instead of filling the log, a 15 min poll keeps its 15 min, and the first success goes
// back to the interval. "Poll now" (pollNow) always tries at once and restarts the count-down.
import type { Database } from 'better-sqlite3';
import { SdmClient, type SdmClientOptions } from '../devices/sdm-client.js';
import type { ModbusSampleView } from '../../contract/meters.js';
import { sampleFromRegisters } from './modbus-sample.js';
import { ModbusMetersStore } from './modbus-meters-store.js';
import type { SerialLineLocks } from './serial-line-locks.js';
import { classifyPollFailure, portIsMissing, portMissingError, type ModbusPollError } from './modbus-poll-problem.js';

/** One reading of a stock meter: the contract's sample shape. */
export type ModbusSample = ModbusSampleView;

export interface ModbusPollerOptions {
  readonly db: Database;
  readonly modbusMeterId: number;
  readonly client: SdmClientOptions;
  readonly intervalMs: number;
  /** Longest wait between attempts while polls keep failing (never below the interval). Default 60 s. */
  readonly maxRetryDelayMs?: number;
  /**
   * Meters sharing a port take turns through these locks; the port is then opened for each poll and
   * closed after it, so the next meter on the line can open it. Without: the port stays open.
   */
  readonly lineLocks?: SerialLineLocks;
  readonly now?: () => Date;
  readonly onSample?: (sample: ModbusSample) => void;
  /** `failures`: failed attempts in a row, as stored (survives restarts). */
  readonly onError?: (error: ModbusPollError, failures: number) => void;
}

export const DEFAULT_MAX_RETRY_DELAY_MS = 60_000;

/** Wait before the next attempt after `failures` failed attempts in a row (see the file comment). */
export function nextPollDelayMs(intervalMs: number, failures: number, maxRetryDelayMs = DEFAULT_MAX_RETRY_DELAY_MS): number {
  if (failures <= 0) return intervalMs;
  const cap = Math.max(intervalMs, maxRetryDelayMs);
  return Math.min(intervalMs * 2 ** Math.min(failures - 1, 30), cap);
}

export class ModbusPoller {
  private readonly store: ModbusMetersStore;
  private timer: NodeJS.Timeout | null = null;
  /** Settles (never rejects) when the attempt in flight is over. */
  private inFlight: Promise<void> | null = null;
  private client: SdmClient | null = null;
  private running = false;
  /** Failures in a row of this poller's attempts; drives the back-off. */
  private failures = 0;
  /** Failures in a row as stored in the database by the last failed attempt. */
  private storedFailures = 0;
  private next: Date | null = null;

  constructor(private readonly options: ModbusPollerOptions) {
    this.store = new ModbusMetersStore(options.db);
  }

  /** Polls at once, then on the schedule. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** When the next scheduled attempt is due (null when stopped or while one runs). */
  get nextPollAt(): string | null {
    return this.running && this.next ? this.next.toISOString() : null;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.clearTimer();
    await this.inFlight;
    await this.client?.close().catch(() => undefined);
    this.client = null;
  }

  /**
   * Polls now, after the attempt in flight if any; reports like a scheduled poll and, when the
   * schedule runs, counts the next interval from here. Rejects with a ModbusPollError.
   */
  async pollNow(): Promise<ModbusSample> {
    this.clearTimer();
    try {
      return await this.attempt();
    } finally {
      this.schedule(nextPollDelayMs(this.options.intervalMs, this.failures, this.options.maxRetryDelayMs));
    }
  }

  /** One poll without the reporting: read the model's whole register map; store the sample or the failure. */
  async pollOnce(): Promise<ModbusSample> {
    const locks = this.options.lineLocks;
    if (!locks) return this.readAndStore();
    return locks.run(this.options.client.path, async () => {
      try {
        return await this.readAndStore();
      } finally {
        await this.client?.close().catch(() => undefined);
        this.client = null;
      }
    });
  }

  private async readAndStore(): Promise<ModbusSample> {
    const at = this.now().toISOString();
    try {
      if (portIsMissing(this.options.client.path)) throw portMissingError(this.options.client);
      this.client ??= await SdmClient.connect(this.options.client);
      const sample = sampleFromRegisters(this.options.client.model, await this.client.readAll(), at);
      this.store.recordSample(this.options.modbusMeterId, sample);
      return sample;
    } catch (error) {
      // Drop the connection so the next attempt reopens the port (the adapter may have been re-plugged).
      await this.client?.close().catch(() => undefined);
      this.client = null;
      const failure = classifyPollFailure(error, this.options.client);
      this.storedFailures = this.store.recordFailure(this.options.modbusMeterId, at, failure);
      throw failure;
    }
  }

  private attempt(): Promise<ModbusSample> {
    const previous = this.inFlight ?? Promise.resolve();
    const work = previous
      .then(() => this.pollOnce())
      .then(
        (sample) => {
          this.failures = 0;
          this.options.onSample?.(sample);
          return sample;
        },
        (error: unknown) => {
          const failure = classifyPollFailure(error, this.options.client);
          this.failures += 1;
          this.options.onError?.(failure, Math.max(this.storedFailures, this.failures));
          throw failure;
        },
      );
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight = settled;
    void settled.then(() => {
      if (this.inFlight === settled) this.inFlight = null;
    });
    return work;
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    if (!this.running) return;
    this.next = new Date(this.now().getTime() + delayMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.next = null;
      void this.attempt()
        .catch(() => undefined)
        .then(() => this.schedule(nextPollDelayMs(this.options.intervalMs, this.failures, this.options.maxRetryDelayMs)));
    }, delayMs);
    // Pollers never keep a process alive on their own; whoever started them stops them.
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.next = null;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
