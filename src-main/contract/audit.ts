// Audit log: who changed what, when. Read-only through the API.
import { z } from 'zod';
import { defineChannel, STAFF } from './define.js';
import { Id, ShortText } from './common.js';

/** Values an audit summary is said with: names, numbers, codes (a kind, a status) and lists of field names. */
export type AuditSummaryParams = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly operator: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  /** The name a person knows the entity by (member's name, agreement's title …); null when it has none. */
  readonly entityName: string | null;
  /** English sentence (logs, API callers, entries written before summary codes). */
  readonly summary: string;
  /** The summary's code ("member.updated") for the console to say it in the operator's language; null: show `summary`. */
  readonly summaryCode: string | null;
  readonly summaryParams: AuditSummaryParams | null;
  readonly before: unknown;
  readonly after: unknown;
}

export const auditChannels = {
  'audit.list': defineChannel<readonly AuditEntry[]>()({
    input: z.object({
      entity: ShortText(40).nullable().default(null),
      entityId: ShortText(40).nullable().default(null),
      beforeId: Id.nullable().default(null),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    access: STAFF,
    description: 'Newest audit entries first, optionally for one entity',
  }),
} as const;
