// Members and sites: the first vertical slice of the console.
import { z } from 'zod';
import { defineChannel, FIELD_AND_STAFF, STAFF } from './define.js';
import { Id, IsoDate, NoteText, RequiredText, ShortText, type Page } from './common.js';
import type { AuditEntry } from './audit.js';
import { because } from './issues.js';

export const MEMBER_ROLES = ['consumer', 'prosumer', 'owner', 'third_party', 'government'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const ENERGY_KINDS = ['solar', 'wind', 'hydro', 'biogas', 'battery'] as const;
export type EnergyKind = (typeof ENERGY_KINDS)[number];

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, because('listedTwice', 'Listed twice'));

// The fields without defaults: an edit sends only what changed, and a missing field must stay
// missing (Zod applies defaults even to optional keys, which would blank them).
const memberShape = {
  memberNo: RequiredText(20).regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'Letters, digits and dashes only'),
  fullName: RequiredText(120),
  siteId: Id,
  roles: uniqueList(z.enum(MEMBER_ROLES), MEMBER_ROLES.length).min(1, 'Choose at least one role'),
  phone: ShortText(40).regex(/^[+0-9 ()-]*$/, 'Digits, spaces, + ( ) - only'),
  email: z.union([z.literal(''), z.email('Not an email address').max(120)]),
  village: ShortText(80),
  gpsLat: z.number().min(-90).max(90).nullable(),
  gpsLon: z.number().min(-180).max(180).nullable(),
  premisesM2: z.number().int().min(0).max(1_000_000).nullable(),
  preferredEnergy: uniqueList(z.enum(ENERGY_KINDS), ENERGY_KINDS.length),
  notes: NoteText(2000),
  joinedOn: IsoDate,
};

export const MemberFields = z.object({
  ...memberShape,
  phone: memberShape.phone.default(''),
  email: memberShape.email.default(''),
  village: memberShape.village.default(''),
  gpsLat: memberShape.gpsLat.default(null),
  gpsLon: memberShape.gpsLon.default(null),
  premisesM2: memberShape.premisesM2.default(null),
  preferredEnergy: memberShape.preferredEnergy.default([]),
  notes: memberShape.notes.default(''),
});
export const MemberChanges = z.object(memberShape).partial();
export type MemberFieldsInput = z.input<typeof MemberFields>;
export type MemberFieldsValue = z.output<typeof MemberFields>;

export interface Member extends MemberFieldsValue {
  readonly id: number;
  readonly siteName: string;
  readonly active: boolean;
  readonly deactivatedReason: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const MEMBER_SORT_KEYS = ['memberNo', 'fullName', 'site', 'village', 'joinedOn'] as const;

export const MemberFilter = z.object({
  search: ShortText(120).default(''),
  siteId: Id.nullable().default(null),
  role: z.enum(MEMBER_ROLES).nullable().default(null),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
});
export type MemberFilterInput = z.input<typeof MemberFilter>;

export const MemberListQuery = MemberFilter.extend({
  sort: z.enum(MEMBER_SORT_KEYS).default('fullName'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(5000).default(5000),
  offset: z.number().int().min(0).default(0),
});

export interface MemberDetail {
  readonly member: Member;
  readonly history: readonly AuditEntry[];
}

/** CSV import: at most 5 MB of text, checked again by the carrier's body limit. */
export const CSV_MAX_CHARS = 5_000_000;
const CsvText = z.string().min(1, 'The file is empty').max(CSV_MAX_CHARS, 'The file is larger than 5 MB');

/**
 * What is wrong with one cell of an import file, or with the file as a whole. The renderer says it in
 * the operator's language from code + params; message is the English sentence, for API users and logs.
 */
export const IMPORT_CELL_ISSUE_CODES = [
  'required', // an empty cell that must be filled
  'invalid_choice', // {value, allowed}: not one of the allowed words (roles, preferred_energy)
  'listed_twice', // {value}: the same word twice in one list cell
  'not_a_number', // {value, example}
  'not_whole_number', // {value, example}
  'out_of_range', // {value, min, max}
  'bad_format', // {value, example}: member_no, phone, email, joined_on
  'control_character', // invisible control characters (NUL, a line break in a name …); the value is not echoed
  'too_long', // {length, max}
  'duplicate_in_file', // {value, otherLine}: member_no also on another line of the file
  'already_registered', // {value}: member_no exists in the database
  'unknown_site', // {value}
  'not_accepted', // {value}: every other refusal (the English message says more)
] as const;
export const IMPORT_FILE_ISSUE_CODES = [
  'not_csv', // binary or otherwise unreadable text
  'quote_not_closed', // the quoted cell starting on `line` never ends
  'bad_quote', // a quote in the middle of a cell
  'no_header', // empty file
  'missing_columns', // {columns}
  'unknown_columns', // {columns, expected}
  'no_rows', // a header and nothing else
  'too_many_rows', // {count, max}
] as const;
export type ImportIssueCode = (typeof IMPORT_CELL_ISSUE_CODES)[number] | (typeof IMPORT_FILE_ISSUE_CODES)[number];

export interface ImportIssue {
  /** Line number in the file (the header is line 1). */
  readonly line: number;
  /** The CSV column of the cell; null for a problem with the file as a whole. */
  readonly column: string | null;
  readonly code: ImportIssueCode;
  /** Values for the sentence; lists are already joined with ", ". */
  readonly params: Readonly<Record<string, string | number>>;
  /** The same sentence in English. */
  readonly message: string;
}

export interface ImportRowReport {
  /** Line number in the file (the header is line 1). */
  readonly line: number;
  readonly memberNo: string;
  readonly fullName: string;
  readonly siteName: string;
  /** At most one issue per cell, in the file's column order; empty for a valid row. */
  readonly issues: readonly ImportIssue[];
}

export interface ImportPreview {
  readonly columns: readonly string[];
  /** Problems that stop the whole file from being read (then rows is empty). */
  readonly fileIssues: readonly ImportIssue[];
  readonly rows: readonly ImportRowReport[];
  readonly validCount: number;
  readonly invalidCount: number;
}

export interface ImportResult {
  readonly created: number;
  readonly skipped: number;
}

export interface CsvExport {
  readonly fileName: string;
  readonly csv: string;
  readonly count: number;
}

export interface Site {
  readonly id: number;
  readonly name: string;
  readonly village: string;
  readonly description: string;
  readonly active: boolean;
  readonly memberCount: number;
  readonly createdAt: string;
}

const siteShape = { name: RequiredText(120), village: ShortText(80), description: NoteText(2000) };
export const SiteFields = z.object({ ...siteShape, village: siteShape.village.default(''), description: siteShape.description.default('') });
export const SiteChanges = z.object(siteShape).partial();

export const membersChannels = {
  'members.list': defineChannel<Page<Member>>()({
    input: MemberListQuery,
    access: FIELD_AND_STAFF,
    description: 'Members matching a search and filters, sorted',
  }),
  'members.get': defineChannel<MemberDetail>()({
    input: z.object({ id: Id }),
    access: FIELD_AND_STAFF,
    description: 'One member with its change history',
  }),
  'members.create': defineChannel<Member>()({
    input: MemberFields,
    access: STAFF,
    description: 'Register a member',
  }),
  'members.update': defineChannel<Member>()({
    input: z.object({ id: Id, changes: MemberChanges }),
    access: STAFF,
    description: 'Edit a member',
  }),
  'members.setActive': defineChannel<Member>()({
    input: z.object({ id: Id, active: z.boolean(), reason: NoteText(500).default('') }),
    access: STAFF,
    description: 'Deactivate or reactivate a member (members are never deleted)',
  }),
  'members.importPreview': defineChannel<ImportPreview>()({
    input: z.object({ csv: CsvText }),
    access: STAFF,
    description: 'Check a CSV file of members row by row without writing anything',
  }),
  'members.importCommit': defineChannel<ImportResult>()({
    input: z.object({ csv: CsvText, mode: z.enum(['all-or-nothing', 'valid-only']).default('all-or-nothing') }),
    access: STAFF,
    description: 'Import members from CSV in one transaction',
  }),
  'members.exportCsv': defineChannel<CsvExport>()({
    input: MemberFilter,
    access: STAFF,
    description: 'Members matching the filters as CSV (same columns as the import)',
  }),
  'sites.list': defineChannel<readonly Site[]>()({
    input: z.object({}).strict(),
    access: FIELD_AND_STAFF,
    description: 'All sites with member counts',
  }),
  'sites.create': defineChannel<Site>()({
    input: SiteFields,
    access: STAFF,
    description: 'Add a site (microgrid)',
  }),
  'sites.update': defineChannel<Site>()({
    input: z.object({ id: Id, changes: SiteChanges }),
    access: STAFF,
    description: 'Edit a site',
  }),
} as const;
