// Tariffs: versioned plans per site. Rates are integers in milli-minor-units per kWh (1/1000 of a
// cent per kWh for a currency with cents), shares in basis points; see src-main/core/tariffs/README.md.
import { z } from 'zod';
import { defineChannel, STAFF } from './define.js';
import { Id, IsoInstant, NoteText, RequiredText, ShortText } from './common.js';
import type { ApiIssue } from './errors.js';
import { because, ruleIssue } from './issues.js';

/** 100,000 currency units (with 2 decimals) per kWh: above that, a unit mix-up, not a price. */
export const MAX_RATE_MILLI_PER_KWH = 10_000_000_000;
export const MAX_MONEY_MINOR = 1_000_000_000_000;
export const MAX_ENERGY_WH = 1_000_000_000_000;

export const RateMilliPerKwh = z
  .number()
  .int('Rates are whole milli-minor-units per kWh')
  .min(0, 'A rate cannot be negative')
  .max(MAX_RATE_MILLI_PER_KWH, 'This rate is absurdly high (over 100,000 per kWh): check the unit (thousandths of a minor unit per kWh)');
export const BasisPoints = z.number().int('Whole basis points (1/100 %)').min(0, 'Cannot be negative').max(10_000, 'At most 100 %');
export const MoneyMinor = z.number().int('Money is whole minor units').min(0, 'Cannot be negative').max(MAX_MONEY_MINOR, 'Absurdly large amount: check the unit (minor units)');
export const EnergyWh = z.number().int('Energy is whole Wh').min(0, 'Cannot be negative').max(MAX_ENERGY_WH, 'Absurdly large: check the unit (Wh)');
/** An ISO-8601 UTC instant as stored everywhere in the console. */
export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM');

/** Weekdays 0 = Monday … 6 = Sunday (ISO order); hours are local hours of the cooperative's time zone. */
export const TouWindow = z.object({
  label: RequiredText(40),
  weekdays: z
    .array(z.number().int().min(0).max(6))
    .min(1, 'Choose at least one weekday')
    .max(7)
    .refine((days) => new Set(days).size === days.length, because('weekdayTwice', 'A weekday is listed twice')),
  startHour: z.number().int().min(0).max(23),
  endHour: z.number().int().min(1).max(24),
  rateMilliPerKwh: RateMilliPerKwh,
});
export type TouWindowValue = z.output<typeof TouWindow>;

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Windows may not overlap on any weekday hour; the first clash is named so it can be fixed. */
export function touWindowClash(windows: readonly TouWindowValue[]): ApiIssue | null {
  const taken = new Map<number, string>();
  for (const window of windows) {
    if (window.endHour <= window.startHour) {
      return ruleIssue('windows', 'windowEndsBeforeStart', `Window "${window.label}" must end after it starts (${window.startHour}:00–${window.endHour}:00)`, { label: window.label, startHour: window.startHour, endHour: window.endHour });
    }
    for (const day of window.weekdays) {
      for (let hour = window.startHour; hour < window.endHour; hour++) {
        const slot = day * 24 + hour;
        const other = taken.get(slot);
        if (other !== undefined) {
          return ruleIssue('windows', 'windowsOverlap', `Windows "${other}" and "${window.label}" overlap on ${WEEKDAY_NAMES[day]} at ${hour}:00`, { first: other, second: window.label, weekday: day, hour });
        }
        taken.set(slot, window.label);
      }
    }
  }
  return null;
}

export const TierBlock = z.object({
  /** Cumulative Wh per calendar month up to which this block's rate applies; null = no upper end (last block). */
  upToWh: EnergyWh.min(1).nullable(),
  rateMilliPerKwh: RateMilliPerKwh,
});

export const Lifeline = z.object({
  /** A household using no more than this in a calendar month pays the lifeline rate for all of it. */
  allowanceWh: EnergyWh.min(1),
  rateMilliPerKwh: RateMilliPerKwh,
  waiveFixedFee: z.boolean().default(false),
});

export const EnergyPricing = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('flat'), rateMilliPerKwh: RateMilliPerKwh }),
  z
    .object({ mode: z.literal('time_of_use'), baseRateMilliPerKwh: RateMilliPerKwh, windows: z.array(TouWindow).min(1).max(48) })
    .superRefine((value, ctx) => {
      const clash = touWindowClash(value.windows);
      if (clash) ctx.addIssue({ code: 'custom', path: ['windows'], message: clash.message, params: { ...clash.params, reason: clash.reason } });
    }),
  z
    .object({ mode: z.literal('tiered'), blocks: z.array(TierBlock).min(1).max(12), lifeline: Lifeline.nullable().default(null) })
    .superRefine((value, ctx) => {
      value.blocks.forEach((block, index) => {
        const last = index === value.blocks.length - 1;
        if (last && block.upToWh !== null) ctx.addIssue({ code: 'custom', path: ['blocks', index, 'upToWh'], ...because('lastBlockOpen', 'The last block must be open-ended (no upper limit)') });
        if (!last && block.upToWh === null) ctx.addIssue({ code: 'custom', path: ['blocks', index, 'upToWh'], ...because('onlyLastBlockOpen', 'Only the last block may be open-ended') });
        const previous = value.blocks[index - 1]?.upToWh;
        if (index > 0 && previous != null && block.upToWh !== null && block.upToWh <= previous) {
          ctx.addIssue({ code: 'custom', path: ['blocks', index, 'upToWh'], ...because('blocksAscend', `Blocks must ascend: ${block.upToWh} Wh is not above the previous ${previous} Wh`, { upToWh: block.upToWh, previousWh: previous }) });
        }
      });
    }),
]);

export const TariffDefinition = z.object({
  energy: EnergyPricing,
  /** Per calendar month; pro-rated by days for a partial month. */
  fixedMonthlyMinor: MoneyMinor.default(0),
  /** Distribution (wheeling) fee on every kWh. */
  gridFeeMilliPerKwh: RateMilliPerKwh.default(0),
  /** Tax on the sum of all other lines. */
  taxBps: BasisPoints.default(0),
  loadLimitW: z.number().int().min(1).max(10_000_000_000).nullable().default(null),
  dailyEnergyLimitWh: EnergyWh.min(1).nullable().default(null),
});
export type TariffDefinitionInput = z.input<typeof TariffDefinition>;
export type TariffDefinitionValue = z.output<typeof TariffDefinition>;

export type TariffVersionState = 'scheduled' | 'in_force' | 'superseded';

export interface TariffVersion {
  readonly id: number;
  readonly planId: number;
  readonly version: number;
  readonly validFrom: string;
  /** The next version's validFrom, or null while no successor exists. */
  readonly validUntil: string | null;
  readonly state: TariffVersionState;
  readonly definition: TariffDefinitionValue;
  readonly notes: string;
  readonly createdAt: string;
}

export interface TariffPlan {
  readonly id: number;
  readonly siteId: number;
  readonly siteName: string;
  readonly name: string;
  readonly description: string;
  readonly createdAt: string;
  readonly versionCount: number;
  readonly inForceVersionId: number | null;
}

export interface TariffPlanDetail {
  readonly plan: TariffPlan;
  readonly versions: readonly TariffVersion[];
}

export const CHARGE_LINE_CODES = ['energy', 'lifeline', 'fixed_fee', 'grid_fee', 'tax'] as const;
export type ChargeLineCode = (typeof CHARGE_LINE_CODES)[number];

export interface ChargeLine {
  readonly code: ChargeLineCode;
  readonly label: string;
  readonly quantityWh: number | null;
  readonly rateMilliPerKwh: number | null;
  readonly amountMinor: number;
}

export interface LimitBreach {
  readonly kind: 'load' | 'daily_energy';
  /** Interval start (load) or local date (daily energy). */
  readonly at: string;
  readonly value: number;
  readonly limit: number;
}

export interface Bill {
  readonly from: string;
  readonly to: string;
  readonly energyWh: number;
  readonly lines: readonly ChargeLine[];
  readonly totalMinor: number;
  readonly limitBreaches: readonly LimitBreach[];
}

export interface HourPrice {
  readonly weekday: number;
  readonly hour: number;
  readonly label: string;
  /** Energy + grid fee, before tax; for tiered plans the rate of the first block. */
  readonly rateMilliPerKwh: number;
  readonly withTaxMilliPerKwh: number;
}

export interface TariffPreview {
  readonly hours: readonly HourPrice[];
  readonly sampleBill: Bill | null;
}

const PreviewSource = z.union([z.object({ versionId: Id }), z.object({ definition: TariffDefinition })]);

export const tariffsChannels = {
  'tariffs.plans.list': defineChannel<readonly TariffPlan[]>()({
    input: z.object({ siteId: Id.nullable().default(null) }),
    access: STAFF,
    description: 'Tariff plans, optionally of one site, with the version in force now',
  }),
  'tariffs.plans.get': defineChannel<TariffPlanDetail>()({
    input: z.object({ id: Id }),
    access: STAFF,
    description: 'One tariff plan with all its versions',
  }),
  'tariffs.plans.create': defineChannel<TariffPlan>()({
    input: z.object({ siteId: Id, name: RequiredText(120), description: NoteText(2000).default('') }),
    access: STAFF,
    description: 'Create a tariff plan for a site (it has no price until a version is added)',
  }),
  'tariffs.versions.create': defineChannel<TariffVersion>()({
    input: z.object({
      planId: Id,
      validFrom: IsoInstant,
      definition: TariffDefinition,
      notes: NoteText(2000).default(''),
      /** Explicitly allow a start in the past (never before a settled period); needs a reason. */
      allowPast: z.boolean().default(false),
      reason: NoteText(500).default(''),
    }),
    access: STAFF,
    description: 'Add a tariff version from a start time on; past periods are never rewritten',
  }),
  'tariffs.versions.update': defineChannel<TariffVersion>()({
    input: z.object({ id: Id, validFrom: IsoInstant.optional(), definition: TariffDefinition.optional(), notes: NoteText(2000).optional() }),
    access: STAFF,
    description: 'Change a scheduled version (one not yet in force); a version in force is never edited',
  }),
  'tariffs.versions.withdraw': defineChannel<{ readonly withdrawn: true }>()({
    input: z.object({ id: Id, reason: NoteText(500).min(1, 'Required') }),
    access: STAFF,
    description: 'Remove a scheduled version that has not come into force',
  }),
  'tariffs.inForce': defineChannel<TariffVersion | null>()({
    input: z.object({ planId: Id, at: IsoInstant }),
    access: STAFF,
    description: 'The version of a plan in force at an instant',
  }),
  'tariffs.preview': defineChannel<TariffPreview>()({
    input: z.object({
      source: PreviewSource,
      span: z.enum(['day', 'week']).default('week'),
      /** A typical day's consumption per local hour, billed for every day of `month`. */
      sample: z.object({ month: YearMonth, hourlyWh: z.array(EnergyWh.max(10_000_000)).length(24, 'Give 24 hourly values') }).nullable().default(null),
    }),
    access: STAFF,
    description: "Price per hour across a day or week, and the bill of a sample consumption profile",
  }),
} as const;
