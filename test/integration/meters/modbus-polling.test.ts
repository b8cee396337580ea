// Stock-meter polling that survives a restart, through the real core (dispatcher, handlers,
// services) on one database file, with the emulator in SDM120 mode on real socat ptys: the interval
// is stored and audited, a new core resumes polling without any call, a meter whose port is missing
// at start says so and recovers once the port appears, and intervals outside 0 | 5…86400 are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiEvents, ApiResponse, ModbusMeterView } from '../../../src-main/contract/index.js';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
// This folder is also type-checked by emulator/tsconfig.json, which does not include the chain's
// generated type augmentations that the whole core (createCore) pulls in: bring them in here.
import type {} from '../../../substrate-bindings/interfaces/types-lookup.js';
import { openDatabase } from '../../../src-main/core/db/connection.js';
import { ADMIN, COOP } from '../../support/api-client.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { until } from '../../support/until.js';
import { startEmulator, type RunningEmulator } from './harness.js';

const temp = makeTempDir('coop-modbus-polling-');
const emulators: RunningEmulator[] = [];
let core: Core | null = null;
let token = '';
let polled: Array<ApiEvents['meters.modbus.polled']> = [];

/** Opens a core on the shared data folder and signs in (sessions do not outlive a core). */
async function openCore(): Promise<Core> {
  const c = createCore({ dataDir: temp.path, log: () => {} });
  c.events.subscribe((m) => {
    if (m.event === 'meters.modbus.polled') polled.push(m.payload as ApiEvents['meters.modbus.polled']);
  });
  const login = await c.dispatch('session.login', { username: ADMIN.username, password: ADMIN.password }, null);
  if (!login.ok) throw new Error(login.error.message);
  token = (login.value as { token: string }).token;
  return c;
}

async function call<T>(channel: string, input: unknown): Promise<ApiResponse<T>> {
  return (await core!.dispatch(channel, input, token)) as ApiResponse<T>;
}
async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await call<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
const meter = async (id: number) => (await ok<ModbusMeterView[]>('meters.modbus.list', {})).find((m) => m.id === id)!;
const sampleCount = (id: number) => (core!.database().prepare(`SELECT count(*) AS n FROM modbus_samples WHERE modbus_meter_id = ?`).get(id) as { n: number }).n;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let sdm: RunningEmulator;
beforeAll(async () => {
  sdm = await startEmulator(temp.path, join(temp.path, 'unused.json'), ['--mode', 'sdm120', '--unit', '3', '--baud', '9600']);
  emulators.push(sdm);
  core = createCore({ dataDir: temp.path, log: () => {} });
  const setup = await core.dispatch('setup.initialize', { cooperative: COOP, admin: ADMIN }, null);
  if (!setup.ok) throw new Error(setup.error.message);
  await core.close();
  core = await openCore();
}, 60_000);
afterAll(async () => {
  await core?.close();
  await Promise.allSettled(emulators.map((e) => e.stop()));
  temp.remove();
});

describe('stock-meter polling across restarts', () => {
  it('stores the interval (audited), resumes polling in a new core without any call, and stays off once turned off', async () => {
    const added = await ok<ModbusMeterView>('meters.modbus.add', { label: 'Mill pump', model: 'SDM120', portPath: sdm.consolePath, unitId: 3 });
    expect(added).toMatchObject({ pollSeconds: 0, lastPollAt: null, lastPollOk: null, consecutiveFailures: 0, nextPollAt: null });
    const scheduled = await ok<ModbusMeterView>('meters.modbus.setInterval', { id: added.id, pollSeconds: 5 });
    expect(scheduled.pollSeconds).toBe(5);
    await until('the first scheduled sample', async () => sampleCount(added.id) >= 1, 10_000);
    const audit = await ok<Array<{ action: string; entityId: string | null; summary: string }>>('audit.list', { entity: 'modbus_meter', entityId: String(added.id) });
    expect(audit.map((a) => a.action)).toContain('modbus.poll-interval');
    expect(audit.find((a) => a.action === 'modbus.poll-interval')!.summary).toContain('every 5 s');

    // Closing stops the poller: no sample arrives for longer than the interval.
    await core!.close();
    core = null;
    const closedAt = new Date().toISOString();
    const after = openDatabase({ file: join(temp.path, 'coop-console.sqlite'), readonly: true });
    const countIn = () => (after.prepare(`SELECT count(*) AS n FROM modbus_samples WHERE modbus_meter_id = ?`).get(added.id) as { n: number }).n;
    const stopped = countIn();
    await sleep(6_000);
    expect(countIn()).toBe(stopped);
    after.close();

    // A new core on the same file: nobody calls anything, samples come again.
    polled = [];
    core = await openCore();
    await until('a sample polled by the new core', async () => (core!.database().prepare(`SELECT 1 FROM modbus_samples WHERE modbus_meter_id = ? AND at > ?`).get(added.id, closedAt) ? true : null), 10_000);
    expect(polled.some((p) => p.modbusMeterId === added.id && p.sample !== null)).toBe(true);
    const resumed = await meter(added.id);
    expect(resumed).toMatchObject({ pollSeconds: 5, lastPollOk: true, lastProblem: null, lastError: null, consecutiveFailures: 0 });
    expect(resumed.lastPollAt! > closedAt).toBe(true);
    expect(resumed.lastSample!.voltageDv).toBeGreaterThan(2250);

    // Turned off, it stays off across a restart too.
    await ok('meters.modbus.setInterval', { id: added.id, pollSeconds: 0 });
    await core.close();
    core = await openCore();
    const before = sampleCount(added.id);
    await sleep(1_500);
    expect(sampleCount(added.id)).toBe(before);
    expect(await meter(added.id)).toMatchObject({ pollSeconds: 0, nextPollAt: null });
  }, 60_000);

  it('starts with a missing port without failing, says which port to check, and recovers when the port appears', async () => {
    const lateDir = join(temp.path, 'late-adapter');
    const latePort = join(lateDir, 'console');
    expect(existsSync(latePort)).toBe(false);
    const added = await ok<ModbusMeterView>('meters.modbus.add', { label: 'Grain mill', model: 'SDM120', portPath: latePort, unitId: 4, pollSeconds: 5 });
    await until('the first failed attempt', async () => (await meter(added.id)).lastPollOk === false, 5_000);
    await core!.close();

    // The console starts while the adapter is unplugged.
    const startedAt = new Date().toISOString();
    polled = [];
    core = await openCore();
    const missing = await until('the failed attempt of the new core', async () => {
      const m = await meter(added.id);
      return m.lastPollAt !== null && m.lastPollAt > startedAt ? m : null;
    }, 5_000);
    expect(missing).toMatchObject({ pollSeconds: 5, lastPollOk: false, lastProblem: 'port-missing' });
    expect(missing.lastError).toContain(`The port ${latePort} does not exist`);
    expect(missing.lastError).toMatch(/adapter is plugged in/);
    expect(missing.consecutiveFailures).toBeGreaterThanOrEqual(2); // counted across the restart
    expect(missing.nextPollAt).not.toBeNull();
    expect(polled.some((p) => p.modbusMeterId === added.id && p.error?.includes(latePort))).toBe(true);
    // Everything else keeps working meanwhile, and "poll now" gives the same clear answer.
    const now = await call('meters.modbus.poll', { id: added.id });
    expect(now.ok).toBe(false);
    if (!now.ok) {
      expect(now.error.code).toBe('DEVICE_UNREACHABLE');
      expect(now.error.message).toContain(`The port ${latePort} does not exist`);
    }

    // The adapter is plugged in: the meter answers at the path it was registered with.
    const late = await startEmulator(temp.path, join(temp.path, 'unused-late.json'), ['--mode', 'sdm120', '--unit', '4', '--baud', '9600'], lateDir);
    emulators.push(late);
    expect(late.consolePath).toBe(latePort);
    const recovered = await until('polling to recover', async () => {
      const m = await meter(added.id);
      return m.lastPollOk ? m : null;
    }, 25_000);
    expect(recovered).toMatchObject({ lastProblem: null, lastError: null, consecutiveFailures: 0 });
    expect(recovered.lastSample!.importWh).toBeGreaterThan(0);
  }, 60_000);

  it('says plainly when a meter does not answer, while the other meter on the same line keeps being polled', async () => {
    // Two meters on one RS-485 line (one port, unit ids 3 and 9; nobody answers to 9): they take
    // turns with the port, so 9 is "no answer", not "port busy", and 3 keeps answering.
    const pump = (await ok<ModbusMeterView[]>('meters.modbus.list', {})).find((m) => m.label === 'Mill pump')!;
    await ok('meters.modbus.setInterval', { id: pump.id, pollSeconds: 5 });
    const silent = await ok<ModbusMeterView>('meters.modbus.add', { label: 'Wrong unit id', model: 'SDM120', portPath: sdm.consolePath, unitId: 9, pollSeconds: 5 });
    const r = await call('meters.modbus.poll', { id: silent.id });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('DEVICE_UNREACHABLE');
      expect(r.error.message).toContain(`The meter on ${sdm.consolePath} (unit id 9, 9600 baud) did not answer`);
    }
    // Two or three scheduled rounds of the pump (the failing meter backs off: 5 s, then 10 s): every
    // attempt of each meter tells the same story.
    polled = [];
    await sleep(11_000);
    const pumpRounds = polled.filter((p) => p.modbusMeterId === pump.id);
    const silentRounds = polled.filter((p) => p.modbusMeterId === silent.id);
    expect(pumpRounds.length).toBeGreaterThanOrEqual(2);
    expect(pumpRounds.map((p) => p.error)).toEqual(pumpRounds.map(() => null));
    expect(silentRounds.length).toBeGreaterThanOrEqual(1);
    expect(silentRounds.filter((p) => !p.error?.includes('(unit id 9, 9600 baud) did not answer')).map((p) => p.error)).toEqual([]);
    expect(await meter(pump.id)).toMatchObject({ lastPollOk: true, lastProblem: null });
    const failing = await meter(silent.id);
    expect(failing).toMatchObject({ lastPollOk: false, lastProblem: 'no-answer', pollSeconds: 5 });
    expect(failing.consecutiveFailures).toBeGreaterThanOrEqual(2);
    expect(failing.lastSample).toBeNull();
    for (const id of [pump.id, silent.id]) await ok('meters.modbus.setInterval', { id, pollSeconds: 0 });
  }, 40_000);

  it('refuses intervals other than 0 (off) or 5 … 86400 seconds, and stores nothing then', async () => {
    const target = (await ok<ModbusMeterView[]>('meters.modbus.list', {}))[0]!;
    const before = target.pollSeconds;
    for (const pollSeconds of [-1, 1, 4, 2.5, 86_401]) {
      const r = await call('meters.modbus.setInterval', { id: target.id, pollSeconds });
      expect(r.ok ? 'accepted' : r.error.code, `pollSeconds ${pollSeconds}`).toBe('VALIDATION');
    }
    const add = await call('meters.modbus.add', { label: 'Too fast', model: 'SDM120', portPath: sdm.consolePath, unitId: 11, pollSeconds: 3 });
    expect(add.ok ? 'accepted' : add.error.code).toBe('VALIDATION');
    expect((await meter(target.id)).pollSeconds).toBe(before);
    expect((await call('meters.modbus.setInterval', { id: 99_999, pollSeconds: 5 })).ok).toBe(false);
    for (const pollSeconds of [5, 86_400, 0]) expect((await ok<ModbusMeterView>('meters.modbus.setInterval', { id: target.id, pollSeconds })).pollSeconds).toBe(pollSeconds);
    expect((core!.database().prepare(`SELECT poll_seconds AS s FROM modbus_meters WHERE id = ?`).get(target.id) as { s: number }).s).toBe(0);
  }, 20_000);
});
