// Every emulator fault flag ends in its own specific error, and nothing is half-written: no meter,
// batch or reading rows appear for a failed exchange (failed attestations are kept as evidence).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createTestConsole, startEmulator, tableCounts, type RunningEmulator, type TestConsole } from './harness.js';
import { MeterServiceError } from '../../../src-main/core/meters/meter-errors.js';

describe('emulator fault flags → specific errors', () => {
  let c: TestConsole;
  let emu: RunningEmulator | null = null;
  let n = 0;
  beforeAll(() => {
    c = createTestConsole();
  });
  afterEach(async () => {
    await emu?.stop();
    emu = null;
  });
  afterAll(() => c.close());

  const provision = async (args: string[]): Promise<MeterServiceError> => {
    emu = await startEmulator(c.dir, join(c.dir, `meter-${++n}.json`), args);
    const before = tableCounts(c.db);
    const error = await c.service
      .provision({ portPath: emu.consolePath, memberId: c.memberId, equipmentRef: null, intervalSeconds: 900, operatorId: null })
      .then(() => null, (e: unknown) => e);
    expect(error, emu.output()).toBeInstanceOf(MeterServiceError);
    expect(tableCounts(c.db)).toEqual(before);
    return error as MeterServiceError;
  };

  it.each([
    ['bad-crc', 'CRC_MISMATCH'],
    ['truncated', 'TRUNCATED'],
    ['garbage', 'NOISE'],
  ])('--fault %s → link error %s', async (fault, linkCode) => {
    const error = await provision(['--fault', fault]);
    expect(error.code).toBe('LINK');
    expect(error.details.linkCode).toBe(linkCode);
    expect(error.details.attempts).toBe(3);
  });

  it('--fault slow → TIMEOUT after the retries', async () => {
    const error = await provision(['--fault', 'slow', '--slow-ms', '5000']);
    expect(error.code).toBe('LINK');
    expect(error.details.linkCode).toBe('TIMEOUT');
  });

  it('--fault unplug → DISCONNECTED', async () => {
    const error = await provision(['--fault', 'unplug']);
    expect(error.code).toBe('LINK');
    expect(error.details.linkCode).toBe('DISCONNECTED');
  });

  it.each([
    ['stale-nonce', 'nonce', /stale or made-up/],
    ['unknown-firmware', 'measurement', /unapproved firmware/],
    ['bad-signature', 'signature', /does not match/],
    ['revoked-cert', 'revocation', /revoked/],
    ['expired-cert', 'validity', /expired/],
  ])('--fault %s → attestation fails at the %s check', async (fault, check, detail) => {
    const attestationsBefore = (c.db.prepare(`SELECT count(*) AS n FROM meter_attestations`).get() as { n: number }).n;
    const error = await provision(['--fault', fault]);
    expect(error.code).toBe('ATTESTATION_FAILED');
    expect(error.details.failedCheck).toBe(check);
    expect(error.message).toMatch(detail);
    const row = c.db.prepare(`SELECT verdict, failed_check FROM meter_attestations ORDER BY id DESC LIMIT 1`).get() as { verdict: string; failed_check: string };
    expect(row).toEqual({ verdict: 'failed', failed_check: check });
    expect((c.db.prepare(`SELECT count(*) AS n FROM meter_attestations`).get() as { n: number }).n).toBe(attestationsBefore + 1);
  });

  it('--fault replayed-nonce → the second attestation is named a replay', async () => {
    emu = await startEmulator(c.dir, join(c.dir, `meter-${++n}.json`), ['--fault', 'replayed-nonce']);
    await c.service.attest(emu.consolePath, null); // first answer is genuine and cached by the meter
    const error = (await c.service.attest(emu.consolePath, null).then(() => null, (e: unknown) => e)) as MeterServiceError;
    expect(error.code).toBe('ATTESTATION_FAILED');
    expect(error.details.failedCheck).toBe('nonce');
    expect(error.message).toMatch(/replayed/);
  });

  it.each(['bad-crc', 'truncated', 'noise'])('--fault %s on the first reply only → recovered by a retry', async (fault) => {
    emu = await startEmulator(c.dir, join(c.dir, `meter-${++n}.json`), ['--fault', fault, '--fault-count', '1']);
    const result = await c.service.provision({ portPath: emu.consolePath, memberId: c.memberId, equipmentRef: null, intervalSeconds: 900, operatorId: null });
    expect(c.meters.get(result.meterId)!.status).toBe('provisioned');
  });
});
