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
import { makeTempDir } from '../../support/temp-dir.js';

const OFFICE_KEY_PASS = 'office sync passphrase';
const LAPTOP_KEY_PASS = 'laptop sync passphrase';
const ENROL_PASS = 'hand this over orally';

function side(root: string, name: string): { db: Database; enrolment: FieldSyncEnrolment } {
  const db = openDatabase({ file: join(root, name, 'coop.sqlite') });
  const now = (): string => new Date().toISOString();
  const enrolment = new FieldSyncEnrolment({ db, audit: new AuditRepo(db, now), keys: new SyncKeyStore(join(root, name, 'field-sync', 'keys')), now });
  return { db, enrolment };
}

const auditActions = (db: Database): string[] => (db.prepare("SELECT action FROM audit_log WHERE action LIKE 'field-sync.%' ORDER BY id").all() as { action: string }[]).map((r) => r.action);

describe('field console enrolment', () => {
  const tmp = makeTempDir('coop-field-enrol-');
  const office = side(tmp.path, 'office');
  const laptop = side(tmp.path, 'laptop');
  afterAll(() => {
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

  it("accepts the laptop's signed report, refuses a wrong key passphrase, and refuses reports once revoked", async () => {
    const me = laptop.enrolment.identity();
    if (!me) throw new Error('laptop not enrolled');
    const openAtOffice = (bytes: Uint8Array) => openBundle(bytes, {
      expectedKind: 'report', cooperativeId: office.enrolment.identity()?.cooperativeSyncId ?? '', resolveSender: (id) => office.enrolment.reportSender(id), lastSequence: () => 0,
    });
    expect(openAtOffice(await laptopReport(1)).items).toHaveLength(1);
    const keys = new SyncKeyStore(join(tmp.path, 'laptop', 'field-sync', 'keys'));
    await expect(keys.sign(me.keyAddress, 'wrong passphrase!', new Uint8Array([1]))).rejects.toMatchObject({ code: 'BUNDLE_PASSPHRASE' });

    office.enrolment.revoke(me.consoleId, 'laptop stolen', null);
    expect(office.enrolment.fieldConsole(me.consoleId)?.revokedAt).not.toBeNull();
    const report = await laptopReport(2);
    expect(() => openAtOffice(report)).toThrow(expect.objectContaining({ code: 'BUNDLE_SENDER_REVOKED' }));
    expect(auditActions(office.db)).toContain('field-sync.revoke');
  });
});
