// Members in SQLite: one row in `members` plus one row per role in `member_roles`.
import type { Database } from 'better-sqlite3';
import type { Member, MemberFieldsValue, MemberRole, EnergyKind } from '../../contract/members.js';

interface MemberRow {
  id: number;
  member_no: string;
  full_name: string;
  site_id: number;
  site_name: string;
  roles: string | null;
  phone: string;
  email: string;
  village: string;
  gps_lat: number | null;
  gps_lon: number | null;
  premises_m2: number | null;
  preferred_energy: string;
  notes: string;
  active: number;
  deactivated_reason: string;
  joined_on: string;
  created_at: string;
  updated_at: string;
}

export interface MemberQuery {
  search: string;
  siteId: number | null;
  role: MemberRole | null;
  status: 'active' | 'inactive' | 'all';
  sort: 'memberNo' | 'fullName' | 'site' | 'village' | 'joinedOn';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const SORT_COLUMNS: Record<MemberQuery['sort'], string> = {
  memberNo: 'm.member_no COLLATE NOCASE',
  fullName: 'm.full_name COLLATE NOCASE',
  site: 's.name COLLATE NOCASE',
  village: 'm.village COLLATE NOCASE',
  joinedOn: 'm.joined_on',
};

const SELECT = `
  SELECT m.*, s.name AS site_name,
         (SELECT group_concat(role, ',') FROM (SELECT role FROM member_roles r WHERE r.member_id = m.id ORDER BY role)) AS roles
    FROM members m JOIN sites s ON s.id = m.site_id`;

const WHERE = `
  WHERE (@status = 'all' OR m.active = (@status = 'active'))
    AND (@siteId IS NULL OR m.site_id = @siteId)
    AND (@role IS NULL OR EXISTS (SELECT 1 FROM member_roles r WHERE r.member_id = m.id AND r.role = @role))
    AND (@search = '' OR m.full_name LIKE @like ESCAPE '\\' OR m.member_no LIKE @like ESCAPE '\\'
         OR m.village LIKE @like ESCAPE '\\' OR m.phone LIKE @like ESCAPE '\\')`;

export const splitList = <T extends string>(text: string | null): T[] => (text ? (text.split(',').filter(Boolean) as T[]) : []);

const toMember = (row: MemberRow): Member => ({
  id: row.id,
  memberNo: row.member_no,
  fullName: row.full_name,
  siteId: row.site_id,
  siteName: row.site_name,
  roles: splitList<MemberRole>(row.roles),
  phone: row.phone,
  email: row.email,
  village: row.village,
  gpsLat: row.gps_lat,
  gpsLon: row.gps_lon,
  premisesM2: row.premises_m2,
  preferredEnergy: splitList<EnergyKind>(row.preferred_energy),
  notes: row.notes,
  active: row.active === 1,
  deactivatedReason: row.deactivated_reason,
  joinedOn: row.joined_on,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export class MembersRepo {
  constructor(private readonly db: Database) {}

  query(q: MemberQuery): { rows: Member[]; total: number } {
    const params = { status: q.status, siteId: q.siteId, role: q.role, search: q.search, like: `%${escapeLike(q.search)}%` };
    const total = (this.db.prepare(`SELECT count(*) AS n FROM members m ${WHERE}`).get(params) as { n: number }).n;
    const order = `${SORT_COLUMNS[q.sort]} ${q.order === 'desc' ? 'DESC' : 'ASC'}, m.id`;
    const rows = this.db
      .prepare(`${SELECT} ${WHERE} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: q.limit, offset: q.offset }) as MemberRow[];
    return { rows: rows.map(toMember), total };
  }

  byId(id: number): Member | null {
    const row = this.db.prepare(`${SELECT} WHERE m.id = ?`).get(id) as MemberRow | undefined;
    return row ? toMember(row) : null;
  }

  existingMemberNos(numbers: readonly string[]): Set<string> {
    const found = new Set<string>();
    const stmt = this.db.prepare('SELECT member_no FROM members WHERE member_no = ? COLLATE NOCASE');
    for (const no of numbers) {
      const row = stmt.get(no) as { member_no: string } | undefined;
      if (row) found.add(no.toLowerCase());
    }
    return found;
  }

  insert(fields: MemberFieldsValue, at: string): number {
    const info = this.db
      .prepare(
        `INSERT INTO members (member_no, full_name, site_id, phone, email, village, gps_lat, gps_lon, premises_m2,
                              preferred_energy, notes, joined_on, created_at, updated_at)
         VALUES (@memberNo, @fullName, @siteId, @phone, @email, @village, @gpsLat, @gpsLon, @premisesM2,
                 @preferredEnergy, @notes, @joinedOn, @at, @at)`,
      )
      .run({ ...fields, preferredEnergy: fields.preferredEnergy.join(','), at });
    const id = Number(info.lastInsertRowid);
    this.setRoles(id, fields.roles);
    return id;
  }

  update(id: number, fields: MemberFieldsValue, at: string): void {
    this.db
      .prepare(
        `UPDATE members SET member_no = @memberNo, full_name = @fullName, site_id = @siteId, phone = @phone, email = @email,
                village = @village, gps_lat = @gpsLat, gps_lon = @gpsLon, premises_m2 = @premisesM2,
                preferred_energy = @preferredEnergy, notes = @notes, joined_on = @joinedOn, updated_at = @at
          WHERE id = @id`,
      )
      .run({ ...fields, preferredEnergy: fields.preferredEnergy.join(','), at, id });
    this.setRoles(id, fields.roles);
  }

  setActive(id: number, active: boolean, reason: string, at: string): void {
    this.db.prepare('UPDATE members SET active = ?, deactivated_reason = ?, updated_at = ? WHERE id = ?').run(active ? 1 : 0, active ? '' : reason, at, id);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
  }

  private setRoles(id: number, roles: readonly MemberRole[]): void {
    this.db.prepare('DELETE FROM member_roles WHERE member_id = ?').run(id);
    const insert = this.db.prepare('INSERT INTO member_roles (member_id, role) VALUES (?, ?)');
    for (const role of roles) insert.run(id, role);
  }
}
