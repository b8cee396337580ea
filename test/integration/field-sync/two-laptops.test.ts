// Two laptops, one office (three data folders, real SQLite files, real encrypted keys, the meter
// emulator on socat ptys): each laptop provisions and reads its own meter and corrects the same
// member from the same pack, and both provision the SAME meter (one identity, two copies of its
// state) for different members; their reports imported at the office in both orders leave the same
// office state (a canonical dump of every booked record, ids and import times left out). Then a
// child process importing the larger report is killed with SIGKILL at random points (10 trials):
// the office holds either all of the report or none of it, and a re-import then books it whole.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src-main/core/db/connection.js';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { TrustStoreRepo } from '../../../src-main/core/meters/trust-store-repo.js';
import { loadTrustStoreFile } from '../../../src-main/core/attestation/trust-store-file.js';
import { noopEvidenceAnchorSink } from '../../../src-main/core/meters/anchor-sink.js';
import { MetersRepo } from '../../../src-main/core/meters/meters-repo.js';
import { MeterProvisioningService } from '../../../src-main/core/meters/provisioning-service.js';
import { loadOrCreateCoopCommandKey } from '../../../src-main/core/meters/coop-command-key.js';
import { buildFieldSync, FieldSyncRefusal, type FieldSync } from '../../../src-main/core/field-sync/index.js';
import { cborDecodeObject } from '../../../src-main/core/devices/cbor.js';
import { DEMO_TRUST, startEmulator, type RunningEmulator } from '../meters/harness.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { manufactureMeter, saveState } from '../../../emulator/meter-state.js';
import { demoCa } from '../../../emulator/demo-pki.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const OFFICE_KEY = 'office sync passphrase';
const LAPTOP_KEY = 'laptop sync passphrase';
const ENROL = 'said in person only';
const PACK = 'pack of the day';
const TRIALS = 10;

interface Side { dir: string; db: Database; audit: AuditRepo; trust: TrustStoreRepo; sync: FieldSync }
function side(dir: string): Side {
  mkdirSync(dir, { recursive: true });
  const db = openDatabase({ file: join(dir, 'coop.sqlite') });
  const now = (): string => new Date().toISOString();
  const audit = new AuditRepo(db, now);
  const trust = new TrustStoreRepo(db, audit, now);
  return { dir, db, audit, trust, sync: buildFieldSync({ db, audit, trust, anchors: noopEvidenceAnchorSink, dataDir: dir, now }) };
}

/** Every record a report can book, keyed by what identifies it everywhere (never a row id or an import time). */
function canonicalDump(db: Database): unknown {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    members: all('SELECT id, member_no, full_name, site_id FROM members ORDER BY id'),
    meters: all("SELECT instance_id_hex, member_id, provisioning_id, status, hex(public_key) AS key, last_batch_seq FROM meters ORDER BY instance_id_hex"),
    attestations: all('SELECT m.instance_id_hex, a.evidence_sha256, a.verdict FROM meter_attestations a JOIN meters m ON m.id = a.meter_id ORDER BY a.evidence_sha256'),
    batches: all('SELECT m.instance_id_hex, b.seq, b.sha256, b.prev_sha256 FROM meter_batches b JOIN meters m ON m.id = b.meter_id ORDER BY m.instance_id_hex, b.seq'),
    readings: all('SELECT m.instance_id_hex, r.interval_start, r.import_wh, r.export_wh FROM meter_readings r JOIN meters m ON m.id = r.meter_id ORDER BY m.instance_id_hex, r.interval_start'),
    origins: all(`SELECT o.entity, coalesce(m.instance_id_hex, a.evidence_sha256, CAST(o.record_id AS TEXT)) AS record, o.console_id, o.technician, o.recorded_at, o.report_sequence
                    FROM field_record_origins o LEFT JOIN meters m ON o.entity = 'meter' AND m.id = o.record_id
                    LEFT JOIN meter_attestations a ON o.entity = 'meter_attestation' AND a.id = o.record_id ORDER BY 1, 2`),
    conflicts: all('SELECT console_id, entity, entity_key, summary, office_version_json, field_version_sha256, decision FROM field_sync_conflicts ORDER BY console_id, entity, entity_key'),
    consoles: all('SELECT console_id, last_report_sequence FROM field_consoles ORDER BY console_id'),
  };
}

describe('two laptops, reports in both orders; kill -9 during an import', () => {
  const tmp = makeTempDir('coop-field-two-');
  const office = side(join(tmp.path, 'office'));
  const laptops = [side(join(tmp.path, 'laptop-a')), side(join(tmp.path, 'laptop-b'))];
  const emulators: RunningEmulator[] = [];
  const reports: string[] = [];
  afterAll(async () => {
    await Promise.allSettled(emulators.map((e) => e.stop()));
    for (const s of [office, ...laptops]) s.db.close();
    tmp.remove();
  });

  beforeAll(async () => {
    const at = '2026-01-01T00:00:00Z';
    office.db.prepare("INSERT INTO sites (id, name, village, created_at) VALUES (1, 'North', 'Kaya', ?)").run(at);
    const member = office.db.prepare("INSERT INTO members (id, member_no, full_name, site_id, joined_on, created_at, updated_at) VALUES (?, ?, ?, 1, '2026-01-01', ?, ?)");
    member.run(1, 'M-001', 'Awa Diallo', at, at);
    member.run(2, 'M-002', 'Issa Ouedraogo', at, at);
    office.trust.importSnapshot(loadTrustStoreFile(DEMO_TRUST), null);
    await office.sync.enrolment.setUpOffice({ label: 'Office', keyPassphrase: OFFICE_KEY }, null);
    for (const [i, laptop] of laptops.entries()) {
      const { consoleId, file } = await office.sync.enrolment.enrol({ label: `Laptop ${i + 1}`, enrolmentPassphrase: ENROL, cooperativeName: 'Kaya' }, null);
      await laptop.sync.enrolment.acceptEnrolment(file, ENROL, LAPTOP_KEY, null);
      const pack = await office.sync.packs.exportPack({ consoleId, passphrase: PACK, keyPassphrase: OFFICE_KEY, operatorUsernames: [] }, null);
      laptop.sync.packs.importPack(pack.file, PACK, null);
    }
    // One meter, two copies of its memory: the same identity provisioned on each laptop for a different member.
    const shared = await manufactureMeter(demoCa(), 'CM-1');
    for (const i of [0, 1]) saveState(join(tmp.path, `shared-meter-${i}.json`), shared);
    // Each laptop: its own meter for its own member, read offline; laptop B reads a longer stretch (the large report).
    await Promise.all(laptops.map(async (laptop, i) => {
      const [emulator, sharedMeter] = await Promise.all([
        startEmulator(tmp.path, join(tmp.path, `meter-${i}.json`), ['--speed', i === 0 ? '7200' : '86400', '--batch-records', '2']),
        startEmulator(tmp.path, join(tmp.path, `shared-meter-${i}.json`), ['--speed', '7200', '--batch-records', '2']),
      ]);
      emulators.push(emulator, sharedMeter);
      const now = (): string => new Date().toISOString();
      const provisioning = new MeterProvisioningService({
        db: laptop.db, meters: new MetersRepo(laptop.db, laptop.audit, now), trust: laptop.trust, coopKey: loadOrCreateCoopCommandKey(join(laptop.dir, 'coop-meter-key.pem')),
        now: () => new Date(), anchors: noopEvidenceAnchorSink, transport: { timeoutMs: 800, retries: 2 },
      });
      const { meterId } = await provisioning.provision({ portPath: emulator.consolePath, memberId: i + 1, equipmentRef: null, intervalSeconds: 900, operatorId: null });
      const shared = await provisioning.provision({ portPath: sharedMeter.consolePath, memberId: i + 1, equipmentRef: null, intervalSeconds: 900, operatorId: null });
      await new Promise((r) => setTimeout(r, 2500));
      await provisioning.collectReadings(meterId, emulator.consolePath);
      await provisioning.collectReadings(shared.meterId, sharedMeter.consolePath); // each copy of the shared meter holds its own batches, numbered from 1
    }));
    // Both laptops correct the same member from the same base; A did it first.
    laptops[0]?.db.prepare("UPDATE members SET full_name = 'Issa Ouédraogo', updated_at = '2026-02-01T08:00:00Z' WHERE id = 2").run();
    laptops[1]?.db.prepare("UPDATE members SET full_name = 'Issa Ouedraogo Sr', updated_at = '2026-02-01T10:00:00Z' WHERE id = 2").run();
    for (const [i, laptop] of laptops.entries()) {
      const report = await laptop.sync.reports.exportReport(LAPTOP_KEY, null);
      const path = join(tmp.path, `report-${i}.coopsync`);
      writeFileSync(path, report.file);
      reports.push(path);
    }
    office.db.pragma('wal_checkpoint(TRUNCATE)');
  });

  /** A copy of the office as it stood before any report (its own data folder, keys included). */
  function officeCopy(name: string): Side {
    const dir = join(tmp.path, name);
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(office.dir, 'coop.sqlite'), join(dir, 'coop.sqlite'));
    return side(dir);
  }
  const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

  it('gives the same office state whichever report is imported first', async () => {
    const [a, b] = [officeCopy('office-ab'), officeCopy('office-ba')];
    for (const path of reports) await a.sync.reports.importReport(read(path), null);
    for (const path of [...reports].reverse()) await b.sync.reports.importReport(read(path), null);
    const dumpA = canonicalDump(a.db) as { meters: unknown[]; attestations: unknown[]; conflicts: { entity: string }[]; members: { full_name: string }[] };
    expect(dumpA.meters).toHaveLength(3);
    expect(dumpA.members[1]?.full_name).toBe('Issa Ouédraogo'); // the earlier field edit is the record…
    expect(dumpA.conflicts.map((c) => c.entity).sort()).toEqual(['member', 'meter']); // …and the later one waits for a decision, as does the second binding of the shared meter
    expect(dumpA.attestations).toHaveLength(4); // both laptops' tokens of the shared meter are booked
    expect(canonicalDump(b.db)).toEqual(dumpA);
    a.db.close();
    b.db.close();
  });

  it("decides for the waiting laptop's version of the shared meter: the binding's batches are set aside into the conflict, the field's booked; refused once money counted them", async () => {
    const office2 = officeCopy('office-decide');
    for (const path of reports) await office2.sync.reports.importReport(read(path), null);
    const sharedBatches = (db: Database) => db.prepare("SELECT m.instance_id_hex AS instance, m.member_id AS memberId, count(b.seq) AS n FROM meters m JOIN meter_batches b ON b.meter_id = m.id WHERE m.instance_id_hex = ? GROUP BY m.id").get(conflictKey(db)) as { instance: string; memberId: number; n: number };
    const conflictKey = (db: Database) => (db.prepare("SELECT entity_key FROM field_sync_conflicts WHERE entity = 'meter'").get() as { entity_key: string }).entity_key;
    const before = sharedBatches(office2.db);
    expect(before.n).toBeGreaterThan(0);

    // Money counted on the binding's readings (a prepaid drawdown since): nothing moves, a reason says why.
    const copy = officeCopy('office-decide-refused');
    for (const path of reports) await copy.sync.reports.importReport(read(path), null);
    copy.db.prepare("INSERT INTO prepaid_drawdowns (member_id, day, site_id, amount_minor, created_at) VALUES (?, '2099-12-31', 1, 10, '2099-12-31T00:00:00Z')").run(before.memberId);
    const waiting = copy.sync.conflicts.list().find((c) => c.entity === 'meter');
    const refusedDump = canonicalDump(copy.db);
    let refused: unknown = null;
    try { copy.sync.conflicts.decide(waiting?.id ?? 0, 'field', null); } catch (error) { refused = error; }
    expect(refused).toBeInstanceOf(FieldSyncRefusal);
    expect((refused as FieldSyncRefusal).details.reason).toBe('fieldMeterMoneyCounted');
    expect(canonicalDump(copy.db)).toEqual(refusedDump);
    copy.db.close();

    const conflict = office2.sync.conflicts.list().find((c) => c.entity === 'meter');
    const setAsideRows = () => office2.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'field-sync.meter-set-aside'").get() as { n: number };
    const setAsideBefore = setAsideRows().n;
    const decided = office2.sync.conflicts.decide(conflict?.id ?? 0, 'field', null);
    expect(decided.decision).toBe('field');
    const after = sharedBatches(office2.db);
    expect(after.memberId).not.toBe(before.memberId); // the field version's member…
    expect(after.n).toBeGreaterThan(0); // …and its batches are booked
    const kept = office2.db.prepare('SELECT office_batches FROM field_sync_conflicts WHERE id = ?').get(conflict?.id ?? 0) as { office_batches: Buffer | null };
    expect(kept.office_batches).not.toBeNull(); // the binding's batches are kept in the conflict, not lost
    expect((cborDecodeObject(kept.office_batches ?? Buffer.alloc(0)) as { batches: unknown[] }).batches).toHaveLength(before.n);
    expect(setAsideRows().n).toBe(setAsideBefore + 1); // …with an audit row
    office2.db.close();
  });

  it('leaves all or nothing of a report when the importing process is killed at random points, and a re-import books it', async () => {
    const large = reports[1] ?? '';
    const full = officeCopy('office-full');
    const added = await full.sync.reports.importReport(read(large), null);
    expect(added.added.batches).toBeGreaterThan(10);
    const whole = canonicalDump(full.db);
    full.db.close();
    const empty = canonicalDump(office.db);

    // Calibrate: how long the child takes from IMPORTING to exit.
    const runChild = (dir: string, killAfterMs: number | null) => new Promise<{ killed: boolean; ms: number }>((done, fail) => {
      const child = spawn(process.execPath, [join(import.meta.dirname, 'import-child.mjs'), ROOT, dir, large], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let started = 0;
      let timer: NodeJS.Timeout | null = null;
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (!started && out.includes('IMPORTING')) {
          started = Date.now();
          if (killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        }
      });
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.once('exit', (code, signal) => {
        if (timer) clearTimeout(timer);
        if (signal !== 'SIGKILL' && code !== 0) fail(new Error(`import child failed (${code}):\n${out}`));
        else done({ killed: signal === 'SIGKILL', ms: Date.now() - started });
      });
    });
    const calibration = officeCopy('office-calibrate');
    calibration.db.close();
    const { ms } = await runChild(calibration.dir, null);

    const outcomes = { none: 0, all: 0 };
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const copy = officeCopy(`office-kill-${trial}`);
      copy.db.close();
      await runChild(copy.dir, Math.floor(Math.random() * ms * 1.1));
      const after = side(copy.dir); // opening runs SQLite's recovery of the WAL, as a restart would
      const dump = canonicalDump(after.db);
      if (JSON.stringify(dump) === JSON.stringify(empty)) {
        outcomes.none += 1;
        await after.sync.reports.importReport(read(large), null); // the re-import succeeds and books it whole
        expect(canonicalDump(after.db)).toEqual(whole);
      } else {
        outcomes.all += 1;
        expect(dump).toEqual(whole);
      }
      after.db.close();
    }
    expect(outcomes.none + outcomes.all).toBe(TRIALS);
    console.log(`kill -9 trials: ${outcomes.none} left nothing, ${outcomes.all} booked whole (import ≈ ${ms} ms)`);
  }, 300_000); // ten child processes on a shared 2-core machine
});
