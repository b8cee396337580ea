// Audit log: who changed what, when. Read-only through the API.
import { z } from 'zod';
import { defineChannel, STAFF } from './define.js';
import { Id, ShortText } from './common.js';

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly operator: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly summary: string;
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
