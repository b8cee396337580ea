// Happy path end to end at core level: a real pty pair, the emulator on the other end, a real
// SQLite file; then readings collection, and provisioning that survives an unplug.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createTestConsole, startEmulator, tableCounts, type RunningEmulator, type TestConsole } from './harness.js';
import type { ProvisioningProgress } from '../../../src-main/core/meters/provisioning-service.js';
import { MeterServiceError } from '../../../src-main/core/meters/meter-errors.js';
import { MeterCommands } from '../../../src-main/core/meters/meter-commands.js';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { openSerialLink } from '../../../src-main/core/devices/serial-link.js';
import { MeterTransport } from '../../../src-main/core/devices/meter-transport.js';
import { signCommand } from '../../../src-main/core/devices/command-auth.js';
import { generateP256 } from '../../../src-main/core/attestation/es256.js';

describe('meter provisioning over a real pty', () => {
  let c: TestConsole;
  let emu: RunningEmulator | null = null;
  beforeAll(() => {
    c = createTestConsole();
  });
  afterAll(async () => {
    await emu?.stop();
    c.close();
  });

  it('finds, identifies, attests, binds, provisions and reads the first batch', async () => {
    emu = await startEmulator(c.dir, join(c.dir, 'meter-a.json'), ['--speed', '7200', '--batch-records', '4']);
    const events: ProvisioningProgress[] = [];
    const started = Date.now();
    const result = await c.service.provision({ portPath: emu.consolePath, memberId: c.memberId, equipmentRef: 'EQ-SOLAR-7', intervalSeconds: 900, operatorId: null }, (e) => events.push(e));
    expect(Date.now() - started).toBeLessThan(3000);
    const steps = events.filter((e) => e.kind === 'step' && e.status === 'passed').map((e) => (e.kind === 'step' ? e.step : ''));
    expect(steps).toEqual(['find', 'identify', 'attest', 'bind', 'provision', 'first-batch']);
    const checks = events.filter((e) => e.kind === 'check');
    expect(checks).toHaveLength(11);
    expect(checks.every((e) => e.kind === 'check' && e.check.status === 'passed')).toBe(true);
    // The emulator's default token is RFC 9783's profile.
    expect(checks.find((e) => e.kind === 'check' && e.check.check === 'profile')).toMatchObject({ check: { detail: expect.stringMatching(/tag:psacertified\.org,2023:psa#tfm/) } });
    const meter = c.meters.get(result.meterId)!;
    expect(meter.status).toBe('provisioned');
    expect(meter.memberId).toBe(c.memberId);
    expect(meter.equipmentRef).toBe('EQ-SOLAR-7');
    expect(meter.intervalSeconds).toBe(900);
    expect(meter.provisioningId).toBe(result.provisioningId);
    expect(result.firstBatch.accepted).toBe(1);
    expect(c.meters.attestationHistory(result.meterId)[0]?.verdict).toBe('passed');
    const audit = c.db.prepare(`SELECT action FROM audit_log WHERE entity = 'meter' ORDER BY id`).all() as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).toEqual(['meter.register', 'meter.provision.begin', 'meter.provision']);
    expect(c.anchored.map((a) => a.kind)).toEqual(['meter-attestation', 'meter-batch']);
  });

  it('collects signed readings as the meter produces them, without duplicates', async () => {
    const meterId = c.meters.list()[0]!.id;
    await new Promise((r) => setTimeout(r, 1500)); // x7200: 1.5 s ≈ 3 h ≈ 12 intervals ≈ 3 batches
    const first = await c.service.collectReadings(meterId, emu!.consolePath);
    expect(first.rejected).toEqual([]);
    expect(first.accepted).toBeGreaterThanOrEqual(2);
    expect(first.readingsStored).toBe(first.accepted * 4);
    const stored = tableCounts(c.db).meter_readings ?? 0;
    expect(stored).toBe(first.readingsStored);
    const again = await c.service.collectReadings(meterId, emu!.consolePath);
    expect(tableCounts(c.db).meter_readings).toBe(stored + again.readingsStored);
    const rows = c.db.prepare(`SELECT interval_start FROM meter_readings WHERE meter_id = ? ORDER BY interval_start`).all(meterId) as Array<{ interval_start: string }>;
    for (let i = 1; i < rows.length; i += 1) expect(Date.parse(rows[i]!.interval_start) - Date.parse(rows[i - 1]!.interval_start)).toBe(900_000);
    expect(c.meters.get(meterId)!.lastReadingAt).toBe(rows.at(-1)!.interval_start);
  });

  it('sends signed relay/load-limit and clock commands; the meter refuses unsigned or replayed ones', async () => {
    const meterId = c.meters.list()[0]!.id;
    const commands = new MeterCommands({ meters: c.meters, audit: new AuditRepo(c.db, () => new Date().toISOString()), coopPrivateKey: c.coopKey.privateKey });
    expect(await commands.setRelay(meterId, emu!.consolePath, { closed: false, loadLimitW: 1500 }, null)).toEqual({ closed: false, loadLimitW: 1500 });
    expect(await commands.setClock(meterId, emu!.consolePath, new Date('2026-06-01T00:00:00Z'), null)).toBe(1_780_272_000);
    const link = await openSerialLink(emu!.consolePath, 115_200);
    const transport = new MeterTransport(link, { timeoutMs: 800, retries: 0 });
    try {
      const { commandCounter } = await transport.request('identify', {});
      const body = { closed: true, loadLimitW: null, counter: commandCounter };
      await expect(transport.request('setRelay', { ...body, auth: signCommand({ name: 'setRelay', body }, c.coopKey.privateKey) })).rejects.toMatchObject({ deviceCode: 'REPLAYED_COUNTER' });
      const forged = { ...body, counter: commandCounter + 1 };
      await expect(transport.request('setRelay', { ...forged, auth: signCommand({ name: 'setRelay', body: forged }, generateP256().privateKey) })).rejects.toMatchObject({ deviceCode: 'UNAUTHORIZED' });
    } finally {
      await transport.close();
    }
    const actions = (c.db.prepare(`SELECT action FROM audit_log WHERE entity = 'meter' AND action IN ('meter.relay', 'meter.clock')`).all() as Array<{ action: string }>).map((r) => r.action);
    expect(actions).toEqual(['meter.relay', 'meter.clock']);
  });

  it('survives an unplug mid-provisioning: consistent state, and a retry completes', async () => {
    await emu?.stop();
    const state = join(c.dir, 'meter-b.json');
    emu = await startEmulator(c.dir, state, ['--fault', 'unplug', '--fault-on', 'provision']);
    const before = tableCounts(c.db);
    const events: ProvisioningProgress[] = [];
    const error = await c.service
      .provision({ portPath: emu.consolePath, memberId: c.memberId, equipmentRef: null, intervalSeconds: 900, operatorId: null }, (e) => events.push(e))
      .catch((e: unknown) => e);
    expect(events.at(-1)).toMatchObject({ kind: 'step', step: 'provision', status: 'failed' });
    expect(error).toBeInstanceOf(MeterServiceError);
    expect((error as MeterServiceError).code).toBe('LINK');
    expect((error as MeterServiceError).details.linkCode).toBe('DISCONNECTED');
    const meter = c.meters.list().find((m) => m.status === 'provisioning')!;
    expect(meter.pendingProvisioning).not.toBeNull();
    expect(meter.memberId).toBeNull(); // binding not applied until the meter confirmed
    expect(tableCounts(c.db).meter_batches).toBe(before.meter_batches);
    await emu.stop();

    emu = await startEmulator(c.dir, state); // re-plugged, same meter
    const result = await c.service.provision({ portPath: emu.consolePath, memberId: c.memberId, equipmentRef: null, intervalSeconds: 900, operatorId: null });
    expect(result.meterId).toBe(meter.id);
    expect(result.provisioningId).toBe(meter.pendingProvisioning!.provisioningId);
    expect(result.alreadyApplied).toBe(true);
    const after = c.meters.get(meter.id)!;
    expect(after.status).toBe('provisioned');
    expect(after.pendingProvisioning).toBeNull();
    expect(after.memberId).toBe(c.memberId);
  });

  it('provisions a meter whose firmware still emits the legacy PSA_IOT_PROFILE_1 token (emulator --psa-profile legacy)', async () => {
    await emu?.stop();
    emu = await startEmulator(c.dir, join(c.dir, 'meter-legacy.json'), ['--psa-profile', 'legacy']);
    expect(emu.output()).toMatch(/PSA_IOT_PROFILE_1/);
    const events: ProvisioningProgress[] = [];
    const result = await c.service.provision({ portPath: emu.consolePath, memberId: c.memberId, equipmentRef: null, intervalSeconds: 900, operatorId: null }, (e) => events.push(e));
    const checks = events.flatMap((e) => (e.kind === 'check' ? [e.check] : []));
    expect(checks.filter((k) => k.status !== 'passed')).toEqual([]);
    expect(checks.find((k) => k.check === 'profile')?.detail).toMatch(/PSA_IOT_PROFILE_1/);
    expect(c.meters.get(result.meterId)!.status).toBe('provisioned');
    expect(c.meters.attestationHistory(result.meterId)[0]?.verdict).toBe('passed');
  });
});
