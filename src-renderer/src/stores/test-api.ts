// A scripted Api for store tests: each channel answers from a handler the test supplies, and every
// call is recorded. The stores under test are real; only the core behind the bridge is replaced.
import type { ApiEvents, ChannelName, EventName, InputOf, ResultOf } from '@contract';
import { ApiError } from '../api/api-error.js';
import type { Api } from '../api/bridge.js';

type Handler = (input: unknown, token: string | null) => unknown;

export function scriptedApi(handlers: Partial<Record<ChannelName, Handler>>) {
  const calls: { channel: ChannelName; input: unknown; token: string | null }[] = [];
  let token: string | null = null;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const api: Api = {
    carrierKind: 'http',
    async call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<ResultOf<C>> {
      calls.push({ channel, input, token });
      const handler = handlers[channel];
      if (!handler) throw new ApiError('UNKNOWN_CHANNEL', `No handler for ${channel}`);
      return (await handler(input, token)) as ResultOf<C>;
    },
    async callWithToken<C extends ChannelName>(ownToken: string | null, channel: C, input: InputOf<C>): Promise<ResultOf<C>> {
      calls.push({ channel, input, token: ownToken });
      const handler = handlers[channel];
      if (!handler) throw new ApiError('UNKNOWN_CHANNEL', `No handler for ${channel}`);
      return (await handler(input, ownToken)) as ResultOf<C>;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    setToken(next) {
      token = next;
    },
    onUnauthenticated() {},
  };
  const emit = <E extends EventName>(event: E, payload: ApiEvents[E]) => listeners.get(event)?.forEach((l) => l(payload));
  return { api, calls, emit, token: () => token };
}
