// Green tokens (issue 12): the versioned token policy (list, preview on the last posted period, save
// a new version), a member's tokens (balance, history, awards with their certificates) and
// redemption for energy credit or a recorded cash-out. Token amounts are integer units of the chain
// asset (`decimals` places: 1 000 units = 1 token with 3 decimals). Two entry points per member
// use: operators name the member (`tokens.member`, `tokens.redeem`); a member at the kiosk never
// does (`tokens.mine`, `tokens.redeemMine` take the member from the session, in the core).
import { z } from 'zod';
import { ADMIN_ONLY, defineChannel, KIOSK_MEMBER, STAFF } from './define.js';
import { Id, IsoInstant, NoteText } from './common.js';
import { ENERGY_SOURCES, type EnergySource } from './energy.js';

const Bps = (max: number) => z.number().int().min(0).max(max);
export const TOKEN_MAX_MULTIPLIER_BPS = 100_000;

export const TokenPolicyInput = z
  .object({
    unitsPerKwh: z.number().int().min(0).max(1_000_000_000),
    unattestedRateBps: Bps(10_000),
    eligibleKinds: z.array(z.enum(ENERGY_SOURCES)).min(1).max(ENERGY_SOURCES.length),
    diversity: z.array(z.object({ kinds: z.number().int().min(1).max(ENERGY_SOURCES.length), multiplierBps: Bps(TOKEN_MAX_MULTIPLIER_BPS) }).strict()).min(1).max(ENERGY_SOURCES.length),
    siteBonus: z.object({ minKinds: z.number().int().min(2).max(ENERGY_SOURCES.length), bonusBps: Bps(TOKEN_MAX_MULTIPLIER_BPS) }).strict().nullable(),
    redemptionMinorPerKiloUnits: z.number().int().min(0).max(1_000_000_000),
  })
  .strict();
export type TokenPolicyData = z.output<typeof TokenPolicyInput>;

export interface TokenUnit {
  /** Decimal places of the chain asset (the green token bootstrap created), 3 before set-up. */
  readonly decimals: number;
  readonly symbol: string;
  readonly currency: string;
}

export interface TokenPolicyVersionView {
  readonly version: number;
  readonly validFrom: string;
  readonly policy: TokenPolicyData;
  readonly notes: string;
  readonly createdAt: string;
  readonly createdBy: string | null;
  /** The version in force now. */
  readonly inForce: boolean;
}

export interface TokenPoliciesView {
  readonly versions: readonly TokenPolicyVersionView[];
  /** The policy in force now (the built-in default when no version is saved yet). */
  readonly current: TokenPolicyData;
  readonly currentIsDefault: boolean;
  /** A new version must start after this instant: the end of the last awarded period, or the latest version's start. */
  readonly earliestValidFrom: string | null;
  readonly unit: TokenUnit;
}

export interface TokenPreviewMember {
  readonly memberId: number;
  readonly memberNo: string;
  readonly fullName: string;
  readonly kinds: readonly EnergySource[];
  readonly multiplierBps: number;
  readonly siteBonusBps: number;
  readonly wh: number;
  readonly unattestedWh: number;
  /** Under the policy being edited. */
  readonly tokens: number;
  /** What the period actually awarded (the stored award), null when it has none. */
  readonly awardedTokens: number | null;
}

export interface TokenPolicyPreview {
  /** null when no period is posted yet: nothing to preview on. */
  readonly period: { readonly id: number; readonly siteName: string; readonly from: string; readonly to: string } | null;
  readonly members: readonly TokenPreviewMember[];
  readonly totalTokens: number;
  readonly awardedTotal: number | null;
  readonly siteKinds: readonly EnergySource[];
  /** The credit the period's tokens would be worth at the policy's redemption rate (minor units). */
  readonly creditValueMinor: number;
  readonly unit: TokenUnit;
}

export interface TokenCertificateView {
  readonly device: string;
  readonly equipmentId: number | null;
  readonly kind: EnergySource;
  readonly attested: boolean;
  readonly wh: number;
  readonly tokens: number;
}

export interface TokenMintView {
  readonly status: 'pending' | 'signed' | 'broadcast' | 'in_block' | 'finalized' | 'failed';
  readonly txHash: string | null;
  readonly blockNumber: number | null;
}

export interface TokenAwardView {
  readonly periodId: number;
  readonly from: string;
  readonly to: string;
  readonly kinds: readonly EnergySource[];
  readonly multiplierBps: number;
  readonly siteBonusBps: number;
  readonly wh: number;
  readonly tokens: number;
  /** Tokens earned by the diversity multiplier and site bonus (tokens − the same at × 1.0). */
  readonly bonusTokens: number;
  readonly certificates: readonly TokenCertificateView[];
  /** null: not minted on chain (no account that can receive it, or the chain is not set up). */
  readonly mint: TokenMintView | null;
}

export interface TokenMovementView {
  readonly id: number;
  readonly kind: 'award' | 'redemption';
  readonly tokens: number;
  readonly balance: number;
  readonly at: string;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly redemptionKind: 'credit' | 'cash-out' | null;
  readonly amountMinor: number | null;
}

export interface MemberTokens {
  readonly balance: number;
  /** Of the balance, the units held on chain by the member's account. */
  readonly onChain: number;
  /** Minor units of credit per 1 000 units under the policy in force (0: redemption closed). */
  readonly redemptionMinorPerKiloUnits: number;
  readonly balanceValueMinor: number;
  readonly history: readonly TokenMovementView[];
  /** Newest first, at most 24. */
  readonly awards: readonly TokenAwardView[];
  readonly unit: TokenUnit;
}

export interface TokenRedemptionResult {
  readonly redemptionId: number;
  readonly tokens: number;
  readonly amountMinor: number;
  readonly kind: 'credit' | 'cash-out';
  readonly balance: number;
  /** Units burned on chain (the rest were in the books only); the burn goes out through the outbox. */
  readonly burnedOnChain: number;
}

const Units = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const tokensChannels = {
  'tokens.policies': defineChannel<TokenPoliciesView>()({
    input: z.object({}).strict(),
    access: STAFF,
    description: 'Token policy versions (tokens per kWh, unattested rate, diversity multipliers, site bonus, redemption rate)',
  }),
  'tokens.previewPolicy': defineChannel<TokenPolicyPreview>()({
    input: z.object({ policy: TokenPolicyInput, siteId: Id.optional() }).strict(),
    access: STAFF,
    description: "A policy's effect on the last posted period (per member tokens, totals) before it is saved; writes nothing",
  }),
  'tokens.savePolicy': defineChannel<TokenPolicyVersionView>()({
    input: z.object({ validFrom: IsoInstant, policy: TokenPolicyInput, notes: NoteText(500).default('') }).strict(),
    access: ADMIN_ONLY,
    description: 'Saves a new token policy version from validFrom on (never rewrites one, never reaches back into awarded periods)',
  }),
  'tokens.member': defineChannel<MemberTokens>()({
    input: z.object({ memberId: Id }).strict(),
    access: STAFF,
    description: "A member's token balance, history and awards with their certificates",
  }),
  'tokens.redeem': defineChannel<TokenRedemptionResult>()({
    input: z.object({ memberId: Id, tokens: Units, kind: z.enum(['credit', 'cash-out']) }).strict(),
    access: STAFF,
    description: "Redeems a member's tokens for energy credit at the posted rate (journal credit + burn on chain), or records a cash-out",
  }),
  'tokens.mine': defineChannel<MemberTokens>()({
    input: z.object({}).strict(),
    access: KIOSK_MEMBER,
    kiosk: true,
    description: "The signed-in member's token balance, history and awards (kiosk)",
  }),
  'tokens.redeemMine': defineChannel<TokenRedemptionResult>()({
    input: z.object({ tokens: Units }).strict(),
    access: KIOSK_MEMBER,
    kiosk: true,
    description: "The signed-in member redeems their own tokens for energy credit (kiosk; a cash-out is at the office)",
  }),
} as const;
