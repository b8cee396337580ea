// Prepaid and postpaid billing: how each member is billed, low credit, overdue bills, reminders,
// supply switches proposed at zero credit, and the daily prepaid drawdown. Money in integer minor
// units of the cooperative's currency; balances are credits − debits (positive = in credit).
import { z } from 'zod';
import { Id, IsoDate, NoInput, NoteText } from './common.js';
import { defineChannel, STAFF } from './define.js';
import { MoneyMinor } from './tariffs.js';

export const BILLING_MODES = ['prepaid', 'postpaid'] as const;
export type BillingMode = (typeof BILLING_MODES)[number];
export type CreditStatus = 'ok' | 'low' | 'empty';
export type RelayAction = 'off' | 'on';
export type RelayProposalStatus = 'proposed' | 'sent' | 'dismissed' | 'failed';

export interface BillingMemberView {
  readonly memberId: number;
  readonly memberNo: string;
  readonly fullName: string;
  readonly phone: string;
  readonly siteId: number;
  readonly siteName: string;
  readonly mode: BillingMode;
  /** A change already scheduled for a later day. */
  readonly nextMode: { readonly mode: BillingMode; readonly from: string } | null;
  readonly balanceMinor: number;
  /** The threshold of the site's tariff plan (null: none set). */
  readonly lowThresholdMinor: number | null;
  /** Prepaid members only. */
  readonly creditStatus: CreditStatus | null;
  readonly lastPaymentOn: string | null;
  /** The console last switched one of the member's meters off. */
  readonly supplyOff: boolean;
  readonly meterCount: number;
}

export interface PlanThresholdView {
  readonly planId: number;
  readonly planName: string;
  readonly siteId: number;
  readonly siteName: string;
  readonly lowBalanceMinor: number | null;
}

export interface BillingOverview {
  /** The cooperative's local date the lists were made for. */
  readonly today: string;
  readonly currency: string;
  readonly members: readonly BillingMemberView[];
  readonly thresholds: readonly PlanThresholdView[];
}

export interface OverdueMemberView {
  readonly memberId: number;
  readonly memberNo: string;
  readonly fullName: string;
  readonly phone: string;
  readonly siteName: string;
  readonly owedMinor: number;
  readonly notYetDueMinor: number;
  readonly overdueMinor: number;
  readonly overdueSince: string;
  readonly daysOverdue: number;
}

export interface RelayProposalView {
  readonly id: number;
  readonly memberId: number;
  readonly memberNo: string;
  readonly fullName: string;
  readonly meterId: number;
  readonly portPath: string;
  readonly action: RelayAction;
  /** The balance that called for the switch. */
  readonly balanceMinor: number;
  readonly createdAt: string;
  readonly status: RelayProposalStatus;
  readonly decidedAt: string | null;
  readonly error: string | null;
}

export interface DrawdownRunResult {
  readonly siteDays: number;
  readonly entries: number;
  readonly chargedMinor: number;
  readonly openSwitchProposals: number;
}

const SiteFilter = z.object({ siteId: Id.nullable().default(null) });

export const billingChannels = {
  'billing.overview': defineChannel<BillingOverview>()({
    input: SiteFilter,
    access: STAFF,
    description: 'Every member with billing mode, balance and credit status; low-credit thresholds per tariff plan',
  }),
  'billing.mode.set': defineChannel<BillingMemberView>()({
    input: z.object({ memberId: Id, mode: z.enum(BILLING_MODES), validFrom: IsoDate.nullable().default(null) }),
    access: STAFF,
    description: 'Make a member prepaid or postpaid from a day on (today by default)',
  }),
  'billing.threshold.set': defineChannel<{ saved: true }>()({
    input: z.object({ planId: Id, lowBalanceMinor: MoneyMinor.nullable() }),
    access: STAFF,
    description: 'Set (or clear) the low-credit threshold of a tariff plan',
  }),
  'billing.overdue': defineChannel<OverdueMemberView[]>()({
    input: SiteFilter,
    access: STAFF,
    description: 'Postpaid members with bills past their due date, oldest debt first',
  }),
  'billing.reminders.export': defineChannel<{ csv: string; rows: number; withoutPhone: number }>()({
    input: SiteFilter,
    access: STAFF,
    description: 'CSV of payment reminders (phone and message) for an SMS gateway',
  }),
  'billing.switches.list': defineChannel<RelayProposalView[]>()({
    input: z.object({ status: z.enum(['proposed', 'sent', 'dismissed', 'failed']).nullable().default('proposed') }),
    access: STAFF,
    description: 'Supply switches proposed at zero credit (off) or after a top-up (on), and what was decided',
  }),
  'billing.switches.refresh': defineChannel<RelayProposalView[]>()({
    input: NoInput,
    access: STAFF,
    description: 'Look at every prepaid balance now and propose the switches it calls for',
  }),
  'billing.switches.confirm': defineChannel<RelayProposalView>()({
    input: z.object({ id: Id, portPath: z.string().trim().min(1).max(256).nullable().default(null) }),
    access: STAFF,
    description: "Send a proposed switch to the member's meter (signed command)",
  }),
  'billing.switches.dismiss': defineChannel<{ dismissed: true }>()({
    input: z.object({ id: Id, reason: NoteText(500).min(1, 'Required') }),
    access: STAFF,
    description: 'Decide not to send a proposed switch, with a reason',
  }),
  'billing.drawdown.run': defineChannel<DrawdownRunResult>()({
    input: NoInput,
    access: STAFF,
    description: "Draw prepaid credit down for every complete day not drawn yet (also runs by itself each hour)",
  }),
} as const;
