// Visit notes, stock meters with their polled values, and meter commands travel in a report and are
// booked at the office once (real SQLite files for both sides); a note naming a member unknown at
// the office refuses the import's booking step.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/core/db/connection.js';
import { addVisitNote, bookFieldRecords, fieldRecordItems, type ReportCommand, type ReportNote, type ReportStockMeter, type ReportStockSample } from '../../../src-main/core/field-sync/field-records.js';
import { makeTempDir } from '../../support/temp-dir.js';

describe('field records in a report', () => {
  const tmp = makeTempDir('coop-field-records-');
  const laptop = openDatabase({ file: join(tmp.path, 'laptop.sqlite') });
  const office = openDatabase({ file: join(tmp.path, 'office.sqlite') });
  afterAll(() => {
    laptop.close();
    office.close();
    tmp.remove();
  });

  it('carries notes, stock meters, samples and commands, and books each once', () => {
    const at = '2026-03-01T08:00:00Z';
    for (const db of [laptop, office]) {
      db.prepare("INSERT INTO sites (id, name, village, created_at) VALUES (1, 'North', 'Kaya', ?)").run(at);
      db.prepare("INSERT INTO members (id, member_no, full_name, site_id, joined_on, created_at, updated_at) VALUES (1, 'M-001', 'Awa Diallo', 1, '2026-01-01', ?, ?)").run(at, at);
    }
    office.prepare("INSERT INTO field_consoles (console_id, label, public_key_hex, enrolled_at) VALUES ('field-1', 'Laptop 1', ?, ?)").run('ab'.repeat(32), at);
    addVisitNote(laptop, { memberId: 1, meterInstanceIdHex: null, text: 'Meter behind the kitchen door; dog in the yard.', technician: 'tech1', now: at });
    laptop.prepare("INSERT INTO modbus_meters (id, label, model, port_path, unit_id, member_id, created_at) VALUES (7, 'Mill SDM120', 'SDM120', '/dev/ttyUSB0', 1, 1, ?)").run(at);
    const sample = laptop.prepare('INSERT INTO modbus_samples (modbus_meter_id, at, import_wh, export_wh, power_w, voltage_dv, total_wh) VALUES (7, ?, ?, 0, 120, 2301, ?)');
    sample.run('2026-03-01T08:15:00Z', 1500, 1500);
    sample.run('2026-03-01T08:30:00Z', 1530, 1530);
    laptop.prepare("INSERT INTO meters (id, instance_id_hex, implementation_id_hex, model, serial_number, firmware_version, status, created_at, updated_at) VALUES (3, ?, ?, 'CM-1', 'SN-1', '1.0', 'provisioned', ?, ?)").run('cd'.repeat(33), 'ef'.repeat(32), at, at);
    laptop.prepare("INSERT INTO audit_log (at, action, entity, entity_id, summary, after_json) VALUES (?, 'meter.relay', 'meter', '3', 'Relay opened (supply off)', '{\"closed\":false}')").run(at);

    const { items, counts } = fieldRecordItems(laptop);
    expect(counts).toEqual({ notes: 1, stockMeters: 1, stockReadings: 2, commands: 1 });
    const of = <T>(type: string): T[] => items.filter((i) => i.type === type).map((i) => i.content as T);
    const records = { notes: of<ReportNote>('visit-note'), stockMeters: of<ReportStockMeter>('stock-meter'), samples: of<ReportStockSample>('stock-sample'), commands: of<ReportCommand>('meter-command') };
    expect(office.transaction(() => bookFieldRecords(office, 'field-1', 1, at, records))()).toEqual(counts);
    expect(office.prepare('SELECT text, technician, member_id FROM office_visit_notes').all()).toEqual([{ text: 'Meter behind the kitchen door; dog in the yard.', technician: 'tech1', member_id: 1 }]);
    expect(office.prepare('SELECT sum(import_wh) AS wh FROM field_stock_samples').get()).toEqual({ wh: 3030 });
    expect(office.prepare("SELECT entity, console_id FROM field_record_origins WHERE entity = 'visit_note'").all()).toEqual([{ entity: 'visit_note', console_id: 'field-1' }]);
    // The next (cumulative) report carries them again: nothing is booked twice.
    expect(office.transaction(() => bookFieldRecords(office, 'field-1', 2, at, records))()).toEqual({ notes: 0, stockMeters: 0, stockReadings: 0, commands: 0 });

    const stranger = { ...records, notes: [{ ...(records.notes[0] as ReportNote), noteUid: 'another-note-uid', memberId: 99 }] };
    expect(() => office.transaction(() => bookFieldRecords(office, 'field-1', 3, at, stranger))()).toThrow(expect.objectContaining({ code: 'ITEM_REFUSED' }));
    expect(office.prepare('SELECT count(*) AS n FROM office_visit_notes').get()).toEqual({ n: 1 });
  });
});
