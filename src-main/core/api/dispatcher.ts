// The core's single entry point for every API call, whatever the carrier: resolve the session,
// check the role, validate the input against the channel's schema, run the handler, and turn
// every outcome into ApiResponse data. Carriers never call services directly.
import type { z } from 'zod';
import { contract, isChannelName, type ChannelName, type ParsedInputOf, type ResultOf } from '../../contract/index.js';
import type { ChannelDef } from '../../contract/define.js';
import type { ApiIssue, ApiResponse } from '../../contract/errors.js';
import type { OperatorPublic } from '../../contract/session.js';
import { CoreError } from './core-error.js';
import { issueFromSchema } from './schema-issues.js';

export interface CallContext {
  /** The signed-in operator, or null on public and 'member' channels. */
  readonly operator: OperatorPublic | null;
  /** On 'member' channels: the member of the kiosk session (never null there); null elsewhere. */
  readonly member: KioskPrincipal | null;
  readonly token: string | null;
}

/** Who a members' kiosk session belongs to. */
export interface KioskPrincipal {
  readonly memberId: number;
  /** When the session ends unless used again (refreshed by this call). */
  readonly expiresAt: string;
}

export type Handler<C extends ChannelName> = (input: ParsedInputOf<C>, ctx: CallContext) => ResultOf<C> | Promise<ResultOf<C>>;
export type Handlers = { readonly [C in ChannelName]: Handler<C> };
/** The handlers of one area (a subset of channels); app/handlers.ts merges the areas. */
export type AreaHandlers<K extends ChannelName> = { readonly [C in K]: Handler<C> };

export interface SessionResolver {
  /** Returns the operator of a live session and refreshes its idle timer; throws CoreError otherwise. */
  resolve(token: string): OperatorPublic;
}

export interface KioskSessionResolver {
  /** True when the token belongs to a kiosk session (live or ended). */
  isKioskToken(token: string): boolean;
  /** The member of a live kiosk session, refreshing its idle timer; throws CoreError otherwise. */
  resolve(token: string): KioskPrincipal;
}

export interface DispatchOptions {
  readonly handlers: Handlers;
  readonly sessions: SessionResolver;
  readonly kioskSessions: KioskSessionResolver;
  /** A members' kiosk only (`--kiosk`): channels not marked `kiosk` do not exist here. */
  readonly kioskOnly?: boolean;
  readonly onInternalError?: (channel: string, error: unknown) => void;
}

export type Dispatch = (channel: string, input: unknown, token: string | null) => Promise<ApiResponse<unknown>>;

export function createDispatcher(options: DispatchOptions): Dispatch {
  return async (channel, rawInput, token) => {
    try {
      if (!isChannelName(channel)) throw new CoreError('UNKNOWN_CHANNEL', `There is no API channel named "${String(channel).slice(0, 80)}".`);
      const def = contract[channel] as ChannelDef<z.ZodType, unknown>;
      if (options.kioskOnly && def.kiosk !== true) {
        throw new CoreError('UNKNOWN_CHANNEL', 'This console runs as a members\' kiosk: only the kiosk can be used here.');
      }
      const { operator, member } = authorize(def, token, options);
      // reportInput: a missing value (input undefined) reads "required", not "expected a number".
      const parsed = (def.input as z.ZodType).safeParse(rawInput ?? {}, { reportInput: true });
      if (!parsed.success) throw validationError(parsed.error);
      const handler = options.handlers[channel] as Handler<ChannelName>;
      const value = await handler(parsed.data as ParsedInputOf<ChannelName>, { operator, member, token });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof CoreError) return { ok: false, error: error.toData() };
      options.onInternalError?.(channel, error);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside the console; nothing was changed. The details are in the log.' } };
    }
  };
}

const ANONYMOUS = { operator: null, member: null } as const;

/**
 * Who may call: a member's kiosk session opens the kiosk channels only (on any other channel, public
 * ones included, it is refused before anything runs); 'member' channels need such a session and get
 * its member; operator channels need an operator session with one of the channel's roles.
 */
function authorize(def: ChannelDef<z.ZodType, unknown>, token: string | null, options: DispatchOptions): { operator: OperatorPublic | null; member: KioskPrincipal | null } {
  const kioskToken = token !== null && options.kioskSessions.isKioskToken(token);
  if (kioskToken && def.kiosk !== true) {
    throw new CoreError('FORBIDDEN', 'A member signed in at the kiosk can only see their own things there.');
  }
  if (def.access === 'public') {
    if (!token || kioskToken) return ANONYMOUS;
    try {
      return { operator: options.sessions.resolve(token), member: null };
    } catch {
      return ANONYMOUS;
    }
  }
  if (!token) throw new CoreError('UNAUTHENTICATED', 'Please sign in first.');
  if (def.access === 'member') {
    if (!kioskToken) {
      if (isOperatorSession(token, options.sessions)) throw new CoreError('FORBIDDEN', 'Only a member signed in at the kiosk can use this.');
      throw new CoreError('UNAUTHENTICATED', 'You are signed out. Sign in again with your member number and PIN, or your card.');
    }
    return { operator: null, member: options.kioskSessions.resolve(token) };
  }
  const operator = options.sessions.resolve(token);
  if (!def.access.includes(operator.role)) {
    throw new CoreError('FORBIDDEN', `Your role (${operator.role}) may not do this. Ask an admin.`);
  }
  return { operator, member: null };
}

function isOperatorSession(token: string, sessions: SessionResolver): boolean {
  try {
    sessions.resolve(token);
    return true;
  } catch {
    return false;
  }
}

function validationError(error: z.ZodError): CoreError {
  const issues: ApiIssue[] = error.issues.slice(0, 50).map(issueFromSchema);
  const first = issues[0];
  const where = first?.path ? `${first.path}: ` : '';
  return new CoreError('VALIDATION', `The input is not valid — ${where}${first?.message ?? 'unknown problem'}`, issues);
}
