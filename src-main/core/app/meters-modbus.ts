// Stock Modbus meters (Eastron SDM120/SDM630): registration in modbus_meters, "poll now", and a
// polling schedule per meter. The schedule lives in memory while the console runs (0003 has no
// column for it), so after a restart polling is off until someone sets an interval again.
import type { Database } from 'better-sqlite3';
import type { ModbusMeterView, ModbusSampleView } from '../../contract/meters.js';
import { CoreError } from '../api/core-error.js';
import type { AuditWriter } from '../meters/trust-store-repo.js';
import { ModbusPoller } from '../meters/modbus-poller.js';
import type { SdmModel } from '../devices/sdm-registers.js';

interface ModbusRow {
  id: number; label: string; model: SdmModel; port_path: string; baud_rate: number; unit_id: number;
  member_id: number | null; member_name: string | null; equipment_ref: string | null;
}

export interface ModbusMetersDeps {
  readonly db: Database;
  readonly audit: AuditWriter;
  readonly now: () => Date;
  readonly timeoutMs?: number;
  readonly onPolled: (modbusMeterId: number, sample: ModbusSampleView | null, error: string | null) => void;
}

export class ModbusMeters {
  private readonly schedules = new Map<number, { seconds: number; poller: ModbusPoller }>();
  private readonly lastErrors = new Map<number, string | null>();
  /** One poll at a time per meter: "poll now" while a scheduled poll runs waits for it. */
  private readonly busy = new Map<number, Promise<unknown>>();

  constructor(private readonly deps: ModbusMetersDeps) {}

  list(): ModbusMeterView[] {
    const rows = this.deps.db
      .prepare(`SELECT mm.*, m.full_name AS member_name FROM modbus_meters mm LEFT JOIN members m ON m.id = mm.member_id WHERE mm.active = 1 ORDER BY mm.id`)
      .all() as ModbusRow[];
    return rows.map((r) => this.view(r));
  }

  get(id: number): ModbusMeterView {
    const row = this.deps.db.prepare(`SELECT mm.*, m.full_name AS member_name FROM modbus_meters mm LEFT JOIN members m ON m.id = mm.member_id WHERE mm.id = ? AND mm.active = 1`).get(id) as ModbusRow | undefined;
    if (!row) throw new CoreError('NOT_FOUND', `Stock meter ${id} does not exist.`);
    return this.view(row);
  }

  add(input: { label: string; model: SdmModel; portPath: string; baudRate: number; unitId: number; memberId: number | null; equipmentRef: string; pollSeconds: number }, operatorId: number): ModbusMeterView {
    if (input.memberId !== null && !this.deps.db.prepare(`SELECT 1 FROM members WHERE id = ?`).get(input.memberId)) {
      throw new CoreError('NOT_FOUND', `Member ${input.memberId} does not exist. Choose the member from the list.`);
    }
    const id = this.deps.db.transaction(() => {
      if (this.deps.db.prepare(`SELECT 1 FROM modbus_meters WHERE port_path = ? AND unit_id = ?`).get(input.portPath, input.unitId)) {
        throw new CoreError('CONFLICT', `A stock meter with unit id ${input.unitId} is already registered on ${input.portPath}. Each meter on one RS-485 line needs its own unit id.`);
      }
      const newId = Number(
        this.deps.db
          .prepare(`INSERT INTO modbus_meters (label, model, port_path, baud_rate, unit_id, member_id, equipment_ref, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`)
          .run(input.label, input.model, input.portPath, input.baudRate, input.unitId, input.memberId, input.equipmentRef || null, this.deps.now().toISOString()).lastInsertRowid,
      );
      this.deps.audit.record({ operatorId, action: 'modbus.add', entity: 'modbus_meter', entityId: newId, summary: `Stock meter ${input.model} "${input.label}" on ${input.portPath} (unit ${input.unitId})`, after: input });
      return newId;
    })();
    if (input.pollSeconds > 0) this.setInterval(id, input.pollSeconds);
    return this.get(id);
  }

  /** Reads the meter now. A scheduled meter is read through its open connection. */
  async pollNow(id: number): Promise<ModbusSampleView> {
    const meter = this.get(id);
    await this.busy.get(id)?.catch(() => undefined);
    const scheduled = this.schedules.get(id);
    const poller = scheduled?.poller ?? this.poller(meter, 0);
    const work = poller.pollOnce();
    this.busy.set(id, work);
    try {
      const sample = await work;
      this.lastErrors.set(id, null);
      this.deps.onPolled(id, sample, null);
      return sample;
    } catch (error) {
      const message = (error as Error).message;
      this.lastErrors.set(id, message);
      this.deps.onPolled(id, null, message);
      throw new CoreError('DEVICE_UNREACHABLE', message);
    } finally {
      this.busy.delete(id);
      // A one-off read must not keep the port open (the technician may need it for something else).
      if (!scheduled) await poller.stop();
    }
  }

  setInterval(id: number, seconds: number): ModbusMeterView {
    const meter = this.get(id);
    const previous = this.schedules.get(id);
    this.schedules.delete(id);
    void previous?.poller.stop();
    if (seconds > 0) {
      const poller = this.poller(meter, seconds);
      this.schedules.set(id, { seconds, poller });
      poller.start();
    }
    return this.get(id);
  }

  samples(id: number, limit: number): ModbusSampleView[] {
    this.get(id);
    const rows = this.deps.db
      .prepare(`SELECT at, import_wh AS importWh, export_wh AS exportWh, power_w AS powerW, voltage_dv AS voltageDv FROM modbus_samples WHERE modbus_meter_id = ? ORDER BY at DESC LIMIT ?`)
      .all(id, limit) as ModbusSampleView[];
    return rows.reverse();
  }

  async dispose(): Promise<void> {
    const pollers = [...this.schedules.values()].map((s) => s.poller);
    this.schedules.clear();
    await Promise.allSettled(pollers.map((p) => p.stop()));
  }

  private poller(meter: ModbusMeterView, seconds: number): ModbusPoller {
    return new ModbusPoller({
      db: this.deps.db,
      modbusMeterId: meter.id,
      client: { path: meter.portPath, unitId: meter.unitId, model: meter.model, baudRate: meter.baudRate, timeoutMs: this.deps.timeoutMs ?? 1000 },
      intervalMs: Math.max(1, seconds) * 1000,
      now: this.deps.now,
      onSample: (sample) => {
        this.lastErrors.set(meter.id, null);
        this.deps.onPolled(meter.id, sample, null);
      },
      onError: (error) => {
        this.lastErrors.set(meter.id, error.message);
        this.deps.onPolled(meter.id, null, error.message);
      },
    });
  }

  private view(r: ModbusRow): ModbusMeterView {
    const last = this.deps.db
      .prepare(`SELECT at, import_wh AS importWh, export_wh AS exportWh, power_w AS powerW, voltage_dv AS voltageDv FROM modbus_samples WHERE modbus_meter_id = ? ORDER BY at DESC LIMIT 1`)
      .get(r.id) as ModbusSampleView | undefined;
    return {
      id: r.id, label: r.label, model: r.model, portPath: r.port_path, baudRate: r.baud_rate, unitId: r.unit_id,
      memberId: r.member_id, memberName: r.member_name, equipmentRef: r.equipment_ref,
      pollSeconds: this.schedules.get(r.id)?.seconds ?? 0, lastSample: last ?? null, lastError: this.lastErrors.get(r.id) ?? null,
    };
  }
}
