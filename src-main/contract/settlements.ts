// Settlement of a site-period: draft (computed, re-runnable) → approved → posted (journal entries).
// Every line traces to its sources (tariff version, agreement + version, interval range) and carries
// the values of the sentence that explains it. Money in minor units of the cooperative's currency.
import { z } from 'zod';
import { defineChannel, STAFF } from './define.js';
import { Id, IsoDate } from './common.js';
import type { ErrorReason } from './errors.js';

export const SETTLEMENT_LINE_CODES = [
  'energy_main', 'energy_pool', 'grid_fee', 'fixed_fee', 'tax', 'pool_earnings',
  'lease_energy', 'rent_share', 'surplus_share', 'instalment', 'lto_energy',
  'p2p_energy', 'p2p_wheeling', 'p2p_tax', 'adjustment',
] as const;
export type SettlementLineCode = (typeof SETTLEMENT_LINE_CODES)[number];
export const SETTLEMENT_STATUSES = ['draft', 'approved', 'posted'] as const;
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];
/** Who is on the other side of a line: 'member:<id>', or one of the cooperative's accounts. */
export type CounterpartyKey = `member:${number}` | 'cooperative-energy' | 'cooperative-fees' | 'grid' | 'government';

/**
 * The settlement refusals (details.reason of the CoreError) and the names of the values each one
 * carries in details.params; the renderer says each from errors.reasons.<reason> (EN and FR).
 * Dates are the period's local dates (YYYY-MM-DD).
 */
export const SETTLEMENT_REFUSALS = {
  settlement_no_cooperative: [],
  settlement_period_reversed: ['from', 'to'],
  settlement_period_not_ended: ['to', 'today'],
  settlement_approved_rerun: ['from', 'to'],
  settlement_overlaps: ['from', 'to', 'site'],
  settlement_earlier_unposted: ['from', 'to'],
  settlement_changed_meanwhile: [],
  settlement_no_tariff_plan: ['site'],
  settlement_no_tariff_version: ['plan', 'date'],
  settlement_flows_inconsistent: [],
  settlement_mixed_currencies: ['currency', 'previous', 'from', 'to'],
  settlement_already_approved: [],
  settlement_already_posted: [],
  settlement_not_approved: [],
  settlement_posted_never_reopened: [],
  settlement_reopen_not_approved: [],
  settlement_inputs_changed: [],
} as const satisfies Partial<Record<ErrorReason, readonly string[]>>;
export type SettlementRefusal = keyof typeof SETTLEMENT_REFUSALS;
/** The values a refusal carries, by name (a date, a site or tariff name, a currency code). */
export type SettlementRefusalParams<R extends SettlementRefusal> = Readonly<Record<(typeof SETTLEMENT_REFUSALS)[R][number], string>>;

export interface SettlementPeriod {
  readonly id: number;
  readonly siteId: number;
  readonly siteName: string;
  readonly from: string;
  readonly to: string;
  readonly status: SettlementStatus;
  readonly currency: string;
  readonly tariffPlanId: number | null;
  readonly lineCount: number;
  readonly chargedMinor: number;
  readonly creditedMinor: number;
  readonly memberCount: number;
  readonly computedAt: string;
  readonly computedBy: string | null;
  readonly approvedAt: string | null;
  readonly approvedBy: string | null;
  readonly postedAt: string | null;
  readonly postedBy: string | null;
  /** Stored flows changed since this period was computed (late readings): a draft should be run
   *  again; a posted period's difference goes into the next period as adjustment lines. */
  readonly flowsChanged: boolean;
  /** Journal entry ids written when posted. */
  readonly journalEntryIds: readonly number[];
}

export interface SettlementLineView {
  readonly id: number;
  /** The posted journal entry's transfer (its source is `settlement-transfer` `<periodId>:<transferNo>`). */
  readonly transferNo: number;
  readonly memberId: number;
  readonly code: SettlementLineCode;
  readonly amountMinor: number;
  readonly counterparty: CounterpartyKey;
  readonly counterpartyName: string | null;
  readonly quantityWh: number | null;
  readonly rateMilliPerKwh: number | null;
  readonly tariffVersionId: number | null;
  readonly tariffVersion: number | null;
  readonly agreementId: number | null;
  readonly agreementVersion: number | null;
  readonly agreementTitle: string | null;
  readonly intervalFrom: string | null;
  readonly intervalTo: string | null;
  readonly instalmentNo: number | null;
  readonly dueOn: string | null;
  readonly adjustsPeriodId: number | null;
  /** Values for the sentence that explains the line (translated per code in the renderer). */
  readonly explain: Readonly<Record<string, string | number>>;
}

export interface SettlementMemberRow {
  readonly memberId: number;
  readonly memberNo: string;
  readonly memberName: string;
  readonly totalMinor: number;
  readonly chargedMinor: number;
  readonly creditedMinor: number;
  /** The member's total in the previous period of the site (null when none). */
  readonly previousTotalMinor: number | null;
}

/** Where a posted period's chain mirror stands (anchor of the statement lines' Merkle root, credit transfers). */
export interface SettlementMirrorView {
  readonly status: 'not-queued' | 'pending' | 'anchored' | 'done' | 'failed';
  readonly root: string | null;
  readonly leafCount: number | null;
  readonly blockNumber: number | null;
  readonly creditChunks: number;
  readonly creditChunksFinalized: number;
  readonly transfers: number;
  readonly errors: readonly string[];
}

export interface SettlementDetail {
  readonly period: SettlementPeriod;
  /** Null until the period is posted. */
  readonly mirror: SettlementMirrorView | null;
  readonly previousPeriodId: number | null;
  readonly members: readonly SettlementMemberRow[];
  /** Σ per counterparty account that is not a member (what the cooperative, grid, government net). */
  readonly counterparties: readonly { readonly account: CounterpartyKey; readonly totalMinor: number }[];
}

export interface SettlementCodeDiff {
  readonly code: SettlementLineCode;
  readonly amountMinor: number;
  readonly previousMinor: number;
  readonly quantityWh: number;
  readonly previousWh: number;
}

export interface SettlementMemberPreview {
  readonly period: SettlementPeriod;
  readonly member: SettlementMemberRow;
  readonly lines: readonly SettlementLineView[];
  /** Per code: this period vs the previous one. */
  readonly diff: readonly SettlementCodeDiff[];
}

/** The monthly report: energy and money by source and party. */
export interface SettlementReport {
  readonly period: SettlementPeriod;
  readonly site: { readonly id: number; readonly name: string; readonly village: string };
  readonly energy: { readonly p2pWh: number; readonly poolWh: number; readonly mainWh: number };
  readonly sales: { readonly p2pMinor: number; readonly poolMinor: number; readonly mainMinor: number };
  readonly fees: { readonly fixedMinor: number; readonly gridMinor: number; readonly wheelingMinor: number };
  readonly taxMinor: number;
  readonly owners: readonly { readonly memberId: number; readonly memberName: string; readonly leaseMinor: number; readonly instalmentMinor: number; readonly surplusShareMinor: number; readonly rentPaidMinor: number }[];
  readonly rentShares: readonly { readonly memberId: number; readonly memberName: string; readonly rentMinor: number }[];
}

export interface SettlementProgress {
  readonly siteId: number;
  readonly from: string;
  readonly to: string;
  readonly step: 'reading' | 'computing' | 'writing' | 'done';
  readonly done: number;
  readonly total: number;
}

export const settlementsChannels = {
  'settlements.list': defineChannel<readonly SettlementPeriod[]>()({
    input: z.object({ siteId: Id.nullable().default(null) }),
    access: STAFF,
    description: 'Settlement periods, newest first',
  }),
  'settlements.get': defineChannel<SettlementDetail>()({
    input: z.object({ id: Id }),
    access: STAFF,
    description: 'One period with each member’s total and the previous period’s for comparison',
  }),
  'settlements.member': defineChannel<SettlementMemberPreview>()({
    input: z.object({ id: Id, memberId: Id }),
    access: STAFF,
    description: 'A member’s statement lines of a period, with their sources and the diff to the previous period',
  }),
  'settlements.run': defineChannel<SettlementPeriod>()({
    input: z.object({ siteId: Id, from: IsoDate, to: IsoDate }),
    access: STAFF,
    description: 'Compute (or re-run) the draft settlement of a site-period; same inputs → same lines',
  }),
  'settlements.approve': defineChannel<SettlementPeriod>()({
    input: z.object({ id: Id }),
    access: STAFF,
    description: 'Approve a draft (audited)',
  }),
  'settlements.reopen': defineChannel<SettlementPeriod>()({
    input: z.object({ id: Id, reason: z.string().trim().min(1, 'Say why').max(500) }),
    access: STAFF,
    description: 'Send an approved period back to draft (audited); posted periods are never reopened',
  }),
  'settlements.post': defineChannel<SettlementPeriod>()({
    input: z.object({ id: Id }),
    access: STAFF,
    description: 'Post an approved period: every journal entry in one transaction with the status change',
  }),
  'settlements.report': defineChannel<SettlementReport>()({
    input: z.object({ id: Id }),
    access: STAFF,
    description: 'The monthly report of a period: energy sold P2P / from the pool / from the main supply, revenue per owner, rent shares, fees, tax',
  }),
  'settlements.reportCsv': defineChannel<{ readonly fileName: string; readonly csv: string }>()({
    input: z.object({ id: Id }),
    access: STAFF,
    description: 'The monthly report as CSV, the site fields and the period on every row',
  }),
} as const;
