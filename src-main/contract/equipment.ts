// Equipment registry: generation and storage devices, who owns them, where they are hosted.
// Each item is mirrored as a Uniques item on chain by the chain work; its chain fields stay null until then.
import { z } from 'zod';
import { defineChannel, FIELD_AND_STAFF, STAFF } from './define.js';
import { Id, IsoDate, NoteText, ShortText, type Page } from './common.js';
import type { AuditEntry } from './audit.js';

export const EQUIPMENT_KINDS = ['solar', 'wind', 'hydro', 'biogas', 'battery', 'other'] as const;
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];
export const EQUIPMENT_STATUSES = ['listed', 'installed', 'leased', 'transferred', 'retired'] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];
export const CHAIN_ITEM_STATES = ['unregistered', 'pending_chain', 'on_chain', 'failed'] as const;
export type ChainItemState = (typeof CHAIN_ITEM_STATES)[number];

/** 10 GW: anything larger is a typo (a unit mix-up), not village equipment. */
export const MAX_POWER_W = 10_000_000_000;
export const MAX_STORAGE_WH = 100_000_000_000;

const MeterRef = ShortText(64).min(1, 'Empty meter reference');

// Without defaults: an edit sends only what changed (see members.ts for why).
const equipmentShape = {
  kind: z.enum(EQUIPMENT_KINDS),
  ratedPowerW: z.number().int().min(1, 'Rated power must be at least 1 W').max(MAX_POWER_W, 'More than 10 GW: check the unit (watts)'),
  storageWh: z.number().int().min(1).max(MAX_STORAGE_WH, 'More than 100 GWh: check the unit (watt-hours)').nullable(),
  make: ShortText(80),
  model: ShortText(80),
  serial: ShortText(80),
  ownerMemberId: Id,
  hostMemberId: Id.nullable(),
  siteId: Id,
  commissionedOn: IsoDate.nullable(),
  status: z.enum(EQUIPMENT_STATUSES),
  meterRefs: z.array(MeterRef).max(16).nullable(),
  notes: NoteText(2000),
};

export const EquipmentFields = z.object({
  ...equipmentShape,
  storageWh: equipmentShape.storageWh.default(null),
  make: equipmentShape.make.default(''),
  model: equipmentShape.model.default(''),
  serial: equipmentShape.serial.default(''),
  hostMemberId: equipmentShape.hostMemberId.default(null),
  commissionedOn: equipmentShape.commissionedOn.default(null),
  status: equipmentShape.status.default('listed'),
  meterRefs: equipmentShape.meterRefs.default(null),
  notes: equipmentShape.notes.default(''),
});
export const EquipmentChanges = z.object(equipmentShape).partial();
export type EquipmentFieldsInput = z.input<typeof EquipmentFields>;
export type EquipmentFieldsValue = z.output<typeof EquipmentFields>;

export interface ChainItemRef {
  readonly state: ChainItemState;
  readonly collectionId: number | null;
  readonly itemId: number | null;
  readonly blockHash: string | null;
  readonly extrinsicHash: string | null;
}

export interface Equipment extends EquipmentFieldsValue {
  readonly id: number;
  readonly ownerName: string;
  readonly hostName: string | null;
  readonly siteName: string;
  readonly chain: ChainItemRef;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface EquipmentDetail {
  readonly equipment: Equipment;
  readonly history: readonly AuditEntry[];
}

export const EquipmentListQuery = z.object({
  search: ShortText(120).default(''),
  kind: z.enum(EQUIPMENT_KINDS).nullable().default(null),
  status: z.enum(EQUIPMENT_STATUSES).nullable().default(null),
  siteId: Id.nullable().default(null),
  ownerMemberId: Id.nullable().default(null),
  hostMemberId: Id.nullable().default(null),
  limit: z.number().int().min(1).max(5000).default(500),
  offset: z.number().int().min(0).default(0),
});
export type EquipmentListQueryValue = z.output<typeof EquipmentListQuery>;

export const equipmentChannels = {
  'equipment.list': defineChannel<Page<Equipment>>()({
    input: EquipmentListQuery,
    access: FIELD_AND_STAFF,
    description: 'Equipment matching a search and filters',
  }),
  'equipment.get': defineChannel<EquipmentDetail>()({
    input: z.object({ id: Id }),
    access: FIELD_AND_STAFF,
    description: 'One item of equipment with its change history',
  }),
  'equipment.create': defineChannel<Equipment>()({
    input: EquipmentFields,
    access: STAFF,
    description: 'Register generation or storage equipment',
  }),
  'equipment.update': defineChannel<Equipment>()({
    input: z.object({ id: Id, changes: EquipmentChanges, reason: NoteText(500).default('') }),
    access: STAFF,
    description: 'Edit equipment (retiring needs a reason; retired equipment cannot change)',
  }),
} as const;
