// Field sync (issue 13): the office enrols field laptops, writes field packs for them and imports
// their field reports; a laptop accepts its enrolment, imports packs and writes reports. Files
// cross the API as base64 (the renderer reads/writes them with the file picker). A refused file
// comes back as IMPORT_REJECTED with a sentence naming what is wrong; nothing is written then.
import { z } from 'zod';
import { ADMIN_ONLY, defineChannel, FIELD_AND_STAFF, STAFF } from './define.js';
import { Id, NoInput, RequiredText } from './common.js';

/** A file's bytes as base64; 64 MB of base64 at most (a year of readings of a few hundred meters). */
const FileBase64 = z.string().min(4, 'The file is empty').max(64 * 1024 * 1024, 'The file is larger than 48 MB').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file is not base64');
const Passphrase = (min: number) => z.string().min(min, `Use at least ${min} characters`).max(200);

export interface FieldSyncIdentityView {
  readonly role: 'office' | 'field' | null;
  readonly consoleId: string | null;
  readonly label: string | null;
  readonly office: { readonly consoleId: string; readonly label: string } | null;
  readonly lastPackSequence: number;
  readonly lastReportSequence: number;
  readonly openWork: number;
}

export interface FieldConsoleView {
  readonly consoleId: string;
  readonly label: string;
  readonly enrolledAt: string;
  readonly revokedAt: string | null;
  readonly revokeReason: string | null;
  readonly lastReportSequence: number;
  readonly lastReportAt: string | null;
  readonly lastPackSequence: number;
  readonly lastPackAt: string | null;
  /** Conflicts from this laptop's reports still waiting for a decision. */
  readonly openConflicts: number;
}

/** One side of a conflict as shown to the operator: field name → value (names are translated by the renderer). */
export type ConflictVersionView = Readonly<Record<string, string | number | null>>;

export interface FieldSyncConflictView {
  readonly id: number;
  readonly consoleId: string;
  readonly entity: 'meter' | 'member';
  readonly entityKey: string;
  /** The record in a few words ("Meter EMU-1 SN-0042", "Member M-001 Awa Diallo"). */
  readonly title: string;
  readonly summary: string;
  readonly officeVersion: ConflictVersionView;
  readonly fieldVersion: ConflictVersionView;
  readonly detectedAt: string;
  readonly decision: 'office' | 'field' | null;
  readonly decidedAt: string | null;
}

/** Where a record of the office came from, when a field report brought it (the badge on meters). */
export interface FieldRecordOriginView {
  readonly entity: 'meter' | 'meter_attestation' | 'meter_batch' | 'visit_note' | 'stock_meter' | 'meter_command';
  readonly recordId: number;
  readonly consoleId: string;
  readonly consoleLabel: string;
  readonly technician: string;
  /** When the laptop recorded it. */
  readonly recordedAt: string;
  readonly importedAt: string;
  readonly reportSequence: number;
}

/** A note a technician wrote on a visit (on the laptop; at the office once a report brought it). */
export interface VisitNoteView {
  readonly noteUid: string;
  readonly memberId: number | null;
  readonly memberName: string | null;
  readonly meterInstanceIdHex: string | null;
  readonly text: string;
  readonly technician: string;
  readonly writtenAt: string;
  /** Office: the laptop it came from. */
  readonly consoleLabel: string | null;
}

/** A visit note at the office, with where it came from. */
export interface FieldNoteView extends VisitNoteView {
  readonly origin: FieldRecordOriginView;
}

/** A stock (Modbus) meter set up on a laptop, as its report brought it, with the last value polled there. */
export interface FieldStockMeterView {
  readonly consoleId: string;
  /** The laptop's own id of the stock meter (also the origin's recordId). */
  readonly fieldId: number;
  readonly label: string;
  readonly model: string;
  readonly unitId: number;
  readonly memberId: number | null;
  readonly memberName: string | null;
  readonly equipmentRef: string | null;
  readonly readingCount: number;
  readonly lastReading: FieldStockReadingView | null;
  /** The most recent values polled on the laptop (up to FIELD_STOCK_CHART_READINGS), oldest first: for a chart. */
  readonly recentReadings: readonly FieldStockReadingView[];
  readonly origin: FieldRecordOriginView;
}

/** One value a laptop polled from a stock meter (unattested: the meter signs nothing). */
export interface FieldStockReadingView { readonly at: string; readonly importWh: number; readonly exportWh: number; readonly powerW: number; readonly voltageDv: number }

/** How many of a field stock meter's latest values the office view carries (a day at a 5-minute poll). */
export const FIELD_STOCK_CHART_READINGS = 288;

/** A meter command run on a laptop (from its audit log; the laptop's word, no meter evidence), as its report brought it. */
export interface FieldCommandView {
  readonly consoleId: string;
  /** The laptop's audit row id (also the origin's recordId). */
  readonly fieldAuditId: number;
  readonly instanceIdHex: string;
  /** The office's meter and its name, when the office knows that meter. */
  readonly meterId: number | null;
  readonly meterLabel: string | null;
  /** relay: switch supply on/off (and load limit); clock: set the meter's clock. */
  readonly command: 'relay' | 'clock';
  /** relay only: what the meter replied (supply on = relay closed). */
  readonly supplyOn: boolean | null;
  readonly loadLimitW: number | null;
  readonly memberName: string | null;
  readonly origin: FieldRecordOriginView;
}

/** What field reports brought for a member, a meter, or one import. */
export interface FromFieldView {
  readonly notes: readonly FieldNoteView[];
  readonly stockMeters: readonly FieldStockMeterView[];
  readonly commands: readonly FieldCommandView[];
}

export interface SyncFileView {
  readonly fileBase64: string;
  readonly fileName: string;
  readonly sequence: number;
  readonly counts: Readonly<Record<string, number>>;
}

export interface SyncImportView {
  readonly sequence: number;
  /** The same file was imported before: nothing changed. */
  readonly repeat: boolean;
  readonly counts: Readonly<Record<string, number>>;
  /** Office, report import: the notes and stock meters this import booked (empty on a repeat). */
  readonly brought?: FromFieldView;
}

export const fieldSyncChannels = {
  'fieldSync.identity': defineChannel<FieldSyncIdentityView>()({
    input: NoInput, access: FIELD_AND_STAFF, description: 'This console’s field-sync role (office, field laptop or none yet)',
  }),
  'fieldSync.office.setUp': defineChannel<FieldSyncIdentityView>()({
    input: z.object({ label: RequiredText(120), keyPassphrase: Passphrase(10) }), access: ADMIN_ONLY,
    description: 'Set this console up as the office for field sync (creates its signing key)',
  }),
  'fieldSync.consoles.list': defineChannel<FieldConsoleView[]>()({
    input: NoInput, access: STAFF, description: 'Field consoles enrolled by this office, with last sync and pending conflicts',
  }),
  'fieldSync.consoles.enrol': defineChannel<SyncFileView>()({
    input: z.object({ label: RequiredText(120), enrolmentPassphrase: Passphrase(10) }), access: ADMIN_ONLY,
    description: 'Enrol a field laptop; returns its enrolment file',
  }),
  'fieldSync.consoles.revoke': defineChannel<FieldConsoleView>()({
    input: z.object({ consoleId: RequiredText(64), reason: RequiredText(300) }), access: ADMIN_ONLY,
    description: 'Revoke a field laptop: its reports are refused from now on',
  }),
  'fieldSync.pack.export': defineChannel<SyncFileView>()({
    input: z.object({ consoleId: RequiredText(64), passphrase: Passphrase(8), keyPassphrase: Passphrase(10), operatorUsernames: z.array(RequiredText(60)).max(50).default([]) }),
    access: ADMIN_ONLY, description: 'Write a field pack for one laptop',
  }),
  'fieldSync.report.import': defineChannel<SyncImportView>()({
    input: z.object({ fileBase64: FileBase64 }), access: STAFF,
    description: 'Import a field report: every attestation and batch is verified again here; all or nothing',
  }),
  'fieldSync.conflicts.list': defineChannel<FieldSyncConflictView[]>()({
    input: NoInput, access: STAFF, description: 'Conflicts waiting for a decision',
  }),
  'fieldSync.conflicts.decide': defineChannel<FieldSyncConflictView>()({
    input: z.object({ id: Id, decision: z.enum(['office', 'field']) }), access: STAFF,
    description: 'Keep the office’s or the field’s version of a conflicting record (audited)',
  }),
  'fieldSync.origins': defineChannel<FieldRecordOriginView[]>()({
    input: z.object({ entity: z.enum(['meter', 'meter_attestation', 'meter_batch']), recordIds: z.array(Id).max(5000).optional() }), access: FIELD_AND_STAFF,
    description: 'Which records came from a field laptop (which laptop, which technician, when)',
  }),
  'fieldSync.notes.add': defineChannel<VisitNoteView>()({
    input: z.object({ memberId: Id.nullable().default(null), meterInstanceIdHex: z.string().regex(/^[0-9a-f]{66}$/, 'Not a meter instance id').nullable().default(null), text: RequiredText(2000) }),
    access: FIELD_AND_STAFF, description: 'On a field laptop: write a visit note (it travels in the next report)',
  }),
  'fieldSync.notes.list': defineChannel<VisitNoteView[]>()({
    input: NoInput, access: FIELD_AND_STAFF, description: 'Visit notes: written here (laptop) or brought by reports (office)',
  }),
  'fieldSync.fromField': defineChannel<FromFieldView>()({
    input: z.object({ memberId: Id.optional(), meterId: Id.optional() }).strict()
      .refine((q) => (q.memberId === undefined) !== (q.meterId === undefined), 'Give either a member or a meter'),
    access: FIELD_AND_STAFF,
    description: 'Office: visit notes and stock meters that field reports brought for a member or a meter, each with its laptop, technician and dates',
  }),
  'fieldSync.enrolment.accept': defineChannel<FieldSyncIdentityView>()({
    input: z.object({ fileBase64: FileBase64, enrolmentPassphrase: Passphrase(1), keyPassphrase: Passphrase(10) }), access: ADMIN_ONLY,
    description: 'On a field laptop: accept the enrolment file made by the office',
  }),
  'fieldSync.pack.import': defineChannel<SyncImportView>()({
    input: z.object({ fileBase64: FileBase64, passphrase: Passphrase(1) }), access: FIELD_AND_STAFF,
    description: 'On a field laptop: import the office’s field pack',
  }),
  'fieldSync.report.export': defineChannel<SyncFileView>()({
    input: z.object({ keyPassphrase: Passphrase(1) }), access: FIELD_AND_STAFF,
    description: 'On a field laptop: write the field report for the office',
  }),
} as const;
