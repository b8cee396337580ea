// Dashboard figures and database backup/restore.
import { z } from 'zod';
import { ADMIN_ONLY, defineChannel, FIELD_AND_STAFF, STAFF } from './define.js';
import type { MemberRole } from './members.js';

export interface DashboardSummary {
  readonly totals: { readonly members: number; readonly activeMembers: number; readonly sites: number; readonly prosumers: number };
  readonly byRole: readonly { readonly role: MemberRole; readonly count: number }[];
  readonly bySite: readonly { readonly siteId: number; readonly siteName: string; readonly count: number }[];
  /** One point per month from the first join to now: joined that month, and members at month end. */
  readonly growth: readonly { readonly month: string; readonly joined: number; readonly total: number }[];
}

export interface BackupInfo {
  readonly fileName: string;
  readonly bytes: number;
  readonly createdAt: string;
}

export const BackupFileName = z
  .string()
  .regex(/^coop-backup-[0-9TZ-]+(-[a-z0-9-]+)?\.sqlite$/, 'Choose one of the listed backup files');

export const systemChannels = {
  'dashboard.summary': defineChannel<DashboardSummary>()({
    input: z.object({}).strict(),
    access: FIELD_AND_STAFF,
    description: 'Counts and growth for the dashboard charts',
  }),
  'backup.list': defineChannel<readonly BackupInfo[]>()({
    input: z.object({}).strict(),
    access: STAFF,
    description: 'Backups in the data folder, newest first',
  }),
  'backup.create': defineChannel<BackupInfo>()({
    input: z.object({}).strict(),
    access: STAFF,
    description: 'Copy the live database with the SQLite online backup API',
  }),
  'backup.restore': defineChannel<{ readonly restoredFrom: string; readonly safetyCopy: string }>()({
    input: z.object({ fileName: BackupFileName }),
    access: ADMIN_ONLY,
    description: 'Replace the database with a backup (a safety copy of the current one is kept)',
  }),
} as const;
