// The core's single entry point for every API call, whatever the carrier: resolve the session,
// check the role, validate the input against the channel's schema, run the handler, and turn
// every outcome into ApiResponse data. Carriers never call services directly.
import type { z } from 'zod';
import { contract, isChannelName, type ChannelName, type ParsedInputOf, type ResultOf } from '../../contract/index.js';
import type { OperatorRole } from '../../contract/define.js';
import type { ApiIssue, ApiResponse } from '../../contract/errors.js';
import type { OperatorPublic } from '../../contract/session.js';
import { CoreError } from './core-error.js';
import { issueFromSchema } from './schema-issues.js';

export interface CallContext {
  /** The signed-in operator, or null on public channels called without a session. */
  readonly operator: OperatorPublic | null;
  readonly token: string | null;
}

export type Handler<C extends ChannelName> = (input: ParsedInputOf<C>, ctx: CallContext) => ResultOf<C> | Promise<ResultOf<C>>;
export type Handlers = { readonly [C in ChannelName]: Handler<C> };
/** The handlers of one area (a subset of channels); app/handlers.ts merges the areas. */
export type AreaHandlers<K extends ChannelName> = { readonly [C in K]: Handler<C> };

export interface SessionResolver {
  /** Returns the operator of a live session and refreshes its idle timer; throws CoreError otherwise. */
  resolve(token: string): OperatorPublic;
}

export interface DispatchOptions {
  readonly handlers: Handlers;
  readonly sessions: SessionResolver;
  readonly onInternalError?: (channel: string, error: unknown) => void;
}

export type Dispatch = (channel: string, input: unknown, token: string | null) => Promise<ApiResponse<unknown>>;

export function createDispatcher(options: DispatchOptions): Dispatch {
  return async (channel, rawInput, token) => {
    try {
      if (!isChannelName(channel)) throw new CoreError('UNKNOWN_CHANNEL', `There is no API channel named "${String(channel).slice(0, 80)}".`);
      const def = contract[channel];
      const operator = authorize(def.access, token, options.sessions);
      // reportInput: a missing value (input undefined) reads "required", not "expected a number".
      const parsed = (def.input as z.ZodType).safeParse(rawInput ?? {}, { reportInput: true });
      if (!parsed.success) throw validationError(parsed.error);
      const handler = options.handlers[channel] as Handler<ChannelName>;
      const value = await handler(parsed.data as ParsedInputOf<ChannelName>, { operator, token });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof CoreError) return { ok: false, error: error.toData() };
      options.onInternalError?.(channel, error);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside the console; nothing was changed. The details are in the log.' } };
    }
  };
}

function authorize(access: 'public' | readonly OperatorRole[], token: string | null, sessions: SessionResolver): OperatorPublic | null {
  if (access === 'public') {
    if (!token) return null;
    try {
      return sessions.resolve(token);
    } catch {
      return null;
    }
  }
  if (!token) throw new CoreError('UNAUTHENTICATED', 'Please sign in first.');
  const operator = sessions.resolve(token);
  if (!access.includes(operator.role)) {
    throw new CoreError('FORBIDDEN', `Your role (${operator.role}) may not do this. Ask an admin.`);
  }
  return operator;
}

function validationError(error: z.ZodError): CoreError {
  const issues: ApiIssue[] = error.issues.slice(0, 50).map(issueFromSchema);
  const first = issues[0];
  const where = first?.path ? `${first.path}: ` : '';
  return new CoreError('VALIDATION', `The input is not valid — ${where}${first?.message ?? 'unknown problem'}`, issues);
}
