// Field sync over the network between two real serve processes (office and laptop, separate data
// folders, both on loopback): nothing is accepted until the office opens network syncs; the laptop
// pairs with a 6-digit code that both sides show identically; the sync waits for BOTH operators'
// confirmations; then the laptop's report goes in and the office's pack comes back over HTTP (the
// same signed bundles and import checks as files). Codes declared different, a forged exchange, a
// key that does not match its commitment and a revoked laptop are each refused with a sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../../src-main/contract/index.js';
import { startServe, type ServeHandle } from '../../e2e/support/serve.js';
import { ADMIN, COOP } from '../../support/api-client.js';

const OFFICE_KEY = 'office sync passphrase';
const LAPTOP_KEY = 'laptop sync passphrase';
const ENROL = 'said in person only';

async function call<T>(base: string, channel: string, token: string | null, input: unknown): Promise<ApiResponse<T>> {
  const response = await fetch(`${base}api/call/${channel}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(input),
  });
  return (await response.json()) as ApiResponse<T>;
}
async function ok<T>(base: string, channel: string, token: string | null, input: unknown): Promise<T> {
  const answer = await call<T>(base, channel, token, input);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
  return answer.value;
}
async function refused(base: string, channel: string, token: string | null, input: unknown): Promise<{ refusal: unknown; message: string }> {
  const answer = await call(base, channel, token, input);
  if (answer.ok) throw new Error(`${channel} was accepted; a refusal was expected`);
  return { refusal: answer.error.details?.['syncRefusal'], message: answer.error.message };
}

interface Pairing { consoleId: string; state: string; code: string | null }
interface Status { acceptingUntil: string | null; pairings: Pairing[] }

describe('field sync over the LAN (two serve processes on loopback)', () => {
  let office: ServeHandle;
  let laptop: ServeHandle;
  let officeToken = '';
  let laptopToken = '';
  let consoleId = '';

  beforeAll(async () => {
    office = await startServe(); // one after the other: two cold starts at once can exceed the 30 s start guard on a loaded machine
    laptop = await startServe();
    const initialize = async (s: ServeHandle) => (await ok<{ token: string }>(s.url, 'setup.initialize', null, { cooperative: COOP, admin: ADMIN })).token;
    [officeToken, laptopToken] = await Promise.all([initialize(office), initialize(laptop)]);
    const site = await ok<{ id: number }>(office.url, 'sites.create', officeToken, { name: 'North' });
    await ok(office.url, 'members.create', officeToken, { memberNo: 'N-1', fullName: 'Awa Diallo', siteId: site.id, roles: ['consumer'], joinedOn: '2026-01-01' });
    await ok(office.url, 'fieldSync.office.setUp', officeToken, { label: 'Office', keyPassphrase: OFFICE_KEY });
    const enrolment = await ok<{ fileBase64: string; fileName: string }>(office.url, 'fieldSync.consoles.enrol', officeToken, { label: 'Laptop Awa', enrolmentPassphrase: ENROL });
    consoleId = enrolment.fileName.replace(/^enrolment-/, '').replace(/\.json$/, '');
    await ok(laptop.url, 'fieldSync.enrolment.accept', laptopToken, { fileBase64: enrolment.fileBase64, enrolmentPassphrase: ENROL, keyPassphrase: LAPTOP_KEY });
  });
  afterAll(async () => {
    await Promise.allSettled([office?.stop(), laptop?.stop()]);
  });

  const pair = () => ok<Pairing>(laptop.url, 'fieldSync.lan.pair', laptopToken, { officeUrl: office.url });
  const officePairing = async () => (await ok<Status>(office.url, 'fieldSync.lan.status', officeToken, {})).pairings.find((p) => p.consoleId === consoleId);
  const sync = () => call<{ report: { counts: Record<string, number> }; pack: { sequence: number; counts: Record<string, number> } }>(laptop.url, 'fieldSync.lan.sync', laptopToken, { keyPassphrase: LAPTOP_KEY });

  it('refuses to pair while the office does not accept network syncs', async () => {
    const answer = await refused(laptop.url, 'fieldSync.lan.pair', laptopToken, { officeUrl: office.url });
    expect(answer.refusal).toBe('LAN_CLOSED');
    expect(answer.message).toMatch(/not accepting network syncs/);
    expect((await refused(office.url, 'fieldSync.lan.accept', officeToken, { keyPassphrase: 'not the passphrase', minutes: 30 })).refusal).toBe('BUNDLE_PASSPHRASE');
  });

  it('refuses a pairing whose codes the office operator declares different', async () => {
    await ok(office.url, 'fieldSync.lan.accept', officeToken, { keyPassphrase: OFFICE_KEY, minutes: 30 });
    const mine = await pair();
    expect(mine.code).toMatch(/^\d{6}$/);
    await ok(laptop.url, 'fieldSync.lan.confirm', laptopToken, { consoleId, matches: true });
    await ok(office.url, 'fieldSync.lan.confirm', officeToken, { consoleId, matches: false });
    expect((await officePairing())?.state).toBe('rejected');
    const answer = await sync();
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.details?.['syncRefusal']).toBe('LAN_NOT_PAIRED');
      expect(answer.error.message).toMatch(/not paired with this office/);
    }
  });

  it('refuses a key that is not the one committed to, and an exchange without the pairing key', async () => {
    const begun = await ok<{ pairingId: string }>(office.url, 'fieldSync.lan.pairBegin', null, { consoleId, commitmentHex: '00'.repeat(32) });
    const reveal = await refused(office.url, 'fieldSync.lan.pairReveal', null, { pairingId: begun.pairingId, laptopPublicKeyHex: '11'.repeat(32), nonceHex: '22'.repeat(16) });
    expect(reveal.refusal).toBe('LAN_CODE');
    const forged = await refused(office.url, 'fieldSync.lan.exchange', null, { consoleId, nonceHex: '22'.repeat(16), reportBase64: 'AAAA', macHex: '33'.repeat(32) });
    expect(forged.refusal).toBe('LAN_NOT_PAIRED'); // the last pairing was declared different
    expect((await refused(office.url, 'fieldSync.lan.pairBegin', null, { consoleId: 'field-unknown', commitmentHex: '00'.repeat(32) })).message).toMatch(/No laptop "field-unknown" is enrolled/);
  });

  it('pairs with the same code on both screens, waits for both confirmations, then syncs report in and pack out', async () => {
    const mine = await pair();
    const theirs = await officePairing();
    expect(theirs).toMatchObject({ state: 'pending', code: mine.code });
    expect((await sync()).ok).toBe(false); // neither side confirmed yet
    await ok(laptop.url, 'fieldSync.lan.confirm', laptopToken, { consoleId, matches: true });
    const officeWaits = await sync();
    expect(officeWaits.ok ? null : officeWaits.error.message).toMatch(/confirm the code on the office screen/);
    await ok(office.url, 'fieldSync.lan.confirm', officeToken, { consoleId, matches: true });

    const first = await sync();
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.pack.counts['members']).toBe(1);
    const members = await ok<{ items: Array<{ fullName: string }> } | Array<{ fullName: string }>>(laptop.url, 'members.list', laptopToken, {});
    expect(JSON.stringify(members)).toContain('Awa Diallo'); // the laptop leaves with the office's members
    const consoles = await ok<Array<{ consoleId: string; lastReportSequence: number; lastPackSequence: number }>>(office.url, 'fieldSync.consoles.list', officeToken, {});
    // Refused syncs above wrote reports that never left the laptop: the office holds the laptop's latest.
    const mine2 = await ok<{ lastReportSequence: number; lastPackSequence: number }>(laptop.url, 'fieldSync.identity', laptopToken, {});
    expect(consoles.find((c) => c.consoleId === consoleId)).toMatchObject({ lastReportSequence: mine2.lastReportSequence, lastPackSequence: first.value.pack.sequence });
    expect(mine2.lastPackSequence).toBe(first.value.pack.sequence);

    const second = await sync(); // nothing new: the office books nothing twice, the laptop takes the newer pack
    if (!second.ok) throw new Error(second.error.message);
    expect(Object.values(second.value.report.counts).every((n) => n === 0)).toBe(true);
    expect(second.value.pack.sequence).toBeGreaterThan(first.value.pack.sequence);
  });

  it('refuses a revoked laptop with a clear sentence', async () => {
    await ok(office.url, 'fieldSync.consoles.revoke', officeToken, { consoleId, reason: 'laptop stolen' });
    expect((await officePairing())?.state).toBe('revoked');
    const answer = await sync();
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.details?.['syncRefusal']).toBe('BUNDLE_SENDER_REVOKED');
      expect(answer.error.message).toMatch(/Laptop Awa" was revoked on .*no longer syncs with it/);
    }
    expect((await refused(laptop.url, 'fieldSync.lan.pair', laptopToken, { officeUrl: office.url })).refusal).toBe('BUNDLE_SENDER_REVOKED');
  });
});
