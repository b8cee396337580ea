// The getting-started dead end, over the real HTTP carrier with the real embedded node (one node for
// the file): an agreement proposed before the cooperative's keys and chain set-up exist gets a failed
// registration; signing is refused without touching a PIN; once the keystore is created and the
// set-up finished, "retry registration" sends it again and the parties' approvals register it on chain.
// A retry of a registration that did not fail is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { startHttpCarrier, type RunningHttpCarrier } from '../../../src-main/carriers/http/http-carrier.js';
import type { ApiResponse } from '../../../src-main/contract/index.js';
import { ADMIN, COOP, HttpApiClient } from '../../support/api-client.js';
import { makeTempDir } from '../../support/temp-dir.js';

const PASSPHRASE = 'village microgrid 2026';
const temp = makeTempDir('coop-retry-reg-');
let core: Core;
let carrier: RunningHttpCarrier;
let api: HttpApiClient;
const ids = { site: 0, owner: 0, host: 0, equipment: 0, agreement: 0 };

const code = (r: ApiResponse<unknown>) => (r.ok ? 'OK' : r.error.code);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms; last ${JSON.stringify(value).slice(0, 600)}`);
    await sleep(250);
  }
}

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, chain: { mode: 'embedded' }, log: () => {} });
  carrier = await startHttpCarrier({ dispatch: core.dispatch, events: core.events, staticDir: null, port: 0 });
  api = new HttpApiClient(carrier.url);
  api.token = (await api.ok('setup.initialize', { cooperative: COOP, admin: ADMIN })).token;
  ids.site = (await api.ok('sites.create', { name: 'Hill' })).id;
  const member = async (memberNo: string, fullName: string) => (await api.ok('members.create', { memberNo, fullName, siteId: ids.site, roles: ['owner', 'consumer'], joinedOn: '2025-01-01' })).id;
  ids.owner = await member('O-1', 'Owner One');
  ids.host = await member('H-1', 'Host One');
  ids.equipment = (await api.ok('equipment.create', { kind: 'solar', ratedPowerW: 3_000, make: 'Sunny', serial: 'SP-1', ownerMemberId: ids.owner, siteId: ids.site })).id;
  await until('chain ready', () => api.ok('chain.status', {}), (s) => s.connection?.state === 'ready');
}, 90_000);
afterAll(async () => {
  await carrier?.close();
  await core?.close();
  temp.remove();
}, 30_000);

describe('a registration that failed because the chain was not set up', () => {
  it('fails at propose while the cooperative has no keys, and no approval is taken', async () => {
    const terms = { kind: 'hosted_lease' as const, equipmentId: ids.equipment, ownerMemberId: ids.owner, hostMemberId: ids.host, startsOn: '2026-04-01', termYears: 10, energyRateMilliPerKwh: 20_000, rentShareBps: 1_000, surplusOwnerBps: 5_000 };
    ids.agreement = (await api.ok('agreements.create', { title: 'Roof solar', terms })).id;
    const proposed = await api.ok('agreements.transition', { id: ids.agreement, action: 'propose', reason: '' });
    expect(proposed.status).toBe('proposed');
    expect(proposed.registration).toMatchObject({ registrar: 'chain-multisig', state: 'failed' });
    expect(proposed.registration.failure).toMatch(/not set up on this chain/);
    const detail = await api.ok('agreements.get', { id: ids.agreement });
    expect(detail.registrationRetry).toBe('allowed');
    // Approving now could never count: refused before any PIN is looked at (none exists yet either).
    const sign = await api.call('agreements.sign', { id: ids.agreement, memberId: ids.owner, passphrase: '2468' });
    expect(code(sign)).toBe('CONFLICT');
    // Retrying while the cause is still there fails again, honestly, and can be retried later.
    const early = await api.ok('agreements.retryRegistration', { id: ids.agreement });
    expect(early.registration.state).toBe('failed');
  }, 60_000);

  it('is sent again once the keystore exists and the set-up finished, then registered by the approvals', async () => {
    await api.ok('chain.keystore.initialize', { passphrase: PASSPHRASE });
    await until('set-up done', () => api.ok('chain.status', {}), (s) => s.setup !== null && s.bootstrap.state === 'done', 120_000);
    await api.ok('memberAccounts.create', { memberId: ids.owner, pin: '2468' });
    await api.ok('memberAccounts.create', { memberId: ids.host, pin: '1357' });

    const retried = await api.ok('agreements.retryRegistration', { id: ids.agreement });
    expect(retried.registration).toMatchObject({ state: 'pending_chain', failure: null });
    expect(retried.registration.callHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect((await api.ok('agreements.get', { id: ids.agreement })).registrationRetry).toBeNull();
    // Nothing to retry any more: refused with a clear code, nothing changed.
    expect(code(await api.call('agreements.retryRegistration', { id: ids.agreement }))).toBe('ILLEGAL_TRANSITION');

    await api.ok('agreements.sign', { id: ids.agreement, memberId: ids.owner, passphrase: '2468' });
    const signed = await api.ok('agreements.sign', { id: ids.agreement, memberId: ids.host, passphrase: '1357' });
    expect(signed.agreement.status).toBe('signed');
    expect(signed.agreement.registration).toMatchObject({ state: 'on_chain' });
    expect(signed.agreement.registration.blockNumber).toBeGreaterThan(0);
    const actions = (await api.ok('audit.list', { entity: 'agreement', entityId: String(ids.agreement) })).map((a) => a.action);
    expect(actions).toContain('registration_retry');
  }, 240_000);
});
