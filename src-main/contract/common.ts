// Schemas shared by several areas. Every string has a maximum length: oversized input is refused
// at the boundary instead of reaching SQLite. Every human text and every date goes through the
// builders below, so the rules are written once for all channels.
import { z } from 'zod';

export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

// What a human text may hold. Control characters (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F)
// are refused: they are invisible, print badly on receipts and PDFs, and NUL in particular breaks
// SQLite (its length() stops at NUL, so a CHECK on a name failed deep inside the core). Multi-line
// texts (notes, descriptions, comments, reasons: the textareas) keep line feed and tab; a CR LF or CR
// from another system becomes LF. Lone UTF-16 surrogates are refused too: they are not Unicode text
// and would be stored as U+FFFD, silently changed. Format characters such as the zero-width joiner
// (needed in Urdu, Persian, Indic scripts) and right-to-left marks stay allowed.
const SINGLE_LINE = /^[^\p{Cc}\p{Cs}]*$/u;
const MULTI_LINE = /^[^\0-\x08\x0b-\x1f\x7f-\x9f\p{Cs}]*$/u;
export const CONTROL_CHARACTER_MESSAGE = 'Remove the invisible control characters (such as NUL or a line break) from this text';
export const MULTI_LINE_CONTROL_CHARACTER_MESSAGE = 'Remove the invisible control characters (such as NUL) from this text';

/** One line of human text (a name, title, label, reference, search): trimmed, no control characters. */
export const ShortText = (max = 120) => z.string().trim().max(max, `At most ${max} characters`).regex(SINGLE_LINE, CONTROL_CHARACTER_MESSAGE);
export const RequiredText = (max = 120) => ShortText(max).min(1, 'Required');
/** Human text over several lines (notes, descriptions, comments, reasons): line feeds and tabs kept. */
export const NoteText = (max = 2000) =>
  z
    .string()
    .overwrite((text) => text.replace(/\r\n?/g, '\n'))
    .trim()
    .max(max, `At most ${max} characters`)
    .regex(MULTI_LINE, MULTI_LINE_CONTROL_CHARACTER_MESSAGE);

// Dates and instants: real calendar values (zod's ISO checks know month lengths and leap years),
// within years a cooperative's records can hold. 1900–2199 covers a member who joined long ago and
// a 50-year agreement, and keeps date arithmetic (term ends, billing months) far from the limits of
// four-digit years.
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;
const yearInRange = (text: string): boolean => {
  const year = Number(text.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
};
export const YEAR_RANGE_MESSAGE = `Use a year from ${FIRST_YEAR} to ${LAST_YEAR}`;
/** A calendar date, YYYY-MM-DD, that exists (no 2025-02-30, no 9999-99-99). */
export const IsoDate = z.iso.date('Use the date format YYYY-MM-DD, with a date that exists').refine(yearInRange, YEAR_RANGE_MESSAGE);
/** An instant in UTC, e.g. 2026-04-01T00:00:00Z, that exists. */
export const IsoInstant = z.iso.datetime({ offset: false, message: 'Use an ISO-8601 UTC time, e.g. 2026-04-01T00:00:00Z' }).refine(yearInRange, YEAR_RANGE_MESSAGE);

export const Paging = z.object({
  limit: z.number().int().min(1).max(5000).default(200),
  offset: z.number().int().min(0).default(0),
});

export const NoInput = z.object({}).strict();

export interface Page<T> {
  readonly rows: readonly T[];
  readonly total: number;
}
