// Members edited on a laptop (a name corrected at the door, a member moved to another site): the
// laptop keeps the office's version each pack brought (the base) and reports what differs from it;
// the office books an edit whose base is still its own version, and keeps both versions as a
// conflict when the office changed the member too. A pack never overwrites an unreported edit.
//
// Two laptops editing the same member from the same base: whichever report comes first, the edit
// recorded EARLIER on its laptop (then the lower console id) is the record and the other one is the
// conflict, so reports imported in either order leave the same office state.
import type { Database } from 'better-sqlite3';
import type { AuditRepo } from '../audit/audit-repo.js';
import type { BundleItem } from './bundle.js';
import { FieldSyncRefusal } from './sync-errors.js';

/** The member fields a laptop may change (the ones a pack carries, apart from joining date and activity). */
export interface MemberFields { memberNo: string; fullName: string; siteId: number | null }
export interface ReportMemberEdit { memberId: number; base: MemberFields; edited: MemberFields; editedAt: string; technician: string }

const same = (a: MemberFields, b: MemberFields): boolean => a.memberNo === b.memberNo && a.fullName === b.fullName && a.siteId === b.siteId;
const fieldsOf = (row: { member_no: string; full_name: string; site_id: number | null }): MemberFields => ({ memberNo: row.member_no, fullName: row.full_name, siteId: row.site_id });
const memberRow = (db: Database, id: number) => db.prepare('SELECT member_no, full_name, site_id, updated_at FROM members WHERE id = ?').get(id) as
  { member_no: string; full_name: string; site_id: number | null; updated_at: string } | undefined;

// ── Laptop ────────────────────────────────────────────────────────────────────────────────────

/** Pack import: may this member be overwritten by the pack? Not while the laptop holds an edit the office has not acknowledged. */
export function applyPackMember(db: Database, member: MemberFields & { id: number }, packSequence: number, acknowledgedReport: number): 'apply' | 'keep-local' {
  const base = db.prepare('SELECT base_json, reported_json, reported_in FROM field_member_base WHERE member_id = ?').get(member.id) as
    { base_json: string; reported_json: string | null; reported_in: number | null } | undefined;
  const local = memberRow(db, member.id);
  if (base && local) {
    const edited = !same(fieldsOf(local), JSON.parse(base.base_json) as MemberFields);
    const settled = base.reported_in !== null && base.reported_in <= acknowledgedReport && base.reported_json !== null && same(fieldsOf(local), JSON.parse(base.reported_json) as MemberFields);
    if (edited && !settled) return 'keep-local';
  }
  db.prepare(
    `INSERT INTO field_member_base (member_id, base_json, pack_sequence, reported_json, reported_in) VALUES (?, ?, ?, NULL, NULL)
     ON CONFLICT(member_id) DO UPDATE SET base_json = excluded.base_json, pack_sequence = excluded.pack_sequence, reported_json = NULL, reported_in = NULL`,
  ).run(member.id, JSON.stringify({ memberNo: member.memberNo, fullName: member.fullName, siteId: member.siteId } satisfies MemberFields), packSequence);
  return 'apply';
}

/** Report export: every member the laptop changed since the pack it came with. */
export function memberEditItems(db: Database): { items: BundleItem[]; edits: ReportMemberEdit[] } {
  const rows = db.prepare(
    `SELECT b.member_id AS memberId, b.base_json, m.member_no, m.full_name, m.site_id, m.updated_at,
            coalesce((SELECT o.username FROM audit_log a JOIN operators o ON o.id = a.operator_id
                       WHERE a.entity = 'member' AND a.entity_id = CAST(m.id AS TEXT) ORDER BY a.id DESC LIMIT 1), '') AS technician
       FROM field_member_base b JOIN members m ON m.id = b.member_id ORDER BY b.member_id`,
  ).all() as { memberId: number; base_json: string; member_no: string; full_name: string; site_id: number | null; updated_at: string; technician: string }[];
  const edits = rows
    .map((r) => ({ memberId: r.memberId, base: JSON.parse(r.base_json) as MemberFields, edited: fieldsOf(r), editedAt: r.updated_at, technician: r.technician }))
    .filter((e) => !same(e.base, e.edited));
  return { edits, items: edits.map((e) => ({ type: 'member-edit', key: String(e.memberId), content: e })) };
}

/** After a report is sealed: remember which edit it carried (a later pack that acknowledges it may overwrite). */
export function markEditsReported(db: Database, edits: readonly ReportMemberEdit[], sequence: number): void {
  const mark = db.prepare('UPDATE field_member_base SET reported_json = ?, reported_in = ? WHERE member_id = ?');
  for (const e of edits) mark.run(JSON.stringify(e.edited), sequence, e.memberId);
}

// ── Office ────────────────────────────────────────────────────────────────────────────────────

export interface MemberConflictInput { memberId: number; office: MemberFields; field: ReportMemberEdit; consoleId: string }

/**
 * Books one field edit. 'applied': the office still had the base (or an edit that loses to this
 * one), the member now carries the edit. 'conflict': both kept, for the operator. 'same': nothing to do.
 */
export function bookMemberEdit(input: {
  db: Database; audit: AuditRepo; consoleId: string; reportSequence: number; edit: ReportMemberEdit; now: string; operatorId: number | null;
  recordConflict: (c: MemberConflictInput) => void;
}): 'applied' | 'conflict' | 'same' {
  const { db, edit } = input;
  const row = memberRow(db, edit.memberId);
  if (!row) return 'same'; // a member the office deleted: nothing to edit (members are never deleted today)
  const office = fieldsOf(row);
  if (same(office, edit.edited)) return 'same';
  if (edit.edited.siteId !== null && !db.prepare('SELECT 1 FROM sites WHERE id = ?').get(edit.edited.siteId)) {
    throw new FieldSyncRefusal('ITEM_REFUSED', `Member ${edit.edited.memberNo} was moved on the laptop to site #${edit.edited.siteId}, unknown at the office. Nothing of this report was booked.`, { type: 'member-edit', key: String(edit.memberId) });
  }
  const taken = db.prepare('SELECT id FROM members WHERE member_no = ? AND id <> ?').get(edit.edited.memberNo, edit.memberId) as { id: number } | undefined;
  if (taken) {
    throw new FieldSyncRefusal('ITEM_REFUSED', `Member number ${edit.edited.memberNo} given on the laptop already belongs to another member at the office. Nothing of this report was booked.`, { type: 'member-edit', key: String(edit.memberId) });
  }
  const apply = (): void => {
    db.prepare('UPDATE members SET member_no = ?, full_name = ?, site_id = ?, updated_at = ? WHERE id = ?').run(edit.edited.memberNo, edit.edited.fullName, edit.edited.siteId, input.now, edit.memberId);
    db.prepare(
      `INSERT INTO field_record_origins (entity, record_id, console_id, technician, recorded_at, imported_at, report_sequence) VALUES ('member', ?, ?, ?, ?, ?, ?)
       ON CONFLICT(entity, record_id) DO UPDATE SET console_id = excluded.console_id, technician = excluded.technician, recorded_at = excluded.recorded_at,
         imported_at = excluded.imported_at, report_sequence = excluded.report_sequence`,
    ).run(edit.memberId, input.consoleId, edit.technician, edit.editedAt, input.now, input.reportSequence);
    db.prepare('INSERT OR REPLACE INTO field_member_edit_bases (member_id, console_id, base_json, edited_json) VALUES (?, ?, ?, ?)').run(edit.memberId, input.consoleId, JSON.stringify(edit.base), JSON.stringify(edit.edited));
    input.audit.record({ operatorId: input.operatorId, action: 'field-sync.member-edit', entity: 'member', entityId: edit.memberId, summary: `Member ${edit.edited.memberNo} changed on a field laptop`, summaryCode: 'fieldSync.memberEdited', summaryParams: { memberNo: edit.edited.memberNo }, before: office, after: edit.edited });
  };
  if (same(office, edit.base)) {
    apply();
    return 'applied';
  }
  // The office's version is another laptop's edit from the same base: the earlier edit is the record.
  const rival = db.prepare("SELECT console_id, recorded_at, technician FROM field_record_origins WHERE entity = 'member' AND record_id = ?").get(edit.memberId) as { console_id: string; recorded_at: string; technician: string } | undefined;
  const rivalBase = rival ? (db.prepare("SELECT base_json, edited_json FROM field_member_edit_bases WHERE member_id = ? AND console_id = ?").get(edit.memberId, rival.console_id) as { base_json: string; edited_json: string } | undefined) : undefined;
  if (rival && rival.console_id !== input.consoleId && rivalBase && same(JSON.parse(rivalBase.base_json) as MemberFields, edit.base) && same(JSON.parse(rivalBase.edited_json) as MemberFields, office)
      && (edit.editedAt < rival.recorded_at || (edit.editedAt === rival.recorded_at && input.consoleId < rival.console_id))) {
    const rivalEdit: ReportMemberEdit = { memberId: edit.memberId, base: edit.base, edited: office, editedAt: rival.recorded_at, technician: rival.technician };
    input.recordConflict({ memberId: edit.memberId, office: edit.edited, field: rivalEdit, consoleId: rival.console_id });
    apply();
    return 'conflict';
  }
  input.recordConflict({ memberId: edit.memberId, office, field: edit, consoleId: input.consoleId });
  return 'conflict';
}
