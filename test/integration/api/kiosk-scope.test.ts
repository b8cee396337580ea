// The members' kiosk is secured by the core, not the screen. Member A's kiosk session is swept over
// EVERY channel of the contract (the list comes from the contract object, so a channel added later is
// covered without editing this file) with member B's ids: every operator channel is refused, and the
// kiosk channels, which take no member id, answer with A's things only. Then sign-in rules: PIN lock
// after 5 wrong PINs, kiosk-wide rate limit of failures, member cards, idle expiry, a kiosk-only core.
// Real SQLite file and core; a controllable clock stands in for waiting. The PIN is the one of a
// member's console chain account, which needs the chain and keystore to create: its row is written
// directly (the kiosk only reads the hash).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { contract, isKioskChannel, type ApiResponse, type ChannelName, type ChannelDef } from '../../../src-main/contract/index.js';
import { hashPassword } from '../../../src-main/core/auth/passwords.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { initializeCooperative, type InitializedCooperative } from '../../support/core-setup.js';

let now = new Date('2026-03-01T08:00:00Z');
const clock = { now: () => new Date(now) };
const advance = (ms: number) => (now = new Date(now.getTime() + ms));
const temp = makeTempDir();
let core: Core;
let office: InitializedCooperative;

interface Fixture {
  memberId: number;
  memberNo: string;
  fullName: string;
  siteId: number;
  agreementId: number;
  card: string;
}
let a: Fixture;
let b: Fixture;
let tokenA = '';

const codeOf = (response: ApiResponse<unknown>) => (response.ok ? 'OK' : response.error.code);
const call = (channel: string, input: unknown, token: string | null) => core.dispatch(channel, input, token);
const channels = Object.keys(contract) as ChannelName[];
const def = (name: ChannelName) => contract[name] as ChannelDef<z.ZodType, unknown>;

async function member(memberNo: string, fullName: string, siteId: number): Promise<number> {
  return (await office.ok('members.create', { memberNo, fullName, siteId, roles: ['prosumer', 'consumer'], joinedOn: '2025-01-01' })).id;
}
async function p2pSale(title: string, sellerMemberId: number, buyerId: number): Promise<number> {
  return (
    await office.ok('agreements.create', {
      title,
      terms: { kind: 'p2p_sale', sellerMemberId, buyers: { mode: 'members', memberIds: [buyerId] }, priceRule: { mode: 'fixed', rateMilliPerKwh: 20_000 }, startsOn: '2026-03-01', termMonths: 12 },
    })
  ).id;
}
async function givePin(memberId: number, pin: string): Promise<void> {
  const hash = await hashPassword(pin);
  core
    .database()
    .prepare(`INSERT INTO member_chain_accounts (member_id, kind, address, pin_hash, created_at, created_by, updated_at) VALUES (?, 'console', ?, ?, ?, 1, ?)`)
    .run(memberId, `5Fixture${String(memberId).padStart(40, '0')}`, hash, now.toISOString(), now.toISOString());
}

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, clock, log: () => {} });
  office = await initializeCooperative(core);
  const north = (await office.ok('sites.create', { name: 'North Ridge' })).id;
  const south = (await office.ok('sites.create', { name: 'South Bank' })).id;
  const aId = await member('A-001', 'Achieng Atieno', north);
  const bId = await member('B-002', 'Baraka Bakari', south);
  const buyer = await member('C-003', 'Chausiku Chege', north);
  const buyerSouth = await member('C-004', 'Chiku Cherono', south);
  const cardA = (await office.ok('kioskCards.issue', { memberId: aId })) as unknown as { code: string };
  const cardB = (await office.ok('kioskCards.issue', { memberId: bId })) as unknown as { code: string };
  a = { memberId: aId, memberNo: 'A-001', fullName: 'Achieng Atieno', siteId: north, agreementId: await p2pSale('A sells to C', aId, buyer), card: cardA.code };
  b = { memberId: bId, memberNo: 'B-002', fullName: 'Baraka Bakari', siteId: south, agreementId: await p2pSale('B sells to C', bId, buyerSouth), card: cardB.code };
  // Money on both accounts: A's kiosk must show A's payment and balance only.
  await office.ok('payments.record', { memberId: aId, amountMinor: 1_500, method: 'cash', reference: 'A-CASH-1', receivedOn: '2026-02-20' });
  await office.ok('payments.record', { memberId: bId, amountMinor: 2_700, method: 'mobile-money', reference: 'B-MPESA-1', receivedOn: '2026-02-21' });
  await givePin(aId, '4321');
  await givePin(bId, '8765');
  const signIn = await call('kiosk.signIn', { method: 'card', code: a.card }, null);
  if (!signIn.ok) throw new Error(signIn.error.message);
  tokenA = (signIn.value as { token: string }).token;
});
afterAll(async () => {
  await core.close();
  temp.remove();
});

/**
 * An input for any channel aimed at member B: every id-like field of the channel's schema (memberId,
 * sellerMemberId, siteId, id …) set to B's, the other fields given plain values. Built from the
 * schema, so it follows the contract as it changes.
 */
function inputAgainstB(name: ChannelName): Record<string, unknown> {
  const schema = z.toJSONSchema(def(name).input, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { type?: string }>; anyOf?: unknown[] };
  const idFor = (key: string): number => {
    if (/site/i.test(key)) return b.siteId;
    if (key === 'id' && name.startsWith('agreements.')) return b.agreementId;
    if (key === 'id' && name.startsWith('sites.')) return b.siteId;
    return b.memberId;
  };
  const input: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (/(^id$|Id$|Ids$)/.test(key)) input[key] = /Ids$/.test(key) ? [idFor(key)] : idFor(key);
    else if (/memberNo/i.test(key)) input[key] = b.memberNo;
    else if (property.type === 'integer' || property.type === 'number') input[key] = 1;
    else if (property.type === 'boolean') input[key] = true;
    else if (property.type === 'array') input[key] = [];
    else if (property.type === 'string') input[key] = 'x';
  }
  // Whatever the schema, also name B directly: a handler that read a stray field would show it.
  return { memberId: b.memberId, ...input };
}

describe("a member's kiosk session", () => {
  it('is refused on every channel that is not a kiosk channel, with B as the target', async () => {
    const answers: Record<string, string> = {};
    for (const name of channels.filter((c) => !isKioskChannel(c))) answers[name] = codeOf(await call(name, inputAgainstB(name), tokenA));
    expect(Object.keys(answers).length).toBeGreaterThan(100);
    expect(Object.entries(answers).filter(([, code]) => code !== 'FORBIDDEN')).toEqual([]);
    // The session survived the sweep: the refusals did not end it, they only refused.
    expect(codeOf(await call('kiosk.me', {}, tokenA))).toBe('OK');
  });

  it("never lets a kiosk channel take a member's id, and answers with A's things only", async () => {
    const kioskChannels = channels.filter(isKioskChannel);
    expect(kioskChannels.length).toBeGreaterThanOrEqual(7);
    for (const name of kioskChannels) {
      expect(['public', 'member'], name).toContain(def(name).access);
      const properties = Object.keys((z.toJSONSchema(def(name).input, { io: 'input', unrepresentable: 'any' }) as { properties?: object }).properties ?? {});
      expect(properties.filter((p) => /id$/i.test(p)), name).toEqual([]);
    }
    // Every 'member' channel is a kiosk channel (a member session reaches nothing else).
    expect(channels.filter((c) => def(c).access === 'member' && !isKioskChannel(c))).toEqual([]);

    const validInput: Partial<Record<ChannelName, unknown>> = {
      'kiosk.energy': { from: '2026-02-01', to: '2026-02-28' },
      'kiosk.signIn': { method: 'pin', memberNo: b.memberNo, pin: '0000' },
      'tokens.redeemMine': { tokens: 1 },
      'statements.myStatement': { periodFrom: '2026-02-01' },
      'statements.verifyMine': { periodFrom: '2026-02-01' },
    };
    // A holds no tokens here: redeeming is refused on A's own balance (B's is never looked at).
    // A has no posted statement of that period: the answer is "none of yours", never another member's.
    const expectedCode: Partial<Record<ChannelName, string>> = { 'tokens.redeemMine': 'CONFLICT', 'statements.myStatement': 'NOT_FOUND', 'statements.verifyMine': 'NOT_FOUND' };
    for (const name of kioskChannels.filter((c) => c !== 'kiosk.signOut')) {
      // B's ids smuggled beside the input are refused by the strict schemas, before any handler.
      if (def(name).access === 'member') expect(codeOf(await call(name, { ...(validInput[name] as object), memberId: b.memberId }, tokenA)), name).toBe('VALIDATION');
      const answer = await call(name, validInput[name] ?? {}, tokenA);
      if (name === 'kiosk.signIn') {
        expect(codeOf(answer)).toBe('INVALID_CREDENTIALS');
        continue;
      }
      expect(codeOf(answer), name).toBe(expectedCode[name] ?? 'OK');
      const text = JSON.stringify(answer);
      for (const secret of [b.memberNo, b.fullName, 'South Bank', 'B sells to C']) expect(text, `${name} shows ${secret}`).not.toContain(secret);
    }
    const me = await call('kiosk.me', {}, tokenA);
    expect(me.ok && me.value).toMatchObject({ member: { memberNo: a.memberNo, fullName: a.fullName, siteName: 'North Ridge' } });
    const agreements = await call('kiosk.agreements', {}, tokenA);
    const rows = agreements.ok ? (agreements.value as { title: string; parties: { name: string; isMe: boolean }[] }[]) : [];
    expect(rows.map((r) => r.title)).toEqual(['A sells to C']);
    expect(rows[0]!.parties).toEqual(expect.arrayContaining([{ name: a.fullName, role: 'seller', isMe: true }, { name: 'Chausiku Chege', role: 'buyer', isMe: false }]));
    const account = await call('kiosk.account', {}, tokenA);
    expect(account.ok && account.value).toMatchObject({ balance: 1_500, payments: [{ amountMinor: 1_500, method: 'cash', status: 'booked', receivedOn: '2026-02-20' }], movements: [{ kind: 'payment', amount: 1_500, reversed: false }] });
    expect(JSON.stringify(account)).not.toContain('2700');
    const energy = await call('kiosk.energy', { from: '2026-02-01', to: '2026-02-28' }, tokenA);
    expect(energy.ok && (energy.value as { memberId: number }).memberId).toBe(a.memberId);
  });

  it("is refused to operators: an admin's session cannot call a member channel", async () => {
    expect(codeOf(await call('kiosk.me', {}, office.token))).toBe('FORBIDDEN');
    expect(codeOf(await call('kiosk.agreements', {}, null))).toBe('UNAUTHENTICATED');
  });

  it('ends after 3 minutes without a call, and at sign-out', async () => {
    const token = await signInWithPin(b.memberNo, '8765');
    advance(2 * 60_000);
    expect(codeOf(await call('kiosk.me', {}, token))).toBe('OK');
    advance(3 * 60_000 + 1);
    expect(codeOf(await call('kiosk.me', {}, token))).toBe('UNAUTHENTICATED');
    const again = await signInWithPin(b.memberNo, '8765');
    expect(codeOf(await call('kiosk.signOut', {}, again))).toBe('OK');
    expect(codeOf(await call('kiosk.agreements', {}, again))).toBe('UNAUTHENTICATED');
  });
});

/** The office's calls after the clock moved on: a fresh admin session each time. */
async function staff(channel: string, input: unknown): Promise<{ code: string }> {
  const login = await call('session.login', { username: 'admin', password: 'correct horse battery' }, null);
  if (!login.ok) throw new Error(login.error.message);
  const answer = await call(channel, input, (login.value as { token: string }).token);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value as { code: string };
}

async function signInWithPin(memberNo: string, pin: string): Promise<string> {
  const answer = await call('kiosk.signIn', { method: 'pin', memberNo, pin }, null);
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return (answer.value as { token: string }).token;
}

describe('kiosk sign-in', () => {
  it('locks a PIN after five wrong ones, says so, and does not tell unknown member numbers apart', async () => {
    advance(5 * 60_000);
    const unknown = await call('kiosk.signIn', { method: 'pin', memberNo: 'Z-999', pin: '1111' }, null);
    expect(unknown.ok ? null : unknown.error.message).toBe('Wrong member number or PIN.');
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push(codeOf(await call('kiosk.signIn', { method: 'pin', memberNo: a.memberNo, pin: '0000' }, null)));
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'LOCKED_OUT']);
    const locked = await call('kiosk.signIn', { method: 'pin', memberNo: a.memberNo, pin: '4321' }, null);
    expect(codeOf(locked)).toBe('LOCKED_OUT');
    advance(15 * 60_000 + 1);
    expect(await signInWithPin(a.memberNo.toLowerCase(), '4321')).toMatch(/^[\w-]{40,}$/);
  });

  it('rate-limits failures across member numbers: the 11th failure in a minute waits', async () => {
    advance(2 * 60_000);
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) codes.push(codeOf(await call('kiosk.signIn', { method: 'pin', memberNo: `X-${i}`, pin: '1234' }, null)));
    expect(new Set(codes)).toEqual(new Set(['INVALID_CREDENTIALS']));
    const limited = await call('kiosk.signIn', { method: 'pin', memberNo: b.memberNo, pin: '8765' }, null);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(limited.ok ? null : limited.error.details?.retryAfterSeconds).toBeGreaterThan(0);
    advance(61_000);
    expect(await signInWithPin(b.memberNo, '8765')).toBeTruthy();
  });

  it('takes a member card: a misread is reported, a replaced card stops working', async () => {
    advance(2 * 60_000);
    const misread = a.card.slice(0, -1) + (a.card.endsWith('0') ? '1' : '0');
    expect(codeOf(await call('kiosk.signIn', { method: 'card', code: misread }, null))).toBe('VALIDATION');
    expect(codeOf(await call('kiosk.signIn', { method: 'card', code: ` ${a.card.toLowerCase()} ` }, null))).toBe('OK');
    const cardSession = await call('kiosk.signIn', { method: 'card', code: a.card }, null);
    const replaced = (await staff('kioskCards.issue', { memberId: a.memberId })) as unknown as { code: string; replaced: boolean; document: { mediaType: string; base64: string } };
    expect(replaced.replaced).toBe(true);
    expect(replaced.document.mediaType).toBe('application/pdf');
    expect(Buffer.from(replaced.document.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(codeOf(await call('kiosk.signIn', { method: 'card', code: a.card }, null))).toBe('INVALID_CREDENTIALS');
    // A session opened with the old card ends with it; the replacement is audited as such.
    expect(codeOf(await call('kiosk.me', {}, cardSession.ok ? (cardSession.value as { token: string }).token : ''))).toBe('UNAUTHENTICATED');
    const audit = core.database().prepare(`SELECT summary_code FROM audit_log WHERE entity = 'member' AND entity_id = ? AND action = 'kiosk_card' ORDER BY id`).pluck().all(String(a.memberId));
    expect(audit).toEqual(['kiosk.cardIssued', 'kiosk.cardReplaced']);
    expect(await staff('kioskCards.get', { memberId: a.memberId })).toMatchObject({ card: { issuedBy: expect.any(String) }, pin: 'set' });
    expect(codeOf(await call('kiosk.signIn', { method: 'card', code: replaced.code }, null))).toBe('OK');
  });

  it("ends a deactivated member's session at once", async () => {
    const token = await signInWithPin(b.memberNo, '8765');
    await staff('members.setActive', { id: b.memberId, active: false, reason: 'Moved away' });
    expect(codeOf(await call('kiosk.me', {}, token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await call('kiosk.signIn', { method: 'pin', memberNo: b.memberNo, pin: '8765' }, null))).toBe('INVALID_CREDENTIALS');
    await staff('members.setActive', { id: b.memberId, active: true, reason: 'Back' });
  });
});

describe('a kiosk-only core (--kiosk)', () => {
  it('answers the kiosk channels and no other, even to an admin', async () => {
    await core.close();
    core = createCore({ dataDir: temp.path, clock, log: () => {}, kioskOnly: true });
    const adminLogin = await call('session.login', { username: 'admin', password: 'correct horse battery' }, null);
    expect(codeOf(adminLogin)).toBe('UNKNOWN_CHANNEL');
    const answers = await Promise.all(channels.filter((c) => !isKioskChannel(c)).map(async (c) => codeOf(await call(c, {}, office.token))));
    expect(new Set(answers)).toEqual(new Set(['UNKNOWN_CHANNEL']));
    const welcome = await call('kiosk.welcome', {}, null);
    expect(welcome.ok && welcome.value).toEqual({ cooperativeName: 'Valley Energy Cooperative', locale: 'en', timezone: 'Africa/Nairobi', kioskOnly: true });
    expect(await signInWithPin(a.memberNo, '4321')).toBeTruthy();
  });
});
