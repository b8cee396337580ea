// Field → office reports. The laptop seals everything it holds (signed with its enrolment key);
// the office opens it, then RE-VERIFIES every attestation token against its own trust store with
// the same verifier the provisioning screen uses, and ingests every batch with the same
// BatchIngestor as a meter plugged in at the office (signature, hash chain, overlaps). One failing
// item refuses the whole report, naming the item; everything is written in ONE transaction, so a
// kill -9 leaves the report either fully booked or not at all. Items already booked are skipped,
// which makes a second import, or reports from several laptops in any order, change nothing twice.
import { hexToU8a } from '@polkadot/util';
import type { Database } from 'better-sqlite3';
import type { AuditRepo } from '../audit/audit-repo.js';
import { instanceIdForKey, toHex } from '../attestation/trust-store.js';
import { verifyPsaToken } from '../attestation/verifier.js';
import type { EvidenceAnchorSink } from '../meters/anchor-sink.js';
import { BatchIngestor } from '../meters/batch-ingest.js';
import type { TrustStoreRepo } from '../meters/trust-store-repo.js';
import { openBundle, sealBundleAsync, type OpenedItem } from './bundle.js';
import type { FieldSyncEnrolment } from './enrolment.js';
import { buildReportItems, type ReportAttestation, type ReportBatch, type ReportMeter, type ReportSummary } from './report-contents.js';
import { FieldSyncRefusal } from './sync-errors.js';
import { bookAttestation, recordMemberConflict, recordMeterConflict } from './conflicts.js';
import { bookFieldRecords, type ReportCommand, type ReportNote, type ReportStockMeter, type ReportStockSample } from './field-records.js';
import { bookMemberEdit, markEditsReported, type ReportMemberEdit } from './member-edits.js';
import { applyMeterBinding, fieldRival, incomingWins, rememberMeterVersion, setAsideBookedBatches } from './meter-versions.js';
import type { SyncKeyStore } from './sync-keys.js';

export interface FieldReportsDeps {
  readonly db: Database;
  readonly audit: AuditRepo;
  readonly trust: TrustStoreRepo;
  readonly keys: SyncKeyStore;
  readonly enrolment: FieldSyncEnrolment;
  readonly anchors: EvidenceAnchorSink;
  readonly now: () => string;
}

export interface ReportImportResult {
  readonly consoleId: string;
  readonly sequence: number;
  readonly repeat: boolean;
  /** What this import added (0 everywhere when everything was already booked). */
  readonly added: ReportSummary & { readings: number; conflicts: number };
}

export class FieldReports {
  constructor(private readonly deps: FieldReportsDeps) {}

  /** Field: seals everything this laptop recorded into a report for its office. */
  async exportReport(keyPassphrase: string, operatorId: number | null): Promise<{ file: Uint8Array; sequence: number; summary: ReportSummary }> {
    const { db, enrolment } = this.deps;
    const me = enrolment.identity();
    if (!me || me.role !== 'field') throw new FieldSyncRefusal('NOT_ENROLLED', 'This laptop is not enrolled by an office yet: import the enrolment file the office made for it.');
    const { items, summary, edits } = db.transaction(() => buildReportItems(db))();
    const sequence = me.lastReportSequence + 1;
    const file = await sealBundleAsync(
      { kind: 'report', cooperativeId: me.cooperativeSyncId, senderId: me.consoleId, sequence, createdAt: this.deps.now(), items },
      (message) => this.deps.keys.sign(me.keyAddress, keyPassphrase, message),
    );
    db.transaction(() => {
      db.prepare('UPDATE field_sync_identity SET last_report_sequence = MAX(last_report_sequence, ?) WHERE id = 1').run(sequence);
      markEditsReported(db, edits, sequence);
      this.deps.audit.record({ operatorId, action: 'field-sync.report-export', entity: 'field_sync_identity', entityId: me.consoleId, summary: `Field report ${sequence}`, summaryCode: 'fieldSync.reportExported', summaryParams: { sequence }, after: summary });
    })();
    return { file, sequence, summary };
  }

  /** Office: verifies a laptop's report item by item, then books it whole or not at all. */
  async importReport(file: Uint8Array, operatorId: number | null): Promise<ReportImportResult> {
    const { db, enrolment } = this.deps;
    const office = enrolment.identity();
    if (!office || office.role !== 'office') throw new FieldSyncRefusal('NOT_ENROLLED', 'This console is not set up as the office for field sync yet.');
    const opened = openBundle(file, {
      expectedKind: 'report', cooperativeId: office.cooperativeSyncId,
      resolveSender: (id) => enrolment.reportSender(id),
      lastSequence: (id) => enrolment.fieldConsole(id)?.lastReportSequence ?? 0,
    });
    const none = { meters: 0, attestations: 0, batches: 0, readings: 0, conflicts: 0, memberEdits: 0, notes: 0, stockMeters: 0, stockReadings: 0, commands: 0 };
    if (opened.repeat) return { consoleId: opened.senderId, sequence: opened.sequence, repeat: true, added: none };
    const meters = itemsOf<ReportMeter>(opened.items, 'meter');
    const attestations = itemsOf<ReportAttestation>(opened.items, 'attestation');
    const batches = itemsOf<ReportBatch>(opened.items, 'batch');
    const memberEdits = itemsOf<ReportMemberEdit>(opened.items, 'member-edit');

    // 1. Evidence, verified here against the office's trust store (async, before any write).
    const trustStore = this.deps.trust.snapshot();
    const keyOf = new Map<string, Uint8Array>();
    for (const a of attestations) {
      const result = await verifyPsaToken(a.evidence, { trustStore, expectedNonce: hexToU8a(a.nonceHex) });
      const meter = meters.find((m) => m.instanceIdHex === a.instanceIdHex);
      const name = meter ? `meter ${meter.model} ${meter.serialNumber}` : `meter ${a.instanceIdHex.slice(0, 12)}…`;
      if (!result.ok || result.devicePublicKey === null) {
        throw refuse(`The attestation of ${name} does not verify at the office (failed check: ${result.failedCheck ?? 'unknown'}). Nothing of this report was booked; check the office trust store.`, 'attestation', a.instanceIdHex);
      }
      if (toHex(instanceIdForKey(result.devicePublicKey)) !== a.instanceIdHex) throw refuse(`The attestation evidence of ${name} belongs to another meter. Nothing of this report was booked.`, 'attestation', a.instanceIdHex);
      keyOf.set(a.instanceIdHex, result.devicePublicKey);
    }
    for (const m of meters) {
      if (!keyOf.has(m.instanceIdHex)) throw refuse(`Meter ${m.model} ${m.serialNumber} comes without attestation evidence. Nothing of this report was booked.`, 'meter', m.instanceIdHex);
    }

    // 2. Booking, all or nothing. Anchors are enqueued only after the commit.
    const pendingAnchors: Array<[string, string, string]> = [];
    const ingestor = new BatchIngestor(db, { enqueue: (kind, sha, ref) => void pendingAnchors.push([kind, sha, ref]) }, this.deps.now);
    const now = this.deps.now();
    const added = db.transaction(() => {
      const current = enrolment.fieldConsole(opened.senderId);
      if (current && current.lastReportSequence >= opened.sequence) return null; // booked meanwhile
      const counts = { meters: 0, attestations: 0, batches: 0, readings: 0, conflicts: 0, memberEdits: 0, notes: 0, stockMeters: 0, stockReadings: 0, commands: 0 };
      const conflicted = new Set<string>();
      const heldBatches = new Set<string>();
      const origin = db.prepare('INSERT OR IGNORE INTO field_record_origins (entity, record_id, console_id, technician, recorded_at, imported_at, report_sequence) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const meterIds = new Map<string, number>();
      for (const m of meters) {
        const key = keyOf.get(m.instanceIdHex) ?? new Uint8Array();
        const { id, created, conflict } = this.#bookMeter(m, key, now);
        const own = { attestations: attestations.filter((a) => a.instanceIdHex === m.instanceIdHex), batches: batches.filter((b) => b.instanceIdHex === m.instanceIdHex) };
        rememberMeterVersion(db, opened.senderId, opened.sequence, { meter: m, attestations: own.attestations });
        if (conflict) {
          const rival = fieldRival(db, id, m.instanceIdHex, opened.senderId);
          const record = (consoleId: string, meter: ReportMeter, version: typeof own): void => {
            if (recordMeterConflict({ db, audit: this.deps.audit, consoleId, meterId: id, meter, ...version, now, operatorId })) counts.conflicts += 1;
          };
          if (rival !== null && !incomingWins(m, opened.senderId, rival)) {
            // Another laptop's earlier version is the binding: this one's tokens are booked, its batches wait in the conflict.
            heldBatches.add(m.instanceIdHex);
            meterIds.set(m.instanceIdHex, id);
            record(opened.senderId, m, own);
            continue;
          }
          const setAside = rival !== null ? setAsideBookedBatches(db, id) : null;
          if (rival === null || setAside === null) {
            // Same meter, another member or provisioning at the office (or money already counted on the other laptop's readings): the office's row stays, this version waits whole.
            conflicted.add(m.instanceIdHex);
            record(opened.senderId, m, own);
            continue;
          }
          // This version was recorded first: it becomes the binding; the other laptop's version, batches included, waits in the conflict.
          applyMeterBinding(db, id, m, opened.senderId, opened.sequence, now);
          this.deps.audit.record({ operatorId, action: 'field-sync.meter-set-aside', entity: 'meter', entityId: id, summary: `Meter ${m.model} ${m.serialNumber}: the version of ${rival.consoleId} (${setAside.length} batches) set aside for a decision; the earlier version of ${opened.senderId} is the binding`, summaryCode: 'fieldSync.meterSetAside', summaryParams: { model: m.model, serial: m.serialNumber, batches: setAside.length }, before: rival.version.meter, after: m });
          record(rival.consoleId, rival.version.meter, { attestations: rival.version.attestations, batches: setAside });
        }
        meterIds.set(m.instanceIdHex, id);
        if (created) {
          counts.meters += 1;
          origin.run('meter', id, opened.senderId, m.technician, m.recordedAt, now, opened.sequence);
        }
      }
      for (const a of attestations) {
        if (conflicted.has(a.instanceIdHex)) continue;
        const booked = bookAttestation(db, meterIds.get(a.instanceIdHex) ?? null, a, operatorId, now);
        if (!booked) continue;
        counts.attestations += 1;
        pendingAnchors.push(['meter-attestation', booked.sha, `meter_attestations:${booked.id}`]);
        origin.run('meter_attestation', booked.id, opened.senderId, a.technician, a.verifiedAt, now, opened.sequence);
      }
      for (const [instance, list] of groupBy(batches, (b) => b.instanceIdHex)) {
        if (conflicted.has(instance) || heldBatches.has(instance)) continue;
        const meterId = meterIds.get(instance) ?? (db.prepare('SELECT id FROM meters WHERE instance_id_hex = ?').get(instance) as { id: number } | undefined)?.id;
        if (meterId === undefined) throw refuse(`Reading batches of meter ${instance.slice(0, 12)}… arrive without that meter. Nothing of this report was booked.`, 'batch', instance);
        const result = ingestor.ingest(meterId, list.map((b) => b.raw));
        const rejected = result.rejected[0];
        if (rejected) throw refuse(`Reading batch ${rejected.seq ?? '?'} of meter ${instance.slice(0, 12)}… is refused: ${rejected.message}. Nothing of this report was booked.`, 'batch', `${instance}:${rejected.seq ?? '?'}`);
        counts.batches += result.accepted;
        counts.readings += result.readingsStored;
      }
      for (const edit of memberEdits) {
        const booked = bookMemberEdit({
          db, audit: this.deps.audit, consoleId: opened.senderId, reportSequence: opened.sequence, edit, now, operatorId,
          recordConflict: (c) => { if (recordMemberConflict({ db, audit: this.deps.audit, ...c, now, operatorId })) counts.conflicts += 1; },
        });
        if (booked === 'applied') counts.memberEdits += 1;
      }
      Object.assign(counts, bookFieldRecords(db, opened.senderId, opened.sequence, now, {
        notes: itemsOf<ReportNote>(opened.items, 'visit-note'), stockMeters: itemsOf<ReportStockMeter>(opened.items, 'stock-meter'),
        samples: itemsOf<ReportStockSample>(opened.items, 'stock-sample'), commands: itemsOf<ReportCommand>(opened.items, 'meter-command'),
      }));
      db.prepare('UPDATE field_consoles SET last_report_sequence = ?, last_report_at = ? WHERE console_id = ?').run(opened.sequence, now, opened.senderId);
      this.deps.audit.record({ operatorId, action: 'field-sync.report-import', entity: 'field_console', entityId: opened.senderId, summary: `Imported field report ${opened.sequence} from "${current?.label ?? opened.senderId}"`, summaryCode: 'fieldSync.reportImported', summaryParams: { sequence: opened.sequence, from: current?.label ?? opened.senderId }, after: counts });
      return counts;
    })();
    if (added === null) return { consoleId: opened.senderId, sequence: opened.sequence, repeat: true, added: none };
    for (const [kind, sha, ref] of pendingAnchors) this.deps.anchors.enqueue(kind, sha, ref);
    return { consoleId: opened.senderId, sequence: opened.sequence, repeat: false, added };
  }

  /** The office's meter row for a verified field meter: created, or found identical. */
  #bookMeter(m: ReportMeter, publicKey: Uint8Array, now: string): { id: number; created: boolean; conflict: boolean } {
    const { db } = this.deps;
    const existing = db.prepare('SELECT id, public_key, member_id, provisioning_id FROM meters WHERE instance_id_hex = ?').get(m.instanceIdHex) as
      { id: number; public_key: Buffer | null; member_id: number | null; provisioning_id: string | null } | undefined;
    if (existing) {
      const same = existing.public_key !== null && Buffer.compare(existing.public_key, Buffer.from(publicKey)) === 0
        && existing.member_id === m.memberId && existing.provisioning_id === m.provisioningId;
      return { id: existing.id, created: false, conflict: !same };
    }
    if (m.memberId !== null && !db.prepare('SELECT 1 FROM members WHERE id = ?').get(m.memberId)) {
      throw refuse(`Meter ${m.model} ${m.serialNumber} was provisioned for member #${m.memberId}, unknown at the office. Nothing of this report was booked.`, 'meter', m.instanceIdHex);
    }
    const id = Number(db.prepare(
      `INSERT INTO meters (instance_id_hex, implementation_id_hex, model, serial_number, firmware_version, public_key, status, member_id, equipment_ref, interval_seconds, provisioning_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(m.instanceIdHex, m.implementationIdHex, m.model, m.serialNumber, m.firmwareVersion, Buffer.from(publicKey), m.status, m.memberId, m.equipmentRef, m.intervalSeconds, m.provisioningId, now, now).lastInsertRowid);
    return { id, created: true, conflict: false };
  }
}

function itemsOf<T>(items: readonly OpenedItem[], type: string): T[] {
  return items.filter((i) => i.type === type).map((i) => i.content as T);
}

function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

function refuse(message: string, type: string, key: string): FieldSyncRefusal {
  return new FieldSyncRefusal('ITEM_REFUSED', message, { type, key });
}
