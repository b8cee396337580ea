// Office: what field reports brought that carries no evidence (visit notes, stock meters and the
// values polled from them, meter commands run on a laptop), read back for a member, a meter or one import, each record with its
// origin (laptop, technician, when recorded there, when imported here). Read-only.
import type { Database } from 'better-sqlite3';
import { FIELD_STOCK_CHART_READINGS, type FieldCommandView, type FieldNoteView, type FieldStockMeterView, type FieldStockReadingView, type FromFieldView } from '../../contract/field-sync.js';

/** Whose records: a member's; a meter's (notes naming it, stock meters at its member's house); or what one import booked. */
export type FromFieldScope =
  | { readonly memberId: number }
  | { readonly meterId: number }
  | { readonly consoleId: string; readonly reportSequence: number };

interface NoteRow { id: number; noteUid: string; memberId: number | null; memberName: string | null; meterInstanceIdHex: string | null; text: string; technician: string; writtenAt: string; consoleId: string; consoleLabel: string; importedAt: string; reportSequence: number }
interface StockRow { consoleId: string; fieldId: number; label: string; model: string; unitId: number; memberId: number | null; memberName: string | null; equipmentRef: string | null; technician: string; setUpAt: string; consoleLabel: string; importedAt: string | null; reportSequence: number | null; readingCount: number; at: string | null; importWh: number | null; exportWh: number | null; powerW: number | null; voltageDv: number | null }

const MEMBER_NAME = "(SELECT mb.full_name || ' (' || mb.member_no || ')' FROM members mb WHERE mb.id = x.member_id)";

export function fromFieldRecords(db: Database, scope: FromFieldScope): FromFieldView {
  let noteWhere: string;
  let noteParams: unknown[];
  let stockWhere: string;
  let stockParams: unknown[];
  let commandWhere: string;
  let commandParams: unknown[];
  if ('memberId' in scope) {
    noteWhere = stockWhere = 'x.member_id = ?';
    noteParams = stockParams = [scope.memberId];
    commandWhere = 'm.member_id = ?';
    commandParams = [scope.memberId];
  } else if ('meterId' in scope) {
    const meter = db.prepare('SELECT instance_id_hex AS instance, member_id AS memberId FROM meters WHERE id = ?').get(scope.meterId) as { instance: string | null; memberId: number | null } | undefined;
    if (!meter) return { notes: [], stockMeters: [], commands: [] };
    noteWhere = 'x.meter_instance_id_hex = ?';
    noteParams = [meter.instance];
    // Stock meters belong to a house, not to a meter: those at the meter's member's (none if unbound).
    stockWhere = 'x.member_id = ?';
    stockParams = [meter.memberId];
    commandWhere = 'x.instance_id_hex = ?';
    commandParams = [meter.instance];
  } else {
    noteWhere = 'o.console_id = ? AND o.report_sequence = ?';
    stockWhere = 'x.console_id = ? AND x.report_sequence = ?';
    commandWhere = 'x.console_id = ? AND x.report_sequence = ?';
    noteParams = stockParams = commandParams = [scope.consoleId, scope.reportSequence];
  }

  const notes = db.prepare(
    `SELECT x.id, x.note_uid AS noteUid, x.member_id AS memberId, ${MEMBER_NAME} AS memberName, x.meter_instance_id_hex AS meterInstanceIdHex,
            x.text, x.technician, x.written_at AS writtenAt, x.console_id AS consoleId, coalesce(c.label, x.console_id) AS consoleLabel,
            o.imported_at AS importedAt, o.report_sequence AS reportSequence
       FROM office_visit_notes x JOIN field_record_origins o ON o.entity = 'visit_note' AND o.record_id = x.id
       LEFT JOIN field_consoles c ON c.console_id = x.console_id
      WHERE ${noteWhere} ORDER BY x.written_at DESC, x.id DESC LIMIT 500`,
  ).all(...noteParams) as NoteRow[];

  const stock = db.prepare(
    `SELECT x.console_id AS consoleId, x.field_id AS fieldId, x.label, x.model, x.unit_id AS unitId, x.member_id AS memberId, ${MEMBER_NAME} AS memberName,
            x.equipment_ref AS equipmentRef, x.technician, x.set_up_at AS setUpAt, coalesce(c.label, x.console_id) AS consoleLabel,
            x.imported_at AS importedAt, x.report_sequence AS reportSequence,
            (SELECT count(*) FROM field_stock_samples s WHERE s.console_id = x.console_id AND s.field_id = x.field_id) AS readingCount,
            l.at, l.import_wh AS importWh, l.export_wh AS exportWh, l.power_w AS powerW, l.voltage_dv AS voltageDv
       FROM field_stock_meters x LEFT JOIN field_consoles c ON c.console_id = x.console_id
       LEFT JOIN field_stock_samples l ON l.console_id = x.console_id AND l.field_id = x.field_id
            AND l.at = (SELECT max(s.at) FROM field_stock_samples s WHERE s.console_id = x.console_id AND s.field_id = x.field_id)
      WHERE ${stockWhere} ORDER BY x.set_up_at DESC, x.console_id, x.field_id LIMIT 500`,
  ).all(...stockParams) as StockRow[];

  const commands = db.prepare(
    `SELECT x.console_id AS consoleId, x.field_audit_id AS fieldAuditId, x.instance_id_hex AS instanceIdHex, m.id AS meterId,
            CASE WHEN m.id IS NULL THEN NULL ELSE m.model || ' ' || m.serial_number END AS meterLabel, x.action, x.detail_json AS detailJson,
            x.run_at AS runAt, x.technician, coalesce(c.label, x.console_id) AS consoleLabel, x.imported_at AS importedAt, x.report_sequence AS reportSequence,
            (SELECT mb.full_name || ' (' || mb.member_no || ')' FROM members mb WHERE mb.id = m.member_id) AS memberName
       FROM field_meter_commands x LEFT JOIN meters m ON m.instance_id_hex = x.instance_id_hex
       LEFT JOIN field_consoles c ON c.console_id = x.console_id
      WHERE ${commandWhere} ORDER BY x.run_at DESC, x.console_id, x.field_audit_id DESC LIMIT 500`,
  ).all(...commandParams) as CommandRow[];

  // Each stock meter's latest values, oldest first (the primary key's order, read backwards).
  const recent = db.prepare(
    `SELECT at, import_wh AS importWh, export_wh AS exportWh, power_w AS powerW, voltage_dv AS voltageDv FROM field_stock_samples
      WHERE console_id = ? AND field_id = ? ORDER BY at DESC LIMIT ${FIELD_STOCK_CHART_READINGS}`,
  );
  const stockMeters = stock.map((r) => stockView(r, (recent.all(r.consoleId, r.fieldId) as FieldStockReadingView[]).reverse()));
  return { notes: notes.map(noteView), stockMeters, commands: commands.map(commandView) };
}

interface CommandRow { consoleId: string; fieldAuditId: number; instanceIdHex: string; meterId: number | null; meterLabel: string | null; action: string; detailJson: string | null; runAt: string; technician: string; consoleLabel: string; importedAt: string | null; reportSequence: number | null; memberName: string | null }

function commandView(r: CommandRow): FieldCommandView {
  // The laptop's audit row holds the meter's reply for a relay command ({ closed, loadLimitW }); a clock command has none.
  const reply = r.action === 'meter.relay' && r.detailJson !== null ? (JSON.parse(r.detailJson) as { closed?: unknown; loadLimitW?: unknown }) : null;
  return {
    consoleId: r.consoleId, fieldAuditId: r.fieldAuditId, instanceIdHex: r.instanceIdHex, meterId: r.meterId, meterLabel: r.meterLabel,
    command: r.action === 'meter.relay' ? 'relay' : 'clock',
    supplyOn: typeof reply?.closed === 'boolean' ? reply.closed : null,
    loadLimitW: typeof reply?.loadLimitW === 'number' ? reply.loadLimitW : null,
    memberName: r.memberName,
    origin: {
      entity: 'meter_command', recordId: r.fieldAuditId, consoleId: r.consoleId, consoleLabel: r.consoleLabel, technician: r.technician,
      recordedAt: r.runAt, importedAt: r.importedAt ?? r.runAt, reportSequence: r.reportSequence ?? 0,
    },
  };
}

function noteView(r: NoteRow): FieldNoteView {
  return {
    noteUid: r.noteUid, memberId: r.memberId, memberName: r.memberName, meterInstanceIdHex: r.meterInstanceIdHex, text: r.text,
    technician: r.technician, writtenAt: r.writtenAt, consoleLabel: r.consoleLabel,
    origin: { entity: 'visit_note', recordId: r.id, consoleId: r.consoleId, consoleLabel: r.consoleLabel, technician: r.technician, recordedAt: r.writtenAt, importedAt: r.importedAt, reportSequence: r.reportSequence },
  };
}

function stockView(r: StockRow, recentReadings: FieldStockReadingView[]): FieldStockMeterView {
  const lastReading = r.at === null ? null : { at: r.at, importWh: r.importWh ?? 0, exportWh: r.exportWh ?? 0, powerW: r.powerW ?? 0, voltageDv: r.voltageDv ?? 0 };
  return {
    consoleId: r.consoleId, fieldId: r.fieldId, label: r.label, model: r.model, unitId: r.unitId, memberId: r.memberId, memberName: r.memberName,
    equipmentRef: r.equipmentRef, readingCount: r.readingCount, lastReading, recentReadings,
    origin: {
      entity: 'stock_meter', recordId: r.fieldId, consoleId: r.consoleId, consoleLabel: r.consoleLabel, technician: r.technician,
      recordedAt: r.setUpAt, importedAt: r.importedAt ?? r.setUpAt, reportSequence: r.reportSequence ?? 0,
    },
  };
}
