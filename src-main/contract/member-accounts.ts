// Member chain accounts: the sr25519 address with which a member co-signs agreements on chain.
// Either created at the console (key in the cooperative keystore, used only with the member's PIN)
// or an address the member controls in their own wallet (approvals happen outside the console).
import { z } from 'zod';
import { defineChannel, FIELD_AND_STAFF, STAFF } from './define.js';
import { Id } from './common.js';

export const MEMBER_ACCOUNT_KINDS = ['console', 'external'] as const;
export type MemberAccountKind = (typeof MEMBER_ACCOUNT_KINDS)[number];

/** A PIN or short passphrase: 4–64 characters (digits are fine). Only its Argon2id hash is stored. */
export const MemberPin = z.string().min(4, 'At least 4 characters').max(64, 'At most 64 characters');
/** An SS58 address; the core checks its checksum. */
export const ChainAddress = z.string().trim().min(46, 'Not a chain address').max(50, 'Not a chain address').regex(/^[1-9A-HJ-NP-Za-km-z]+$/, 'Not a chain address');

export interface MemberChainAccount {
  readonly memberId: number;
  readonly kind: MemberAccountKind;
  /** SS58, generic prefix 42. */
  readonly address: string;
  readonly createdAt: string;
  /** When the console last gave it native tokens for fees (embedded node, or from the treasury). */
  readonly fundedAt: string | null;
  /** Console accounts: locked after 5 wrong PINs until this time (ISO-8601), else null. */
  readonly pinLockedUntil: string | null;
  readonly failedPinAttempts: number;
}

/** One circle of the Polkadot identicon (viewBox 0 0 64 64), computed by the core with @polkadot/ui-shared. */
export interface IdenticonCircle {
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly fill: string;
}

export interface MemberAccountView {
  readonly account: MemberChainAccount | null;
  /** The account's identicon, drawn as SVG circles by the renderer (empty without an account). */
  readonly identicon: readonly IdenticonCircle[];
  /** Whether the console can create keys now (chain on and keystore unlocked), and why not. */
  readonly canCreate: boolean;
  /** Why not, as a stable code the renderer says in the operator's language (null when it can). */
  readonly cannotCreate: CannotCreateKey | null;
  /** The same in English, for logs and the API. */
  readonly cannotCreateReason: string | null;
}

export const CANNOT_CREATE_KEY = ['chainOff', 'keystoreMissing', 'keystoreLocked'] as const;
export type CannotCreateKey = (typeof CANNOT_CREATE_KEY)[number];

export const memberAccountsChannels = {
  'memberAccounts.get': defineChannel<MemberAccountView>()({
    input: z.object({ memberId: Id }),
    access: FIELD_AND_STAFF,
    description: "A member's chain account (address, kind, created), or null; and whether one can be created now.",
  }),
  'memberAccounts.create': defineChannel<MemberChainAccount>()({
    input: z.object({ memberId: Id, pin: MemberPin }),
    access: STAFF,
    description: 'Creates an sr25519 key for the member in the cooperative keystore (must be unlocked), protected for use by the PIN; funds it for fees on the embedded node.',
  }),
  'memberAccounts.linkExternal': defineChannel<MemberChainAccount>()({
    input: z.object({ memberId: Id, address: ChainAddress }),
    access: STAFF,
    description: 'Records an address the member controls in their own wallet; they approve agreements from it.',
  }),
  'memberAccounts.setPin': defineChannel<MemberChainAccount>()({
    input: z.object({ memberId: Id, pin: MemberPin }),
    access: STAFF,
    description: "Sets or resets the PIN of a member's console account and lifts a PIN lock.",
  }),
  'memberAccounts.fund': defineChannel<MemberChainAccount>()({
    input: z.object({ memberId: Id }),
    access: STAFF,
    description: "Gives the member's account native tokens for transaction fees (embedded node: dev funding; external chain: a transfer from the treasury).",
  }),
} as const;
