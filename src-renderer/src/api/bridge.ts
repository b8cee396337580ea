// The renderer's one typed door to the core: api.call(channel, input) resolves to the channel's
// result type or throws ApiError; api.on(event, cb) delivers typed push events.
import type { ApiEvents, ChannelName, EventMessage, EventName, InputOf, ResultOf } from '@contract';
import { ApiError } from './api-error.js';
import { CarrierUnreachable, type Carrier } from './carriers.js';

type Listener<E extends EventName> = (payload: ApiEvents[E]) => void;

export interface Api {
  call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<ResultOf<C>>;
  /**
   * A call with a token of its own, outside the operator's session: no event stream, no session-expiry
   * hook (the members' kiosk keeps its member's token to itself).
   */
  callWithToken<C extends ChannelName>(token: string | null, channel: C, input: InputOf<C>): Promise<ResultOf<C>>;
  on<E extends EventName>(event: E, listener: Listener<E>): () => void;
  /** The session token sent with every call; also (re)starts the event stream for it. */
  setToken(token: string | null): void;
  /** Called once per UNAUTHENTICATED answer to a call that carried a token (session expired). */
  onUnauthenticated(handler: () => void): void;
  readonly carrierKind: Carrier['kind'];
}

export function createApi(carrier: Carrier): Api {
  let token: string | null = null;
  let stopEvents: (() => void) | null = null;
  let unauthenticatedHandler: (() => void) | null = null;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  const dispatch = (msg: EventMessage) => {
    for (const listener of listeners.get(msg.event) ?? []) {
      try {
        listener(msg.payload);
      } catch (error) {
        console.error(`Listener for ${msg.event} failed`, error);
      }
    }
  };

  const restartEvents = () => {
    stopEvents?.();
    stopEvents = null;
    if (token) stopEvents = carrier.subscribe(token, dispatch);
  };

  const invoke = async (channel: ChannelName, sentToken: string | null, input: unknown) => {
    try {
      return await carrier.invoke(channel, sentToken, input);
    } catch (error) {
      if (error instanceof CarrierUnreachable) throw new ApiError('UNREACHABLE', error.message);
      throw new ApiError('UNREACHABLE', error instanceof Error ? error.message : String(error));
    }
  };

  return {
    carrierKind: carrier.kind,
    async callWithToken<C extends ChannelName>(ownToken: string | null, channel: C, input: InputOf<C>): Promise<ResultOf<C>> {
      const response = await invoke(channel, ownToken, input);
      if (response.ok) return response.value as ResultOf<C>;
      throw ApiError.fromData(response.error);
    },
    async call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<ResultOf<C>> {
      const sentToken = token;
      const response = await invoke(channel, sentToken, input);
      if (response.ok) return response.value as ResultOf<C>;
      const apiError = ApiError.fromData(response.error);
      // Only a call that carried a token can mean "your session expired"; a token set meanwhile
      // (new sign-in) must not be thrown away by a late answer to an old call.
      if (apiError.code === 'UNAUTHENTICATED' && sentToken !== null && sentToken === token) {
        unauthenticatedHandler?.();
      }
      throw apiError;
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    setToken(next) {
      if (next === token) return;
      token = next;
      restartEvents();
    },
    onUnauthenticated(handler) {
      unauthenticatedHandler = handler;
    },
  };
}
