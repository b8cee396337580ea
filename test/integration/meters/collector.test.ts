// Background collection of attested meters through the real core (dispatcher, handlers, services)
// on one database file, with emulated meters on real socat ptys: a provisioned meter is collected
// without any call; a new core on the same file resumes; two meters registered on one port take
// turns (the second is "another meter answers", never "port busy"); an unplugged meter shows a
// problem that names its port, backs off, and recovers when it is plugged in again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ApiEvents, ApiResponse, MeterSummary, ProvisioningRun } from '../../../src-main/contract/index.js';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
// This folder is also type-checked by emulator/tsconfig.json, which does not include the chain's
// generated type augmentations that the whole core (createCore) pulls in: bring them in here.
import type {} from '../../../substrate-bindings/interfaces/types-lookup.js';
import { ADMIN, COOP } from '../../support/api-client.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { until } from '../../support/until.js';
import { startEmulator, type RunningEmulator } from './harness.js';

const temp = makeTempDir('coop-collector-');
const emulators: RunningEmulator[] = [];
let core: Core | null = null;
let token = '';
let changed: Array<ApiEvents['meters.changed']> = [];
// Short waits so the test runs in seconds: read every second, back off up to 1.5 s.
const COLLECTION = { periodMs: () => 1000, maxRetryDelayMs: 1500 };
// x600: a 60 s interval every 0.1 s, a signed batch of 4 records every 0.4 s.
const METER_ARGS = ['--quiet', '--speed', '600'];

function openCore(): Core {
  const c = createCore({ dataDir: temp.path, log: () => {}, meterCollection: COLLECTION });
  c.events.subscribe((m) => {
    if (m.event === 'meters.changed') changed.push(m.payload as ApiEvents['meters.changed']);
  });
  return c;
}
async function signIn(): Promise<void> {
  const login = await core!.dispatch('session.login', { username: ADMIN.username, password: ADMIN.password }, null);
  if (!login.ok) throw new Error(login.error.message);
  token = (login.value as { token: string }).token;
}
async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = (await core!.dispatch(channel, input, token)) as ApiResponse<T>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
const meter = async (id: number) => (await ok<MeterSummary[]>('meters.list', {})).find((m) => m.id === id)!;
const readings = (id: number) => (core!.database().prepare(`SELECT count(*) AS n FROM meter_readings WHERE meter_id = ?`).get(id) as { n: number }).n;


async function provision(emu: RunningEmulator, memberId: number): Promise<number> {
  const run = await ok<ProvisioningRun>('meters.provision.start', { portPath: emu.consolePath, memberId, intervalSeconds: 60 });
  const done = await until('provisioning', async () => {
    const r = await ok<ProvisioningRun>('meters.provision.status', { runId: run.id });
    return r.status === 'running' ? null : r;
  }, 20_000);
  if (done.status !== 'succeeded') throw new Error(JSON.stringify(done.error));
  return done.result!.meterId;
}

let memberId = 0;
let lineA: RunningEmulator;
let lineB: RunningEmulator;
let meterA = 0;
let meterB = 0;

beforeAll(async () => {
  core = openCore();
  const setup = await core.dispatch('setup.initialize', { cooperative: COOP, admin: ADMIN }, null);
  if (!setup.ok) throw new Error(setup.error.message);
  token = (setup.value as { token: string }).token;
  const site = await ok<{ id: number }>('sites.create', { name: 'Mto Mill', village: 'Mto' });
  memberId = (await ok<{ id: number }>('members.create', { memberNo: 'M-0001', fullName: 'Wanjiru Kamau', siteId: site.id, roles: ['prosumer'], joinedOn: '2025-02-03' })).id;
  await ok('meters.trust.importDemo', {});
  lineA = await startEmulator(temp.path, join(temp.path, 'meter-a.json'), METER_ARGS, join(temp.path, 'line-a'));
  lineB = await startEmulator(temp.path, join(temp.path, 'meter-b.json'), METER_ARGS, join(temp.path, 'line-b'));
  emulators.push(lineA, lineB);
}, 60_000);
afterAll(async () => {
  await core?.close();
  await Promise.allSettled(emulators.map((e) => e.stop()));
  temp.remove();
});

describe('background collection of attested meters', () => {
  it('collects a provisioned meter on its interval without anyone pressing "collect"', async () => {
    meterA = await provision(lineA, memberId);
    meterB = await provision(lineB, memberId);
    expect(readings(meterA)).toBe(0); // the first batch of a binding is empty
    for (const id of [meterA, meterB]) {
      await until(`readings of meter ${id}`, async () => readings(id) >= 8, 10_000);
      // With a 1 s interval a read is often in flight, and then no next read is set yet: look between two reads.
      let m = await meter(id);
      await until(`meter ${id} between two reads`, async () => {
        m = await meter(id);
        return m.collection?.nextReadAt != null;
      }, 5_000);
      expect(m.collection).toMatchObject({ scheduled: true, periodSeconds: 1, lastOk: true, problem: null, error: null, consecutiveFailures: 0 });
      expect(m.collection!.lastSuccessAt).not.toBeNull();
      expect(m.collection!.nextReadAt).not.toBeNull();
      expect(m.lastBatchSeq!).toBeGreaterThan(1);
    }
    expect(changed.some((c) => c.reason === 'collection' && c.meterId === meterA)).toBe(true);
    // The batches went through the verified ingest: hash chain complete, nothing rejected.
    expect((await ok<{ gaps: unknown[] }>('meters.get', { id: meterA })).gaps).toEqual([]);
  }, 60_000);

  it('resumes in a new core on the same file; two meters on one port take turns', async () => {
    await core!.close();
    core = null;
    // Meter B's adapter was re-plugged into A's line: the console now finds meter A where B was.
    const db = (await import('../../../src-main/core/db/connection.js')).openDatabase({ file: join(temp.path, 'coop-console.sqlite') });
    db.prepare(`UPDATE meters SET port_path = ? WHERE id = ?`).run(lineA.consolePath, meterB);
    const before = db.prepare(`SELECT count(*) AS n FROM meter_readings WHERE meter_id = ?`).get(meterA) as { n: number };
    const closedAt = new Date().toISOString();
    db.close();
    await lineB.stop();

    changed = [];
    core = openCore();
    await signIn();
    await until('new readings collected by the new core', async () => readings(meterA) > before.n, 10_000);
    const a = await until('meter A read by the new core', async () => {
      const m = await meter(meterA);
      return m.collection!.lastAttemptAt! > closedAt && m.collection!.lastOk ? m : null;
    }, 10_000);
    expect(a.collection).toMatchObject({ scheduled: true, problem: null, consecutiveFailures: 0 });
    const b = await until('meter B tried on A\'s line', async () => {
      const m = await meter(meterB);
      return m.collection!.lastAttemptAt! > closedAt ? m : null;
    }, 10_000);
    // Never "port busy": the two take turns; B is told that another meter answers there.
    expect(b.collection).toMatchObject({ lastOk: false, problem: 'wrong-meter' });
    expect(b.collection!.error).toContain(`Another meter answers on ${lineA.consolePath}`);
    // A keeps being read while B fails.
    const lastA = readings(meterA);
    await until('meter A read again', async () => readings(meterA) > lastA, 10_000);
    expect((await meter(meterA)).collection!.problem).toBeNull();
  }, 60_000);

  it('shows an unplugged meter\'s problem with its port, backs off, and recovers when it is plugged in again', async () => {
    await lineA.stop(); // socat ends: the port path disappears, like a USB adapter pulled out
    const unplugged = await until('the port-missing problem', async () => {
      const m = await meter(meterA);
      return m.collection!.problem === 'port-missing' && m.collection!.consecutiveFailures >= 2 ? m : null;
    }, 10_000);
    const c = unplugged.collection!;
    expect(c.lastOk).toBe(false);
    expect(c.error).toContain(`The port ${lineA.consolePath} does not exist`);
    expect(c.error).toMatch(/adapter is plugged in/);
    // Capped back-off: after the 2nd failure the wait is min(2 × 1 s, 1.5 s).
    const next = await until('the next read to be scheduled', async () => (await meter(meterA)).collection!.nextReadAt, 3_000);
    const latest = (await meter(meterA)).collection!;
    const wait = Date.parse(next) - Date.parse(latest.lastAttemptAt!);
    expect(wait).toBeGreaterThanOrEqual(1400);
    expect(wait).toBeLessThan(2500);
    const stalled = readings(meterA);

    // Plugged in again at the same path: the collector finds it by itself and catches up.
    lineA = await startEmulator(temp.path, join(temp.path, 'meter-a.json'), METER_ARGS, join(temp.path, 'line-a'));
    emulators.push(lineA);
    const recovered = await until('collection to recover', async () => {
      const m = await meter(meterA);
      return m.collection!.lastOk ? m : null;
    }, 15_000);
    expect(recovered.collection).toMatchObject({ problem: null, error: null, consecutiveFailures: 0 });
    expect(readings(meterA)).toBeGreaterThan(stalled);
    expect(changed.some((e) => e.reason === 'collection' && e.meterId === meterA)).toBe(true);
  }, 60_000);
});
