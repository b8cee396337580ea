// Stock-meter polling without a meter: migration 0007 on an existing database, the back-off
// schedule (fake timers, a port that does not exist), and the failure messages.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/connection.js';
import { resolveResourceDir } from '../platform/resources.js';
import { ModbusReadError } from '../devices/sdm-client.js';
import { ModbusPoller, nextPollDelayMs } from './modbus-poller.js';
import { classifyPollFailure, ModbusPollError } from './modbus-poll-problem.js';
import { ModbusMetersStore } from './modbus-meters-store.js';
import { SerialLineLocks } from './serial-line-locks.js';

const MIGRATIONS = resolveResourceDir('migrations');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coop-modbus-unit-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const insertMeter = (db: Database, portPath: string): number =>
  Number(db.prepare(`INSERT INTO modbus_meters (label, model, port_path, unit_id, created_at) VALUES ('pump', 'SDM120', ?, 3, '2026-01-01T00:00:00.000Z')`).run(portPath).lastInsertRowid);

describe('migration 0007 (stock-meter polling columns)', () => {
  it('keeps meters registered before it valid: not polled, never polled', () => {
    const before = join(dir, 'before-0007');
    mkdirSync(before);
    for (const file of readdirSync(MIGRATIONS).filter((f) => /^000[1-6]_.*\.sql$/.test(f))) copyFileSync(join(MIGRATIONS, file), join(before, file));
    const file = join(dir, 'coop.sqlite');
    const old = openDatabase({ file, migrationsDir: before });
    const id = insertMeter(old, '/dev/ttyUSB0');
    old.close();

    const db = openDatabase({ file });
    try {
      const row = new ModbusMetersStore(db).get(id);
      expect(row).toMatchObject({ label: 'pump', poll_seconds: 0, last_poll_at: null, last_poll_ok: null, last_poll_problem: null, last_poll_error: null, consecutive_failures: 0 });
      expect(new ModbusMetersStore(db).scheduled()).toEqual([]);
      // The database refuses intervals the API refuses, whoever writes them.
      expect(() => db.prepare(`UPDATE modbus_meters SET poll_seconds = 4 WHERE id = ?`).run(id)).toThrow(/CHECK constraint/);
      expect(() => db.prepare(`UPDATE modbus_meters SET poll_seconds = 86401 WHERE id = ?`).run(id)).toThrow(/CHECK constraint/);
      expect(() => db.prepare(`UPDATE modbus_meters SET last_poll_problem = 'gremlins' WHERE id = ?`).run(id)).toThrow(/CHECK constraint/);
    } finally {
      db.close();
    }
  });

  it('stores the interval with one audit row per change and lists the scheduled meters', () => {
    const db = openDatabase({ file: join(dir, 'coop.sqlite') });
    try {
      const id = insertMeter(db, '/dev/ttyUSB0');
      const audited: unknown[] = [];
      const store = new ModbusMetersStore(db);
      expect(store.setPollSeconds(id, 30, { record: (e) => void audited.push(e) }, null)).toBe(0);
      expect(store.setPollSeconds(id, 30, { record: (e) => void audited.push(e) }, null)).toBe(30);
      expect(store.setPollSeconds(id + 1, 30, { record: (e) => void audited.push(e) }, null)).toBeNull();
      expect(audited).toHaveLength(1);
      expect(audited[0]).toMatchObject({ action: 'modbus.poll-interval', entityId: id, before: { pollSeconds: 0 }, after: { pollSeconds: 30 } });
      expect(store.scheduled().map((r) => r.id)).toEqual([id]);
      // An audit write that fails leaves the interval as it was (one transaction).
      expect(() => store.setPollSeconds(id, 60, { record: () => { throw new Error('disk full'); } }, null)).toThrow('disk full');
      expect(store.get(id)?.poll_seconds).toBe(30);
    } finally {
      db.close();
    }
  });
});

describe('back-off while polls fail', () => {
  it('waits the interval, then doubles per failure up to max(interval, cap)', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((f) => nextPollDelayMs(5_000, f))).toEqual([5_000, 5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
    // A long interval is never shortened, and never lengthened by the back-off.
    expect([0, 1, 2, 9].map((f) => nextPollDelayMs(900_000, f))).toEqual([900_000, 900_000, 900_000, 900_000]);
    expect(nextPollDelayMs(10_000, 3, 15_000)).toBe(15_000);
  });

  it('keeps retrying a missing port on that schedule, stores each failure, and stops cleanly', async () => {
    vi.useFakeTimers({ now: new Date('2026-05-01T08:00:00.000Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const db = openDatabase({ file: join(dir, 'coop.sqlite') });
    const port = join(dir, 'no-adapter', 'ttyUSB0');
    const id = insertMeter(db, port);
    const attempts: Array<{ t: number; failures: number; error: ModbusPollError }> = [];
    const t0 = Date.now();
    const poller = new ModbusPoller({
      db, modbusMeterId: id, client: { path: port, unitId: 3, model: 'SDM120' }, intervalMs: 5_000,
      onSample: () => expect.fail('no meter, no sample'),
      onError: (error, failures) => void attempts.push({ t: Date.now() - t0, failures, error }),
    });
    try {
      poller.start();
      await vi.advanceTimersByTimeAsync(200_000);
      expect(attempts.map((a) => a.t)).toEqual([0, 5_000, 15_000, 35_000, 75_000, 135_000, 195_000]);
      expect(attempts.map((a) => a.failures)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(attempts.every((a) => a.error.problem === 'port-missing')).toBe(true);
      expect(attempts[0]!.error.message).toContain(`The port ${port} does not exist`);
      expect(poller.nextPollAt).toBe(new Date(t0 + 255_000).toISOString());
      const row = new ModbusMetersStore(db).get(id)!;
      expect(row).toMatchObject({ last_poll_ok: 0, last_poll_problem: 'port-missing', consecutive_failures: 7, last_poll_at: new Date(t0 + 195_000).toISOString() });

      // "Poll now" tries at once and the count-down restarts from it.
      await expect(poller.pollNow()).rejects.toThrow(/does not exist/);
      expect(poller.nextPollAt).toBe(new Date(t0 + 200_000 + 60_000).toISOString());

      await poller.stop();
      expect(poller.nextPollAt).toBeNull();
      await vi.advanceTimersByTimeAsync(600_000);
      expect(attempts).toHaveLength(8);
    } finally {
      await poller.stop();
      db.close();
    }
  });
});

describe('meters sharing a line', () => {
  it('take turns on one port (a failure does not block the next), while other ports run alongside', async () => {
    const locks = new SerialLineLocks();
    const log: string[] = [];
    const job = (name: string, ms: number, fail = false) => async () => {
      log.push(`${name}+`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name}-`);
      if (fail) throw new Error(`${name} failed`);
      return name;
    };
    const results = await Promise.allSettled([
      locks.run('/dev/ttyUSB0', job('a', 30, true)),
      locks.run('/dev/ttyUSB0', job('b', 5)),
      locks.run('/dev/ttyUSB1', job('c', 10)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log).toEqual(['a+', 'c+', 'c-', 'a-', 'b+', 'b-']);
  });
});

describe('failure messages', () => {
  const target = { path: '/dev/ttyUSB0', unitId: 7, baudRate: 2400 };

  it('names the port and what to check for a port that will not open', () => {
    const busy = classifyPollFailure(new ModbusReadError('(connect)', new Error('Error Resource temporarily unavailable Cannot lock port')), target);
    expect(busy.problem).toBe('port-unavailable');
    expect(busy.message).toMatch(/^The port \/dev\/ttyUSB0 exists but could not be opened \(Error Resource temporarily unavailable Cannot lock port\)\. Close any other program/);
    expect(busy.message).not.toContain('RS-485');
    expect(classifyPollFailure(new ModbusReadError('(connect)', new Error('Error: No such file or directory, cannot open /dev/ttyUSB0')), target).problem).toBe('port-missing');
    expect(classifyPollFailure(new ModbusReadError('(connect)', new Error('Opening COM4: File not found')), { ...target, path: 'COM4' }).message).toContain('The port COM4 does not exist');
  });

  it('says which meter did not answer and what to check on a timeout', () => {
    const timeout = Object.assign(new Error('Timed out'), { errno: 'ETIMEDOUT' });
    const failure = classifyPollFailure(new ModbusReadError('voltage', timeout), target);
    expect(failure.problem).toBe('no-answer');
    expect(failure.message).toContain('The meter on /dev/ttyUSB0 (unit id 7, 2400 baud) did not answer');
    expect(failure.message).toMatch(/wiring .* unit id and baud rate/);
    // What modbus-serial really rejects with on a timeout: a plain object, not an Error.
    const real = classifyPollFailure(new ModbusReadError('voltage', { name: 'TransactionTimedOutError', message: 'Timed out', errno: 'ETIMEDOUT' }), target);
    expect(real.problem).toBe('no-answer');
    expect(real.message).not.toContain('[object Object]');
  });

  it('keeps any other driver message as it is', () => {
    const failure = classifyPollFailure(new ModbusReadError('voltage', new Error('Unexpected data length 7')), target);
    expect(failure).toMatchObject({ problem: 'other', refusal: null });
    expect(failure.message).toContain('Unexpected data length 7');
  });
});
