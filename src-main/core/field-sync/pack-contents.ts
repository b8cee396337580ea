// What an office → field pack carries, and how the laptop applies it.
// Only what a technician needs: sites, members' names, numbers and sites (no phone, e-mail or
// notes: the laptop can be lost), equipment, the trust store, open work, and the password hashes
// of the operators allowed on that laptop. Rows keep the office's ids, so equipment and meters
// refer to the same members on both sides; the laptop's copy is the office's, replaced by each pack.
import type { Database } from 'better-sqlite3';
import { sha256Hex as sha256Of, type TrustStoreSnapshot } from '../attestation/trust-store.js';
import type { TrustStoreRepo } from '../meters/trust-store-repo.js';
import { applyPackMember } from './member-edits.js';
import type { BundleItem, OpenedItem } from './bundle.js';

export interface PackCooperative { name: string; currency: string; timezone: string; locale: string; createdAt: string }
export interface PackSite { id: number; name: string; village: string; active: number }
export interface PackMember { id: number; memberNo: string; fullName: string; siteId: number; active: number; joinedOn: string }
export interface PackEquipment {
  id: number; kind: string; ratedPowerW: number; storageWh: number | null; make: string; model: string; serial: string;
  ownerMemberId: number; hostMemberId: number | null; siteId: number; status: string; meterRefs: string | null;
}
export interface PackOperator { username: string; displayName: string; role: string; passwordHash: string; active: number }
export interface PackWork { workKey: string; kind: 'provision' | 'read'; memberId: number | null; instanceIdHex: string | null; lastBatchSeq: number | null }

/** Counts of what a pack carried, shown on both screens. */
export interface PackSummary { sites: number; members: number; equipment: number; operators: number; openWork: number; trustAnchors: number }

export function buildPackItems(db: Database, trust: TrustStoreRepo, operatorUsernames: readonly string[]): { items: BundleItem[]; summary: PackSummary } {
  const cooperative = db.prepare('SELECT name, currency, timezone, locale, created_at AS createdAt FROM cooperative WHERE id = 1').get() as PackCooperative | undefined;
  const sites = db.prepare('SELECT id, name, village, active FROM sites ORDER BY id').all() as PackSite[];
  const members = db.prepare('SELECT id, member_no AS memberNo, full_name AS fullName, site_id AS siteId, active, joined_on AS joinedOn FROM members ORDER BY id').all() as PackMember[];
  const equipment = db.prepare(
    `SELECT id, kind, rated_power_w AS ratedPowerW, storage_wh AS storageWh, make, model, serial, owner_member_id AS ownerMemberId,
            host_member_id AS hostMemberId, site_id AS siteId, status, meter_refs AS meterRefs FROM equipment ORDER BY id`,
  ).all() as PackEquipment[];
  const placeholders = operatorUsernames.map(() => '?').join(',');
  const operators = operatorUsernames.length === 0 ? [] : db.prepare(
    `SELECT username, display_name AS displayName, role, password_hash AS passwordHash, active FROM operators WHERE username IN (${placeholders}) ORDER BY id`,
  ).all(...operatorUsernames) as PackOperator[];
  // Open work: members with no meter yet are to provision; provisioned meters are to read.
  const toProvision = db.prepare(
    `SELECT m.id AS memberId FROM members m WHERE m.active = 1 AND NOT EXISTS (SELECT 1 FROM meters x WHERE x.member_id = m.id AND x.status <> 'retired') ORDER BY m.id`,
  ).all() as { memberId: number }[];
  const toRead = db.prepare(`SELECT instance_id_hex AS instanceIdHex, member_id AS memberId, last_batch_seq AS lastBatchSeq FROM meters WHERE status = 'provisioned' ORDER BY id`).all() as
    { instanceIdHex: string; memberId: number | null; lastBatchSeq: number | null }[];
  const work: PackWork[] = [
    ...toProvision.map((w) => ({ workKey: `provision:${w.memberId}`, kind: 'provision' as const, memberId: w.memberId, instanceIdHex: null, lastBatchSeq: null })),
    ...toRead.map((w) => ({ workKey: `read:${w.instanceIdHex}`, kind: 'read' as const, memberId: w.memberId, instanceIdHex: w.instanceIdHex, lastBatchSeq: w.lastBatchSeq })),
  ];
  const snapshot = trust.snapshot();
  const items: BundleItem[] = [
    ...(cooperative ? [{ type: 'cooperative', key: 'cooperative', content: cooperative }] : []),
    ...sites.map((s) => ({ type: 'site', key: String(s.id), content: s })),
    ...members.map((m) => ({ type: 'member', key: String(m.id), content: m })),
    ...equipment.map((e) => ({ type: 'equipment', key: String(e.id), content: e })),
    ...operators.map((o) => ({ type: 'operator', key: o.username, content: o })),
    ...work.map((w) => ({ type: 'open-work', key: w.workKey, content: w })),
    { type: 'trust-store', key: 'trust-store', content: snapshot },
  ];
  return { items, summary: { sites: sites.length, members: members.length, equipment: equipment.length, operators: operators.length, openWork: work.length, trustAnchors: snapshot.anchors.length } };
}

/** Applies a verified pack's items on the laptop. Call inside the import's one transaction. */
export function applyPackItems(db: Database, trust: TrustStoreRepo, items: readonly OpenedItem[], sequence: number, now: string): PackSummary {
  const of = <T>(type: string): T[] => items.filter((i) => i.type === type).map((i) => i.content as T);
  const cooperative = of<PackCooperative>('cooperative')[0];
  if (cooperative && !db.prepare('SELECT 1 FROM cooperative WHERE id = 1').get()) {
    db.prepare('INSERT INTO cooperative (id, name, currency, timezone, locale, created_at) VALUES (1, ?, ?, ?, ?, ?)').run(cooperative.name, cooperative.currency, cooperative.timezone, cooperative.locale, cooperative.createdAt);
  }
  const sites = of<PackSite>('site');
  const upsertSite = db.prepare(
    `INSERT INTO sites (id, name, village, active, created_at) VALUES (@id, @name, @village, @active, @now)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, village = excluded.village, active = excluded.active`,
  );
  for (const s of sites) upsertSite.run({ ...s, now });
  const members = of<PackMember>('member');
  // An edit made on this laptop stays until the office acknowledged the report that carried it.
  const acknowledged = of<{ reportSequence: number }>('acknowledged')[0]?.reportSequence ?? 0;
  const upsertMember = db.prepare(
    `INSERT INTO members (id, member_no, full_name, site_id, active, joined_on, created_at, updated_at)
     VALUES (@id, @memberNo, @fullName, @siteId, @active, @joinedOn, @now, @now)
     ON CONFLICT(id) DO UPDATE SET member_no = excluded.member_no, full_name = excluded.full_name, site_id = excluded.site_id,
       active = excluded.active, joined_on = excluded.joined_on, updated_at = excluded.updated_at
     WHERE members.member_no IS NOT excluded.member_no OR members.full_name IS NOT excluded.full_name OR members.site_id IS NOT excluded.site_id
       OR members.active IS NOT excluded.active OR members.joined_on IS NOT excluded.joined_on`,
  );
  for (const m of members) {
    if (applyPackMember(db, m, sequence, acknowledged) === 'apply') upsertMember.run({ ...m, now });
  }
  const equipment = of<PackEquipment>('equipment');
  const upsertEquipment = db.prepare(
    `INSERT INTO equipment (id, kind, rated_power_w, storage_wh, make, model, serial, owner_member_id, host_member_id, site_id, status, meter_refs, created_at, updated_at)
     VALUES (@id, @kind, @ratedPowerW, @storageWh, @make, @model, @serial, @ownerMemberId, @hostMemberId, @siteId, @status, @meterRefs, @now, @now)
     ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, rated_power_w = excluded.rated_power_w, storage_wh = excluded.storage_wh, make = excluded.make,
       model = excluded.model, serial = excluded.serial, owner_member_id = excluded.owner_member_id, host_member_id = excluded.host_member_id,
       site_id = excluded.site_id, status = excluded.status, meter_refs = excluded.meter_refs`,
  );
  for (const e of equipment) upsertEquipment.run({ ...e, now });
  const operators = of<PackOperator>('operator');
  const upsertOperator = db.prepare(
    `INSERT INTO operators (username, display_name, role, password_hash, active, created_at) VALUES (@username, @displayName, @role, @passwordHash, @active, @now)
     ON CONFLICT(username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, password_hash = excluded.password_hash, active = excluded.active`,
  );
  for (const o of operators) upsertOperator.run({ ...o, now });
  const work = of<PackWork>('open-work');
  db.prepare('DELETE FROM field_open_work').run();
  const insertWork = db.prepare('INSERT INTO field_open_work (work_key, kind, content_json, pack_sequence) VALUES (?, ?, ?, ?)');
  for (const w of work) insertWork.run(w.workKey, w.kind, JSON.stringify(w), sequence);
  const snapshot = of<TrustStoreSnapshot>('trust-store')[0];
  if (snapshot) mirrorTrustStore(trust, snapshot);
  return { sites: sites.length, members: members.length, equipment: equipment.length, operators: operators.length, openWork: work.length, trustAnchors: snapshot?.anchors.length ?? 0 };
}

/** The laptop's trust store becomes the office's: new anchors added, anchors the office removed removed. */
function mirrorTrustStore(trust: TrustStoreRepo, snapshot: TrustStoreSnapshot): void {
  trust.importSnapshot(snapshot, null);
  const kept = new Set(snapshot.anchors.map((a) => fingerprintOf(a)));
  for (const anchor of trust.listAnchors()) {
    if (!kept.has(anchor.fingerprint)) trust.removeAnchor(anchor.id, null);
  }
}

function fingerprintOf(anchor: TrustStoreSnapshot['anchors'][number]): string {
  return sha256Of(anchor.kind === 'ca-certificate' ? anchor.certificateDer : anchor.publicKey);
}
