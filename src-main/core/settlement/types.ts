// Inputs and outputs of the pure settlement core (no I/O). Money in integer minor units, energy in
// integer Wh, rates in milli-minor-units per kWh, shares in basis points (see core/tariffs/README.md).
import type { AgreementTermsValue, Instalment } from '../../contract/agreements.js';
import type { TariffDefinitionValue } from '../../contract/tariffs.js';
import type { AccountRef } from '../journal/index.js';

export type { AccountRef };

// What a line is (stable: stored, exported and translated). Meaning of each code:
// energy_main / energy_pool — energy from the main supply / community pool at the site tariff;
// grid_fee, fixed_fee, tax — the site tariff's other lines; pool_earnings — what pool buyers paid for
// a member's shared surplus; lease_energy, rent_share, surplus_share — hosted lease; instalment,
// lto_energy — lease-to-own; p2p_energy, p2p_wheeling, p2p_tax — P2P sale; adjustment — a late
// reading's difference for a posted period, carried into a later one.
export { SETTLEMENT_LINE_CODES, type SettlementLineCode } from '../../contract/settlements.js';
import type { SettlementLineCode } from '../../contract/settlements.js';

/** Where a line's amount comes from (every field that applies is set). */
export interface LineSource {
  readonly tariffVersionId?: number;
  readonly agreementId?: number;
  readonly agreementVersion?: number;
  /** First and last interval start (ISO UTC) whose energy is in the line. */
  readonly intervalFrom?: string;
  readonly intervalTo?: string;
  readonly instalmentNo?: number;
  readonly dueOn?: string;
  /** Adjustment lines: the posted period whose flows changed. */
  readonly adjustsPeriodId?: number;
}

/** Values for the sentence that explains a line (the renderer words it per code). */
export type ExplanationParams = Readonly<Record<string, string | number>>;

/** One movement of money: payer → payee. Every statement line is one side of a transfer. */
export interface Transfer {
  readonly code: SettlementLineCode;
  readonly payer: AccountRef;
  readonly payee: AccountRef;
  readonly amountMinor: number;
  readonly quantityWh: number | null;
  readonly rateMilliPerKwh: number | null;
  readonly source: LineSource;
  readonly explain: ExplanationParams;
}

/** A member's statement line: positive = the member receives, negative = the member is charged. */
export interface StatementLine {
  readonly memberId: number;
  readonly code: SettlementLineCode;
  readonly amountMinor: number;
  readonly counterparty: AccountRef;
  readonly quantityWh: number | null;
  readonly rateMilliPerKwh: number | null;
  readonly source: LineSource;
  readonly explain: ExplanationParams;
  /** Index of the transfer this line is a side of (both sides of a member-to-member transfer share it). */
  readonly transferIndex: number;
}

export interface TariffVersionInput {
  readonly id: number;
  readonly planId: number;
  readonly version: number;
  /** ISO UTC instant. */
  readonly validFrom: string;
  readonly definition: TariffDefinitionValue;
}

/** A member's flows per 15-min slot of the period (index k = slot starting firstSlotMs + k × 15 min). */
export interface MemberSlotFlows {
  readonly memberId: number;
  readonly mainImportWh: ArrayLike<number>;
  /** Received from the community pool. */
  readonly poolWh: ArrayLike<number>;
  /** Given to the community pool. */
  readonly poolSharedWh: ArrayLike<number>;
}

export interface SettlementAgreement {
  readonly id: number;
  readonly version: number;
  readonly terms: AgreementTermsValue;
  /** Running from this instant (ISO UTC) … */
  readonly activeFrom: string;
  /** … until this instant (exclusive), or null while it runs on. */
  readonly activeUntil: string | null;
  /** Lease-to-own: the schedule, and instalment numbers already charged by earlier settlements. */
  readonly schedule: readonly Instalment[];
  readonly instalmentsCharged: readonly number[];
}

/** Energy of one leased equipment at its host, per slot: used by the host, sold to others (pool + P2P). */
export interface LeasedEquipmentSlots {
  readonly agreementId: number;
  readonly usedWh: ArrayLike<number>;
  readonly soldWh: ArrayLike<number>;
}

export interface P2pFlowInput {
  readonly agreementId: number;
  readonly slot: number;
  readonly buyerMemberId: number;
  readonly sellerMemberId: number;
  readonly wh: number;
}

export interface SettlementInput {
  /** Local dates, inclusive. */
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  /** First slot start (UTC ms) and slot count: the period's quarter hours. */
  readonly firstSlotMs: number;
  readonly slotCount: number;
  /** The site tariff (main supply and pool), and its name for messages. */
  readonly siteTariffPlanId: number;
  readonly siteTariffName?: string;
  /** Versions of the site plan and of every plan a P2P price rule names. */
  readonly tariffVersions: readonly TariffVersionInput[];
  /** Every member settled (active members of the site); flows absent = nothing consumed. */
  readonly memberIds: readonly number[];
  readonly flows: readonly MemberSlotFlows[];
  readonly agreements: readonly SettlementAgreement[];
  readonly leased: readonly LeasedEquipmentSlots[];
  readonly p2p: readonly P2pFlowInput[];
}

export interface SettlementResult {
  readonly transfers: readonly Transfer[];
  readonly lines: readonly StatementLine[];
  /** Per member: Σ of their lines (positive = in credit for the period). */
  readonly memberTotals: ReadonlyMap<number, number>;
}

/** Inputs the core cannot settle: NO_TARIFF (params plan, date: no tariff version in force that day) or BAD_INPUT (inconsistent flows). */
export class SettlementInputError extends Error {
  constructor(
    readonly code: 'NO_TARIFF' | 'BAD_INPUT',
    message: string,
    readonly params: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'SettlementInputError';
  }
}
