// Runs the first-run wizard's call on an in-process core and hands back the admin and a call helper,
// the start of every integration test that drives the core directly (no HTTP).
import type { Core } from '../../src-main/core/app/core.js';
import type { OperatorPublic } from '../../src-main/contract/index.js';
import { ADMIN, COOP } from './api-client.js';

export interface InitializedCooperative {
  readonly admin: OperatorPublic;
  readonly token: string;
  /** Calls a channel as the admin; throws with the API's message if the call failed. */
  readonly ok: (channel: string, input: unknown) => Promise<{ id: number }>;
}

export async function initializeCooperative(core: Core): Promise<InitializedCooperative> {
  const setup = await core.dispatch('setup.initialize', { cooperative: COOP, admin: ADMIN }, null);
  if (!setup.ok) throw new Error(setup.error.message);
  const { token, operator } = setup.value as { token: string; operator: OperatorPublic };
  const ok = async (channel: string, input: unknown): Promise<{ id: number }> => {
    const result = await core.dispatch(channel, input, token);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
    return result.value as { id: number };
  };
  return { admin: operator, token, ok };
}

/** A set-up cooperative with one site (Valley) and one consumer member (V-1), for tests about one member's money. */
export async function initializeWithOneMember(core: Core): Promise<InitializedCooperative & { readonly memberId: number }> {
  const started = await initializeCooperative(core);
  const site = (await started.ok('sites.create', { name: 'Valley' })).id;
  const memberId = (await started.ok('members.create', { memberNo: 'V-1', fullName: 'Valley One', siteId: site, roles: ['consumer'], joinedOn: '2025-01-01' })).id;
  return { ...started, memberId };
}
