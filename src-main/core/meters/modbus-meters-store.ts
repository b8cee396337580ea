// Stock Modbus meters in SQLite (tables from 0003, poll columns from 0007, every quantity and the
// refused register from modbus_all_quantities): registration rows,
// the stored polling interval, the outcome of the last poll, and samples. Callers that change what
// an operator set (interval) write the audit row in the same transaction (see setPollSeconds).
import type { Database } from 'better-sqlite3';
import type { ModbusPollProblem, ModbusRefusalView, ModbusSampleView } from '../../contract/meters.js';
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
  readonly last_refused_register: string | null;
  readonly last_refused_address: number | null;
  readonly last_exception_code: number | null;
  readonly consecutive_failures: number;
}

/** A failed poll as stored: the problem code, the core's message, and what was refused if anything. */
export interface StoredPollFailure {
  readonly problem: ModbusPollProblem;
  readonly message: string;
  readonly refusal: ModbusRefusalView | null;
}

interface SampleRow {
  readonly at: string;
  readonly import_wh: number;
  readonly export_wh: number;
  readonly total_wh: number | null;
  readonly power_w: number;
  readonly voltage_dv: number;
  readonly current_ma: number | null;
  readonly frequency_chz: number | null;
  readonly voltage_l2_dv: number | null;
  readonly voltage_l3_dv: number | null;
  readonly current_l2_ma: number | null;
  readonly current_l3_ma: number | null;
}

function sampleView(r: SampleRow): StoredModbusSample {
  const phases = [{ voltageDv: r.voltage_dv, currentMa: r.current_ma }];
  // L2 and L3 are stored for an SDM630 only.
  if (r.voltage_l2_dv !== null && r.voltage_l3_dv !== null) phases.push({ voltageDv: r.voltage_l2_dv, currentMa: r.current_l2_ma }, { voltageDv: r.voltage_l3_dv, currentMa: r.current_l3_ma });
  return { at: r.at, importWh: r.import_wh, exportWh: r.export_wh, totalWh: r.total_wh, powerW: r.power_w, voltageDv: r.voltage_dv, frequencyCHz: r.frequency_chz, phases };
}

export function refusalOf(row: ModbusMeterRow): ModbusRefusalView | null {
  return row.last_refused_register !== null && row.last_refused_address !== null && row.last_exception_code !== null
    ? { register: row.last_refused_register, address: row.last_refused_address, exceptionCode: row.last_exception_code }
    : null;
}

/** A stored sample is exactly what the API shows (one shape, declared in the contract). */
export type StoredModbusSample = ModbusSampleView;

const SELECT_ROW = `SELECT mm.*, m.full_name AS member_name FROM modbus_meters mm LEFT JOIN members m ON m.id = mm.member_id`;
const SAMPLE_COLUMNS = `at, import_wh, export_wh, total_wh, power_w, voltage_dv, current_ma, frequency_chz, voltage_l2_dv, voltage_l3_dv, current_l2_ma, current_l3_ma`;

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
          summaryCode: seconds === 0 ? 'modbus.pollingOff' : 'modbus.pollInterval', summaryParams: { label: before.label, seconds },
          before: { pollSeconds: before.poll_seconds }, after: { pollSeconds: seconds },
        });
      }
      return before.poll_seconds;
    })();
  }

  /** A successful poll: the sample and the meter's poll state change together. */
  recordSample(id: number, sample: StoredModbusSample): void {
    this.db.transaction(() => {
      const [l1, l2, l3] = sample.phases;
      this.db
        .prepare(
          `INSERT OR REPLACE INTO modbus_samples (modbus_meter_id, at, import_wh, export_wh, total_wh, power_w, voltage_dv, current_ma, frequency_chz, voltage_l2_dv, voltage_l3_dv, current_l2_ma, current_l3_ma)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, sample.at, sample.importWh, sample.exportWh, sample.totalWh, sample.powerW, sample.voltageDv, l1?.currentMa ?? null, sample.frequencyCHz,
          l2?.voltageDv ?? null, l3?.voltageDv ?? null, l2?.currentMa ?? null, l3?.currentMa ?? null);
      this.db
        .prepare(
          `UPDATE modbus_meters SET last_poll_at = ?, last_poll_ok = 1, last_poll_problem = NULL, last_poll_error = NULL,
             last_refused_register = NULL, last_refused_address = NULL, last_exception_code = NULL, consecutive_failures = 0 WHERE id = ?`,
        )
        .run(sample.at, id);
    })();
  }

  /** A failed poll; returns the number of failures in a row (0 if the meter row is gone). */
  recordFailure(id: number, at: string, failure: StoredPollFailure): number {
    const { problem, message, refusal } = failure;
    const row = this.db
      .prepare(
        `UPDATE modbus_meters SET last_poll_at = ?, last_poll_ok = 0, last_poll_problem = ?, last_poll_error = ?,
           last_refused_register = ?, last_refused_address = ?, last_exception_code = ?, consecutive_failures = consecutive_failures + 1
         WHERE id = ? RETURNING consecutive_failures AS n`,
      )
      .get(at, problem, message.slice(0, 1000), refusal?.register ?? null, refusal?.address ?? null, refusal?.exceptionCode ?? null, id) as { n: number } | undefined;
    return row?.n ?? 0;
  }

  lastSample(id: number): StoredModbusSample | null {
    const row = this.db.prepare(`SELECT ${SAMPLE_COLUMNS} FROM modbus_samples WHERE modbus_meter_id = ? ORDER BY at DESC LIMIT 1`).get(id) as SampleRow | undefined;
    return row ? sampleView(row) : null;
  }

  /** The most recent samples, oldest first. */
  samples(id: number, limit: number): StoredModbusSample[] {
    return (this.db.prepare(`SELECT ${SAMPLE_COLUMNS} FROM modbus_samples WHERE modbus_meter_id = ? ORDER BY at DESC LIMIT ?`).all(id, limit) as SampleRow[]).map(sampleView).reverse();
  }
}
