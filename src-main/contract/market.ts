// Marketplace: owners list equipment or capital, hosts list premises; matching suggests pairs with an
// explainable score; the operator turns a pair into a draft agreement; parties rate each other later.
import { z } from 'zod';
import { defineChannel, STAFF } from './define.js';
import { Id, NoteText, RequiredText, ShortText, type Page } from './common.js';
import { EQUIPMENT_KINDS, type EquipmentKind, MAX_POWER_W } from './equipment.js';
import { MoneyMinor, RateMilliPerKwh, EnergyWh } from './tariffs.js';
import type { Agreement } from './agreements.js';
import { because } from './issues.js';

export const LISTING_SIDES = ['owner', 'host'] as const;
export type ListingSide = (typeof LISTING_SIDES)[number];
export const LISTING_STATUSES = ['open', 'matched', 'withdrawn'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
export const ORIENTATIONS = ['flat', 'north', 'north_east', 'east', 'south_east', 'south', 'south_west', 'west', 'north_west', 'ground', 'unknown'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, because('listedTwice', 'Listed twice'));

// Without defaults (partial updates); every field below is meaningful for one side only.
const commonShape = {
  memberId: Id,
  /** Where the listing is; null = the member's own site. */
  siteId: Id.nullable(),
  title: RequiredText(120),
  notes: NoteText(2000),
};
const ownerShape = {
  offer: z.enum(['equipment', 'capital']),
  equipmentId: Id.nullable(),
  kind: z.enum(EQUIPMENT_KINDS),
  capacityW: z.number().int().min(1).max(MAX_POWER_W, 'More than 10 GW: check the unit (watts)'),
  capitalMinor: MoneyMinor.min(1).nullable(),
  preferredSiteIds: uniqueList(Id, 50),
  maxDistanceKm: z.number().int().min(1).max(20_000).nullable(),
  expectedRateMilliPerKwh: RateMilliPerKwh.nullable(),
};
const hostShape = {
  premisesM2: z.number().int().min(0).max(1_000_000).nullable(),
  orientation: z.enum(ORIENTATIONS),
  siteNotes: NoteText(2000),
  preferredKinds: uniqueList(z.enum(EQUIPMENT_KINDS), EQUIPMENT_KINDS.length),
  expectedConsumptionWhPerMonth: EnergyWh.nullable(),
};

export const OwnerListingFields = z.object({
  side: z.literal('owner'),
  ...commonShape,
  ...ownerShape,
  siteId: commonShape.siteId.default(null),
  notes: commonShape.notes.default(''),
  equipmentId: ownerShape.equipmentId.default(null),
  capitalMinor: ownerShape.capitalMinor.default(null),
  preferredSiteIds: ownerShape.preferredSiteIds.default([]),
  maxDistanceKm: ownerShape.maxDistanceKm.default(null),
  expectedRateMilliPerKwh: ownerShape.expectedRateMilliPerKwh.default(null),
});
export const HostListingFields = z.object({
  side: z.literal('host'),
  ...commonShape,
  ...hostShape,
  siteId: commonShape.siteId.default(null),
  notes: commonShape.notes.default(''),
  premisesM2: hostShape.premisesM2.default(null),
  orientation: hostShape.orientation.default('unknown'),
  siteNotes: hostShape.siteNotes.default(''),
  preferredKinds: hostShape.preferredKinds.default([]),
  expectedConsumptionWhPerMonth: hostShape.expectedConsumptionWhPerMonth.default(null),
});
export const ListingFields = z.discriminatedUnion('side', [OwnerListingFields, HostListingFields]);
export type ListingFieldsInput = z.input<typeof ListingFields>;
export type ListingFieldsValue = z.output<typeof ListingFields>;
export type OwnerListingFieldsValue = z.output<typeof OwnerListingFields>;
export type HostListingFieldsValue = z.output<typeof HostListingFields>;

/** Changes to either side's listing; fields of the other side are refused by the service. */
export const ListingChanges = z.object({ ...commonShape, ...ownerShape, ...hostShape }).omit({ memberId: true }).partial();
export type ListingChangesValue = z.output<typeof ListingChanges>;

interface ListingMeta {
  readonly id: number;
  readonly memberName: string;
  readonly siteId: number;
  readonly siteName: string;
  readonly status: ListingStatus;
  readonly statusReason: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}
export type OwnerListing = Omit<OwnerListingFieldsValue, 'siteId'> & ListingMeta;
export type HostListing = Omit<HostListingFieldsValue, 'siteId'> & ListingMeta;
export type Listing = OwnerListing | HostListing;

export const ListingListQuery = z.object({
  side: z.enum(LISTING_SIDES).nullable().default(null),
  status: z.enum(LISTING_STATUSES).nullable().default('open'),
  siteId: Id.nullable().default(null),
  memberId: Id.nullable().default(null),
  kind: z.enum(EQUIPMENT_KINDS).nullable().default(null),
  limit: z.number().int().min(1).max(5000).default(500),
  offset: z.number().int().min(0).default(0),
});
export type ListingListQueryValue = z.output<typeof ListingListQuery>;

export const MATCH_FACTORS = ['kind', 'capacity', 'location', 'rating'] as const;
export type MatchFactor = (typeof MATCH_FACTORS)[number];

export interface MatchFactorScore {
  readonly factor: MatchFactor;
  /** Maximum points this factor can give. */
  readonly weight: number;
  /** Points given (0 … weight). */
  readonly points: number;
  /** Why, in words an operator can repeat to a member. */
  readonly reason: string;
}

export interface MatchSuggestion {
  readonly ownerListingId: number;
  readonly hostListingId: number;
  readonly ownerMemberId: number;
  readonly hostMemberId: number;
  readonly ownerName: string;
  readonly hostName: string;
  readonly kind: EquipmentKind;
  /** 0 … 100, the sum of the factors' points. */
  readonly score: number;
  readonly factors: readonly MatchFactorScore[];
}

export interface Rating {
  readonly id: number;
  readonly agreementId: number;
  readonly raterMemberId: number;
  readonly raterName: string;
  readonly rateeMemberId: number;
  readonly stars: number;
  readonly comment: string;
  readonly createdAt: string;
}

export interface RatingSummary {
  readonly memberId: number;
  /** Average stars × 100, rounded half up (e.g. 433 = 4.33); null without ratings. */
  readonly averageCentiStars: number | null;
  readonly count: number;
}

export interface MemberMarketProfile {
  readonly memberId: number;
  readonly memberName: string;
  readonly rating: RatingSummary;
  readonly ratings: readonly Rating[];
  readonly openListings: readonly Listing[];
  readonly agreementCount: number;
}

export const marketChannels = {
  'listings.list': defineChannel<Page<Listing>>()({
    input: ListingListQuery,
    access: STAFF,
    description: 'Marketplace listings by side, status, site, member or kind',
  }),
  'listings.get': defineChannel<Listing>()({
    input: z.object({ id: Id }),
    access: STAFF,
    description: 'One listing',
  }),
  'listings.create': defineChannel<Listing>()({
    input: ListingFields,
    access: STAFF,
    description: 'List equipment or capital (owner) or premises (host)',
  }),
  'listings.update': defineChannel<Listing>()({
    input: z.object({ id: Id, changes: ListingChanges }),
    access: STAFF,
    description: 'Edit an open listing',
  }),
  'listings.withdraw': defineChannel<Listing>()({
    input: z.object({ id: Id, reason: NoteText(500).min(1, 'Required') }),
    access: STAFF,
    description: 'Withdraw an open listing',
  }),
  'matching.suggest': defineChannel<readonly MatchSuggestion[]>()({
    input: z.object({
      ownerListingId: Id.nullable().default(null),
      hostListingId: Id.nullable().default(null),
      siteId: Id.nullable().default(null),
      minScore: z.number().int().min(0).max(100).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    access: STAFF,
    description: 'Owner–host pairs among open listings, best first, each score explained factor by factor',
  }),
  'matching.draftAgreement': defineChannel<Agreement>()({
    input: z.object({
      ownerListingId: Id,
      hostListingId: Id,
      kind: z.enum(['hosted_lease', 'lease_to_own']).default('hosted_lease'),
      title: ShortText(160).default(''),
    }),
    access: STAFF,
    description: 'Turn a suggested pair into a draft agreement with terms taken from the listings',
  }),
  'ratings.create': defineChannel<Rating>()({
    input: z.object({
      agreementId: Id,
      raterMemberId: Id,
      rateeMemberId: Id,
      stars: z.number().int().min(1, 'At least 1 star').max(5, 'At most 5 stars'),
      comment: NoteText(1000).default(''),
    }),
    access: STAFF,
    description: 'A party rates the other after the agreement has run for a while',
  }),
  'ratings.profile': defineChannel<MemberMarketProfile>()({
    input: z.object({ memberId: Id }),
    access: STAFF,
    description: "A member's marketplace profile: rating average and count, ratings, open listings",
  }),
} as const;
