// Enrolment and revocation between two consoles with their own data folders (real SQLite files,
// real encrypted key stores): the office enrols a laptop, the laptop signs a report the office
// accepts, the office revokes it and the next report is refused.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src-main/core/db/connection.js';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { FieldSyncEnrolment } from '../../../src-main/core/field-sync/enrolment.js';
import { SyncKeyStore } from '../../../src-main/core/field-sync/sync-keys.js';
import { openBundle, sealBundleAsync } from '../../../src-main/core/field-sync/bundle.js';
import { FieldSyncRefusal } from '../../../src-main/core/field-sync/sync-errors.js';
import { FieldPacks } from '../../../src-main/core/field-sync/field-packs.js';
import { TrustStoreRepo } from '../../../src-main/core/meters/trust-store-repo.js';
import { loadTrustStoreFile } from '../../../src-main/core/attestation/trust-store-file.js';
import { DEMO_TRUST, startEmulator, type RunningEmulator } from '../meters/harness.js';
import { FieldReports } from '../../../src-main/core/field-sync/field-reports.js';
import { FieldSyncConflicts } from '../../../src-main/core/field-sync/conflicts.js';
import { MetersRepo } from '../../../src-main/core/meters/meters-repo.js';
import { MeterProvisioningService } from '../../../src-main/core/meters/provisioning-service.js';
import { loadOrCreateCoopCommandKey } from '../../../src-main/core/meters/coop-command-key.js';
import { noopEvidenceAnchorSink } from '../../../src-main/core/meters/anchor-sink.js';
import { addVisitNote } from '../../../src-main/core/field-sync/field-records.js';
import { fromFieldRecords } from '../../../src-main/core/field-sync/from-field.js';
import { makeTempDir } from '../../support/temp-dir.js';

const OFFICE_KEY_PASS = 'office sync passphrase';
const LAPTOP_KEY_PASS = 'laptop sync passphrase';
const ENROL_PASS = 'hand this over orally';

interface Side { db: Database; enrolment: FieldSyncEnrolment; packs: FieldPacks; reports: FieldReports; trust: TrustStoreRepo; audit: AuditRepo }
function side(root: string, name: string): Side {
  const db = openDatabase({ file: join(root, name, 'coop.sqlite') });
  const now = (): string => new Date().toISOString();
  const audit = new AuditRepo(db, now);
  const keys = new SyncKeyStore(join(root, name, 'field-sync', 'keys'));
  const enrolment = new FieldSyncEnrolment({ db, audit, keys, now });
  const trust = new TrustStoreRepo(db, audit, now);
  const reports = new FieldReports({ db, audit, trust, keys, enrolment, anchors: noopEvidenceAnchorSink, now });
  return { db, audit, enrolment, trust, reports, packs: new FieldPacks({ db, audit, trust, keys, enrolment, now }) };
}

/** The office's records: two sites, three members, one battery, a technician account, the DEMO trust store. */
function seedOffice(db: Database, trust: TrustStoreRepo): void {
  const at = '2026-01-01T00:00:00Z';
  db.prepare("INSERT INTO sites (id, name, village, created_at) VALUES (1, 'North', 'Kaya', ?), (2, 'South', 'Kaya', ?)").run(at, at);
  const member = db.prepare("INSERT INTO members (id, member_no, full_name, site_id, phone, notes, joined_on, created_at, updated_at) VALUES (?, ?, ?, ?, '+226 70 00 00 00', 'private note', '2026-01-01', ?, ?)");
  member.run(1, 'M-001', 'Awa Diallo', 1, at, at);
  member.run(2, 'M-002', 'Issa Ouedraogo', 1, at, at);
  member.run(3, 'M-003', 'Mariam Sawadogo', 2, at, at);
  db.prepare("INSERT INTO equipment (id, kind, rated_power_w, storage_wh, make, model, serial, owner_member_id, site_id, status, created_at, updated_at) VALUES (1, 'battery', 2000, 5000, 'Pylon', 'US2000', 'B-1', 1, 1, 'installed', ?, ?)").run(at, at);
  db.prepare("INSERT INTO operators (username, display_name, role, password_hash, created_at) VALUES ('tech1', 'Tech One', 'technician', '$argon2id$fake-hash-for-test', ?), ('clerk', 'Clerk', 'operator', '$argon2id$other', ?)").run(at, at);
  trust.importSnapshot(loadTrustStoreFile(DEMO_TRUST), null);
}

const auditActions = (db: Database): string[] => (db.prepare("SELECT action FROM audit_log WHERE action LIKE 'field-sync.%' ORDER BY id").all() as { action: string }[]).map((r) => r.action);

describe('field console enrolment', () => {
  const tmp = makeTempDir('coop-field-enrol-');
  const office = side(tmp.path, 'office');
  const laptop = side(tmp.path, 'laptop');
  let emulator: RunningEmulator | null = null;
  afterAll(async () => {
    await emulator?.stop();
    office.db.close();
    laptop.db.close();
    tmp.remove();
  });

  async function laptopReport(sequence: number): Promise<Uint8Array> {
    const me = laptop.enrolment.identity();
    if (!me) throw new Error('laptop not enrolled');
    const keys = new SyncKeyStore(join(tmp.path, 'laptop', 'field-sync', 'keys'));
    const items = [{ type: 'note', key: `n${sequence}`, content: { text: 'meter behind the door' } }];
    const header = { kind: 'report' as const, cooperativeId: me.cooperativeSyncId, senderId: me.consoleId, sequence, createdAt: new Date().toISOString() };
    return sealBundleAsync({ ...header, items }, (message) => keys.sign(me.keyAddress, LAPTOP_KEY_PASS, message));
  }

  it('refuses to enrol before the office is set up, then sets it up once', async () => {
    await expect(office.enrolment.enrol({ label: 'Laptop Awa', enrolmentPassphrase: ENROL_PASS, cooperativeName: 'Test coop' }, null)).rejects.toMatchObject({ code: 'NOT_ENROLLED' });
    const identity = await office.enrolment.setUpOffice({ label: 'Office', keyPassphrase: OFFICE_KEY_PASS }, null);
    expect(identity).toMatchObject({ role: 'office', consoleId: 'office', office: null });
    await expect(office.enrolment.setUpOffice({ label: 'Office', keyPassphrase: OFFICE_KEY_PASS }, null)).rejects.toBeInstanceOf(FieldSyncRefusal);
  });

  it('enrols a laptop: a wrong enrolment passphrase writes nothing, the right one stores the office key', async () => {
    const { consoleId, file } = await office.enrolment.enrol({ label: 'Laptop Awa', enrolmentPassphrase: ENROL_PASS, cooperativeName: 'Test coop' }, null);
    expect(Buffer.from(file).toString('utf8')).not.toContain(LAPTOP_KEY_PASS);
    await expect(laptop.enrolment.acceptEnrolment(file, 'not the passphrase', LAPTOP_KEY_PASS, null)).rejects.toMatchObject({ code: 'ENROLMENT_INVALID' });
    expect(laptop.enrolment.identity()).toBeNull();
    await expect(laptop.enrolment.acceptEnrolment(Buffer.from('{"format":"x"}'), ENROL_PASS, LAPTOP_KEY_PASS, null)).rejects.toMatchObject({ code: 'ENROLMENT_INVALID' });
    const me = await laptop.enrolment.acceptEnrolment(file, ENROL_PASS, LAPTOP_KEY_PASS, null);
    const officeIdentity = office.enrolment.identity();
    expect(me).toMatchObject({ role: 'field', consoleId, cooperativeSyncId: officeIdentity?.cooperativeSyncId, office: { consoleId: 'office', publicKeyHex: officeIdentity?.publicKeyHex } });
    expect(me.publicKeyHex).toBe(office.enrolment.fieldConsole(consoleId)?.publicKeyHex);
    expect(auditActions(office.db)).toEqual(['field-sync.office-set-up', 'field-sync.enrol']);
    expect(auditActions(laptop.db)).toEqual(['field-sync.enrolled']);
  });

  it('carries a pack to the laptop: members, sites, equipment, trust store, open work, allowed operators; once', async () => {
    seedOffice(office.db, office.trust);
    const laptopId = laptop.enrolment.identity()?.consoleId ?? '';
    const PACK_PASS = 'pack of the day 07';
    const first = await office.packs.exportPack({ consoleId: laptopId, passphrase: PACK_PASS, keyPassphrase: OFFICE_KEY_PASS, operatorUsernames: ['tech1'] }, null);
    expect(first.summary).toMatchObject({ sites: 2, members: 3, equipment: 1, operators: 1, openWork: 3 });
    await expect(Promise.resolve().then(() => laptop.packs.importPack(first.file, 'wrong pack passphrase', null))).rejects.toMatchObject({ code: 'BUNDLE_PASSPHRASE' });
    expect(laptop.db.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 0 });

    const imported = laptop.packs.importPack(first.file, PACK_PASS, null);
    expect(imported).toMatchObject({ sequence: 1, repeat: false, summary: { members: 3, trustAnchors: office.trust.snapshot().anchors.length } });
    const members = laptop.db.prepare('SELECT id, member_no, full_name, site_id, phone, notes FROM members ORDER BY id').all();
    expect(members).toEqual([
      { id: 1, member_no: 'M-001', full_name: 'Awa Diallo', site_id: 1, phone: '', notes: '' },
      { id: 2, member_no: 'M-002', full_name: 'Issa Ouedraogo', site_id: 1, phone: '', notes: '' },
      { id: 3, member_no: 'M-003', full_name: 'Mariam Sawadogo', site_id: 2, phone: '', notes: '' },
    ]);
    expect(laptop.db.prepare('SELECT username, role, password_hash FROM operators').all()).toEqual([{ username: 'tech1', role: 'technician', password_hash: '$argon2id$fake-hash-for-test' }]);
    expect(laptop.trust.snapshot()).toEqual(office.trust.snapshot());
    expect(laptop.db.prepare('SELECT count(*) AS n FROM field_open_work').get()).toEqual({ n: 3 });

    // The same pack again changes nothing; the audit log proves it.
    const auditBefore = laptop.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    expect(laptop.packs.importPack(first.file, PACK_PASS, null).repeat).toBe(true);
    expect(laptop.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(auditBefore);

    // A newer pack carries the office's change; the older one is then stale.
    office.db.prepare("UPDATE members SET full_name = 'Awa Diallo-Kabore' WHERE id = 1").run();
    const second = await office.packs.exportPack({ consoleId: laptopId, passphrase: PACK_PASS, keyPassphrase: OFFICE_KEY_PASS, operatorUsernames: ['tech1'] }, null);
    expect(laptop.packs.importPack(second.file, PACK_PASS, null)).toMatchObject({ sequence: 2, repeat: false });
    expect(laptop.db.prepare('SELECT full_name FROM members WHERE id = 1').get()).toEqual({ full_name: 'Awa Diallo-Kabore' });
    expect(() => laptop.packs.importPack(first.file, PACK_PASS, null)).toThrow(expect.objectContaining({ code: 'BUNDLE_STALE' }));
    expect(office.enrolment.fieldConsole(laptopId)).toMatchObject({ lastPackSequence: 2 });
  });

  it('books a meter provisioned and read on the laptop at the office, re-verified, once; refuses a tampered byte', async () => {
    // The field side: the real provisioning service on the laptop's database, the emulator on a socat pty.
    const now = (): string => new Date().toISOString();
    const meters = new MetersRepo(laptop.db, laptop.audit, now);
    const provisioning = new MeterProvisioningService({
      db: laptop.db, meters, trust: laptop.trust, coopKey: loadOrCreateCoopCommandKey(join(tmp.path, 'laptop', 'coop-meter-key.pem')),
      now: () => new Date(), anchors: noopEvidenceAnchorSink, transport: { timeoutMs: 800, retries: 2 },
    });
    emulator = await startEmulator(tmp.path, join(tmp.path, 'meter-a.json'), ['--speed', '7200', '--batch-records', '4']);
    const { meterId } = await provisioning.provision({ portPath: emulator.consolePath, memberId: 2, equipmentRef: null, intervalSeconds: 900, operatorId: null });
    await new Promise((r) => setTimeout(r, 1500));
    await provisioning.collectReadings(meterId, emulator.consolePath);
    const fieldReadings = laptop.db.prepare('SELECT count(*) AS n FROM meter_readings').get() as { n: number };
    expect(fieldReadings.n).toBeGreaterThan(0);

    const report = await laptop.reports.exportReport(LAPTOP_KEY_PASS, null);
    expect(report.summary).toMatchObject({ meters: 1, attestations: 1 });

    // A tampered byte: refused, nothing booked.
    const tampered = Uint8Array.from(report.file);
    tampered[tampered.length - 80] = (tampered[tampered.length - 80] ?? 0) ^ 0x01;
    await expect(office.reports.importReport(tampered, null)).rejects.toBeInstanceOf(FieldSyncRefusal);
    expect(office.db.prepare('SELECT count(*) AS n FROM meters').get()).toEqual({ n: 0 });

    const booked = await office.reports.importReport(report.file, null);
    expect(booked).toMatchObject({ repeat: false, added: { meters: 1, attestations: 1, readings: fieldReadings.n } });
    const officeMeter = office.db.prepare('SELECT instance_id_hex, member_id, status, public_key FROM meters').get() as { instance_id_hex: string; member_id: number; status: string; public_key: Buffer };
    const fieldMeter = laptop.db.prepare('SELECT instance_id_hex, member_id, status, public_key FROM meters').get();
    expect(officeMeter).toEqual(fieldMeter);
    const batchesOf = (db: Database) => db.prepare('SELECT seq, sha256, prev_sha256, raw FROM meter_batches ORDER BY seq').all();
    expect(batchesOf(office.db)).toEqual(batchesOf(laptop.db));
    expect(office.db.prepare("SELECT entity, console_id FROM field_record_origins WHERE entity = 'meter'").get()).toEqual({ entity: 'meter', console_id: laptop.enrolment.identity()?.consoleId });

    // Twice: nothing changes (same report, and a newer report holding the same records).
    const counts = (db: Database) => db.prepare('SELECT (SELECT count(*) FROM meters) AS m, (SELECT count(*) FROM meter_attestations) AS a, (SELECT count(*) FROM meter_readings) AS r').get();
    const before = counts(office.db);
    expect((await office.reports.importReport(report.file, null)).repeat).toBe(true);
    const again = await laptop.reports.exportReport(LAPTOP_KEY_PASS, null);
    expect((await office.reports.importReport(again.file, null)).added).toEqual({ meters: 0, attestations: 0, batches: 0, readings: 0, conflicts: 0, memberEdits: 0, notes: 0, stockMeters: 0, stockReadings: 0, commands: 0 });
    expect(counts(office.db)).toEqual(before);
  });

  it('keeps both versions of a meter provisioned differently at the office and in the field until the operator decides', async () => {
    const conflicts = new FieldSyncConflicts({ db: office.db, audit: office.audit, anchors: noopEvidenceAnchorSink, now: () => new Date().toISOString() });
    // Meanwhile the office (or another laptop) recorded the meter for another member.
    office.db.prepare("UPDATE meters SET member_id = 3, provisioning_id = 'office-prov-1'").run();
    const report = await laptop.reports.exportReport(LAPTOP_KEY_PASS, null);
    const imported = await office.reports.importReport(report.file, null);
    expect(imported.added).toMatchObject({ meters: 0, conflicts: 1 });
    const [conflict] = conflicts.list();
    expect(conflict).toMatchObject({ entity: 'meter', officeVersion: { member_id: 3, provisioning_id: 'office-prov-1' }, fieldVersion: { memberId: 2 }, decision: null });
    expect(office.db.prepare('SELECT member_id FROM meters').get()).toEqual({ member_id: 3 }); // nothing overwritten
    expect(auditActions(office.db)).toContain('field-sync.conflict');

    const decided = conflicts.decide(conflict?.id ?? 0, 'field', null);
    expect(decided.decision).toBe('field');
    expect(office.db.prepare('SELECT member_id, provisioning_id FROM meters').get()).toEqual(laptop.db.prepare('SELECT member_id, provisioning_id FROM meters').get());
    expect(conflicts.list()).toEqual([]);
    expect(() => conflicts.decide(conflict?.id ?? 0, 'office', null)).toThrow(FieldSyncRefusal);
    expect(auditActions(office.db)).toContain('field-sync.conflict-decided');
  });

  it('books a member edited only in the field, keeps both versions of one edited at both ends, and a pack does not undo an unreported edit', async () => {
    const conflicts = new FieldSyncConflicts({ db: office.db, audit: office.audit, anchors: noopEvidenceAnchorSink, now: () => new Date().toISOString() });
    const laptopId = laptop.enrolment.identity()?.consoleId ?? '';
    const PACK_PASS = 'pack of the day 08';
    // The laptop corrects two names; the office meanwhile renames one of them differently.
    laptop.db.prepare("UPDATE members SET full_name = 'Mariam Sawadogo-Ilboudo', updated_at = '2026-02-01T09:00:00Z' WHERE id = 3").run();
    laptop.db.prepare("UPDATE members SET full_name = 'Issa Ouédraogo', updated_at = '2026-02-01T09:05:00Z' WHERE id = 2").run();
    office.db.prepare("UPDATE members SET full_name = 'Issa Ouedraogo Jr' WHERE id = 2").run();
    // A new pack before the report: the laptop's edits stay.
    const pack = await office.packs.exportPack({ consoleId: laptopId, passphrase: PACK_PASS, keyPassphrase: OFFICE_KEY_PASS, operatorUsernames: ['tech1'] }, null);
    laptop.packs.importPack(pack.file, PACK_PASS, null);
    expect(laptop.db.prepare('SELECT full_name FROM members WHERE id IN (2, 3) ORDER BY id').all()).toEqual([{ full_name: 'Issa Ouédraogo' }, { full_name: 'Mariam Sawadogo-Ilboudo' }]);

    const report = await laptop.reports.exportReport(LAPTOP_KEY_PASS, null);
    expect(report.summary.memberEdits).toBe(2);
    const imported = await office.reports.importReport(report.file, null);
    expect(imported.added).toMatchObject({ memberEdits: 1, conflicts: 1 });
    expect(office.db.prepare('SELECT full_name FROM members WHERE id IN (2, 3) ORDER BY id').all()).toEqual([{ full_name: 'Issa Ouedraogo Jr' }, { full_name: 'Mariam Sawadogo-Ilboudo' }]);
    expect(office.db.prepare("SELECT console_id FROM field_record_origins WHERE entity = 'member' AND record_id = 3").get()).toEqual({ console_id: laptopId });
    const conflict = conflicts.list().find((c) => c.entity === 'member');
    expect(conflict).toMatchObject({ entityKey: '2', officeVersion: { fullName: 'Issa Ouedraogo Jr' }, fieldVersion: { fullName: 'Issa Ouédraogo' } });
    expect(auditActions(office.db)).toContain('field-sync.member-edit');
    // The same report again: nothing new.
    const again = await laptop.reports.exportReport(LAPTOP_KEY_PASS, null);
    expect((await office.reports.importReport(again.file, null)).added).toMatchObject({ memberEdits: 0, conflicts: 0 });

    conflicts.decide(conflict?.id ?? 0, 'field', null);
    expect(office.db.prepare('SELECT full_name FROM members WHERE id = 2').get()).toEqual({ full_name: 'Issa Ouédraogo' });
    // The next pack acknowledges the report: the laptop takes the office's (now equal) versions and has nothing left to report.
    const next = await office.packs.exportPack({ consoleId: laptopId, passphrase: PACK_PASS, keyPassphrase: OFFICE_KEY_PASS, operatorUsernames: ['tech1'] }, null);
    laptop.packs.importPack(next.file, PACK_PASS, null);
    expect((await laptop.reports.exportReport(LAPTOP_KEY_PASS, null)).summary.memberEdits).toBe(0);
  });

  it('brings visit notes, stock meters (with polled values) and meter commands run on the laptop to the office with their origin, once', async () => {
    const me = laptop.enrolment.identity();
    if (!me) throw new Error('laptop not enrolled');
    const instance = (laptop.db.prepare('SELECT instance_id_hex AS i FROM meters').get() as { i: string }).i;
    const tech = (laptop.db.prepare("SELECT id FROM operators WHERE username = 'tech1'").get() as { id: number }).id;
    addVisitNote(laptop.db, { memberId: 2, meterInstanceIdHex: instance, text: 'Meter behind the kitchen door; dog in the yard.', technician: 'tech1', now: '2026-03-01T09:00:00Z' });
    // A stock meter as the Modbus service registers one (row + audited by the technician), then two polls.
    laptop.db.prepare("INSERT INTO modbus_meters (id, label, model, port_path, unit_id, member_id, created_at) VALUES (5, 'Mill SDM120', 'SDM120', '/dev/ttyUSB0', 1, 2, '2026-03-01T09:05:00Z')").run();
    laptop.audit.record({ operatorId: tech, action: 'modbus.add', entity: 'modbus_meter', entityId: 5, summary: 'Stock meter SDM120 "Mill SDM120"', summaryCode: 'modbus.added', summaryParams: { model: 'SDM120', label: 'Mill SDM120', port: '/dev/ttyUSB0', unitId: 1 } });
    const poll = laptop.db.prepare('INSERT INTO modbus_samples (modbus_meter_id, at, import_wh, export_wh, power_w, voltage_dv, total_wh) VALUES (5, ?, ?, 0, ?, 2301, ?)');
    poll.run('2026-03-01T09:15:00Z', 1500, 110, 1500);
    poll.run('2026-03-01T09:30:00Z', 1530, 120, 1530);
    // A relay command run on the laptop, audited as MeterCommandService does (the meter's reply as `after`).
    const laptopMeterId = (laptop.db.prepare('SELECT id FROM meters WHERE instance_id_hex = ?').get(instance) as { id: number }).id;
    laptop.audit.record({ operatorId: tech, action: 'meter.relay', entity: 'meter', entityId: laptopMeterId, summary: 'Relay opened (supply off), load limit 500 W', summaryCode: 'meter.supplyOff', summaryParams: { loadLimitW: 500 }, after: { closed: false, loadLimitW: 500 } });
    const commandAuditId = (laptop.db.prepare("SELECT max(id) AS id FROM audit_log WHERE action = 'meter.relay'").get() as { id: number }).id;

    const report = await laptop.reports.exportReport(LAPTOP_KEY_PASS, null);
    const booked = await office.reports.importReport(report.file, null);
    expect(booked.added).toMatchObject({ notes: 1, stockMeters: 1, stockReadings: 2, commands: 1 });
    const origin = { consoleId: me.consoleId, consoleLabel: 'Laptop Awa', technician: 'tech1', reportSequence: booked.sequence };
    const expected = {
      notes: [expect.objectContaining({ text: 'Meter behind the kitchen door; dog in the yard.', memberId: 2, memberName: expect.stringMatching(/\(M-002\)$/), meterInstanceIdHex: instance,
        origin: expect.objectContaining({ ...origin, entity: 'visit_note', recordedAt: '2026-03-01T09:00:00Z', importedAt: expect.any(String) }) })],
      stockMeters: [expect.objectContaining({ label: 'Mill SDM120', model: 'SDM120', memberId: 2, readingCount: 2,
        lastReading: { at: '2026-03-01T09:30:00Z', importWh: 1530, exportWh: 0, powerW: 120, voltageDv: 2301 },
        // Every value polled on the laptop, oldest first, for the office's chart.
        recentReadings: [{ at: '2026-03-01T09:15:00Z', importWh: 1500, exportWh: 0, powerW: 110, voltageDv: 2301 }, { at: '2026-03-01T09:30:00Z', importWh: 1530, exportWh: 0, powerW: 120, voltageDv: 2301 }],
        origin: expect.objectContaining({ ...origin, entity: 'stock_meter', recordId: 5, recordedAt: '2026-03-01T09:05:00Z', importedAt: expect.any(String) }) })],
      commands: [expect.objectContaining({ consoleId: me.consoleId, fieldAuditId: commandAuditId, instanceIdHex: instance, meterLabel: expect.any(String), command: 'relay', supplyOn: false, loadLimitW: 500,
        memberName: expect.stringMatching(/\(M-002\)$/), origin: expect.objectContaining({ ...origin, entity: 'meter_command', recordId: commandAuditId, importedAt: expect.any(String) }) })],
    };
    const forMember = fromFieldRecords(office.db, { memberId: 2 });
    expect(forMember).toEqual(expected);
    expect(fromFieldRecords(office.db, { consoleId: me.consoleId, reportSequence: booked.sequence })).toEqual(expected);
    const officeMeterId = (office.db.prepare('SELECT id FROM meters WHERE instance_id_hex = ?').get(instance) as { id: number }).id;
    expect(fromFieldRecords(office.db, { meterId: officeMeterId })).toEqual(expected);
    expect(fromFieldRecords(office.db, { memberId: 1 })).toEqual({ notes: [], stockMeters: [], commands: [] });

    // Again (the same report, then a newer cumulative one): nothing is duplicated, the origin stays the first import's.
    expect((await office.reports.importReport(report.file, null)).repeat).toBe(true);
    const again = await office.reports.importReport((await laptop.reports.exportReport(LAPTOP_KEY_PASS, null)).file, null);
    expect(again.added).toMatchObject({ notes: 0, stockMeters: 0, stockReadings: 0, commands: 0 });
    expect(fromFieldRecords(office.db, { consoleId: me.consoleId, reportSequence: again.sequence })).toEqual({ notes: [], stockMeters: [], commands: [] });
    expect(fromFieldRecords(office.db, { memberId: 2 })).toEqual(forMember);
  });

  it("accepts the laptop's signed report, refuses a wrong key passphrase, and refuses reports once revoked", async () => {
    const me = laptop.enrolment.identity();
    if (!me) throw new Error('laptop not enrolled');
    const openAtOffice = (bytes: Uint8Array) => openBundle(bytes, {
      expectedKind: 'report', cooperativeId: office.enrolment.identity()?.cooperativeSyncId ?? '', resolveSender: (id) => office.enrolment.reportSender(id), lastSequence: () => 0,
    });
    expect(openAtOffice(await laptopReport(9)).items).toHaveLength(1);
    const keys = new SyncKeyStore(join(tmp.path, 'laptop', 'field-sync', 'keys'));
    await expect(keys.sign(me.keyAddress, 'wrong passphrase!', new Uint8Array([1]))).rejects.toMatchObject({ code: 'BUNDLE_PASSPHRASE' });

    office.enrolment.revoke(me.consoleId, 'laptop stolen', null);
    expect(office.enrolment.fieldConsole(me.consoleId)?.revokedAt).not.toBeNull();
    const report = await laptopReport(10);
    expect(() => openAtOffice(report)).toThrow(expect.objectContaining({ code: 'BUNDLE_SENDER_REVOKED' }));
    expect(auditActions(office.db)).toContain('field-sync.revoke');
  });
});
