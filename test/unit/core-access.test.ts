// Roles, sessions, lockout and input validation at the core's one entry point (dispatch),
// against a real SQLite file. A controllable clock stands in for waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/app/core.js';
import type { ApiResponse, ChannelName, InputOf, ResultOf } from '../../src-main/contract/index.js';
import { makeTempDir } from '../support/temp-dir.js';
import { ADMIN, COOP } from '../support/api-client.js';

let now = new Date('2026-03-01T08:00:00Z');
const clock = { now: () => new Date(now) };
const advance = (ms: number) => (now = new Date(now.getTime() + ms));
const temp = makeTempDir();
let core: Core;

async function call<C extends ChannelName>(channel: C, input: InputOf<C>, token: string | null): Promise<ApiResponse<ResultOf<C>>> {
  return (await core.dispatch(channel, input, token)) as ApiResponse<ResultOf<C>>;
}
async function ok<C extends ChannelName>(channel: C, input: InputOf<C>, token: string | null): Promise<ResultOf<C>> {
  const response = await call(channel, input, token);
  if (!response.ok) throw new Error(`${channel}: ${response.error.code} ${response.error.message}`);
  return response.value;
}
const codeOf = (response: ApiResponse<unknown>) => (response.ok ? 'OK' : response.error.code);

let adminToken = '';
beforeAll(async () => {
  core = createCore({ dataDir: temp.path, clock, log: () => {} });
  adminToken = (await ok('setup.initialize', { cooperative: COOP, admin: ADMIN }, null)).token;
  for (const role of ['operator', 'technician', 'kiosk'] as const) {
    await ok('operators.create', { username: role, displayName: `The ${role}`, role, password: `${role}-password-1` }, adminToken);
  }
});
afterAll(async () => {
  await core.close();
  temp.remove();
});

const signIn = async (username: string) => (await ok('session.login', { username, password: `${username}-password-1` }, null)).token;

describe('the core entry point', () => {
  it('refuses a second setup', async () => {
    expect(codeOf(await call('setup.initialize', { cooperative: COOP, admin: ADMIN }, null))).toBe('ALREADY_SET_UP');
  });

  it('checks roles on the core side for every channel', async () => {
    const technician = await signIn('technician');
    const kiosk = await signIn('kiosk');
    const operator = await signIn('operator');
    expect(codeOf(await call('members.list', {}, technician))).toBe('OK');
    expect(codeOf(await call('members.create', { memberNo: 'T-1', fullName: 'X', siteId: 1, roles: ['consumer'], joinedOn: '2026-01-01' }, technician))).toBe('FORBIDDEN');
    expect(codeOf(await call('members.list', {}, kiosk))).toBe('FORBIDDEN');
    expect(codeOf(await call('operators.list', {}, operator))).toBe('FORBIDDEN');
    expect(codeOf(await call('backup.restore', { fileName: 'coop-backup-2026-01-01T00-00-00-000Z.sqlite' }, operator))).toBe('FORBIDDEN');
    expect(codeOf(await call('members.list', {}, null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await call('members.list', {}, 'forged-token'))).toBe('UNAUTHENTICATED');
  });

  it('validates input before any handler runs, naming the field', async () => {
    const site = await ok('sites.create', { name: 'North Ridge' }, adminToken);
    const bad = await call('members.create', { memberNo: 'M 1', fullName: 'y'.repeat(500), siteId: site.id, roles: [], joinedOn: '1 May' }, adminToken);
    expect(codeOf(bad)).toBe('VALIDATION');
    const paths = bad.ok ? [] : (bad.error.issues ?? []).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['memberNo', 'fullName', 'roles', 'joinedOn']));
    expect(codeOf(await core.dispatch('members.create', 'not an object', adminToken))).toBe('VALIDATION');
    expect(codeOf(await core.dispatch('members.drop', {}, adminToken))).toBe('UNKNOWN_CHANNEL');
    expect(codeOf(await core.dispatch('__proto__', {}, adminToken))).toBe('UNKNOWN_CHANNEL');
    expect((await ok('members.list', {}, adminToken)).total).toBe(0);
  });

  it('locks an account after five wrong passwords, and an admin can unlock it', async () => {
    const first = await call('session.login', { username: 'technician', password: 'wrong' }, null);
    expect(first.ok ? null : first.error.details).toEqual({ attemptsLeft: 4 });
    await ok('session.login', { username: 'technician', password: 'technician-password-1' }, null); // resets the count
    const attempts = [];
    for (let i = 0; i < 5; i++) attempts.push(codeOf(await call('session.login', { username: 'operator', password: 'wrong' }, null)));
    expect(attempts).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'LOCKED_OUT']);
    // Even the right password is refused while locked.
    const locked = await call('session.login', { username: 'operator', password: 'operator-password-1' }, null);
    expect(codeOf(locked)).toBe('LOCKED_OUT');
    expect(locked.ok ? '' : locked.error.message).toMatch(/locked for 15 more minute/);
    expect(locked.ok ? null : locked.error.details?.lockedUntil).toBe(new Date(now.getTime() + 15 * 60_000).toISOString());
    const operator = (await ok('operators.list', {}, adminToken)).find((o) => o.username === 'operator')!;
    await ok('operators.update', { id: operator.id, unlock: true }, adminToken);
    expect(codeOf(await call('session.login', { username: 'operator', password: 'operator-password-1' }, null))).toBe('OK');
    const audit = await ok('audit.list', { entity: 'operator', entityId: String(operator.id) }, adminToken);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['lockout', 'update']));
  });

  it('ends a session after 30 idle minutes but keeps an active one alive', async () => {
    const token = await signIn('technician');
    advance(20 * 60_000);
    expect(codeOf(await call('session.current', {}, token))).toBe('OK');
    advance(20 * 60_000);
    expect(codeOf(await call('session.current', {}, token))).toBe('OK');
    advance(31 * 60_000);
    expect(codeOf(await call('session.current', {}, token))).toBe('UNAUTHENTICATED');
    adminToken = await (async () => (await ok('session.login', { username: ADMIN.username, password: ADMIN.password }, null)).token)();
  });

  it('ends sessions of an account whose role changes, and keeps the last admin', async () => {
    const token = await signIn('technician');
    const technician = (await ok('operators.list', {}, adminToken)).find((o) => o.username === 'technician')!;
    await ok('operators.update', { id: technician.id, role: 'operator' }, adminToken);
    expect(codeOf(await call('members.list', {}, token))).toBe('UNAUTHENTICATED');
    const admin = (await ok('operators.list', {}, adminToken)).find((o) => o.role === 'admin')!;
    expect(codeOf(await call('operators.update', { id: admin.id, active: false }, adminToken))).toBe('CONFLICT');
  });

  it('never returns password hashes', async () => {
    const text = JSON.stringify(await ok('operators.list', {}, adminToken));
    expect(text).not.toMatch(/argon2|passwordHash|password_hash/);
  });
});
