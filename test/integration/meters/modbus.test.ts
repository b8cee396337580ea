// Stock SDM120 / SDM630 register reads against the emulator's Modbus RTU server over a real pty.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createTestConsole, startEmulator, type RunningEmulator, type TestConsole } from './harness.js';
import { SdmClient } from '../../../src-main/core/devices/sdm-client.js';
import { ModbusPoller, type ModbusSample } from '../../../src-main/core/meters/modbus-poller.js';
import { ModbusPollError } from '../../../src-main/core/meters/modbus-poll-problem.js';

describe('Eastron SDM over Modbus RTU', () => {
  let c: TestConsole;
  let sdm120: RunningEmulator;
  beforeAll(async () => {
    c = createTestConsole();
    sdm120 = await startEmulator(c.dir, join(c.dir, 'unused.json'), ['--mode', 'sdm120', '--unit', '3', '--baud', '9600']);
  });
  afterAll(async () => {
    await sdm120?.stop();
    c.close();
  });

  it('reads the SDM120 input-register map with plausible values', async () => {
    const client = await SdmClient.connect({ path: sdm120.consolePath, unitId: 3, model: 'SDM120', timeoutMs: 1000 });
    try {
      const v = await client.readAll();
      expect(Object.keys(v)).toEqual(['voltage', 'current', 'activePower', 'frequency', 'importEnergy', 'exportEnergy', 'totalEnergy']);
      expect(v.voltage).toBeGreaterThan(225);
      expect(v.voltage).toBeLessThan(235);
      expect(v.frequency).toBeGreaterThan(49.9);
      expect(v.frequency).toBeLessThan(50.1);
      expect(v.importEnergy).toBeGreaterThanOrEqual(1234.5);
      expect(v.totalEnergy).toBeCloseTo(v.importEnergy! + v.exportEnergy!, 0);
      // Registers are read one after another while the load moves, so allow a few percent.
      const expectedCurrent = Math.abs(v.activePower!) / v.voltage!;
      expect(Math.abs(v.current! - expectedCurrent)).toBeLessThan(Math.max(0.05, expectedCurrent * 0.05));
    } finally {
      await client.close();
    }
  });

  it('times out with a clear error for a unit id nobody answers', async () => {
    const client = await SdmClient.connect({ path: sdm120.consolePath, unitId: 9, model: 'SDM120', timeoutMs: 300 });
    try {
      const failure = await client.readFloat(0x0000, 'voltage').then(() => null, (error: unknown) => error as Error);
      expect(failure?.message).toMatch(/Reading voltage over Modbus failed.*unit id/);
      // modbus-serial's timeout is a plain object: its own words must survive, not "[object Object]".
      expect(failure?.message).toMatch(/timed out/i);
      expect(failure?.message).not.toContain('[object Object]');
    } finally {
      await client.close();
    }
  });

  it('polls at the configured interval and stores integer samples', async () => {
    const id = Number(c.db.prepare(`INSERT INTO modbus_meters (label, model, port_path, unit_id, created_at) VALUES ('pump house', 'SDM120', ?, 3, ?)`).run(sdm120.consolePath, new Date().toISOString()).lastInsertRowid);
    const samples: ModbusSample[] = [];
    const errors: Error[] = [];
    const poller = new ModbusPoller({ db: c.db, modbusMeterId: id, client: { path: sdm120.consolePath, unitId: 3, model: 'SDM120', timeoutMs: 1000 }, intervalMs: 250, onSample: (s) => samples.push(s), onError: (e) => errors.push(e) });
    poller.start();
    await new Promise((r) => setTimeout(r, 1400));
    await poller.stop();
    expect(errors).toEqual([]);
    expect(samples.length).toBeGreaterThanOrEqual(3);
    const rows = c.db.prepare(`SELECT import_wh, voltage_dv FROM modbus_samples WHERE modbus_meter_id = ? ORDER BY at`).all(id) as Array<{ import_wh: number; voltage_dv: number }>;
    expect(rows.length).toBe(samples.length);
    expect(rows.every((r) => Number.isInteger(r.import_wh) && r.voltage_dv > 2250)).toBe(true);
    expect(rows.at(-1)!.import_wh).toBeGreaterThanOrEqual(rows[0]!.import_wh);
  });

  /** The row of the emulator's port and unit 3 (one per line and unit), saved as `model`. */
  const meterRow = (model: 'SDM120' | 'SDM630'): number => {
    const existing = c.db.prepare(`SELECT id FROM modbus_meters WHERE port_path = ? AND unit_id = 3`).get(sdm120.consolePath) as { id: number } | undefined;
    if (existing) {
      c.db.prepare(`UPDATE modbus_meters SET model = ? WHERE id = ?`).run(model, existing.id);
      return existing.id;
    }
    return Number(c.db.prepare(`INSERT INTO modbus_meters (label, model, port_path, unit_id, created_at) VALUES ('kiosk', ?, ?, 3, ?)`).run(model, sdm120.consolePath, new Date().toISOString()).lastInsertRowid);
  };

  it('a poll stores every quantity of the SDM120 map: current, frequency and total energy too', async () => {
    const id = meterRow('SDM120');
    const poller = new ModbusPoller({ db: c.db, modbusMeterId: id, client: { path: sdm120.consolePath, unitId: 3, model: 'SDM120', timeoutMs: 1000 }, intervalMs: 60_000 });
    try {
      const sample = await poller.pollOnce();
      expect(sample.phases).toEqual([{ voltageDv: sample.voltageDv, currentMa: expect.any(Number) as number }]);
      expect(sample.frequencyCHz).toBeGreaterThanOrEqual(4990);
      expect(Math.abs(sample.totalWh! - (sample.importWh + sample.exportWh))).toBeLessThanOrEqual(5);
      const row = c.db.prepare(`SELECT current_ma, frequency_chz, total_wh, voltage_l2_dv FROM modbus_samples WHERE modbus_meter_id = ? AND at = ?`).get(id, sample.at);
      expect(row).toEqual({ current_ma: sample.phases[0]!.currentMa, frequency_chz: sample.frequencyCHz, total_wh: sample.totalWh, voltage_l2_dv: null });
    } finally {
      await poller.stop();
    }
  });

  it('an SDM120 saved as an SDM630 answers exception 2 for an L2 register: wrong model, not wiring', async () => {
    const id = meterRow('SDM630');
    const poller = new ModbusPoller({ db: c.db, modbusMeterId: id, client: { path: sdm120.consolePath, unitId: 3, model: 'SDM630', timeoutMs: 1000 }, intervalMs: 60_000 });
    try {
      const failure = await poller.pollOnce().catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ModbusPollError);
      expect(failure).toMatchObject({ problem: 'device-refused', refusal: { register: 'voltageL2', address: 2, exceptionCode: 2 } });
      expect((failure as Error).message).toContain('answered but refused register voltageL2 (0x0002): exception 2, illegal data address — wrong meter model? This meter is saved as an SDM630');
      expect(c.db.prepare(`SELECT last_poll_problem, last_exception_code FROM modbus_meters WHERE id = ?`).get(id)).toEqual({ last_poll_problem: 'device-refused', last_exception_code: 2 });
    } finally {
      await poller.stop();
    }
  });
});
