// The background collector's memory in SQLite (table meter_collection): the outcome of the last
// attempt per meter, so the schedule resumes after a restart and the console can say what happened
// last. Readings are not here: ingest stores them (meter_batches / meter_readings) in its own
// transaction first, so a crash between the two only loses this note, and the next read re-reads
// from the last stored batch (duplicates are skipped).
import type { Database, Statement } from 'better-sqlite3';
import type { MeterCollectProblem } from '../../contract/meters.js';

export interface CollectionRow {
  readonly meter_id: number;
  readonly last_attempt_at: string;
  readonly last_ok: 0 | 1;
  readonly last_success_at: string | null;
  readonly problem: MeterCollectProblem | null;
  readonly error: string | null;
  readonly consecutive_failures: number;
  readonly last_batches: number;
  readonly last_readings: number;
}

/** A provisioned meter the collector can reach through a port. */
export interface CollectableMeter {
  readonly id: number;
  readonly port_path: string;
  readonly interval_seconds: number;
}

export class MeterCollectionStore {
  private readonly stmt: Record<'get' | 'success' | 'failure' | 'collectable' | 'one', Statement>;

  constructor(db: Database) {
    this.stmt = {
      get: db.prepare(`SELECT * FROM meter_collection WHERE meter_id = ?`),
      success: db.prepare(
        `INSERT INTO meter_collection (meter_id, last_attempt_at, last_ok, last_success_at, problem, error, consecutive_failures, last_batches, last_readings)
         VALUES (@id, @at, 1, @at, NULL, NULL, 0, @batches, @readings)
         ON CONFLICT (meter_id) DO UPDATE SET last_attempt_at = @at, last_ok = 1, last_success_at = @at, problem = NULL, error = NULL,
           consecutive_failures = 0, last_batches = @batches, last_readings = @readings`,
      ),
      failure: db.prepare(
        `INSERT INTO meter_collection (meter_id, last_attempt_at, last_ok, problem, error, consecutive_failures)
         VALUES (@id, @at, 0, @problem, @error, 1)
         ON CONFLICT (meter_id) DO UPDATE SET last_attempt_at = @at, last_ok = 0, problem = @problem, error = @error,
           consecutive_failures = consecutive_failures + 1
         RETURNING consecutive_failures AS n`,
      ),
      // Demo and imported meters have no port (''): nothing to read them through.
      collectable: db.prepare(`SELECT id, port_path, interval_seconds FROM meters WHERE status = 'provisioned' AND port_path <> '' AND interval_seconds IS NOT NULL ORDER BY id`),
      one: db.prepare(`SELECT id, port_path, interval_seconds FROM meters WHERE id = ? AND status = 'provisioned' AND port_path <> '' AND interval_seconds IS NOT NULL`),
    };
  }

  get(meterId: number): CollectionRow | null {
    return (this.stmt.get.get(meterId) as CollectionRow | undefined) ?? null;
  }

  collectable(): CollectableMeter[] {
    return this.stmt.collectable.all() as CollectableMeter[];
  }

  collectableMeter(meterId: number): CollectableMeter | null {
    return (this.stmt.one.get(meterId) as CollectableMeter | undefined) ?? null;
  }

  recordSuccess(meterId: number, at: string, batches: number, readings: number): void {
    this.stmt.success.run({ id: meterId, at, batches, readings });
  }

  /** Returns the failures in a row after this one. */
  recordFailure(meterId: number, at: string, problem: MeterCollectProblem, message: string): number {
    return (this.stmt.failure.get({ id: meterId, at, problem, error: message.slice(0, 1000) }) as { n: number }).n;
  }
}
