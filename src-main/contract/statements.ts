// Members' statements of posted settlement periods (issue 12): one statement per member per posted
// period, built from the posted settlement only, printable as a PDF in the member's language with a
// QR code, and verifiable against the chain (its canonical hash is a leaf of the period's anchored
// Merkle tree: core/settlement/mirror/statement-line.ts). Money in minor units, energy in Wh.
import { z } from 'zod';
import { defineChannel, KIOSK_MEMBER, STAFF } from './define.js';
import { Id, IsoDate } from './common.js';
import type { EnergySource } from './energy.js';
import type { DocumentFile } from './agreements.js';

export const STATEMENT_FORMAT = 'coop-statement';
export const STATEMENT_VERSION = 1;
export const STATEMENT_LOCALES = ['en', 'fr'] as const;
export type StatementLocale = (typeof STATEMENT_LOCALES)[number];

/** One posted line as anchored (the fields of the member statement's canonical text). */
export interface StatementLine {
  readonly lineId: number;
  /** A settlement line code (contract/settlements.ts SETTLEMENT_LINE_CODES). */
  readonly code: string;
  readonly counterparty: string;
  /** Signed: > 0 the member receives, < 0 the member is charged. */
  readonly amountMinor: number;
  readonly quantityWh: number;
  readonly sources: string;
}

/** Energy of the member over the period (from the member-days the settlement was computed from). */
export interface StatementEnergy {
  /** Own generation used at home. */
  readonly selfWh: number;
  /** Received from the community (pool and P2P), by source kind. */
  readonly communityBySource: Readonly<Record<EnergySource, number>>;
  readonly communityWh: number;
  readonly mainWh: number;
  /** Given to the community (pool and P2P sales). */
  readonly soldWh: number;
  /** Consumed = self + community + main. */
  readonly consumedWh: number;
  /** Consumption in intervals whose readings were estimated (a gap filled), and measured by unattested meters. */
  readonly estimatedWh: number;
  readonly unattestedWh: number;
}

export interface StatementDay {
  /** Local date YYYY-MM-DD. */
  readonly date: string;
  readonly selfWh: number;
  readonly communityWh: number;
  readonly mainWh: number;
  readonly soldWh: number;
  readonly estimatedWh: number;
}

export interface StatementSavings {
  /** What the same consumption would have cost from the main supply alone, at the site tariff. */
  readonly mainOnlyBillMinor: number;
  /** What the period cost the member: −Σ lines (negative when the member earned more than they paid). */
  readonly actualCostMinor: number;
  readonly savingsMinor: number;
}

export interface StatementTokenAward {
  readonly source: EnergySource;
  readonly wh: number;
  readonly tokens: number;
  readonly attested: boolean;
}

/** Green tokens of the period; `available: false` while no token ledger answers for the period. */
export interface StatementTokens {
  readonly available: boolean;
  readonly earned: number;
  readonly bonus: number;
  readonly awards: readonly StatementTokenAward[];
}

export interface StatementPayment {
  readonly receiptNo: string;
  readonly receivedOn: string;
  readonly amountMinor: number;
  readonly method: string;
}

export interface StatementMoney {
  /** Σ of negative lines (≤ 0), Σ of positive lines (≥ 0), their sum. */
  readonly chargedMinor: number;
  readonly creditedMinor: number;
  readonly netMinor: number;
  /** Account balance (credits − debits) before the period, its payments, other entries, and after. */
  readonly broughtForwardMinor: number;
  readonly paymentsMinor: number;
  readonly otherMinor: number;
  readonly carriedMinor: number;
}

export interface StatementProofStep {
  readonly hash: `0x${string}`;
  readonly side: 'left' | 'right';
}

/** Where the statement's hash is anchored: the Merkle path and the extrinsic that carries the root. */
export interface StatementAnchor {
  readonly subject: string;
  readonly root: `0x${string}`;
  readonly leafIndex: number;
  readonly leafCount: number;
  readonly steps: readonly StatementProofStep[];
  readonly sender: string;
  readonly blockNumber: number;
  readonly blockHash: string;
  readonly extrinsicIndex: number;
}

export interface StatementDocument {
  readonly format: typeof STATEMENT_FORMAT;
  readonly version: typeof STATEMENT_VERSION;
  readonly locale: StatementLocale;
  readonly cooperativeName: string;
  readonly period: { readonly id: number; readonly from: string; readonly to: string; readonly siteName: string; readonly postedAt: string | null };
  readonly member: { readonly id: number; readonly memberNo: string; readonly fullName: string };
  readonly currency: string;
  readonly lines: readonly StatementLine[];
  readonly energy: StatementEnergy;
  readonly days: readonly StatementDay[];
  readonly savings: StatementSavings;
  /** Share of consumption met by own and community generation, in basis points (0 … 10000). */
  readonly selfSufficiencyBp: number;
  readonly tokens: StatementTokens;
  readonly payments: readonly StatementPayment[];
  readonly money: StatementMoney;
  /** Canonical hash of the lines (memberStatementHash): the Merkle leaf anchored on chain. */
  readonly hash: `0x${string}`;
  /** Null while the period's anchor is not finalized on chain (the statement cannot be verified yet). */
  readonly anchor: StatementAnchor | null;
}

export const STATEMENT_FAILURES = ['hash-mismatch', 'figures-mismatch', 'merkle-path', 'wrong-anchor', 'root-not-in-block', 'not-anchored', 'wrong-sender'] as const;
export type StatementFailure = (typeof STATEMENT_FAILURES)[number];

export interface StatementVerification {
  readonly verified: boolean;
  /** Which check failed (null when verified). */
  readonly failure: StatementFailure | null;
  /** The failure in words (English; the renderer says `failure` in the member's language). */
  readonly reason: string | null;
  readonly hash: `0x${string}`;
  readonly root: `0x${string}` | null;
  readonly blockNumber: number | null;
  readonly extrinsicIndex: number | null;
  readonly elapsedMs: number;
}

/** A statement as listed (member detail, a period's statements, the kiosk). */
export interface StatementSummary {
  readonly periodId: number;
  readonly from: string;
  readonly to: string;
  readonly memberId: number;
  readonly memberNo: string;
  readonly fullName: string;
  readonly netMinor: number;
  readonly currency: string;
  readonly anchored: boolean;
}

/** A statement PDF or a period's zip of them, as the console's other documents travel. */
export type StatementPdf = DocumentFile;

export const StatementRef = z.object({ periodId: Id, memberId: Id, locale: z.enum(STATEMENT_LOCALES).optional() });
/** At the kiosk a statement is named by its period's first day (no id crosses a member's input). */
export const KioskStatementRef = z.strictObject({ periodFrom: IsoDate, locale: z.enum(STATEMENT_LOCALES).optional() });

export const statementsChannels = {
  'statements.ofMember': defineChannel<readonly StatementSummary[]>()({
    input: z.object({ memberId: Id }),
    access: STAFF,
    description: "A member's statements: one per posted period they have lines in.",
  }),
  'statements.ofPeriod': defineChannel<readonly StatementSummary[]>()({
    input: z.object({ periodId: Id }),
    access: STAFF,
    description: 'The statements of a posted period, one per member.',
  }),
  'statements.get': defineChannel<StatementDocument>()({
    input: StatementRef,
    access: STAFF,
    description: "A member's statement of a posted period, built from the posted settlement.",
  }),
  'statements.verify': defineChannel<StatementVerification>()({
    input: StatementRef,
    access: STAFF,
    description: "Verifies a member's statement against the chain: hash, Merkle path, the root in the block's events.",
  }),
  'statements.pdf': defineChannel<StatementPdf>()({
    input: StatementRef,
    access: STAFF,
    description: "A member's statement as a PDF (member's language, charts, QR code, statement data attached).",
  }),
  'statements.periodZip': defineChannel<StatementPdf>()({
    input: z.object({ periodId: Id, locale: z.enum(STATEMENT_LOCALES).optional() }),
    access: STAFF,
    description: "All statements of a posted period as PDFs in one zip (progress events 'statements.progress').",
  }),
  'statements.mine': defineChannel<readonly StatementSummary[]>()({
    input: z.strictObject({}),
    access: KIOSK_MEMBER,
    kiosk: true,
    description: "The signed-in member's statements (kiosk).",
  }),
  'statements.myStatement': defineChannel<StatementDocument>()({
    input: KioskStatementRef,
    access: KIOSK_MEMBER,
    kiosk: true,
    description: "The signed-in member's statement of a period (kiosk).",
  }),
  'statements.verifyMine': defineChannel<StatementVerification>()({
    input: KioskStatementRef,
    access: KIOSK_MEMBER,
    kiosk: true,
    description: "Verifies the signed-in member's statement of a period against the chain (kiosk).",
  }),
} as const;
