// Stock-meter samples and refusals without a meter: register floats → integer units, a Modbus
// exception reply told apart from silence, and the migration that widens the stored problems.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection.js';
import { resolveResourceDir } from '../platform/resources.js';
import { adjacentRuns, ModbusExceptionReply, ModbusReadError } from '../devices/sdm-client.js';
import { SDM_REGISTERS } from '../devices/sdm-registers.js';
import { classifyPollFailure } from './modbus-poll-problem.js';
import { ModbusMetersStore } from './modbus-meters-store.js';
import { sampleFromRegisters } from './modbus-sample.js';

const AT = '2026-12-01T10:00:00.000Z';

describe('a sample from the register map', () => {
  it('SDM120: every quantity in integer units, one phase', () => {
    const values = { voltage: 230.06, current: 4.3456, activePower: 998.6, frequency: 50.034, importEnergy: 1234.5678, exportEnergy: 321.25, totalEnergy: 1555.8178 };
    expect(sampleFromRegisters('SDM120', values, AT)).toEqual({
      at: AT, importWh: 1_234_568, exportWh: 321_250, totalWh: 1_555_818, powerW: 999, voltageDv: 2301, frequencyCHz: 5003,
      phases: [{ voltageDv: 2301, currentMa: 4346 }],
    });
  });

  it('SDM630: three phases, L1 also as the headline voltage', () => {
    const values = {
      voltageL1: 229.5, voltageL2: 230.2, voltageL3: 229.1, currentL1: 1.5, currentL2: 0.25, currentL3: 0,
      activePower: -420.4, frequency: 49.98, importEnergy: 10, exportEnergy: 2.5, totalEnergy: 12.5,
    };
    const sample = sampleFromRegisters('SDM630', values, AT);
    expect(sample.phases).toEqual([{ voltageDv: 2295, currentMa: 1500 }, { voltageDv: 2302, currentMa: 250 }, { voltageDv: 2291, currentMa: 0 }]);
    expect(sample).toMatchObject({ voltageDv: 2295, powerW: -420, frequencyCHz: 4998, totalWh: 12_500 });
  });

  it('a register missing from the values is a bug, said as such', () => {
    expect(() => sampleFromRegisters('SDM630', { voltage: 230 }, AT)).toThrow(/register voltageL1 was not read/);
  });
});

describe('reading the map in few requests', () => {
  it('groups adjacent float pairs only (a gap is never read across)', () => {
    const names = (model: 'SDM120' | 'SDM630') => adjacentRuns(SDM_REGISTERS[model]).map((run) => run.map((r) => r.name));
    expect(names('SDM630')).toEqual([
      ['voltageL1', 'voltageL2', 'voltageL3', 'currentL1', 'currentL2', 'currentL3'],
      ['activePower'],
      ['frequency', 'importEnergy', 'exportEnergy'],
      ['totalEnergy'],
    ]);
    expect(names('SDM120')).toEqual([['voltage'], ['current'], ['activePower'], ['frequency', 'importEnergy', 'exportEnergy'], ['totalEnergy']]);
  });
});

describe('a Modbus exception reply', () => {
  const target = { path: '/dev/ttyUSB0', unitId: 7, baudRate: 2400, model: 'SDM630' as const };

  it('is device-refused with the register, the exception name and the wrong-model question — no wiring advice', () => {
    const failure = classifyPollFailure(new ModbusExceptionReply('voltageL2', 0x0002, 2), target);
    expect(failure.problem).toBe('device-refused');
    expect(failure.refusal).toEqual({ register: 'voltageL2', address: 2, exceptionCode: 2 });
    expect(failure.message).toBe(
      'The meter on /dev/ttyUSB0 (unit id 7) answered but refused register voltageL2 (0x0002): exception 2, illegal data address — wrong meter model? ' +
        'This meter is saved as an SDM630: check the model on its front label (or that it is an Eastron meter at all) and register it again with the right model. ' +
        'The wiring, unit id and baud rate are right.',
    );
    expect(failure.message).not.toMatch(/A\/B|A to A/);
  });

  it('names each exception and gives advice that fits it', () => {
    expect(classifyPollFailure(new ModbusExceptionReply('frequency', 0x46, 4), target).message).toMatch(/exception 4, server device failure — the meter reports an internal fault/);
    expect(classifyPollFailure(new ModbusExceptionReply('frequency', 0x46, 6), target).message).toMatch(/exception 6, server device busy — the meter is busy/);
    expect(classifyPollFailure(new ModbusExceptionReply('frequency', 0x46, 1), target).message).toMatch(/exception 1, illegal function — wrong meter model\?/);
    expect(classifyPollFailure(new ModbusExceptionReply('frequency', 0x46, 99), target).message).toMatch(/exception 99, unknown exception/);
  });

  it('is not confused with silence', () => {
    const silence = classifyPollFailure(new ModbusReadError('voltage', { name: 'TransactionTimedOutError', message: 'Timed out', errno: 'ETIMEDOUT' }), target);
    expect(silence).toMatchObject({ problem: 'no-answer', refusal: null });
  });
});

describe('migration modbus_all_quantities on an existing database', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coop-modbus-quantities-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps old samples (new quantities null) and the last problem, and accepts device-refused', () => {
    const migrations = resolveResourceDir('migrations');
    const before = join(dir, 'before');
    mkdirSync(before);
    // Every migration numbered before this one (later ones may build on it, and numbers have no gaps).
    const all = readdirSync(migrations).filter((f) => f.endsWith('.sql')).sort();
    const self = all.findIndex((f) => f.includes('modbus_all_quantities'));
    for (const file of all.slice(0, self)) copyFileSync(join(migrations, file), join(before, file));
    const file = join(dir, 'coop.sqlite');
    const old = openDatabase({ file, migrationsDir: before });
    const id = Number(old.prepare(`INSERT INTO modbus_meters (label, model, port_path, unit_id, created_at) VALUES ('pump', 'SDM120', '/dev/ttyUSB0', 3, ?)`).run(AT).lastInsertRowid);
    old.prepare(`INSERT INTO modbus_samples (modbus_meter_id, at, import_wh, export_wh, power_w, voltage_dv) VALUES (?, ?, 10, 2, 300, 2301)`).run(id, AT);
    old.prepare(`UPDATE modbus_meters SET last_poll_at = ?, last_poll_ok = 0, last_poll_problem = 'no-answer', last_poll_error = 'silence', consecutive_failures = 2 WHERE id = ?`).run(AT, id);
    old.close();

    const db = openDatabase({ file });
    try {
      const store = new ModbusMetersStore(db);
      expect(store.get(id)).toMatchObject({ last_poll_problem: 'no-answer', last_poll_error: 'silence', consecutive_failures: 2, last_exception_code: null });
      expect(store.lastSample(id)).toEqual({ at: AT, importWh: 10, exportWh: 2, totalWh: null, powerW: 300, voltageDv: 2301, frequencyCHz: null, phases: [{ voltageDv: 2301, currentMa: null }] });
      const refusal = { register: 'totalEnergy', address: 0x156, exceptionCode: 2 };
      expect(store.recordFailure(id, AT, { problem: 'device-refused', message: 'refused', refusal })).toBe(3);
      expect(store.get(id)).toMatchObject({ last_poll_problem: 'device-refused', last_refused_register: 'totalEnergy', last_refused_address: 0x156, last_exception_code: 2 });
      expect(() => db.prepare(`UPDATE modbus_meters SET last_poll_problem = 'gremlins' WHERE id = ?`).run(id)).toThrow(/CHECK constraint/);
    } finally {
      db.close();
    }
  });
});
