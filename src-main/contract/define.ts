// The building block of the API contract: one channel = a validated input schema, the result type,
// and the operator roles allowed to call it. Both carriers (Electron IPC, loopback HTTP/WS) are
// generated from the contract object, and the core checks roles and input before any handler runs.
import type { z } from 'zod';

export const OPERATOR_ROLES = ['admin', 'operator', 'technician', 'kiosk'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** 'public' channels need no session (setup status, login); every other one names its roles. */
export type ChannelAccess = 'public' | readonly OperatorRole[];

export interface ChannelDef<I extends z.ZodType, O> {
  readonly input: I;
  readonly access: ChannelAccess;
  readonly description: string;
  /** Phantom field: carries the result type; never set at run time. */
  readonly __result?: O;
}

/**
 * `defineChannel<Result>()({ input, access, description })` — curried so the result type is given
 * explicitly while the input type is inferred from the schema.
 */
export function defineChannel<O>() {
  return <I extends z.ZodType>(spec: { input: I; access: ChannelAccess; description: string }): ChannelDef<I, O> => spec;
}

export const STAFF: readonly OperatorRole[] = ['admin', 'operator'];
export const ADMIN_ONLY: readonly OperatorRole[] = ['admin'];
export const ANY_SIGNED_IN: readonly OperatorRole[] = OPERATOR_ROLES;
export const FIELD_AND_STAFF: readonly OperatorRole[] = ['admin', 'operator', 'technician'];
