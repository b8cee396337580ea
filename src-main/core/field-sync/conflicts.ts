// Conflicts between the office's records and a field report, kept explicit: the same meter
// provisioned on two laptops (or by the office) for different members or provisionings. Both
// versions stay (the office's row untouched, the field's version stored as it came with its
// evidence) until an operator decides; recording and deciding each write an audit row.
import type { Database } from 'better-sqlite3';
import type { AuditRepo } from '../audit/audit-repo.js';
import { cborDecodeObject, cborEncode } from '../devices/cbor.js';
import { BatchIngestor } from '../meters/batch-ingest.js';
import type { EvidenceAnchorSink } from '../meters/anchor-sink.js';
import { sha256Hex } from './bundle.js';
import type { ReportAttestation, ReportBatch, ReportMeter } from './report-contents.js';
import { FieldSyncRefusal } from './sync-errors.js';
import type { MemberFields, ReportMemberEdit } from './member-edits.js';
import { applyMeterBinding, setAsideBookedBatches } from './meter-versions.js';

export interface FieldVersion { meter: ReportMeter; attestations: ReportAttestation[]; batches: ReportBatch[] }

export interface FieldSyncConflict {
  readonly id: number;
  readonly consoleId: string;
  readonly entity: 'meter' | 'member';
  readonly entityKey: string;
  readonly summary: string;
  readonly officeVersion: Record<string, unknown>;
  readonly fieldVersion: ReportMeter | (MemberFields & { editedAt: string; technician: string });
  readonly detectedAt: string;
  readonly decision: 'office' | 'field' | null;
  readonly decidedAt: string | null;
}

interface OfficeMeterVersion { member_id: number | null; provisioning_id: string | null; equipment_ref: string | null; interval_seconds: number | null; status: string }

/** Records a meter conflict once per distinct field version; returns whether it was new. */
export function recordMeterConflict(input: {
  db: Database; audit: AuditRepo; consoleId: string; meterId: number; meter: ReportMeter;
  attestations: ReportAttestation[]; batches: ReportBatch[]; now: string; operatorId: number | null;
}): boolean {
  const { db, meter } = input;
  const office = db.prepare('SELECT member_id, provisioning_id, equipment_ref, interval_seconds, status FROM meters WHERE id = ?').get(input.meterId) as OfficeMeterVersion;
  // Fixed key order and no receiving time: the same version gives the same bytes whichever way it reached this point.
  const field = cborEncode({
    meter,
    attestations: input.attestations.map((a) => ({ instanceIdHex: a.instanceIdHex, evidence: new Uint8Array(a.evidence), nonceHex: a.nonceHex, verifiedAt: a.verifiedAt, technician: a.technician })),
    batches: input.batches.map((b) => ({ instanceIdHex: b.instanceIdHex, seq: b.seq, raw: new Uint8Array(b.raw), receivedAt: '' })),
  } satisfies FieldVersion);
  const summary = `Meter ${meter.model} ${meter.serialNumber}: office has member #${office.member_id ?? '-'} (provisioning ${office.provisioning_id ?? '-'}), field console has member #${meter.memberId ?? '-'} (provisioning ${meter.provisioningId ?? '-'})`;
  const inserted = db.prepare(
    `INSERT OR IGNORE INTO field_sync_conflicts (console_id, entity, entity_key, summary, office_version_json, field_version, field_version_sha256, detected_at)
     VALUES (?, 'meter', ?, ?, ?, ?, ?, ?)`,
  ).run(input.consoleId, meter.instanceIdHex, summary, JSON.stringify(office), Buffer.from(field), sha256Hex(field), input.now);
  if (inserted.changes === 0) return false;
  input.audit.record({ operatorId: input.operatorId, action: 'field-sync.conflict', entity: 'field_sync_conflict', entityId: Number(inserted.lastInsertRowid), summary, summaryCode: 'fieldSync.conflict', summaryParams: { model: meter.model, serial: meter.serialNumber }, before: office, after: meter });
  return true;
}

/** Records a member edited both at the office and on a laptop, once per distinct field version. */
export function recordMemberConflict(input: {
  db: Database; audit: AuditRepo; consoleId: string; memberId: number; office: MemberFields; field: ReportMemberEdit; now: string; operatorId: number | null;
}): boolean {
  const field = cborEncode(input.field);
  const summary = `Member #${input.memberId}: office has ${input.office.memberNo} "${input.office.fullName}" (site #${input.office.siteId ?? '-'}), field console has ${input.field.edited.memberNo} "${input.field.edited.fullName}" (site #${input.field.edited.siteId ?? '-'})`;
  const inserted = input.db.prepare(
    `INSERT OR IGNORE INTO field_sync_conflicts (console_id, entity, entity_key, summary, office_version_json, field_version, field_version_sha256, detected_at)
     VALUES (?, 'member', ?, ?, ?, ?, ?, ?)`,
  ).run(input.consoleId, String(input.memberId), summary, JSON.stringify(input.office), Buffer.from(field), sha256Hex(field), input.now);
  if (inserted.changes === 0) return false;
  input.audit.record({ operatorId: input.operatorId, action: 'field-sync.conflict', entity: 'field_sync_conflict', entityId: Number(inserted.lastInsertRowid), summary, summaryCode: 'fieldSync.memberConflict', summaryParams: { memberNo: input.office.memberNo, name: input.office.fullName }, before: input.office, after: input.field.edited });
  return true;
}

/** Books one verified attestation token for a meter unless already there; returns its new id. */
export function bookAttestation(db: Database, meterId: number | null, a: ReportAttestation, operatorId: number | null, now: string): { id: number; sha: string } | null {
  const sha = sha256Hex(a.evidence);
  if (db.prepare('SELECT 1 FROM meter_attestations WHERE evidence_sha256 = ?').get(sha)) return null;
  const id = Number(db.prepare(
    `INSERT INTO meter_attestations (meter_id, instance_id_hex, evidence_sha256, evidence, nonce_hex, verdict, failed_check, checks_json, operator_id, verified_at)
     VALUES (?, ?, ?, ?, ?, 'passed', NULL, ?, ?, ?)`,
  ).run(meterId, a.instanceIdHex, sha, Buffer.from(a.evidence), a.nonceHex, JSON.stringify({ reverifiedAtOffice: now }), operatorId, now).lastInsertRowid);
  return { id, sha };
}

export class FieldSyncConflicts {
  constructor(private readonly deps: { db: Database; audit: AuditRepo; anchors: EvidenceAnchorSink; now: () => string }) {}

  list(open = true): FieldSyncConflict[] {
    const rows = this.deps.db.prepare(`SELECT * FROM field_sync_conflicts ${open ? 'WHERE decision IS NULL' : ''} ORDER BY id`).all() as ConflictRow[];
    return rows.map(conflictFrom);
  }

  /**
   * 'office': the office's record stays, the field version is set aside (kept in the row).
   * 'field': the meter takes the field's member and provisioning, and the field's evidence (already
   * verified when the report was imported) is booked — its batches through the same BatchIngestor.
   */
  decide(id: number, decision: 'office' | 'field', operatorId: number | null): FieldSyncConflict {
    const { db } = this.deps;
    const row = db.prepare('SELECT * FROM field_sync_conflicts WHERE id = ?').get(id) as ConflictRow | undefined;
    if (!row) throw new FieldSyncRefusal('NOT_ENROLLED', `There is no field-sync conflict ${id}.`);
    if (row.decision !== null) throw new FieldSyncRefusal('ITEM_REFUSED', `This conflict was already decided (${row.decision}) on ${row.decided_at ?? ''}.`);
    const pending: Array<[string, string, string]> = [];
    const now = this.deps.now();
    db.transaction(() => {
      if (decision === 'field' && row.entity === 'member') {
        const edit = cborDecodeObject(row.field_version) as unknown as ReportMemberEdit;
        db.prepare('UPDATE members SET member_no = ?, full_name = ?, site_id = ?, updated_at = ? WHERE id = ?').run(edit.edited.memberNo, edit.edited.fullName, edit.edited.siteId, now, edit.memberId);
      } else if (decision === 'field') {
        this.#bookFieldMeterVersion(row, operatorId, now, pending);
      }
      db.prepare('UPDATE field_sync_conflicts SET decision = ?, decided_by = ?, decided_at = ? WHERE id = ?').run(decision, operatorId, now, id);
      this.deps.audit.record({ operatorId, action: 'field-sync.conflict-decided', entity: 'field_sync_conflict', entityId: id, summary: `${row.summary} → kept the ${decision} version`, summaryCode: 'fieldSync.conflictDecided', summaryParams: { decision }, before: JSON.parse(row.office_version_json) });
    })();
    for (const [kind, sha, ref] of pending) this.deps.anchors.enqueue(kind, sha, ref);
    return conflictFrom(db.prepare('SELECT * FROM field_sync_conflicts WHERE id = ?').get(id) as ConflictRow);
  }

  /**
   * The field's meter version becomes the binding. The office's version may already hold batches
   * (numbered from 1, like the field's: two copies of one meter's memory): they are set aside into
   * this conflict (raw signed bytes, audited), exactly as an import sets a losing version aside, and
   * refused when money was already counted on them. Runs inside decide()'s transaction.
   */
  #bookFieldMeterVersion(row: ConflictRow, operatorId: number | null, now: string, pending: Array<[string, string, string]>): void {
    const { db } = this.deps;
    const field = cborDecodeObject(row.field_version) as FieldVersion;
    const meter = db.prepare('SELECT id, model, serial_number AS serial FROM meters WHERE instance_id_hex = ?').get(row.entity_key) as { id: number; model: string; serial: string };
    const setAside = setAsideBookedBatches(db, meter.id);
    if (setAside === null) {
      throw new FieldSyncRefusal('ITEM_REFUSED', `Money was already counted on the readings of meter ${meter.model} ${meter.serial} (an approved or posted settlement, or a prepaid drawdown): its office version cannot be set aside. Nothing was changed; keep the office's version, or re-provision the meter.`, { reason: 'fieldMeterMoneyCounted', model: meter.model, serial: meter.serial });
    }
    if (setAside.length > 0) {
      db.prepare('UPDATE field_sync_conflicts SET office_batches = ? WHERE id = ?').run(Buffer.from(cborEncode({ batches: setAside })), row.id);
      this.deps.audit.record({ operatorId, action: 'field-sync.meter-set-aside', entity: 'meter', entityId: meter.id, summary: `Meter ${meter.model} ${meter.serial}: the office's version (${setAside.length} batches) set aside into conflict ${row.id}; the field version of ${row.console_id} is the binding`, summaryCode: 'fieldSync.meterSetAside', summaryParams: { model: meter.model, serial: meter.serial, batches: setAside.length }, before: JSON.parse(row.office_version_json) as unknown, after: field.meter });
    }
    const sequence = db.prepare('SELECT report_sequence AS n FROM field_meter_versions WHERE instance_id_hex = ? AND console_id = ?').get(row.entity_key, row.console_id) as { n: number } | undefined;
    if (sequence) {
      // A meter made at the office has no origin yet: from now on its binding came from that laptop.
      db.prepare("INSERT OR IGNORE INTO field_record_origins (entity, record_id, console_id, technician, recorded_at, imported_at, report_sequence) VALUES ('meter', ?, ?, ?, ?, ?, ?)")
        .run(meter.id, row.console_id, field.meter.technician, field.meter.recordedAt, now, sequence.n);
    }
    applyMeterBinding(db, meter.id, field.meter, row.console_id, sequence?.n ?? null, now);
    for (const a of field.attestations) {
      const booked = bookAttestation(db, meter.id, a, operatorId, now);
      if (booked) pending.push(['meter-attestation', booked.sha, `meter_attestations:${booked.id}`]);
    }
    const ingestor = new BatchIngestor(db, { enqueue: (kind, sha, ref) => void pending.push([kind, sha, ref]) }, () => now);
    const result = ingestor.ingest(meter.id, field.batches.map((b) => b.raw));
    const rejected = result.rejected[0];
    if (rejected) throw new FieldSyncRefusal('ITEM_REFUSED', `The field's reading batch ${rejected.seq ?? '?'} cannot be booked: ${rejected.message}. Nothing was changed; keep the office's version.`);
  }
}

interface ConflictRow {
  id: number; console_id: string; entity: 'meter' | 'member'; entity_key: string; summary: string; office_version_json: string; field_version: Buffer;
  detected_at: string; decision: 'office' | 'field' | null; decided_at: string | null;
}

function conflictFrom(row: ConflictRow): FieldSyncConflict {
  let fieldVersion: FieldSyncConflict['fieldVersion'];
  if (row.entity === 'member') {
    const edit = cborDecodeObject(row.field_version) as unknown as ReportMemberEdit;
    fieldVersion = { ...edit.edited, editedAt: edit.editedAt, technician: edit.technician };
  } else {
    fieldVersion = (cborDecodeObject(row.field_version) as FieldVersion).meter;
  }
  return {
    id: row.id, consoleId: row.console_id, entity: row.entity, entityKey: row.entity_key, summary: row.summary,
    officeVersion: JSON.parse(row.office_version_json) as Record<string, unknown>, fieldVersion,
    detectedAt: row.detected_at, decision: row.decision, decidedAt: row.decided_at,
  };
}
