// Agreements: hosted lease with rent share, lease-to-own, P2P sale. Terms are versioned, rendered
// as a PDF whose SHA-256 is the terms hash, co-signed by every party through a registrar.
import { z } from 'zod';
import { defineChannel, STAFF } from './define.js';
import { Id, IsoDate, NoteText, RequiredText, ShortText, type Page } from './common.js';
import type { AuditEntry } from './audit.js';
import { BasisPoints, MoneyMinor, RateMilliPerKwh } from './tariffs.js';
import { because } from './issues.js';

export const AGREEMENT_KINDS = ['hosted_lease', 'lease_to_own', 'p2p_sale'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const AGREEMENT_STATUSES = ['draft', 'proposed', 'signed', 'active', 'completed', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** What an operator may ask for; 'all_signed' is reached by the last signature, never asked for. */
export const AGREEMENT_ACTIONS = ['propose', 'withdraw', 'activate', 'complete', 'terminate'] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];
export const PARTY_ROLES = ['owner', 'host', 'seller', 'buyer', 'grid_operator', 'government'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const SIGNATURE_STATES = ['pending_chain', 'local_only', 'on_chain', 'failed'] as const;
export type SignatureState = (typeof SIGNATURE_STATES)[number];
export const REGISTRATION_STATES = ['unregistered', 'local_only', 'pending_chain', 'on_chain', 'failed'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];
/**
 * Cancelling the pending Multisig of a version that left the signing path before registration:
 * pending (queued, goes out when the chain is ready) → done (cancelled on chain, deposit returned) |
 * not_needed (nothing was waiting on chain: never created, or already gone) | executed_first (the last
 * approval ran the registering call before the cancellation) | superseded (proposed again before it
 * went out) | failed (the chain refused it; `note` holds the decoded error).
 */
export const CANCELLATION_STATES = ['pending', 'done', 'not_needed', 'executed_first', 'superseded', 'failed'] as const;
export type CancellationState = (typeof CANCELLATION_STATES)[number];

const Notes = NoteText(2000).default('');

export const HostedLeaseTerms = z.object({
  kind: z.literal('hosted_lease'),
  equipmentId: Id,
  ownerMemberId: Id,
  hostMemberId: Id,
  startsOn: IsoDate,
  termYears: z.number().int().min(1, 'At least one year').max(30, 'At most 30 years'),
  /** What the host pays the owner per kWh used. */
  energyRateMilliPerKwh: RateMilliPerKwh,
  /** Share of those energy charges returned to the host as rent. */
  rentShareBps: BasisPoints,
  /** Owner's share of surplus sold peer to peer; the host gets the rest. */
  surplusOwnerBps: BasisPoints,
  endOfTerm: z.enum(['equipment_returns_to_owner', 'host_may_buy_at_residual', 'renew_by_new_agreement']).default('equipment_returns_to_owner'),
  notes: Notes,
});

export const LeaseToOwnTerms = z.object({
  kind: z.literal('lease_to_own'),
  equipmentId: Id,
  ownerMemberId: Id,
  hostMemberId: Id,
  startsOn: IsoDate,
  priceMinor: MoneyMinor.min(1, 'The price must be positive'),
  instalmentCount: z.number().int().min(1).max(360),
  instalmentPeriod: z.enum(['monthly', 'quarterly', 'yearly']),
  /** Energy rate the host pays the owner until the last instalment. */
  energyRateMilliPerKwh: RateMilliPerKwh,
  notes: Notes,
});

export const P2pSaleTerms = z.object({
  kind: z.literal('p2p_sale'),
  sellerMemberId: Id,
  buyers: z.discriminatedUnion('mode', [
    z.object({
      mode: z.literal('members'),
      memberIds: z
        .array(Id)
        .min(1, 'Name at least one buyer')
        .max(50)
        .refine((ids) => new Set(ids).size === ids.length, because('buyerTwice', 'A buyer is listed twice')),
    }),
    z.object({ mode: z.literal('site'), siteId: Id }),
  ]),
  priceRule: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('fixed'), rateMilliPerKwh: RateMilliPerKwh }),
    z.object({ mode: z.literal('tariff'), tariffPlanId: Id, discountBps: BasisPoints.default(0) }),
  ]),
  gridFee: z.object({ operatorMemberId: Id, rateMilliPerKwh: RateMilliPerKwh }).nullable().default(null),
  tax: z.object({ governmentMemberId: Id, rateBps: BasisPoints }).nullable().default(null),
  startsOn: IsoDate,
  termMonths: z.number().int().min(1).max(600),
  notes: Notes,
});

export const AgreementTerms = z.discriminatedUnion('kind', [HostedLeaseTerms, LeaseToOwnTerms, P2pSaleTerms]);
export type AgreementTermsInput = z.input<typeof AgreementTerms>;
export type AgreementTermsValue = z.output<typeof AgreementTerms>;
export type HostedLeaseTermsValue = z.output<typeof HostedLeaseTerms>;
export type LeaseToOwnTermsValue = z.output<typeof LeaseToOwnTerms>;
export type P2pSaleTermsValue = z.output<typeof P2pSaleTerms>;

export interface AgreementParty {
  readonly memberId: number;
  readonly memberNo: string;
  readonly memberName: string;
  readonly role: PartyRole;
}

export interface Signature {
  readonly memberId: number;
  readonly memberName: string;
  readonly version: number;
  readonly state: SignatureState;
  readonly registrar: string;
  readonly recordedAt: string;
  readonly confirmedAt: string | null;
  readonly blockHash: string | null;
  readonly extrinsicHash: string | null;
  readonly failure: string | null;
}

export interface AgreementRegistration {
  /** Which registrar recorded it ('local-only' is explicitly not on chain). */
  readonly registrar: string | null;
  readonly state: RegistrationState;
  readonly collectionId: number | null;
  readonly itemId: number | null;
  readonly callHash: string | null;
  readonly blockHash: string | null;
  readonly blockNumber: number | null;
  readonly extrinsicHash: string | null;
  readonly failure: string | null;
}

export interface Agreement {
  readonly id: number;
  readonly kind: AgreementKind;
  readonly status: AgreementStatus;
  readonly title: string;
  readonly siteId: number;
  readonly siteName: string;
  readonly equipmentId: number | null;
  readonly version: number;
  readonly terms: AgreementTermsValue;
  /** SHA-256 (hex) of the terms document of the current version; null until proposed. */
  readonly termsHash: string | null;
  readonly parties: readonly AgreementParty[];
  readonly endsOn: string;
  readonly endReason: string;
  readonly registration: AgreementRegistration;
  readonly ownerListingId: number | null;
  readonly hostListingId: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly proposedAt: string | null;
  readonly signedAt: string | null;
  readonly activatedAt: string | null;
  readonly endedAt: string | null;
}

export interface AgreementVersionInfo {
  readonly version: number;
  readonly createdAt: string;
  readonly termsHash: string | null;
  readonly terms: AgreementTermsValue;
}

export interface Instalment {
  readonly number: number;
  readonly dueOn: string;
  readonly amountMinor: number;
}

export interface MultisigCancellation {
  readonly version: number;
  readonly state: CancellationState;
  /** The lifecycle step that abandoned the version. */
  readonly cause: 'withdraw' | 'terminate';
  readonly multisig: string | null;
  readonly callHash: string | null;
  readonly decidedAt: string;
  readonly settledAt: string | null;
  /** How many times the cancellation was sent (0 = nothing sent). */
  readonly attempts: number;
  readonly blockHash: string | null;
  readonly blockNumber: number | null;
  readonly extrinsicHash: string | null;
  /** `section.Name` of the chain error when failed (or of the last transient problem while pending). */
  readonly errorName: string | null;
  /** What happened, in words: the decoded chain error, or what was found on chain. */
  readonly note: string | null;
}

export interface MultisigApprovalParty {
  readonly memberId: number;
  /** The member's chain account; null when they have none (they cannot approve yet). */
  readonly address: string | null;
  readonly wallet: 'console' | 'external' | null;
  /** The other signatories in the order the Multisig pallet wants them (sorted by public key). */
  readonly otherSignatories: readonly string[];
  /** Their approval of this version is confirmed on chain. */
  readonly approved: boolean;
  /** Everyone else approved: their approval runs the call (multisig.asMulti with the call data). */
  readonly last: boolean;
}

/** What a party approves on chain for the current version (chain registrar only). */
export interface MultisigApproval {
  readonly version: number;
  readonly multisig: string;
  readonly threshold: number;
  /** Every signatory, the cooperative's issuer first. */
  readonly signatories: readonly string[];
  readonly cooperative: string;
  readonly callHash: string;
  /** SCALE-encoded registering call (hex): the last approver submits it with multisig.asMulti. */
  readonly callData: string;
  /** Block height and extrinsic index of the cooperative's first approval; null until confirmed. */
  readonly timepoint: { readonly height: number; readonly index: number } | null;
  readonly parties: readonly MultisigApprovalParty[];
}

/**
 * What a failed registration allows: 'allowed' — nothing of this version reached the chain, send it again
 * (agreements.retryRegistration); 'repropose' — parties' approvals went with a refused call, withdraw and
 * propose again; null — the registration did not fail.
 */
export type RegistrationRetry = 'allowed' | 'repropose' | null;

export interface AgreementDetail {
  readonly agreement: Agreement;
  readonly versions: readonly AgreementVersionInfo[];
  readonly signatures: readonly Signature[];
  /** Parties of the current version who have not yet a confirmed signature. */
  readonly awaiting: readonly number[];
  readonly allowedActions: readonly AgreementAction[];
  /** Lease-to-own only: the instalment schedule (sums exactly to the price). */
  readonly instalments: readonly Instalment[];
  readonly history: readonly AuditEntry[];
  /** The Multisig call of the current version while it is proposed on chain (for own-wallet approvals); else null. */
  readonly multisig: MultisigApproval | null;
  /** Cancellations of abandoned versions' Multisig operations, newest first. */
  readonly cancellations: readonly MultisigCancellation[];
  readonly registrationRetry: RegistrationRetry;
}

export interface DocumentFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly base64: string;
  readonly sha256: string;
}

export const AgreementListQuery = z.object({
  kind: z.enum(AGREEMENT_KINDS).nullable().default(null),
  status: z.enum(AGREEMENT_STATUSES).nullable().default(null),
  siteId: Id.nullable().default(null),
  memberId: Id.nullable().default(null),
  limit: z.number().int().min(1).max(5000).default(500),
  offset: z.number().int().min(0).default(0),
});
export type AgreementListQueryValue = z.output<typeof AgreementListQuery>;

export const agreementsChannels = {
  'agreements.list': defineChannel<Page<Agreement>>()({
    input: AgreementListQuery,
    access: STAFF,
    description: 'Agreements by kind, status, site or party',
  }),
  'agreements.get': defineChannel<AgreementDetail>()({
    input: z.object({ id: Id }),
    access: STAFF,
    description: 'One agreement: versions, parties, signatures, allowed actions, history',
  }),
  'agreements.create': defineChannel<Agreement>()({
    input: z.object({ title: RequiredText(160), terms: AgreementTerms }),
    access: STAFF,
    description: 'Draft an agreement',
  }),
  'agreements.updateTerms': defineChannel<Agreement>()({
    input: z.object({ id: Id, title: RequiredText(160).optional(), terms: AgreementTerms }),
    access: STAFF,
    description: 'Revise a draft: the new terms become a new version (earlier versions are kept)',
  }),
  'agreements.transition': defineChannel<Agreement>()({
    input: z.object({ id: Id, action: z.enum(AGREEMENT_ACTIONS), reason: NoteText(500).default('') }),
    access: STAFF,
    description: 'Propose, withdraw, activate, complete or terminate (terminate and withdraw need a reason)',
  }),
  'agreements.sign': defineChannel<AgreementDetail>()({
    input: z.object({
      id: Id,
      memberId: Id,
      /** Unlocks the party's key for an on-chain approval; never stored or logged. */
      passphrase: z.string().max(200).default(''),
    }),
    access: STAFF,
    description: "Record a party's approval of the proposed terms through the registrar",
  }),
  'agreements.retryRegistration': defineChannel<Agreement>()({
    input: z.object({ id: Id }),
    access: STAFF,
    description: 'Send a failed registration of a proposed agreement again once its cause is gone (e.g. the chain set-up finished)',
  }),
  'agreements.termsDocument': defineChannel<DocumentFile>()({
    input: z.object({ id: Id, version: z.number().int().min(1).nullable().default(null) }),
    access: STAFF,
    description: 'The terms as a PDF (frozen once proposed; a draft is rendered as it stands)',
  }),
  'agreements.proofPack': defineChannel<DocumentFile>()({
    input: z.object({ id: Id }),
    access: STAFF,
    description: 'A zip with the terms PDF, its hash, the registration fields and the signatories',
  }),
} as const;
