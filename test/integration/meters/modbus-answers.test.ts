// What a stock-meter poll shows, through the real core on a database file, with the emulator on
// real socat ptys: every quantity the model provides (an SDM630's three phases, current, frequency,
// total energy) in the API result and the list; and a Modbus exception reply (the emulator's
// --refuse flag) reported as DEVICE_REFUSED with the register and the exception — not as silence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ApiResponse, ModbusMeterView, ModbusSampleView } from '../../../src-main/contract/index.js';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
// See modbus-polling.test.ts: the emulator's tsconfig also checks this folder.
import type {} from '../../../substrate-bindings/interfaces/types-lookup.js';
import { ModbusExceptionReply, SdmClient } from '../../../src-main/core/devices/sdm-client.js';
import { ADMIN, COOP } from '../../support/api-client.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { startEmulator, type RunningEmulator } from './harness.js';

const temp = makeTempDir('coop-modbus-answers-');
let core: Core;
let token = '';
let sdm630: RunningEmulator;
let refusing: RunningEmulator;

async function call<T>(channel: string, input: unknown): Promise<ApiResponse<T>> {
  return (await core.dispatch(channel, input, token)) as ApiResponse<T>;
}
async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await call<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

beforeAll(async () => {
  sdm630 = await startEmulator(temp.path, join(temp.path, 'unused-a.json'), ['--mode', 'sdm630', '--unit', '5', '--baud', '9600']);
  // An SDM120 whose frequency register answers "server device failure".
  refusing = await startEmulator(temp.path, join(temp.path, 'unused-b.json'), ['--mode', 'sdm120', '--unit', '4', '--baud', '9600', '--refuse', '0x0046:4']);
  core = createCore({ dataDir: temp.path, log: () => {} });
  const setup = await core.dispatch('setup.initialize', { cooperative: COOP, admin: ADMIN }, null);
  if (!setup.ok) throw new Error(setup.error.message);
  const login = await core.dispatch('session.login', { username: ADMIN.username, password: ADMIN.password }, null);
  if (!login.ok) throw new Error(login.error.message);
  token = (login.value as { token: string }).token;
}, 60_000);
afterAll(async () => {
  await core?.close();
  await Promise.allSettled([sdm630, refusing].filter(Boolean).map((e) => e.stop()));
  temp.remove();
});

describe('stock meter answers', () => {
  it('an SDM630 poll gives every quantity of its map, per phase, in integer units', async () => {
    const added = await ok<ModbusMeterView>('meters.modbus.add', { label: 'Workshop', model: 'SDM630', portPath: sdm630.consolePath, unitId: 5 });
    const sample = await ok<ModbusSampleView>('meters.modbus.poll', { id: added.id });
    expect(sample.phases).toHaveLength(3);
    for (const phase of sample.phases) {
      expect(phase.voltageDv).toBeGreaterThan(2250);
      expect(phase.voltageDv).toBeLessThan(2350);
      expect(Number.isInteger(phase.currentMa)).toBe(true);
      expect(phase.currentMa).toBeGreaterThanOrEqual(0);
    }
    // The emulator's L2 runs 0.7 V above L1: the phases are read from their own registers.
    expect(sample.phases[1]!.voltageDv - sample.phases[0]!.voltageDv).toBe(7);
    expect(sample.voltageDv).toBe(sample.phases[0]!.voltageDv);
    expect(sample.frequencyCHz).toBeGreaterThanOrEqual(4990);
    expect(sample.frequencyCHz).toBeLessThanOrEqual(5010);
    // The meter's total register is import + export as the meter counts them (read moments apart).
    expect(Math.abs(sample.totalWh! - (sample.importWh + sample.exportWh))).toBeLessThanOrEqual(5);
    // The list shows the same stored sample.
    const listed = (await ok<ModbusMeterView[]>('meters.modbus.list', {})).find((m) => m.id === added.id)!;
    expect(listed.lastSample).toEqual(sample);
    expect(listed).toMatchObject({ lastPollOk: true, lastProblem: null, lastRefusal: null });
  });

  it('the emulator really answers an exception (function | 0x80) for the refused register', async () => {
    const client = await SdmClient.connect({ path: refusing.consolePath, unitId: 4, model: 'SDM120', timeoutMs: 1000 });
    try {
      const refused = await client.readFloat(0x0046, 'frequency').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ModbusExceptionReply);
      expect(refused).toMatchObject({ register: 'frequency', address: 0x46, exceptionCode: 4 });
      expect(await client.readFloat(0x0000, 'voltage')).toBeGreaterThan(225); // the rest answers
    } finally {
      await client.close();
    }
  });

  it('a refused register is DEVICE_REFUSED, names register and exception, and the view keeps it', async () => {
    const added = await ok<ModbusMeterView>('meters.modbus.add', { label: 'Bakery', model: 'SDM120', portPath: refusing.consolePath, unitId: 4 });
    const r = await call('meters.modbus.poll', { id: added.id });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('DEVICE_REFUSED');
    expect(r.error.message).toBe(
      `The meter on ${refusing.consolePath} (unit id 4) answered but refused register frequency (0x0046): exception 4, server device failure — ` +
        'the meter reports an internal fault: power it off and on again; if it persists, replace the meter. The wiring, unit id and baud rate are right.',
    );
    const listed = (await ok<ModbusMeterView[]>('meters.modbus.list', {})).find((m) => m.id === added.id)!;
    expect(listed).toMatchObject({ lastPollOk: false, lastProblem: 'device-refused', lastRefusal: { register: 'frequency', address: 0x46, exceptionCode: 4 }, consecutiveFailures: 1 });
  });
});
