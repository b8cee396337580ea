// The building block of the API contract: one channel = a validated input schema, the result type,
// and the operator roles allowed to call it. Both carriers (Electron IPC, loopback HTTP/WS) are
// generated from the contract object, and the core checks roles and input before any handler runs.
import type { z } from 'zod';

export const OPERATOR_ROLES = ['admin', 'operator', 'technician', 'kiosk'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/**
 * 'public' channels need no session (setup status, login); 'member' channels need a member's kiosk
 * session and act on that member only (the member comes from the session, never from the input);
 * every other channel names the operator roles allowed.
 */
export type ChannelAccess = 'public' | 'member' | readonly OperatorRole[];

export interface ChannelDef<I extends z.ZodType, O> {
  readonly input: I;
  readonly access: ChannelAccess;
  readonly description: string;
  /**
   * Exposed at the members' kiosk. A kiosk-only core (`--kiosk`) answers these channels and no other,
   * and a member's kiosk session is refused on every channel without this mark. Every 'member'
   * channel carries it; a 'public' one carries it when the kiosk's sign-in screen needs it.
   */
  readonly kiosk?: true;
  /** Phantom field: carries the result type; never set at run time. */
  readonly __result?: O;
}

/**
 * `defineChannel<Result>()({ input, access, description })` — curried so the result type is given
 * explicitly while the input type is inferred from the schema.
 */
export function defineChannel<O>() {
  return <I extends z.ZodType>(spec: { input: I; access: ChannelAccess; description: string; kiosk?: true }): ChannelDef<I, O> => spec;
}

export const STAFF: readonly OperatorRole[] = ['admin', 'operator'];
export const ADMIN_ONLY: readonly OperatorRole[] = ['admin'];
export const ANY_SIGNED_IN: readonly OperatorRole[] = OPERATOR_ROLES;
export const FIELD_AND_STAFF: readonly OperatorRole[] = ['admin', 'operator', 'technician'];
/** A member signed in at the kiosk: this channel shows or does something for that member only. */
export const KIOSK_MEMBER = 'member' as const;
