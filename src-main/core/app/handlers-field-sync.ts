// Channel → use case for field sync. Refusals of the sync layer become API errors here: a refused
// file is IMPORT_REJECTED (nothing written), a missing enrolment NOT_FOUND, bad enrolment input
// VALIDATION; the sync layer's sentence is passed through unchanged.
import type { VisitNoteView, FieldConsoleView, FieldRecordOriginView, fieldSyncChannels, FieldSyncConflictView, FieldSyncIdentityView } from '../../contract/field-sync.js';
import type { AreaHandlers } from '../api/dispatcher.js';
import { CoreError } from '../api/core-error.js';
import { ERROR_REASONS } from '../../contract/errors.js';
import { FieldSyncRefusal } from '../field-sync/index.js';
import type { FieldSyncConflict } from '../field-sync/conflicts.js';
import { actor, type HandlerHost } from './handlers.js';
import { conflictShown } from './field-sync-views.js';
import { addVisitNote } from '../field-sync/field-records.js';
import { fromFieldRecords } from '../field-sync/from-field.js';
import { isoNow } from '../platform/clock.js';

type FieldSyncChannel = keyof typeof fieldSyncChannels;

export function fieldSyncHandlers(host: HandlerHost): AreaHandlers<FieldSyncChannel> {
  const fs = () => host.services.fieldSync;
  const db = () => host.services.db;
  const identityView = (): FieldSyncIdentityView => {
    const me = fs().enrolment.identity();
    const openWork = (db().prepare('SELECT count(*) AS n FROM field_open_work').get() as { n: number }).n;
    return {
      role: me?.role ?? null, consoleId: me?.consoleId ?? null, label: me?.label ?? null,
      office: me?.office ? { consoleId: me.office.consoleId, label: me.office.label } : null,
      lastPackSequence: me?.lastPackSequence ?? 0, lastReportSequence: me?.lastReportSequence ?? 0, openWork,
    };
  };
  const consoleView = (consoleId: string): FieldConsoleView => {
    const c = fs().enrolment.fieldConsole(consoleId);
    if (!c) throw new CoreError('NOT_FOUND', `No field console "${consoleId}" is enrolled here.`);
    const openConflicts = (db().prepare('SELECT count(*) AS n FROM field_sync_conflicts WHERE console_id = ? AND decision IS NULL').get(consoleId) as { n: number }).n;
    const { publicKeyHex: _key, ...rest } = c;
    return { ...rest, openConflicts };
  };
  const memberLabel = (id: unknown): string | null => {
    if (typeof id !== 'number') return null;
    const m = db().prepare('SELECT member_no, full_name FROM members WHERE id = ?').get(id) as { member_no: string; full_name: string } | undefined;
    return m ? `${m.full_name} (${m.member_no})` : `#${id}`;
  };
  const conflictView = (c: FieldSyncConflict): FieldSyncConflictView => {
    const siteLabel = (id: unknown): string | null => (typeof id === 'number' ? ((db().prepare('SELECT name FROM sites WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? `#${id}`) : null);
    const shown = conflictShown(c, memberLabel, siteLabel);
    return {
      id: c.id, consoleId: c.consoleId, entity: c.entity, entityKey: c.entityKey, summary: c.summary, detectedAt: c.detectedAt, decision: c.decision, decidedAt: c.decidedAt, ...shown,
    };
  };
  const cooperativeName = (): string => host.services.cooperative.get()?.name ?? 'the cooperative';
  const fromBase64 = (text: string): Uint8Array => Buffer.from(text, 'base64');
  const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

  return {
    'fieldSync.identity': () => identityView(),
    'fieldSync.office.setUp': (input, ctx) => syncCall(async () => {
      await fs().enrolment.setUpOffice({ label: input.label, keyPassphrase: input.keyPassphrase }, actor(ctx).id);
      return identityView();
    }),
    'fieldSync.consoles.list': () => fs().enrolment.fieldConsoles().map((c) => consoleView(c.consoleId)),
    'fieldSync.consoles.enrol': (input, ctx) => syncCall(async () => {
      const { consoleId, file } = await fs().enrolment.enrol({ label: input.label, enrolmentPassphrase: input.enrolmentPassphrase, cooperativeName: cooperativeName() }, actor(ctx).id);
      return { fileBase64: toBase64(file), fileName: `enrolment-${consoleId}.json`, sequence: 0, counts: {} };
    }),
    'fieldSync.consoles.revoke': (input, ctx) => syncCall(async () => {
      fs().enrolment.revoke(input.consoleId, input.reason, actor(ctx).id);
      return consoleView(input.consoleId);
    }),
    'fieldSync.pack.export': (input, ctx) => syncCall(async () => {
      const { file, sequence, summary } = await fs().packs.exportPack({ consoleId: input.consoleId, passphrase: input.passphrase, keyPassphrase: input.keyPassphrase, operatorUsernames: input.operatorUsernames }, actor(ctx).id);
      return { fileBase64: toBase64(file), fileName: `field-pack-${input.consoleId}-${sequence}.coopsync`, sequence, counts: { ...summary } };
    }),
    'fieldSync.report.import': (input, ctx) => syncCall(async () => {
      const result = await fs().reports.importReport(fromBase64(input.fileBase64), actor(ctx).id);
      host.events.emit('meters.changed', { reason: 'field-report', meterId: null });
      const brought = result.repeat ? { notes: [], stockMeters: [], commands: [] } : fromFieldRecords(db(), { consoleId: result.consoleId, reportSequence: result.sequence });
      return { sequence: result.sequence, repeat: result.repeat, counts: { ...result.added }, brought };
    }),
    'fieldSync.fromField': (input) => {
      if (input.memberId !== undefined) {
        if (!db().prepare('SELECT 1 FROM members WHERE id = ?').get(input.memberId)) throw new CoreError('NOT_FOUND', `Member ${input.memberId} does not exist.`);
        return fromFieldRecords(db(), { memberId: input.memberId });
      }
      const meterId = input.meterId ?? 0;
      if (!db().prepare('SELECT 1 FROM meters WHERE id = ?').get(meterId)) throw new CoreError('NOT_FOUND', `Meter ${meterId} does not exist.`);
      return fromFieldRecords(db(), { meterId });
    },
    'fieldSync.conflicts.list': () => fs().conflicts.list().map(conflictView),
    'fieldSync.conflicts.decide': (input, ctx) => syncCall(async () => conflictView(fs().conflicts.decide(input.id, input.decision, actor(ctx).id))),
    'fieldSync.origins': (input) => {
      const rows = db().prepare(
        `SELECT o.entity, o.record_id AS recordId, o.console_id AS consoleId, coalesce(c.label, o.console_id) AS consoleLabel, o.technician,
                o.recorded_at AS recordedAt, o.imported_at AS importedAt, o.report_sequence AS reportSequence
           FROM field_record_origins o LEFT JOIN field_consoles c ON c.console_id = o.console_id
          WHERE o.entity = ? ORDER BY o.record_id`,
      ).all(input.entity) as FieldRecordOriginView[];
      if (!input.recordIds) return rows;
      const wanted = new Set(input.recordIds);
      return rows.filter((r) => wanted.has(r.recordId));
    },
    'fieldSync.notes.add': (input, ctx) => {
      if (fs().enrolment.identity()?.role !== 'field') throw new CoreError('NOT_FOUND', 'Visit notes are written on an enrolled field laptop; this console is not one.');
      if (input.memberId !== null && !db().prepare('SELECT 1 FROM members WHERE id = ?').get(input.memberId)) throw new CoreError('NOT_FOUND', `Member ${input.memberId} does not exist.`);
      const who = actor(ctx);
      const note = addVisitNote(db(), { memberId: input.memberId, meterInstanceIdHex: input.meterInstanceIdHex, text: input.text, technician: who.username, now: isoNow(host.clock) });
      return { ...note, memberName: memberLabel(note.memberId), consoleLabel: null };
    },
    'fieldSync.notes.list': () => {
      const office = fs().enrolment.identity()?.role === 'office';
      const rows = db().prepare(office
        ? `SELECT n.note_uid AS noteUid, n.member_id AS memberId, n.meter_instance_id_hex AS meterInstanceIdHex, n.text, n.technician, n.written_at AS writtenAt, c.label AS consoleLabel
             FROM office_visit_notes n LEFT JOIN field_consoles c ON c.console_id = n.console_id ORDER BY n.written_at DESC LIMIT 500`
        : `SELECT note_uid AS noteUid, member_id AS memberId, meter_instance_id_hex AS meterInstanceIdHex, text, technician, written_at AS writtenAt, NULL AS consoleLabel
             FROM field_visit_notes ORDER BY written_at DESC LIMIT 500`).all() as Omit<VisitNoteView, 'memberName'>[];
      return rows.map((r) => ({ ...r, memberName: memberLabel(r.memberId) }));
    },
    'fieldSync.enrolment.accept': (input, ctx) => syncCall(async () => {
      await fs().enrolment.acceptEnrolment(fromBase64(input.fileBase64), input.enrolmentPassphrase, input.keyPassphrase, actor(ctx).id);
      return identityView();
    }),
    'fieldSync.pack.import': (input, ctx) => syncCall(async () => {
      const result = fs().packs.importPack(fromBase64(input.fileBase64), input.passphrase, actor(ctx).id);
      return { sequence: result.sequence, repeat: result.repeat, counts: { ...result.summary } };
    }),
    'fieldSync.report.export': (input, ctx) => syncCall(async () => {
      const { file, sequence, summary } = await fs().reports.exportReport(input.keyPassphrase, actor(ctx).id);
      return { fileBase64: toBase64(file), fileName: `field-report-${identityView().consoleId ?? 'laptop'}-${sequence}.coopsync`, sequence, counts: { ...summary } };
    }),
  };
}

export async function syncCall<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof FieldSyncRefusal)) throw error;
    switch (error.code) {
      case 'NOT_ENROLLED':
        throw new CoreError('NOT_FOUND', error.message);
      case 'ENROLMENT_INVALID':
        throw new CoreError('VALIDATION', error.message);
      default: {
        // A refusal with a reason (and its values) is said from them in the operator's language.
        const { reason, ...params } = error.details;
        const known = ERROR_REASONS.find((r) => r === reason);
        throw new CoreError('IMPORT_REJECTED', error.message, undefined, { syncRefusal: error.code, ...(known && { reason: known, params }) });
      }
    }
  }
}
