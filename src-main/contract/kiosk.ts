// The members' kiosk: a member signs in with member number + PIN (the PIN of their console chain
// account, the one that approves agreements) or by scanning their member card, and sees their own
// things only. 'member' channels never take a member id: the core takes the member from the session,
// so no input can reach another member's data. Operators issue member cards at the office.
import { z } from 'zod';
import { defineChannel, KIOSK_MEMBER, STAFF } from './define.js';
import { Id, IsoDate, RequiredText } from './common.js';
import { MemberPin } from './member-accounts.js';
import type { AgreementKind, AgreementStatus, DocumentFile, PartyRole, SignatureState } from './agreements.js';
import type { EntryDescription, EntryKind } from './journal.js';
import type { PaymentMethod } from './payments.js';
import type { MemberEnergy } from './energy.js';

/**
 * What a member card's QR code / barcode carries: `K1.<member number>.<secret>.<check>`, e.g.
 * `K1.M-0042.7QH3K9XW2D5RTV8N.4F`. The secret (16 Crockford base32 characters, 80 random bits) is
 * what makes the card a credential — a check value alone would let anyone print a card for any
 * member number — and only its SHA-256 is stored. The check (2 characters of a hash of the rest)
 * catches a misread scan before any sign-in attempt is counted.
 */
export const MemberCardCode = z
  .string()
  .trim()
  .min(8, 'Not a member card code')
  .max(64, 'Not a member card code')
  .regex(/^K1\.[A-Za-z0-9][A-Za-z0-9-]*\.[0-9A-Za-z]{16}\.[0-9A-Za-z]{2}$/i, 'Not a member card code');

export const KioskSignInInput = z.discriminatedUnion('method', [
  z.object({ method: z.literal('pin'), memberNo: RequiredText(20), pin: MemberPin }),
  z.object({ method: z.literal('card'), code: MemberCardCode }),
]);

/** The signed-in member as the kiosk shows them (no internal ids of anyone). */
export interface KioskMember {
  readonly memberNo: string;
  readonly fullName: string;
  readonly siteName: string;
}

export interface KioskSession {
  readonly token: string;
  readonly expiresAt: string;
  readonly member: KioskMember;
}

export interface KioskWelcome {
  readonly cooperativeName: string | null;
  readonly locale: 'en' | 'fr' | null;
  /** The cooperative's zone: the kiosk shows periods and days as the office does (null before set-up). */
  readonly timezone: string | null;
  /** True when this console runs as a kiosk only (`--kiosk`): no operator area exists here. */
  readonly kioskOnly: boolean;
}

export interface KioskAgreementParty {
  readonly name: string;
  readonly role: PartyRole;
  /** This party is the signed-in member. */
  readonly isMe: boolean;
}

export interface KioskSignature {
  readonly name: string;
  readonly version: number;
  readonly state: SignatureState;
  readonly recordedAt: string;
  readonly confirmedAt: string | null;
  /** Where the signature is on chain (null when it is not, e.g. the local-only registrar). */
  readonly blockHash: string | null;
}

export interface KioskAgreement {
  readonly kind: AgreementKind;
  readonly status: AgreementStatus;
  readonly title: string;
  readonly siteName: string;
  readonly version: number;
  readonly parties: readonly KioskAgreementParty[];
  readonly signatures: readonly KioskSignature[];
  readonly signedAt: string | null;
  readonly activatedAt: string | null;
  readonly endsOn: string;
}

/** One movement on the member's account, as the kiosk shows it (the kind is translated by the screen). */
export interface KioskMovement {
  readonly date: string;
  readonly kind: EntryKind;
  /** What it was (a settlement of which period, a payment with its reference…), said by the screen. */
  readonly description: EntryDescription;
  /** What it did to the member's account, minor units: positive = credited, negative = charged. */
  readonly amount: number;
  /** This movement was cancelled later by a reversing entry. */
  readonly reversed: boolean;
}

export interface KioskPayment {
  readonly receiptNo: string;
  readonly receivedOn: string;
  readonly amountMinor: number;
  readonly method: PaymentMethod;
  readonly status: 'booked' | 'reversed';
}

/** The member's balance and payments, from the journal and the payments book only. */
export interface KioskAccount {
  readonly currency: string;
  /** Credits − debits in minor units: positive = in credit, negative = owes. */
  readonly balance: number;
  /** Balance at the end of each day with a movement, oldest first, over the last year. */
  readonly series: readonly { readonly date: string; readonly balance: number }[];
  /** The latest movements, newest first (at most KIOSK_LIST_LIMIT). */
  readonly movements: readonly KioskMovement[];
  /** The latest payments, newest first (at most KIOSK_LIST_LIMIT). */
  readonly payments: readonly KioskPayment[];
}
export const KIOSK_LIST_LIMIT = 12;

/** What the office sees of a member's card and kiosk PIN (never the code: only its hash is kept). */
export interface MemberCardStatus {
  readonly memberId: number;
  readonly card: { readonly issuedAt: string; readonly issuedBy: string | null } | null;
  /** Where the member's kiosk PIN lives: their console chain account (the PIN that approves agreements). */
  readonly pin: 'set' | 'locked' | 'no-console-account';
}

export interface MemberCardIssued {
  readonly memberId: number;
  /** Shown once, to print on the card; only its hash is kept. */
  readonly code: string;
  readonly issuedAt: string;
  /** True when an earlier card existed and stopped working now. */
  readonly replaced: boolean;
  /** The card to print (PDF, ID-1 size, QR code of `code`). */
  readonly document: DocumentFile;
}

export const KIOSK_MAX_DAYS = 92;
/** A period of at most 92 days (YYYY-MM-DD, inclusive): a kiosk shows months, not years. */
const KioskPeriod = z
  .object({ from: IsoDate, to: IsoDate })
  .strict()
  .superRefine((period, ctx) => {
    if (period.from > period.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period must end on or after its start' });
    else if (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`) > (KIOSK_MAX_DAYS - 1) * 86_400_000) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${KIOSK_MAX_DAYS} days at a time` });
    }
  });

export const kioskChannels = {
  'kiosk.welcome': defineChannel<KioskWelcome>()({
    input: z.object({}).strict(),
    access: 'public',
    kiosk: true,
    description: "What the kiosk's sign-in screen shows: the cooperative's name and language (no member data)",
  }),
  'kiosk.signIn': defineChannel<KioskSession>()({
    input: KioskSignInInput,
    access: 'public',
    kiosk: true,
    description: 'A member signs in at the kiosk with member number + PIN or a member card; 5 wrong PINs lock for 15 minutes; failed attempts are rate-limited',
  }),
  'kiosk.me': defineChannel<KioskSession>()({
    input: z.object({}).strict(),
    access: KIOSK_MEMBER,
    kiosk: true,
    description: 'The signed-in member (and refreshes the idle timer)',
  }),
  'kiosk.signOut': defineChannel<{ readonly signedOut: true }>()({
    input: z.object({}).strict(),
    access: KIOSK_MEMBER,
    kiosk: true,
    description: "End the member's kiosk session",
  }),
  'kiosk.agreements': defineChannel<readonly KioskAgreement[]>()({
    input: z.object({}).strict(),
    access: KIOSK_MEMBER,
    kiosk: true,
    description: "The member's own agreements, their parties and who signed them",
  }),
  'kiosk.energy': defineChannel<MemberEnergy>()({
    input: KioskPeriod,
    access: KIOSK_MEMBER,
    kiosk: true,
    description: "The member's own energy per day over a period of at most 92 days",
  }),
  'kiosk.account': defineChannel<KioskAccount>()({
    input: z.object({}).strict(),
    access: KIOSK_MEMBER,
    kiosk: true,
    description: "The member's own balance, balance over time, latest movements and payments",
  }),
  'kioskCards.get': defineChannel<MemberCardStatus>()({
    input: z.object({ memberId: Id }),
    access: STAFF,
    description: "Whether a member has a kiosk card (when and by whom it was issued) and a kiosk PIN",
  }),
  'kioskCards.issue': defineChannel<MemberCardIssued>()({
    input: z.object({ memberId: Id }),
    access: STAFF,
    description: "Issues a member card for the kiosk and its printable PDF (a new one replaces the old, which stops working; audited)",
  }),
} as const;
