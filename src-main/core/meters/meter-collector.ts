// Background collection of attested meters: every provisioned meter with a port is read on its
// interval (identify, then every signed batch newer than the last stored one) through the verified
// ingest of MeterProvisioningService.collectReadings, without anyone pressing "collect".
//
// - Resume: the outcome of each attempt is stored (meter_collection), so after a restart the next
//   read of each meter is due at last attempt + its wait, or at once if that time has passed.
// - Failures: classified (meter-collect-problem.ts) and retried with the same capped back-off as the
//   stock-meter poller (nextPollDelayMs): after the interval, then doubling per failure up to
//   max(interval, 60 s). The first success returns to the interval.
// - One line, several meters: each read opens the port and closes it after; the service opens ports
//   through lockedLinkOpener (serial-line-locks.ts), so reads of meters on the same port, and a
//   technician's command on it, take turns: a serial port has one user at a time.
// - Reads of one meter never overlap; dispose() waits for the reads in flight.
import type { MeterCollectionView } from '../../contract/meters.js';
import type { IngestReport } from './batch-ingest.js';
import { classifyCollectFailure, missingPortError, rejectedBatchesError, type MeterCollectError } from './meter-collect-problem.js';
import { MeterCollectionStore, type CollectableMeter } from './meter-collection-store.js';
import { DEFAULT_MAX_RETRY_DELAY_MS, nextPollDelayMs } from './modbus-poller.js';
import type { MeterProvisioningService } from './provisioning-service.js';
import type { Database, Statement } from 'better-sqlite3';

export interface MeterCollectorOptions {
  readonly db: Database;
  readonly service: Pick<MeterProvisioningService, 'collectReadings'>;
  readonly now: () => Date;
  /** Wait between reads of a healthy meter; default: the meter's own interval. */
  readonly periodMs?: (intervalSeconds: number) => number;
  /** Longest wait between attempts while reads keep failing (never below the period). Default 60 s. */
  readonly maxRetryDelayMs?: number;
  /**
   * After every attempt: what was stored (null when nothing could be read), why it failed, and
   * whether anything a view shows changed (new batches, a failure, or a recovery).
   */
  readonly onAttempt?: (meterId: number, outcome: AttemptOutcome & { readonly changed: boolean }) => void;
}

interface Schedule {
  meter: CollectableMeter;
  timer: NodeJS.Timeout | null;
  next: Date | null;
  /** Settles (never rejects) when the read in flight is over. */
  inFlight: Promise<void> | null;
}

export interface AttemptOutcome {
  readonly report: IngestReport | null;
  /** First and last interval start of the readings this attempt stored (null: none). */
  readonly storedFrom: string | null;
  readonly storedTo: string | null;
  readonly failure: MeterCollectError | null;
  /** What the read threw, unclassified (for callers that map meter errors themselves). */
  readonly error: unknown;
}

export class MeterCollector {
  private readonly store: MeterCollectionStore;
  private readonly schedules = new Map<number, Schedule>();
  private running = false;
  private readonly lastBatch: Statement;
  private readonly storedRange: Statement;

  constructor(private readonly options: MeterCollectorOptions) {
    this.store = new MeterCollectionStore(options.db);
    this.lastBatch = options.db.prepare(`SELECT max(id) AS id FROM meter_batches WHERE meter_id = ?`);
    this.storedRange = options.db.prepare(`SELECT min(interval_start) AS first, max(interval_start) AS last FROM meter_readings WHERE meter_id = ? AND batch_id > ?`);
  }

  /**
   * Starts (or brings up to date) the schedule of every collectable meter: new ones are added,
   * meters no longer provisioned are dropped, a changed port or interval applies from the next read.
   * Returns how many meters are scheduled. Call after provisioning and at start.
   */
  resume(): number {
    this.running = true;
    const meters = this.store.collectable();
    const ids = new Set(meters.map((m) => m.id));
    for (const [id, schedule] of this.schedules) {
      if (!ids.has(id)) {
        this.clear(schedule);
        this.schedules.delete(id);
      }
    }
    for (const meter of meters) {
      const existing = this.schedules.get(meter.id);
      if (existing) {
        existing.meter = meter;
        continue;
      }
      const schedule: Schedule = { meter, timer: null, next: null, inFlight: null };
      this.schedules.set(meter.id, schedule);
      this.arm(schedule, this.resumeDelayMs(meter));
    }
    return this.schedules.size;
  }

  /** Stops every schedule and waits for the reads in flight. */
  async dispose(): Promise<void> {
    this.running = false;
    const flights = [...this.schedules.values()].map((s) => {
      this.clear(s);
      return s.inFlight;
    });
    this.schedules.clear();
    await Promise.allSettled(flights);
  }

  /**
   * Reads a meter now (after the read in flight, if any), stores the outcome like a scheduled read
   * and restarts its count-down. `portPath` overrides the stored port for this read.
   */
  async collectNow(meterId: number, portPath: string): Promise<AttemptOutcome> {
    const schedule = this.schedules.get(meterId);
    if (schedule) this.clear(schedule);
    const outcome = await this.attempt(meterId, portPath, schedule);
    if (schedule && this.schedules.get(meterId) === schedule) this.arm(schedule, this.delayAfter(schedule.meter));
    return outcome;
  }

  view(meterId: number, intervalSeconds: number | null): MeterCollectionView | null {
    const row = this.store.get(meterId);
    const schedule = this.schedules.get(meterId);
    if (!row && !schedule) return null;
    const period = intervalSeconds ? this.periodMs(intervalSeconds) : 0;
    return {
      scheduled: schedule !== undefined,
      periodSeconds: Math.round(period / 1000),
      lastAttemptAt: row?.last_attempt_at ?? null,
      lastOk: row ? row.last_ok === 1 : null,
      lastSuccessAt: row?.last_success_at ?? null,
      problem: row?.problem ?? null,
      error: row?.error ?? null,
      consecutiveFailures: row?.consecutive_failures ?? 0,
      lastBatches: row?.last_batches ?? 0,
      lastReadings: row?.last_readings ?? 0,
      nextReadAt: schedule?.next?.toISOString() ?? null,
      running: schedule?.inFlight !== null && schedule?.inFlight !== undefined,
    };
  }

  private periodMs(intervalSeconds: number): number {
    return this.options.periodMs?.(intervalSeconds) ?? intervalSeconds * 1000;
  }

  private delayAfter(meter: CollectableMeter): number {
    const failures = this.store.get(meter.id)?.consecutive_failures ?? 0;
    return nextPollDelayMs(this.periodMs(meter.interval_seconds), failures, this.options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS);
  }

  /** After a restart: the stored last attempt plus its wait, counted from now if already past. */
  private resumeDelayMs(meter: CollectableMeter): number {
    const row = this.store.get(meter.id);
    if (!row) return 0;
    const due = Date.parse(row.last_attempt_at) + this.delayAfter(meter);
    return Math.max(0, due - this.options.now().getTime());
  }

  private arm(schedule: Schedule, delayMs: number): void {
    this.clear(schedule);
    if (!this.running) return;
    schedule.next = new Date(this.options.now().getTime() + delayMs);
    schedule.timer = setTimeout(() => {
      schedule.timer = null;
      schedule.next = null;
      void this.attempt(schedule.meter.id, schedule.meter.port_path, schedule).then(() => {
        if (this.schedules.get(schedule.meter.id) === schedule && schedule.timer === null) this.arm(schedule, this.delayAfter(schedule.meter));
      });
    }, delayMs);
    // The collector never keeps a process alive on its own; whoever started it stops it.
    schedule.timer.unref();
  }

  private clear(schedule: Schedule): void {
    if (schedule.timer) clearTimeout(schedule.timer);
    schedule.timer = null;
    schedule.next = null;
  }

  /** One read, after the one in flight for this meter; never rejects (the outcome says what happened). */
  private attempt(meterId: number, portPath: string, schedule: Schedule | undefined): Promise<AttemptOutcome> {
    const previous = schedule?.inFlight ?? Promise.resolve();
    const work = previous.then(() => this.readAndRecord(meterId, portPath));
    if (schedule) {
      const settled = work.then(() => undefined);
      schedule.inFlight = settled;
      void settled.then(() => {
        if (schedule.inFlight === settled) schedule.inFlight = null;
      });
    }
    return work;
  }

  private async readAndRecord(meterId: number, portPath: string): Promise<AttemptOutcome> {
    const at = this.options.now().toISOString();
    const lastBatchBefore = (this.lastBatch.get(meterId) as { id: number | null }).id ?? 0;
    let report: IngestReport | null = null;
    let failure: MeterCollectError | null = null;
    let error: unknown = null;
    try {
      const missing = missingPortError(portPath);
      if (missing) throw missing;
      report = await this.options.service.collectReadings(meterId, portPath);
      if (report.rejected.length > 0) failure = rejectedBatchesError(portPath, report.rejected);
    } catch (caught) {
      error = caught;
      failure = classifyCollectFailure(caught, portPath);
    }
    const wasFailing = this.store.get(meterId)?.last_ok === 0;
    try {
      if (failure) this.store.recordFailure(meterId, at, failure.problem, failure.message);
      else if (report) this.store.recordSuccess(meterId, at, report.accepted, report.readingsStored);
    } catch {
      // The meter row went away (restore, retirement) while the read ran: nothing to note.
    }
    const stored = report && report.readingsStored > 0 ? (this.storedRange.get(meterId, lastBatchBefore) as { first: string | null; last: string | null }) : null;
    const outcome = { report, failure, error, storedFrom: stored?.first ?? null, storedTo: stored?.last ?? null };
    this.options.onAttempt?.(meterId, { ...outcome, changed: failure !== null || wasFailing || (report?.accepted ?? 0) > 0 });
    return outcome;
  }
}
