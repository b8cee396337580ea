// The same meter provisioned on two laptops (for different members or provisionings): the office
// state must not depend on which report is imported first. The rule, the same as for member edits:
// the version recorded EARLIER on its laptop (then the lower console id) is the meter's binding;
// the other is kept whole in a conflict for the operator to decide. Both versions' attestations are
// booked (a token proves the meter's key, whoever asked for it); the losing version's reading
// batches are held in the conflict, since a meter's batches belong to one provisioning.
//
// When the winner arrives second, the loser's batches are already booked: they are set aside into
// the conflict (raw signed bytes, re-bookable by deciding for that version), with an audit row —
// unless money was already counted on those readings (an approved or posted settlement covering
// them, or a prepaid drawdown of the meter's member since): then nothing is moved and the newcomer
// is the conflict, as for a meter made at the office.
import type { Database } from 'better-sqlite3';
import { cborDecodeObject, cborEncode } from '../devices/cbor.js';
import type { ReportAttestation, ReportBatch, ReportMeter } from './report-contents.js';

export interface StoredMeterVersion { readonly meter: ReportMeter; readonly attestations: ReportAttestation[] }

export interface FieldRival {
  readonly consoleId: string;
  readonly version: StoredMeterVersion;
}

/** Keeps a laptop's latest version of a meter (call inside the import transaction). */
export function rememberMeterVersion(db: Database, consoleId: string, reportSequence: number, version: StoredMeterVersion): void {
  db.prepare(
    `INSERT INTO field_meter_versions (instance_id_hex, console_id, report_sequence, version) VALUES (?, ?, ?, ?)
     ON CONFLICT(instance_id_hex, console_id) DO UPDATE SET report_sequence = excluded.report_sequence, version = excluded.version`,
  ).run(version.meter.instanceIdHex, consoleId, reportSequence, Buffer.from(cborEncode(version)));
}

/**
 * The other laptop whose version is the office's meter binding today, when the rule may still
 * choose between the two: the meter was booked from another laptop's report, its version is
 * stored, and no operator has decided a conflict on this meter yet (a decision is never undone
 * by a later report).
 */
export function fieldRival(db: Database, meterId: number, instanceIdHex: string, sender: string): FieldRival | null {
  const origin = db.prepare("SELECT console_id AS consoleId FROM field_record_origins WHERE entity = 'meter' AND record_id = ?").get(meterId) as { consoleId: string } | undefined;
  if (!origin || origin.consoleId === sender) return null;
  if (db.prepare("SELECT 1 FROM field_sync_conflicts WHERE entity = 'meter' AND entity_key = ? AND decision IS NOT NULL").get(instanceIdHex)) return null;
  const row = db.prepare('SELECT version FROM field_meter_versions WHERE instance_id_hex = ? AND console_id = ?').get(instanceIdHex, origin.consoleId) as { version: Buffer } | undefined;
  if (!row) return null;
  const decoded = cborDecodeObject(row.version) as unknown as StoredMeterVersion;
  return { consoleId: origin.consoleId, version: { meter: decoded.meter, attestations: decoded.attestations.map((a) => ({ ...a, evidence: new Uint8Array(a.evidence) })) } };
}

/** True when `incoming` (from `sender`) beats the rival's version: recorded earlier on its laptop, then the lower console id. */
export function incomingWins(incoming: ReportMeter, sender: string, rival: FieldRival): boolean {
  const a = incoming.recordedAt;
  const b = rival.version.meter.recordedAt;
  if (a !== b) return a < b;
  return sender < rival.consoleId;
}

/**
 * Takes the meter's booked batches and readings out of the books into the caller's hands (to be
 * kept in a conflict), or returns null, moving nothing, when money was already counted on them.
 */
export function setAsideBookedBatches(db: Database, meterId: number): ReportBatch[] | null {
  const span = db.prepare('SELECT min(interval_start) AS first, max(interval_start) AS last FROM meter_readings WHERE meter_id = ?').get(meterId) as { first: string | null; last: string | null };
  if (span.first !== null && span.last !== null) {
    const settled = db.prepare("SELECT 1 FROM settlement_periods WHERE status IN ('approved', 'posted') AND first_interval <= ? AND end_interval > ?").get(span.last, span.first);
    const drawn = db.prepare('SELECT 1 FROM prepaid_drawdowns d JOIN meters m ON m.member_id = d.member_id WHERE m.id = ? AND d.day >= ?').get(meterId, span.first.slice(0, 10));
    if (settled || drawn) return null;
  }
  const batches = (db.prepare(
    'SELECT m.instance_id_hex AS instanceIdHex, b.seq, b.raw FROM meter_batches b JOIN meters m ON m.id = b.meter_id WHERE b.meter_id = ? ORDER BY b.seq',
  ).all(meterId) as Array<{ instanceIdHex: string; seq: number; raw: Buffer }>).map((b) => ({ instanceIdHex: b.instanceIdHex, seq: b.seq, raw: new Uint8Array(b.raw), receivedAt: '' }));
  db.prepare('DELETE FROM meter_readings WHERE meter_id = ?').run(meterId);
  db.prepare('DELETE FROM meter_gaps WHERE meter_id = ?').run(meterId);
  db.prepare('DELETE FROM meter_batches WHERE meter_id = ?').run(meterId);
  db.prepare('UPDATE meters SET last_batch_seq = NULL, last_batch_sha256 = NULL, last_reading_at = NULL WHERE id = ?').run(meterId);
  return batches;
}

/** Gives the meter the binding of a field version (the winner's), and says which laptop it came from (report unknown: the origin keeps its sequence). */
export function applyMeterBinding(db: Database, meterId: number, meter: ReportMeter, consoleId: string, reportSequence: number | null, now: string): void {
  db.prepare('UPDATE meters SET member_id = ?, provisioning_id = ?, equipment_ref = ?, interval_seconds = ?, status = ?, updated_at = ? WHERE id = ?')
    .run(meter.memberId, meter.provisioningId, meter.equipmentRef, meter.intervalSeconds, meter.status, now, meterId);
  db.prepare("UPDATE field_record_origins SET console_id = ?, technician = ?, recorded_at = ?, imported_at = ?, report_sequence = coalesce(?, report_sequence) WHERE entity = 'meter' AND record_id = ?")
    .run(consoleId, meter.technician, meter.recordedAt, now, reportSequence, meterId);
}
