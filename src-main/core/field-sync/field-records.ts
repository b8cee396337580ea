// The rest of a technician's day in a report: visit notes, stock (Modbus) meters set up and the
// values polled from them, and the signed meter commands run. None of these carries evidence of its
// own (a Modbus meter and a command reply sign nothing), so the office books them as the laptop's
// word — the report's signature says which laptop — each once, keyed by the laptop's own id.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { BundleItem } from './bundle.js';
import { FieldSyncRefusal } from './sync-errors.js';

export interface ReportNote { noteUid: string; memberId: number | null; meterInstanceIdHex: string | null; text: string; technician: string; writtenAt: string }
/** `technician` is absent in reports written before laptops sent it. */
export interface ReportStockMeter { fieldId: number; label: string; model: string; unitId: number; memberId: number | null; equipmentRef: string | null; setUpAt: string; technician?: string }
export interface ReportStockSample { fieldId: number; at: string; importWh: number; exportWh: number; powerW: number; voltageDv: number; totalWh: number | null }
export interface ReportCommand { fieldAuditId: number; instanceIdHex: string; action: string; summary: string; detailJson: string | null; runAt: string; technician: string }
export interface FieldRecordCounts { notes: number; stockMeters: number; stockReadings: number; commands: number }

// ── Laptop ────────────────────────────────────────────────────────────────────────────────────

export function addVisitNote(db: Database, note: { memberId: number | null; meterInstanceIdHex: string | null; text: string; technician: string; now: string }): ReportNote {
  const noteUid = randomUUID();
  db.prepare('INSERT INTO field_visit_notes (note_uid, member_id, meter_instance_id_hex, text, technician, written_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(noteUid, note.memberId, note.meterInstanceIdHex, note.text, note.technician, note.now);
  return { noteUid, memberId: note.memberId, meterInstanceIdHex: note.meterInstanceIdHex, text: note.text, technician: note.technician, writtenAt: note.now };
}

export function fieldRecordItems(db: Database): { items: BundleItem[]; counts: FieldRecordCounts } {
  const notes = db.prepare(
    'SELECT note_uid AS noteUid, member_id AS memberId, meter_instance_id_hex AS meterInstanceIdHex, text, technician, written_at AS writtenAt FROM field_visit_notes ORDER BY id',
  ).all() as ReportNote[];
  const stockMeters = db.prepare(
    `SELECT s.id AS fieldId, s.label, s.model, s.unit_id AS unitId, s.member_id AS memberId, s.equipment_ref AS equipmentRef, s.created_at AS setUpAt,
            coalesce((SELECT o.username FROM audit_log a JOIN operators o ON o.id = a.operator_id
                       WHERE a.action = 'modbus.add' AND a.entity = 'modbus_meter' AND a.entity_id = CAST(s.id AS TEXT) ORDER BY a.id LIMIT 1), '') AS technician
       FROM modbus_meters s ORDER BY s.id`,
  ).all() as ReportStockMeter[];
  const samples = db.prepare(
    `SELECT modbus_meter_id AS fieldId, at, import_wh AS importWh, export_wh AS exportWh, power_w AS powerW, voltage_dv AS voltageDv, total_wh AS totalWh
       FROM modbus_samples ORDER BY modbus_meter_id, at`,
  ).all() as ReportStockSample[];
  const commands = db.prepare(
    `SELECT a.id AS fieldAuditId, m.instance_id_hex AS instanceIdHex, a.action, a.summary, a.after_json AS detailJson, a.at AS runAt, coalesce(o.username, '') AS technician
       FROM audit_log a JOIN meters m ON a.entity = 'meter' AND m.id = CAST(a.entity_id AS INTEGER) LEFT JOIN operators o ON o.id = a.operator_id
      WHERE a.action IN ('meter.relay', 'meter.clock') ORDER BY a.id`,
  ).all() as ReportCommand[];
  const items: BundleItem[] = [
    ...notes.map((n) => ({ type: 'visit-note', key: n.noteUid, content: n })),
    ...stockMeters.map((s) => ({ type: 'stock-meter', key: String(s.fieldId), content: s })),
    ...samples.map((s) => ({ type: 'stock-sample', key: `${s.fieldId}@${s.at}`, content: s })),
    ...commands.map((c) => ({ type: 'meter-command', key: String(c.fieldAuditId), content: c })),
  ];
  return { items, counts: { notes: notes.length, stockMeters: stockMeters.length, stockReadings: samples.length, commands: commands.length } };
}

// ── Office ────────────────────────────────────────────────────────────────────────────────────

/** Books the laptop's notes, stock meters, samples and commands not booked yet; call inside the import transaction. */
export function bookFieldRecords(db: Database, consoleId: string, reportSequence: number, now: string, records: {
  notes: ReportNote[]; stockMeters: ReportStockMeter[]; samples: ReportStockSample[]; commands: ReportCommand[];
}): FieldRecordCounts {
  const known = (memberId: number | null, what: string, key: string): void => {
    if (memberId !== null && !db.prepare('SELECT 1 FROM members WHERE id = ?').get(memberId)) {
      throw new FieldSyncRefusal('ITEM_REFUSED', `${what} names member #${memberId}, unknown at the office. Nothing of this report was booked.`, { type: what, key });
    }
  };
  let notes = 0;
  const note = db.prepare('INSERT OR IGNORE INTO office_visit_notes (note_uid, console_id, member_id, meter_instance_id_hex, text, technician, written_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const origin = db.prepare("INSERT OR IGNORE INTO field_record_origins (entity, record_id, console_id, technician, recorded_at, imported_at, report_sequence) VALUES ('visit_note', ?, ?, ?, ?, ?, ?)");
  for (const n of records.notes) {
    known(n.memberId, 'A visit note', n.noteUid);
    const r = note.run(n.noteUid, consoleId, n.memberId, n.meterInstanceIdHex, n.text, n.technician, n.writtenAt);
    if (r.changes > 0) {
      notes += 1;
      origin.run(Number(r.lastInsertRowid), consoleId, n.technician, n.writtenAt, now, reportSequence);
    }
  }
  let stockMeters = 0;
  const stock = db.prepare(
    `INSERT INTO field_stock_meters (console_id, field_id, label, model, unit_id, member_id, equipment_ref, set_up_at, technician, imported_at, report_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(console_id, field_id) DO UPDATE SET label = excluded.label, member_id = excluded.member_id, equipment_ref = excluded.equipment_ref
     WHERE field_stock_meters.label IS NOT excluded.label OR field_stock_meters.member_id IS NOT excluded.member_id OR field_stock_meters.equipment_ref IS NOT excluded.equipment_ref`,
  );
  const existed = db.prepare('SELECT 1 FROM field_stock_meters WHERE console_id = ? AND field_id = ?');
  for (const s of records.stockMeters) {
    known(s.memberId, 'A stock meter', String(s.fieldId));
    const isNew = !existed.get(consoleId, s.fieldId);
    stock.run(consoleId, s.fieldId, s.label, s.model, s.unitId, s.memberId, s.equipmentRef, s.setUpAt, s.technician ?? '', now, reportSequence);
    if (isNew) stockMeters += 1;
  }
  let stockReadings = 0;
  const sample = db.prepare('INSERT OR IGNORE INTO field_stock_samples (console_id, field_id, at, import_wh, export_wh, power_w, voltage_dv, total_wh) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const s of records.samples) {
    if (!existed.get(consoleId, s.fieldId)) throw new FieldSyncRefusal('ITEM_REFUSED', `Stock meter values arrive for stock meter #${s.fieldId}, which the report does not set up. Nothing of this report was booked.`, { type: 'stock-sample', key: `${s.fieldId}@${s.at}` });
    stockReadings += sample.run(consoleId, s.fieldId, s.at, s.importWh, s.exportWh, s.powerW, s.voltageDv, s.totalWh).changes;
  }
  let commands = 0;
  const command = db.prepare('INSERT OR IGNORE INTO field_meter_commands (console_id, field_audit_id, instance_id_hex, action, summary, detail_json, run_at, technician, imported_at, report_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const c of records.commands) commands += command.run(consoleId, c.fieldAuditId, c.instanceIdHex, c.action, c.summary, c.detailJson, c.runAt, c.technician, now, reportSequence).changes;
  return { notes, stockMeters, stockReadings, commands };
}
