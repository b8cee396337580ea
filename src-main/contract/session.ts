// First-run setup, the cooperative's settings, sign-in and operator accounts.
import { z } from 'zod';
import { ADMIN_ONLY, ANY_SIGNED_IN, defineChannel, OPERATOR_ROLES, type OperatorRole } from './define.js';
import { Id, RequiredText, ShortText } from './common.js';
import { because } from './issues.js';

export const Username = RequiredText(40).regex(/^[a-z0-9._-]+$/i, 'Letters, digits, dot, dash and underscore only');
export const NewPassword = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(200, 'At most 200 characters');

export interface OperatorPublic {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: OperatorRole;
}

export interface Operator extends OperatorPublic {
  readonly active: boolean;
  readonly lockedUntil: string | null;
  readonly failedAttempts: number;
  readonly createdAt: string;
  readonly lastLoginAt: string | null;
}

export interface SessionInfo {
  readonly token: string;
  readonly expiresAt: string;
  readonly operator: OperatorPublic;
}

export const CooperativeFields = z.object({
  name: RequiredText(120),
  currency: z.string().regex(/^[A-Z]{3}$/, 'A three-letter ISO 4217 code, e.g. EUR, KES, PKR'),
  timezone: RequiredText(60).refine(isKnownTimeZone, because('unknownTimeZone', 'Not a known time zone (e.g. Africa/Nairobi)')),
  locale: z.enum(['en', 'fr']),
});

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface Cooperative extends z.output<typeof CooperativeFields> {
  readonly createdAt: string;
}

export interface SetupStatus {
  readonly needsSetup: boolean;
  readonly cooperative: Cooperative | null;
  readonly schemaVersion: number;
}

export interface DemoLoadResult {
  readonly sites: number;
  readonly members: number;
}

export const sessionChannels = {
  'setup.status': defineChannel<SetupStatus>()({
    input: z.object({}).strict(),
    access: 'public',
    description: 'Whether the first-run wizard is needed',
  }),
  'setup.initialize': defineChannel<SessionInfo>()({
    input: z.object({
      cooperative: CooperativeFields,
      admin: z.object({ username: Username, displayName: RequiredText(80), password: NewPassword }),
    }),
    access: 'public',
    description: 'Create the cooperative and its first admin (only once); signs the admin in',
  }),
  'setup.loadDemo': defineChannel<DemoLoadResult>()({
    input: z.object({}).strict(),
    access: ADMIN_ONLY,
    description: 'Load the demo village (only into a cooperative that has no members yet)',
  }),
  'cooperative.get': defineChannel<Cooperative>()({
    input: z.object({}).strict(),
    access: ANY_SIGNED_IN,
    description: "The cooperative's settings",
  }),
  'cooperative.update': defineChannel<Cooperative>()({
    input: CooperativeFields.partial(),
    access: ADMIN_ONLY,
    description: "Change the cooperative's settings",
  }),
  'session.login': defineChannel<SessionInfo>()({
    input: z.object({ username: RequiredText(40), password: z.string().min(1, 'Required').max(200) }),
    access: 'public',
    description: 'Sign in with username and password',
  }),
  'session.current': defineChannel<SessionInfo>()({
    input: z.object({}).strict(),
    access: ANY_SIGNED_IN,
    description: 'The signed-in operator (and refreshes the idle timer)',
  }),
  'session.logout': defineChannel<{ readonly signedOut: true }>()({
    input: z.object({}).strict(),
    access: ANY_SIGNED_IN,
    description: 'End this session',
  }),
  'session.changePassword': defineChannel<{ readonly changed: true }>()({
    input: z.object({ current: z.string().min(1).max(200), next: NewPassword }),
    access: ANY_SIGNED_IN,
    description: "Change the signed-in operator's password",
  }),
  'operators.list': defineChannel<readonly Operator[]>()({
    input: z.object({}).strict(),
    access: ADMIN_ONLY,
    description: 'All operator accounts',
  }),
  'operators.create': defineChannel<Operator>()({
    input: z.object({
      username: Username,
      displayName: RequiredText(80),
      role: z.enum(OPERATOR_ROLES),
      password: NewPassword,
    }),
    access: ADMIN_ONLY,
    description: 'Create an operator account',
  }),
  'operators.update': defineChannel<Operator>()({
    input: z.object({
      id: Id,
      displayName: RequiredText(80).optional(),
      role: z.enum(OPERATOR_ROLES).optional(),
      active: z.boolean().optional(),
      password: NewPassword.optional(),
      unlock: z.boolean().optional(),
    }),
    access: ADMIN_ONLY,
    description: 'Change role, deactivate, reset password or unlock an account',
  }),
} as const;

