// Marketplace listings in SQLite: one table, the side decides which columns mean something.
import type { Database } from 'better-sqlite3';
import type { Page } from '../../contract/common.js';
import type { EquipmentKind } from '../../contract/equipment.js';
import type { HostListing, Listing, ListingListQueryValue, ListingStatus, Orientation, OwnerListing } from '../../contract/market.js';

interface ListingRow {
  id: number;
  side: 'owner' | 'host';
  member_id: number;
  member_name: string;
  site_id: number;
  site_name: string;
  title: string;
  status: ListingStatus;
  status_reason: string;
  notes: string;
  offer: 'equipment' | 'capital' | null;
  equipment_id: number | null;
  kind: EquipmentKind | null;
  capacity_w: number | null;
  capital_minor: number | null;
  preferred_site_ids: string;
  max_distance_km: number | null;
  expected_rate_milli_per_kwh: number | null;
  premises_m2: number | null;
  orientation: Orientation | null;
  site_notes: string;
  preferred_kinds: string;
  expected_consumption_wh_per_month: number | null;
  created_at: string;
  updated_at: string;
}

/** The stored shape of either side, flattened (null where the side does not use a column). */
export interface ListingColumns {
  side: 'owner' | 'host';
  memberId: number;
  siteId: number;
  title: string;
  notes: string;
  offer: 'equipment' | 'capital' | null;
  equipmentId: number | null;
  kind: EquipmentKind | null;
  capacityW: number | null;
  capitalMinor: number | null;
  preferredSiteIds: readonly number[];
  maxDistanceKm: number | null;
  expectedRateMilliPerKwh: number | null;
  premisesM2: number | null;
  orientation: Orientation | null;
  siteNotes: string;
  preferredKinds: readonly EquipmentKind[];
  expectedConsumptionWhPerMonth: number | null;
}

const SELECT = `
  SELECT l.*, m.full_name AS member_name, s.name AS site_name
    FROM market_listings l JOIN members m ON m.id = l.member_id JOIN sites s ON s.id = l.site_id`;

const WHERE = `
  WHERE (@side IS NULL OR l.side = @side)
    AND (@status IS NULL OR l.status = @status)
    AND (@siteId IS NULL OR l.site_id = @siteId)
    AND (@memberId IS NULL OR l.member_id = @memberId)
    AND (@kind IS NULL OR l.kind = @kind OR (l.side = 'host' AND (l.preferred_kinds = '' OR (',' || l.preferred_kinds || ',') LIKE ('%,' || @kind || ',%'))))`;

const list = (text: string): string[] => (text ? text.split(',').filter(Boolean) : []);

function toListing(row: ListingRow): Listing {
  const meta = {
    id: row.id,
    memberId: row.member_id,
    memberName: row.member_name,
    siteId: row.site_id,
    siteName: row.site_name,
    title: row.title,
    notes: row.notes,
    status: row.status,
    statusReason: row.status_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.side === 'owner') {
    const owner: OwnerListing = {
      ...meta,
      side: 'owner',
      offer: row.offer ?? 'equipment',
      equipmentId: row.equipment_id,
      kind: row.kind ?? 'other',
      capacityW: row.capacity_w ?? 1,
      capitalMinor: row.capital_minor,
      preferredSiteIds: list(row.preferred_site_ids).map(Number),
      maxDistanceKm: row.max_distance_km,
      expectedRateMilliPerKwh: row.expected_rate_milli_per_kwh,
    };
    return owner;
  }
  const host: HostListing = {
    ...meta,
    side: 'host',
    premisesM2: row.premises_m2,
    orientation: row.orientation ?? 'unknown',
    siteNotes: row.site_notes,
    preferredKinds: list(row.preferred_kinds) as EquipmentKind[],
    expectedConsumptionWhPerMonth: row.expected_consumption_wh_per_month,
  };
  return host;
}

const params = (c: ListingColumns) => ({
  ...c,
  preferredSiteIds: c.preferredSiteIds.join(','),
  preferredKinds: c.preferredKinds.join(','),
});

export class ListingsRepo {
  constructor(private readonly db: Database) {}

  query(q: ListingListQueryValue): Page<Listing> {
    const total = (this.db.prepare(`SELECT count(*) AS n FROM market_listings l ${WHERE}`).get(q) as { n: number }).n;
    const rows = this.db.prepare(`${SELECT} ${WHERE} ORDER BY l.id DESC LIMIT @limit OFFSET @offset`).all(q) as ListingRow[];
    return { rows: rows.map(toListing), total };
  }

  byId(id: number): Listing | null {
    const row = this.db.prepare(`${SELECT} WHERE l.id = ?`).get(id) as ListingRow | undefined;
    return row ? toListing(row) : null;
  }

  insert(c: ListingColumns, at: string): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO market_listings (side, member_id, site_id, title, notes, offer, equipment_id, kind, capacity_w, capital_minor,
             preferred_site_ids, max_distance_km, expected_rate_milli_per_kwh, premises_m2, orientation, site_notes, preferred_kinds,
             expected_consumption_wh_per_month, created_at, updated_at)
           VALUES (@side, @memberId, @siteId, @title, @notes, @offer, @equipmentId, @kind, @capacityW, @capitalMinor,
             @preferredSiteIds, @maxDistanceKm, @expectedRateMilliPerKwh, @premisesM2, @orientation, @siteNotes, @preferredKinds,
             @expectedConsumptionWhPerMonth, @at, @at)`,
        )
        .run({ ...params(c), at }).lastInsertRowid,
    );
  }

  update(id: number, c: ListingColumns, at: string): void {
    this.db
      .prepare(
        `UPDATE market_listings SET site_id = @siteId, title = @title, notes = @notes, offer = @offer, equipment_id = @equipmentId,
           kind = @kind, capacity_w = @capacityW, capital_minor = @capitalMinor, preferred_site_ids = @preferredSiteIds,
           max_distance_km = @maxDistanceKm, expected_rate_milli_per_kwh = @expectedRateMilliPerKwh, premises_m2 = @premisesM2,
           orientation = @orientation, site_notes = @siteNotes, preferred_kinds = @preferredKinds,
           expected_consumption_wh_per_month = @expectedConsumptionWhPerMonth, updated_at = @at
         WHERE id = @id`,
      )
      .run({ ...params(c), at, id });
  }

  setStatus(id: number, status: ListingStatus, reason: string, at: string): void {
    this.db.prepare('UPDATE market_listings SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?').run(status, reason, at, id);
  }
}

/** The columns of a listing as stored (for updates that merge changes). */
export function columnsOf(listing: Listing): ListingColumns {
  const base = { memberId: listing.memberId, siteId: listing.siteId, title: listing.title, notes: listing.notes };
  if (listing.side === 'owner') {
    return {
      ...base,
      side: 'owner',
      offer: listing.offer,
      equipmentId: listing.equipmentId,
      kind: listing.kind,
      capacityW: listing.capacityW,
      capitalMinor: listing.capitalMinor,
      preferredSiteIds: listing.preferredSiteIds,
      maxDistanceKm: listing.maxDistanceKm,
      expectedRateMilliPerKwh: listing.expectedRateMilliPerKwh,
      premisesM2: null,
      orientation: null,
      siteNotes: '',
      preferredKinds: [],
      expectedConsumptionWhPerMonth: null,
    };
  }
  return {
    ...base,
    side: 'host',
    offer: null,
    equipmentId: null,
    kind: null,
    capacityW: null,
    capitalMinor: null,
    preferredSiteIds: [],
    maxDistanceKm: null,
    expectedRateMilliPerKwh: null,
    premisesM2: listing.premisesM2,
    orientation: listing.orientation,
    siteNotes: listing.siteNotes,
    preferredKinds: listing.preferredKinds,
    expectedConsumptionWhPerMonth: listing.expectedConsumptionWhPerMonth,
  };
}
