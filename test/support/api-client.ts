// A typed test client over the real HTTP carrier, the way the renderer bridge talks to it.
import type { ApiResponse, ChannelName, InputOf, ResultOf } from '../../src-main/contract/index.js';

export class HttpApiClient {
  token: string | null = null;

  constructor(readonly baseUrl: string) {}

  async raw(channel: string, body: string, token: string | null = this.token): Promise<{ status: number; json: ApiResponse<unknown> }> {
    const response = await fetch(new URL(`api/call/${channel}`, this.baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body,
    });
    return { status: response.status, json: (await response.json()) as ApiResponse<unknown> };
  }

  async call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<ApiResponse<ResultOf<C>>> {
    const { json } = await this.raw(channel, JSON.stringify(input));
    return json as ApiResponse<ResultOf<C>>;
  }

  /** Calls and unwraps; throws with the API's message if the call failed. */
  async ok<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<ResultOf<C>> {
    const response = await this.call(channel, input);
    if (!response.ok) throw new Error(`${channel} failed: ${response.error.code} ${response.error.message}`);
    return response.value;
  }
}

export const COOP = { name: 'Valley Energy Cooperative', currency: 'KES', timezone: 'Africa/Nairobi', locale: 'en' } as const;
export const ADMIN = { username: 'admin', displayName: 'Amina Admin', password: 'correct horse battery' } as const;
