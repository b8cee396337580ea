// Energy flows: from stored meter readings to where every Wh went, per 15-min interval and site
// (self-consumption → P2P sale agreements → community pool by the site's allocation key → main
// supply). All energy is integer Wh. Rules and edge cases: src-main/core/energy/README.md.
// Estimated Wh (a missing reading filled in by the estimation rule) and unattested Wh (from a stock
// Modbus meter) are amounts carried beside every total, never mixed silently into "measured".
import { z } from 'zod';
import { defineChannel, STAFF } from './define.js';
import { Id, IsoDate, IsoInstant, NoteText } from './common.js';
import { EQUIPMENT_KINDS, type EquipmentKind } from './equipment.js';
import { YearMonth } from './tariffs.js';

/** Sources are the kinds of the generating equipment; 'other' = exported at a connection without a generation meter. */
export const ENERGY_SOURCES = EQUIPMENT_KINDS;
export type EnergySource = EquipmentKind;
export type SourceMix = Readonly<Record<EnergySource, number>>;

export const ENERGY_BUCKETS = ['interval', 'hour', 'day', 'week', 'month'] as const;
export type EnergyBucket = (typeof ENERGY_BUCKETS)[number];

/** A period of local dates [from, to] inclusive, at most ~13 months (a year chart with margin). */
const PeriodFields = { from: IsoDate, to: IsoDate };
function checkPeriod(period: { readonly from: string; readonly to: string }, ctx: z.RefinementCtx): void {
  if (period.from > period.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period must end on or after its start' });
  else if (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`) > 400 * 86_400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: 'At most 400 days at a time' });
}

/**
 * Site series, columnar (one array entry per bucket) so a year of 15-min points stays small and
 * goes straight into a chart. Definitions (per bucket, summed over the site's members):
 * - generationBySource[k]: Wh produced by equipment of kind k (self-consumed + exported).
 * - consumptionWh: Wh used at the premises (imported at the connection + self-consumed).
 * - selfConsumedWh: generation used behind the meter where it was produced.
 * - sharedWh: Wh delivered member to member (P2P agreements + community pool); p2pWh is its P2P part.
 * - mainImportWh / mainExportWh: from / to the site's main supply (grid or the cooperative's plant).
 * - estimatedWh / unattestedWh: how much of the energy above rests on estimated readings /
 *   stock (unattested) meters — of the member-side energy (consumption + exported), shown as marks.
 */
export interface EnergySeries {
  readonly siteId: number;
  readonly bucket: EnergyBucket;
  /**
   * Bucket starts, ISO-8601 UTC (days, weeks and months start at local midnight of the cooperative's
   * zone): every bucket of the period, those without flows too (the future, a gap in the readings).
   */
  readonly starts: readonly string[];
  /** Intervals with computed flows in each bucket: 0 = nothing known there (draw a gap, not zero energy). */
  readonly computedPerBucket: readonly number[];
  readonly generationBySource: Readonly<Record<EnergySource, readonly number[]>>;
  readonly consumptionWh: readonly number[];
  readonly selfConsumedWh: readonly number[];
  readonly sharedWh: readonly number[];
  readonly p2pWh: readonly number[];
  readonly mainImportWh: readonly number[];
  readonly mainExportWh: readonly number[];
  readonly estimatedWh: readonly number[];
  readonly unattestedWh: readonly number[];
  /** Intervals of the period with computed flows, and those that have ended by now still without (the future is not missing). */
  readonly intervalsComputed: number;
  readonly intervalsMissing: number;
}

export type FlowNodeKind = 'source' | 'self' | 'community' | 'member' | 'other_members' | 'main_supply_in' | 'main_supply_out';
export interface FlowNode {
  /** Stable id: 'source:solar', 'self', 'community', 'member:12', 'other_members', 'main_in', 'main_out'. */
  readonly id: string;
  readonly kind: FlowNodeKind;
  readonly label: string;
  readonly source: EnergySource | null;
  readonly memberId: number | null;
}
export interface FlowLink {
  readonly from: string;
  readonly to: string;
  readonly wh: number;
  /** Links into a member (or the group of other members): the member's estimated / unattested Wh,
   *  capped at what came in, spread over its incoming links pro rata. 0 on the other links. */
  readonly estimatedWh: number;
  readonly unattestedWh: number;
}
/** Sankey of a period: sources → self-consumption / community; community → members / main supply; main supply → members. */
export interface EnergyFlows {
  readonly siteId: number;
  readonly from: string;
  readonly to: string;
  readonly nodes: readonly FlowNode[];
  readonly links: readonly FlowLink[];
}

/** Ratios in basis points (10,000 = 100 %), null when the denominator is zero. */
export interface EnergyKpis {
  readonly siteId: number;
  readonly from: string;
  readonly to: string;
  readonly demandWh: number;
  readonly localGenerationWh: number;
  /** Demand met locally: self-consumed + shared. */
  readonly locallyCoveredWh: number;
  /** Local generation used in the site: self-consumed + shared (same Wh, seen from the producers). */
  readonly locallyUsedWh: number;
  readonly selfSufficiencyBp: number | null;
  readonly selfConsumptionBp: number | null;
  readonly sourceShares: readonly { readonly source: EnergySource; readonly wh: number; readonly shareBp: number | null }[];
  readonly estimatedWh: number;
  readonly unattestedWh: number;
  /** English definitions (the renderer has its own translations; these are for exports and tooltips' fallback). */
  readonly definitions: Readonly<Record<'selfSufficiency' | 'selfConsumption' | 'sourceShare', string>>;
}

/** One member, one local day. received* = energy that came to this member from others. */
export interface MemberEnergyDay {
  readonly date: string;
  readonly consumptionWh: number;
  readonly selfBySource: SourceMix;
  readonly p2pReceivedBySource: SourceMix;
  readonly poolReceivedBySource: SourceMix;
  readonly mainImportWh: number;
  /** Surplus this member's premises gave: to P2P buyers, to the pool, to the main supply. */
  readonly p2pSoldWh: number;
  readonly poolSharedWh: number;
  readonly mainExportWh: number;
  readonly estimatedWh: number;
  readonly unattestedWh: number;
}
export interface MemberEnergy {
  readonly memberId: number;
  readonly siteId: number;
  readonly from: string;
  readonly to: string;
  readonly days: readonly MemberEnergyDay[];
  /** Sum of the days (re-derivable from them). */
  readonly total: Omit<MemberEnergyDay, 'date'>;
}

// ---------- allocation keys (versioned like tariffs) ----------

export const KEY_MODES = ['pro_rata', 'fixed', 'custom_table'] as const;
export type KeyMode = (typeof KEY_MODES)[number];
/** A coefficient in [0, 1] as a decimal string or number; stored exactly as parts per million. */
const Coefficient = z.number().min(0, 'A coefficient cannot be negative').max(1, 'A coefficient cannot exceed 1');

export const AllocationKeyDefinition = z.discriminatedUnion('mode', [
  /** Pro rata of each member's remaining deficit, capped at it (Code de l'énergie D315-6, the default). */
  z.object({ mode: z.literal('pro_rata') }),
  /** Fixed coefficient per member; a member's unused share is exported or handed on to the others. */
  z.object({
    mode: z.literal('fixed'),
    coefficients: z.array(z.object({ memberId: Id, coefficient: Coefficient })).min(1, 'Give at least one member a coefficient').max(5000),
    unused: z.enum(['export', 'reallocate']),
  }),
  /**
   * Per-interval table from CSV: header `interval_start,<member_no>,<member_no>,…`, one row per
   * interval (ISO-8601 UTC start), coefficients in [0, 1] summing to 1 ± 1e-5 per row. Intervals
   * the table does not list fall back to pro rata. Unused shares are handed on (like 'reallocate').
   */
  z.object({ mode: z.literal('custom_table'), csv: z.string().min(1, 'The CSV is empty').max(50_000_000, 'The CSV is too large (50 MB at most)') }),
]);
export type AllocationKeyDefinitionInput = z.input<typeof AllocationKeyDefinition>;

export interface AllocationKeyVersion {
  readonly id: number;
  readonly siteId: number;
  readonly version: number;
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly state: 'scheduled' | 'in_force' | 'superseded';
  readonly mode: KeyMode;
  /** fixed: member coefficients (parts per million, exact); custom_table: the members named in the header. */
  readonly coefficients: readonly { readonly memberId: number; readonly memberName: string; readonly ppm: number }[];
  readonly unused: 'export' | 'reallocate' | null;
  /** custom_table: rows (intervals) in the table and the first/last interval they cover. */
  readonly tableRows: number;
  readonly tableFrom: string | null;
  readonly tableTo: string | null;
  readonly notes: string;
  readonly createdAt: string;
}

/** One problem of an imported key table: which row/column, what the cell held, what to do. */
/** What is wrong in a key table, with the values its sentence names (params). */
export const KEY_CSV_ISSUE_CODES = [
  'first_column', // {cell}: the header does not start with interval_start
  'no_member_columns', // the header names no member after interval_start
  'column_without_member', // a header cell is empty
  'member_twice', // {memberNo}
  'unknown_member', // {memberNo}
  'member_of_other_site', // {memberNo, memberName}
  'no_rows', // a header and nothing else
  'empty_line',
  'bad_interval', // {cell, example}: not a UTC time like 2026-04-01T00:15:00Z
  'not_interval_start', // {cell}: not on :00, :15, :30 or :45
  'interval_twice', // {interval}
  'before_valid_from', // {interval, validFrom}
  'column_count', // {count, expected}: coefficients on the line vs members in the header
  'not_a_number', // {cell, example}
  'negative', // {cell}
  'above_one', // {cell}
  'row_sum', // {interval, sum, expected, tolerance}
] as const;
export type KeyCsvIssueCode = (typeof KEY_CSV_ISSUE_CODES)[number];
export interface KeyCsvIssue {
  /** 1-based line of the CSV (1 = header). */
  readonly line: number;
  /** Column header (member number or 'interval_start'); '' for the whole row. */
  readonly column: string;
  readonly cell: string;
  readonly code: KeyCsvIssueCode;
  readonly params: Readonly<Record<string, string | number>>;
  /** The same sentence in English (logs, API callers, a renderer that does not know the code yet). */
  readonly message: string;
}
export interface KeyCsvPreview {
  readonly ok: boolean;
  readonly rows: number;
  readonly members: readonly { readonly memberNo: string; readonly memberId: number | null; readonly memberName: string | null }[];
  readonly from: string | null;
  readonly to: string | null;
  /** At most 200 issues are listed; issueCount is the full count. */
  readonly issues: readonly KeyCsvIssue[];
  readonly issueCount: number;
}

/** What a key would have given each member over a past week, against the key in force then. */
export interface KeyAllocationPreview {
  readonly siteId: number;
  readonly from: string;
  readonly to: string;
  readonly poolWh: number;
  readonly rows: readonly {
    readonly memberId: number;
    readonly memberName: string;
    readonly deficitWh: number;
    readonly currentWh: number;
    readonly proposedWh: number;
  }[];
  readonly currentExportWh: number;
  readonly proposedExportWh: number;
}

/** A member's source preference: inside the pool their share is drawn from these kinds first, in order. */
export interface SourcePreference {
  readonly memberId: number;
  readonly order: readonly EnergySource[];
  readonly validFrom: string | null;
  readonly history: readonly { readonly validFrom: string; readonly order: readonly EnergySource[] }[];
}

// ---------- recompute and audit ----------

export interface RecomputeState {
  readonly jobId: string | null;
  readonly siteId: number;
  readonly status: 'idle' | 'running' | 'succeeded' | 'failed';
  readonly from: string | null;
  readonly to: string | null;
  readonly intervalsTotal: number;
  readonly intervalsDone: number;
  /** Intervals whose inputs had changed and were allocated again (the rest were already up to date). */
  readonly intervalsRecomputed: number;
  readonly excludedReadings: readonly ExcludedReadings[];
  /** Why a failed job failed, in English (logs, API callers); errorCode says it in any language. */
  readonly error: string | null;
  readonly errorCode: RecomputeErrorCode | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}
/** Why a recompute job failed: the database was busy or locked, the disk is full, it is read-only, or anything else. */
export const RECOMPUTE_ERROR_CODES = ['database_busy', 'disk_full', 'read_only', 'failed'] as const;
export type RecomputeErrorCode = (typeof RECOMPUTE_ERROR_CODES)[number];

/**
 * Refusals of the energy channels (ApiErrorDetails.reason, with details.params):
 * - key_overlaps_version {version, validFrom}: energy.keys.create, a start not after the last version's
 * - key_rewrites_flows {computedUntil, startFrom}: energy.keys.create, a start within computed flows
 * - key_table_rejected {count}: energy.keys.create, the custom table has problems (energy.keys.previewCsv lists them)
 * - month_in_future {month}: energy.recompute.start, a month that has not begun
 */
export const ENERGY_REFUSALS = ['key_overlaps_version', 'key_rewrites_flows', 'key_table_rejected', 'month_in_future'] as const;
export type EnergyRefusal = (typeof ENERGY_REFUSALS)[number];

/** Readings not used, and why (a retired meter after retirement, a meter never provisioned, …). */
export interface ExcludedReadings {
  readonly meterKey: string;
  readonly reason: 'retired' | 'unprovisioned' | 'unknown_equipment' | 'inactive_stock_meter' | 'no_member';
  readonly readings: number;
  readonly message: string;
}

export const AUDIT_RULES = ['surplus_conserved', 'deficit_conserved', 'beyond_deficit', 'totals_equal', 'mix_matches', 'stale'] as const;
export type EnergyAuditRule = (typeof AUDIT_RULES)[number];
export interface EnergyAuditReport {
  readonly siteId: number;
  readonly from: string;
  readonly to: string;
  readonly intervalsChecked: number;
  readonly ok: boolean;
  /** At most 100 listed; violationCount is the full count. */
  readonly violations: readonly { readonly intervalStart: string; readonly memberId: number | null; readonly rule: EnergyAuditRule; readonly message: string }[];
  readonly violationCount: number;
}


export const energyChannels = {
  'energy.series': defineChannel<EnergySeries>()({
    input: z.object({ siteId: Id, bucket: z.enum(ENERGY_BUCKETS).default('day'), ...PeriodFields }).superRefine(checkPeriod),
    access: STAFF,
    description: "A site's energy over a period in interval/hour/day/week/month buckets (columnar)",
  }),
  'energy.flows': defineChannel<EnergyFlows>()({
    input: z.object({ siteId: Id, maxMembers: z.number().int().min(0).max(50).default(12), ...PeriodFields }).superRefine(checkPeriod),
    access: STAFF,
    description: 'Sankey flows of a period; beyond maxMembers the smaller members are grouped',
  }),
  'energy.kpis': defineChannel<EnergyKpis>()({
    input: z.object({ siteId: Id, ...PeriodFields }).superRefine(checkPeriod),
    access: STAFF,
    description: 'Self-sufficiency, self-consumption and the share of each source over a period',
  }),
  'energy.member': defineChannel<MemberEnergy>()({
    input: z.object({ memberId: Id, ...PeriodFields }).superRefine(checkPeriod),
    access: STAFF,
    description: "One member's energy per day: self, community by source, main supply; estimated/unattested marked",
  }),
  'energy.keys.list': defineChannel<readonly AllocationKeyVersion[]>()({
    input: z.object({ siteId: Id }),
    access: STAFF,
    description: "A site's allocation key versions (none = pro rata, the default)",
  }),
  'energy.keys.create': defineChannel<AllocationKeyVersion>()({
    input: z.object({ siteId: Id, validFrom: IsoInstant, definition: AllocationKeyDefinition, notes: NoteText(2000).default('') }),
    access: STAFF,
    description: 'Add an allocation key version from an interval start on; never before computed flows it would rewrite',
  }),
  'energy.keys.previewCsv': defineChannel<KeyCsvPreview>()({
    input: z.object({ siteId: Id, csv: z.string().max(50_000_000, 'The CSV is too large (50 MB at most)') }),
    access: STAFF,
    description: 'Check a per-interval key table: one sentence per bad cell; nothing is written',
  }),
  'energy.keys.previewAllocation': defineChannel<KeyAllocationPreview>()({
    input: z.object({ siteId: Id, definition: AllocationKeyDefinition, weekEnding: IsoDate.nullable().default(null) }),
    access: STAFF,
    description: "The last week's pool under a proposed key, beside the key that was in force",
  }),
  'energy.preferences.get': defineChannel<SourcePreference>()({
    input: z.object({ memberId: Id }),
    access: STAFF,
    description: "A member's source preference (kinds in order) and its history",
  }),
  'energy.preferences.set': defineChannel<SourcePreference>()({
    input: z.object({
      memberId: Id,
      order: z
        .array(z.enum(ENERGY_SOURCES))
        .max(ENERGY_SOURCES.length)
        .refine((kinds) => new Set(kinds).size === kinds.length, 'A source is listed twice'),
    }),
    access: STAFF,
    description: 'Set a source preference, in force from the next interval on (the past is not rewritten)',
  }),
  'energy.recompute.start': defineChannel<RecomputeState>()({
    input: z.object({ siteId: Id, month: YearMonth }),
    access: STAFF,
    description: "Recompute a site-month's flows (only intervals whose inputs changed); progress as 'energy.recompute' events",
  }),
  'energy.recompute.state': defineChannel<RecomputeState>()({
    input: z.object({ siteId: Id }),
    access: STAFF,
    description: "The site's last or running recompute",
  }),
  'energy.audit': defineChannel<EnergyAuditReport>()({
    input: z.object({ siteId: Id, ...PeriodFields }).superRefine(checkPeriod),
    access: STAFF,
    description: 'Check the invariants of the stored flows (every Wh of surplus and deficit accounted for)',
  }),
} as const;
