// Shared set-up for the meters integration tests: a temp SQLite database with a site and member,
// the DEMO trust store, and emulated meters on real socat pty pairs (started and stopped here).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase, type Database } from '../../../src-main/core/db/connection.js';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { loadTrustStoreFile } from '../../../src-main/core/attestation/trust-store-file.js';
import { TrustStoreRepo } from '../../../src-main/core/meters/trust-store-repo.js';
import { MetersRepo } from '../../../src-main/core/meters/meters-repo.js';
import { loadOrCreateCoopCommandKey, type CoopCommandKey } from '../../../src-main/core/meters/coop-command-key.js';
import { MeterProvisioningService, type MeterServiceDeps } from '../../../src-main/core/meters/provisioning-service.js';
import { createPtyPair, type PtyPair } from '../../../emulator/pty-pair.js';
import type { EvidenceAnchorSink } from '../../../src-main/core/meters/anchor-sink.js';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const DEMO_TRUST = join(ROOT, 'resources/demo-pki/demo-trust.json');

export interface TestConsole {
  readonly dir: string;
  readonly db: Database;
  readonly memberId: number;
  readonly trust: TrustStoreRepo;
  readonly meters: MetersRepo;
  readonly service: MeterProvisioningService;
  readonly anchored: Array<{ kind: string; sha256Hex: string; ref: string }>;
  readonly coopKey: CoopCommandKey;
  close(): void;
}

export function createTestConsole(overrides: Partial<MeterServiceDeps> = {}): TestConsole {
  const dir = mkdtempSync(join(tmpdir(), 'coop-meters-'));
  const db = openDatabase({ file: join(dir, 'coop.sqlite') });
  const now = (): string => new Date().toISOString();
  db.prepare(`INSERT INTO sites (name, created_at) VALUES ('Test site', ?)`).run(now());
  const memberId = Number(
    db.prepare(`INSERT INTO members (member_no, full_name, site_id, joined_on, created_at, updated_at) VALUES ('M-001', 'Amina Test', 1, '2026-01-01', ?, ?)`).run(now(), now()).lastInsertRowid,
  );
  const audit = new AuditRepo(db, now);
  const trust = new TrustStoreRepo(db, audit, now);
  trust.importSnapshot(loadTrustStoreFile(DEMO_TRUST), null);
  const meters = new MetersRepo(db, audit, now);
  const anchored: TestConsole['anchored'] = [];
  const sink: EvidenceAnchorSink = { enqueue: (kind, sha256Hex, ref) => void anchored.push({ kind, sha256Hex, ref }) };
  const coopKey = loadOrCreateCoopCommandKey(join(dir, 'coop-meter-key.pem'));
  const service = new MeterProvisioningService({
    db, meters, trust, coopKey, now: () => new Date(), anchors: sink,
    transport: { timeoutMs: 800, retries: 2 }, ...overrides,
  });
  return { dir, db, memberId, trust, meters, service, anchored, coopKey, close: () => { db.close(); rmSync(dir, { recursive: true, force: true }); } };
}

export interface RunningEmulator {
  readonly consolePath: string;
  readonly process: ChildProcess;
  readonly output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts socat + the emulator on its meter end; resolves when the emulator reports READY. The
 * console end is `<ptyDir>/console` (a fresh folder under `dir` unless given: a test that needs a
 * port to appear at a known path later passes it).
 */
export async function startEmulator(dir: string, stateFile: string, args: readonly string[] = [], ptyDir?: string): Promise<RunningEmulator> {
  const pair: PtyPair = await createPtyPair(ptyDir ?? join(dir, `pty-${Date.now()}-${Math.random().toString(16).slice(2, 6)}`));
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'emulator/main.ts'), '--port', pair.meterPath, '--state', stateFile, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  // A meter that goes away takes its line with it (like a USB adapter pulled out): end socat too.
  child.once('exit', () => void pair.stop());
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    await pair.stop();
  };
  try {
    await new Promise<void>((resolveReady, reject) => {
      // A hang guard: on a loaded 2-core machine tsx alone can take 20 s to start the emulator.
      const timer = setTimeout(() => reject(new Error(`emulator not ready in 45 s:\n${out}`)), 45_000);
      const poll = setInterval(() => {
        if (out.includes('READY')) {
          clearInterval(poll);
          clearTimeout(timer);
          resolveReady();
        }
      }, 20);
      child.once('exit', (code) => {
        clearInterval(poll);
        clearTimeout(timer);
        reject(new Error(`emulator exited with ${code}:\n${out}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { consolePath: pair.consolePath, process: child, output: () => out, stop };
}

export const tableCounts = (db: Database): Record<string, number> =>
  Object.fromEntries(
    ['meters', 'meter_batches', 'meter_readings', 'meter_gaps'].map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
