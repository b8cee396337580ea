// Stock Modbus meters in SQLite (tables from 0003, poll columns from 0007): registration rows,
// the stored polling interval, the outcome of the last poll, and samples. Callers that change what
// an operator set (interval) write the audit row in the same transaction (see setPollSeconds).
import type { Database } from 'better-sqlite3';
import type { ModbusPollProblem, ModbusSampleView } from '../../contract/meters.js';
import type { SdmModel } from '../devices/sdm-registers.js';
import type { AuditWriter } from './trust-store-repo.js';

export interface ModbusMeterRow {
  readonly id: number;
  readonly label: string;
  readonly model: SdmModel;
  readonly port_path: string;
  readonly baud_rate: number;
  readonly unit_id: number;
  readonly member_id: number | null;
  readonly member_name: string | null;
  readonly equipment_ref: string | null;
  readonly poll_seconds: number;
  readonly last_poll_at: string | null;
  readonly last_poll_ok: 0 | 1 | null;
  readonly last_poll_problem: ModbusPollProblem | null;
  readonly last_poll_error: string | null;
  readonly consecutive_failures: number;
}

/** A stored sample is exactly what the API shows (one shape, declared in the contract). */
export type StoredModbusSample = ModbusSampleView;

const SELECT_ROW = `SELECT mm.*, m.full_name AS member_name FROM modbus_meters mm LEFT JOIN members m ON m.id = mm.member_id`;
const SAMPLE_COLUMNS = `at, import_wh AS importWh, export_wh AS exportWh, power_w AS powerW, voltage_dv AS voltageDv`;

export class ModbusMetersStore {
  constructor(private readonly db: Database) {}

  list(): ModbusMeterRow[] {
    return this.db.prepare(`${SELECT_ROW} WHERE mm.active = 1 ORDER BY mm.id`).all() as ModbusMeterRow[];
  }

  get(id: number): ModbusMeterRow | null {
    return (this.db.prepare(`${SELECT_ROW} WHERE mm.id = ? AND mm.active = 1`).get(id) as ModbusMeterRow | undefined) ?? null;
  }

  /** Active meters with a stored interval: the ones to poll when the console starts. */
  scheduled(): ModbusMeterRow[] {
    return this.db.prepare(`${SELECT_ROW} WHERE mm.active = 1 AND mm.poll_seconds > 0 ORDER BY mm.id`).all() as ModbusMeterRow[];
  }

  /** Stores the interval and its audit row in one transaction; returns the previous interval (null: no such meter). */
  setPollSeconds(id: number, seconds: number, audit: AuditWriter, operatorId: number | null): number | null {
    return this.db.transaction(() => {
      const before = this.get(id);
      if (!before) return null;
      this.db.prepare(`UPDATE modbus_meters SET poll_seconds = ? WHERE id = ?`).run(seconds, id);
      if (before.poll_seconds !== seconds) {
        audit.record({
          operatorId, action: 'modbus.poll-interval', entity: 'modbus_meter', entityId: id,
          summary: seconds === 0 ? `Automatic polling of stock meter "${before.label}" turned off` : `Stock meter "${before.label}" polled every ${seconds} s`,
          before: { pollSeconds: before.poll_seconds }, after: { pollSeconds: seconds },
        });
      }
      return before.poll_seconds;
    })();
  }

  /** A successful poll: the sample and the meter's poll state change together. */
  recordSample(id: number, sample: StoredModbusSample): void {
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT OR REPLACE INTO modbus_samples (modbus_meter_id, at, import_wh, export_wh, power_w, voltage_dv) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(id, sample.at, sample.importWh, sample.exportWh, sample.powerW, sample.voltageDv);
      this.db
        .prepare(`UPDATE modbus_meters SET last_poll_at = ?, last_poll_ok = 1, last_poll_problem = NULL, last_poll_error = NULL, consecutive_failures = 0 WHERE id = ?`)
        .run(sample.at, id);
    })();
  }

  /** A failed poll; returns the number of failures in a row (0 if the meter row is gone). */
  recordFailure(id: number, at: string, problem: ModbusPollProblem, message: string): number {
    const row = this.db
      .prepare(`UPDATE modbus_meters SET last_poll_at = ?, last_poll_ok = 0, last_poll_problem = ?, last_poll_error = ?, consecutive_failures = consecutive_failures + 1 WHERE id = ? RETURNING consecutive_failures AS n`)
      .get(at, problem, message.slice(0, 1000), id) as { n: number } | undefined;
    return row?.n ?? 0;
  }

  lastSample(id: number): StoredModbusSample | null {
    return (this.db.prepare(`SELECT ${SAMPLE_COLUMNS} FROM modbus_samples WHERE modbus_meter_id = ? ORDER BY at DESC LIMIT 1`).get(id) as StoredModbusSample | undefined) ?? null;
  }

  /** The most recent samples, oldest first. */
  samples(id: number, limit: number): StoredModbusSample[] {
    return (this.db.prepare(`SELECT ${SAMPLE_COLUMNS} FROM modbus_samples WHERE modbus_meter_id = ? ORDER BY at DESC LIMIT ?`).all(id, limit) as StoredModbusSample[]).reverse();
  }
}
