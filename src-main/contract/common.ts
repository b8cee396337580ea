// Schemas shared by several areas. Every string has a maximum length: oversized input is refused
// at the boundary instead of reaching SQLite.
import { z } from 'zod';

export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const ShortText = (max = 120) => z.string().trim().max(max, `At most ${max} characters`);
export const RequiredText = (max = 120) => ShortText(max).min(1, 'Required');
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the date format YYYY-MM-DD');

export const Paging = z.object({
  limit: z.number().int().min(1).max(5000).default(200),
  offset: z.number().int().min(0).default(0),
});

export const NoInput = z.object({}).strict();

export interface Page<T> {
  readonly rows: readonly T[];
  readonly total: number;
}
