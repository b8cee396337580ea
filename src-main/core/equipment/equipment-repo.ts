// Equipment rows in SQLite, with owner/host/site names joined for display.
import type { Database } from 'better-sqlite3';
import type { ChainItemState, Equipment, EquipmentFieldsValue, EquipmentKind, EquipmentListQueryValue, EquipmentStatus } from '../../contract/equipment.js';
import type { Page } from '../../contract/common.js';

interface EquipmentRow {
  id: number;
  kind: EquipmentKind;
  rated_power_w: number;
  storage_wh: number | null;
  make: string;
  model: string;
  serial: string;
  owner_member_id: number;
  owner_name: string;
  host_member_id: number | null;
  host_name: string | null;
  site_id: number;
  site_name: string;
  commissioned_on: string | null;
  status: EquipmentStatus;
  meter_refs: string | null;
  notes: string;
  chain_state: ChainItemState;
  chain_collection_id: number | null;
  chain_item_id: number | null;
  chain_block_hash: string | null;
  chain_extrinsic_hash: string | null;
  created_at: string;
  updated_at: string;
}

const SELECT = `
  SELECT e.*, o.full_name AS owner_name, h.full_name AS host_name, s.name AS site_name
    FROM equipment e
    JOIN members o ON o.id = e.owner_member_id
    LEFT JOIN members h ON h.id = e.host_member_id
    JOIN sites s ON s.id = e.site_id`;

const WHERE = `
  WHERE (@kind IS NULL OR e.kind = @kind)
    AND (@status IS NULL OR e.status = @status)
    AND (@siteId IS NULL OR e.site_id = @siteId)
    AND (@ownerMemberId IS NULL OR e.owner_member_id = @ownerMemberId)
    AND (@hostMemberId IS NULL OR e.host_member_id = @hostMemberId)
    AND (@search = '' OR e.make LIKE @like ESCAPE '\\' OR e.model LIKE @like ESCAPE '\\' OR e.serial LIKE @like ESCAPE '\\'
         OR o.full_name LIKE @like ESCAPE '\\' OR h.full_name LIKE @like ESCAPE '\\')`;

const toEquipment = (row: EquipmentRow): Equipment => ({
  id: row.id,
  kind: row.kind,
  ratedPowerW: row.rated_power_w,
  storageWh: row.storage_wh,
  make: row.make,
  model: row.model,
  serial: row.serial,
  ownerMemberId: row.owner_member_id,
  ownerName: row.owner_name,
  hostMemberId: row.host_member_id,
  hostName: row.host_name,
  siteId: row.site_id,
  siteName: row.site_name,
  commissionedOn: row.commissioned_on,
  status: row.status,
  meterRefs: row.meter_refs === null ? null : (JSON.parse(row.meter_refs) as string[]),
  notes: row.notes,
  chain: { state: row.chain_state, collectionId: row.chain_collection_id, itemId: row.chain_item_id, blockHash: row.chain_block_hash, extrinsicHash: row.chain_extrinsic_hash },
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const params = (f: EquipmentFieldsValue) => ({
  kind: f.kind,
  ratedPowerW: f.ratedPowerW,
  storageWh: f.storageWh,
  make: f.make,
  model: f.model,
  serial: f.serial,
  ownerMemberId: f.ownerMemberId,
  hostMemberId: f.hostMemberId,
  siteId: f.siteId,
  commissionedOn: f.commissionedOn,
  status: f.status,
  meterRefs: f.meterRefs === null ? null : JSON.stringify(f.meterRefs),
  notes: f.notes,
});

export interface ChainItemUpdate {
  readonly state: ChainItemState;
  readonly collectionId?: number | null;
  readonly itemId?: number | null;
  readonly blockHash?: string | null;
  readonly extrinsicHash?: string | null;
}

export class EquipmentRepo {
  constructor(private readonly db: Database) {}

  query(q: EquipmentListQueryValue): Page<Equipment> {
    const bind = { ...q, like: `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
    const total = (this.db.prepare(`SELECT count(*) AS n FROM equipment e JOIN members o ON o.id = e.owner_member_id LEFT JOIN members h ON h.id = e.host_member_id ${WHERE}`).get(bind) as { n: number }).n;
    const rows = this.db.prepare(`${SELECT} ${WHERE} ORDER BY e.id LIMIT @limit OFFSET @offset`).all(bind) as EquipmentRow[];
    return { rows: rows.map(toEquipment), total };
  }

  byId(id: number): Equipment | null {
    const row = this.db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as EquipmentRow | undefined;
    return row ? toEquipment(row) : null;
  }

  bySerial(make: string, serial: string): { id: number } | null {
    return (this.db.prepare('SELECT id FROM equipment WHERE make = ? COLLATE NOCASE AND serial = ? COLLATE NOCASE').get(make, serial) as { id: number } | undefined) ?? null;
  }

  insert(fields: EquipmentFieldsValue, at: string): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO equipment (kind, rated_power_w, storage_wh, make, model, serial, owner_member_id, host_member_id, site_id,
                                  commissioned_on, status, meter_refs, notes, created_at, updated_at)
           VALUES (@kind, @ratedPowerW, @storageWh, @make, @model, @serial, @ownerMemberId, @hostMemberId, @siteId,
                   @commissionedOn, @status, @meterRefs, @notes, @at, @at)`,
        )
        .run({ ...params(fields), at }).lastInsertRowid,
    );
  }

  update(id: number, fields: EquipmentFieldsValue, at: string): void {
    this.db
      .prepare(
        `UPDATE equipment SET kind = @kind, rated_power_w = @ratedPowerW, storage_wh = @storageWh, make = @make, model = @model,
                serial = @serial, owner_member_id = @ownerMemberId, host_member_id = @hostMemberId, site_id = @siteId,
                commissioned_on = @commissionedOn, status = @status, meter_refs = @meterRefs, notes = @notes, updated_at = @at
          WHERE id = @id`,
      )
      .run({ ...params(fields), at, id });
  }

  /** For the chain work: record the Uniques item's registration as it progresses. */
  setChainItem(id: number, update: ChainItemUpdate): void {
    this.db
      .prepare(
        `UPDATE equipment SET chain_state = @state,
                chain_collection_id = coalesce(@collectionId, chain_collection_id), chain_item_id = coalesce(@itemId, chain_item_id),
                chain_block_hash = coalesce(@blockHash, chain_block_hash), chain_extrinsic_hash = coalesce(@extrinsicHash, chain_extrinsic_hash)
          WHERE id = @id`,
      )
      .run({ id, state: update.state, collectionId: update.collectionId ?? null, itemId: update.itemId ?? null, blockHash: update.blockHash ?? null, extrinsicHash: update.extrinsicHash ?? null });
  }
}
