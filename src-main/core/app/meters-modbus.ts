// Stock Modbus meters (Eastron SDM120/SDM630): registration in modbus_meters, "poll now", and a
// polling schedule per meter. The interval is stored (migration 0007) and every stored non-zero
// interval is resumed by resume() when the core starts; dispose() stops every poller. A meter whose
// port is missing does not stop anything: its poll fails with 'port-missing', the view says so, and
// the poller keeps retrying with a capped back-off (see meters/modbus-poller.ts).
import type { Database } from 'better-sqlite3';
import type { ModbusMeterView, ModbusSampleView } from '../../contract/meters.js';
import { CoreError, refusal } from '../api/core-error.js';
import type { AuditWriter } from '../meters/trust-store-repo.js';
import { ModbusPoller } from '../meters/modbus-poller.js';
import { ModbusMetersStore, refusalOf, type ModbusMeterRow } from '../meters/modbus-meters-store.js';
import { ModbusPollError } from '../meters/modbus-poll-problem.js';
import { SerialLineLocks } from '../meters/serial-line-locks.js';
import type { SdmModel } from '../devices/sdm-registers.js';

export interface ModbusMetersDeps {
  readonly db: Database;
  readonly audit: AuditWriter;
  readonly now: () => Date;
  readonly timeoutMs?: number;
  /** Longest wait between attempts while a meter keeps failing (default 60 s, never below its interval). */
  readonly maxRetryDelayMs?: number;
  readonly onPolled: (modbusMeterId: number, sample: ModbusSampleView | null, error: string | null) => void;
}

export class ModbusMeters {
  private readonly store: ModbusMetersStore;
  private readonly schedules = new Map<number, { seconds: number; poller: ModbusPoller }>();
  /** One poll at a time per meter: a second "poll now" while one runs waits for it. */
  private readonly busy = new Map<number, Promise<unknown>>();
  /** Meters on one RS-485 line (same port) take turns opening it. */
  private readonly lineLocks = new SerialLineLocks();
  private disposed = false;

  constructor(private readonly deps: ModbusMetersDeps) {
    this.store = new ModbusMetersStore(deps.db);
  }

  /** Starts polling every active meter with a stored interval; returns how many. Idempotent. */
  resume(): number {
    this.disposed = false;
    let started = 0;
    for (const row of this.store.scheduled()) {
      if (this.schedules.get(row.id)?.seconds === row.poll_seconds) continue;
      this.startSchedule(row);
      started += 1;
    }
    return started;
  }

  list(): ModbusMeterView[] {
    return this.store.list().map((r) => this.view(r));
  }

  get(id: number): ModbusMeterView {
    return this.view(this.row(id));
  }

  add(input: { label: string; model: SdmModel; portPath: string; baudRate: number; unitId: number; memberId: number | null; equipmentRef: string; pollSeconds: number }, operatorId: number): ModbusMeterView {
    if (input.memberId !== null && !this.deps.db.prepare(`SELECT 1 FROM members WHERE id = ?`).get(input.memberId)) {
      throw refusal('NOT_FOUND', 'notFound', `Member ${input.memberId} does not exist. Choose the member from the list.`);
    }
    const id = this.deps.db.transaction(() => {
      if (this.deps.db.prepare(`SELECT 1 FROM modbus_meters WHERE port_path = ? AND unit_id = ?`).get(input.portPath, input.unitId)) {
        throw new CoreError('CONFLICT', `A stock meter with unit id ${input.unitId} is already registered on ${input.portPath}. Each meter on one RS-485 line needs its own unit id.`);
      }
      const newId = Number(
        this.deps.db
          .prepare(`INSERT INTO modbus_meters (label, model, port_path, baud_rate, unit_id, member_id, equipment_ref, active, created_at, poll_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`)
          .run(input.label, input.model, input.portPath, input.baudRate, input.unitId, input.memberId, input.equipmentRef || null, this.deps.now().toISOString(), input.pollSeconds).lastInsertRowid,
      );
      this.deps.audit.record({ operatorId, action: 'modbus.add', entity: 'modbus_meter', entityId: newId, summary: `Stock meter ${input.model} "${input.label}" on ${input.portPath} (unit ${input.unitId})`, summaryCode: 'modbus.added', summaryParams: { model: input.model, label: input.label, port: input.portPath, unitId: input.unitId }, after: input });
      return newId;
    })();
    if (input.pollSeconds > 0 && !this.disposed) this.startSchedule(this.row(id));
    return this.get(id);
  }

  /** Reads the meter now. A scheduled meter is read through its poller (and its count-down restarts). */
  async pollNow(id: number): Promise<ModbusSampleView> {
    const row = this.row(id);
    await this.busy.get(id)?.catch(() => undefined);
    const scheduled = this.schedules.get(id);
    const poller = scheduled?.poller ?? this.poller(row, 0);
    const work = poller.pollNow();
    this.busy.set(id, work);
    try {
      return await work;
    } catch (error) {
      // A Modbus exception reply: the meter is reachable and said no (wrong model, internal fault).
      throw new CoreError(error instanceof ModbusPollError && error.problem === 'device-refused' ? 'DEVICE_REFUSED' : 'DEVICE_UNREACHABLE', (error as Error).message);
    } finally {
      this.busy.delete(id);
      // A one-off read must not keep the port open (the technician may need it for something else).
      if (!scheduled) await poller.stop();
    }
  }

  /** Stores the interval (audited) and restarts or stops the meter's poller. */
  async setInterval(id: number, seconds: number, operatorId: number | null): Promise<ModbusMeterView> {
    this.row(id);
    this.store.setPollSeconds(id, seconds, this.deps.audit, operatorId);
    const previous = this.schedules.get(id);
    this.schedules.delete(id);
    // The old poller lets go of the port before the new one opens it.
    await previous?.poller.stop();
    const row = this.row(id);
    // A later call may have stored another interval meanwhile: the stored one wins.
    if (row.poll_seconds > 0 && row.poll_seconds === seconds && !this.disposed && !this.schedules.has(id)) this.startSchedule(row);
    return this.view(row);
  }

  samples(id: number, limit: number): ModbusSampleView[] {
    this.row(id);
    return this.store.samples(id, limit);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const pollers = [...this.schedules.values()].map((s) => s.poller);
    this.schedules.clear();
    await Promise.allSettled([...pollers.map((p) => p.stop()), ...this.busy.values()]);
  }

  private row(id: number): ModbusMeterRow {
    const row = this.store.get(id);
    if (!row) throw refusal('NOT_FOUND', 'notFound', `Stock meter ${id} does not exist.`);
    return row;
  }

  private startSchedule(row: ModbusMeterRow): void {
    const previous = this.schedules.get(row.id)?.poller;
    const poller = this.poller(row, row.poll_seconds);
    this.schedules.set(row.id, { seconds: row.poll_seconds, poller });
    if (!previous) return poller.start();
    void previous.stop().then(() => {
      if (this.schedules.get(row.id)?.poller === poller) poller.start();
    });
  }

  private poller(row: ModbusMeterRow, seconds: number): ModbusPoller {
    return new ModbusPoller({
      db: this.deps.db,
      modbusMeterId: row.id,
      client: { path: row.port_path, unitId: row.unit_id, model: row.model, baudRate: row.baud_rate, timeoutMs: this.deps.timeoutMs ?? 1000 },
      intervalMs: Math.max(1, seconds) * 1000,
      lineLocks: this.lineLocks,
      ...(this.deps.maxRetryDelayMs !== undefined ? { maxRetryDelayMs: this.deps.maxRetryDelayMs } : {}),
      now: this.deps.now,
      onSample: (sample) => this.deps.onPolled(row.id, sample, null),
      onError: (error) => this.deps.onPolled(row.id, null, error.message),
    });
  }

  private view(r: ModbusMeterRow): ModbusMeterView {
    return {
      id: r.id, label: r.label, model: r.model, portPath: r.port_path, baudRate: r.baud_rate, unitId: r.unit_id,
      memberId: r.member_id, memberName: r.member_name, equipmentRef: r.equipment_ref,
      pollSeconds: r.poll_seconds,
      lastSample: this.store.lastSample(r.id),
      lastPollAt: r.last_poll_at,
      lastPollOk: r.last_poll_ok === null ? null : r.last_poll_ok === 1,
      lastProblem: r.last_poll_problem,
      lastRefusal: refusalOf(r),
      lastError: r.last_poll_error,
      consecutiveFailures: r.consecutive_failures,
      nextPollAt: this.schedules.get(r.id)?.poller.nextPollAt ?? null,
    };
  }
}
