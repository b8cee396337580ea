import { describe, expect, it } from 'vitest';
import { EXIT_LOCK_MS, isBlockedKioskKey, isKioskExitCombination, isKioskLaunch, isKioskRouteUrl, KIOSK_WINDOW_OPTIONS, KioskExitGate, kioskUrl, parseExitRequest, type KeyInput } from './kiosk-policy.js';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', key: k, control: false, alt: false, shift: false, meta: false, ...mods });

describe('kiosk window policy', () => {
  it('is fullscreen, frameless, menu-less and not closable by the window manager', () => {
    expect(KIOSK_WINDOW_OPTIONS).toMatchObject({ kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true, closable: false });
  });
  it('asks to leave only on Ctrl+Alt+Shift+Q, and swallows reload, devtools, print and navigation keys', () => {
    expect(isKioskExitCombination(key('Q', { control: true, alt: true, shift: true }))).toBe(true);
    expect(isKioskExitCombination(key('q', { control: true, alt: true }))).toBe(false);
    expect(isKioskExitCombination({ ...key('q', { control: true, alt: true, shift: true }), type: 'keyUp' })).toBe(false);
    for (const blocked of [key('F5'), key('F12'), key('r', { control: true }), key('I', { control: true, shift: true }), key('ArrowLeft', { alt: true }), key('F4', { alt: true }), key('p', { meta: true })]) expect(isBlockedKioskKey(blocked), blocked.key).toBe(true);
    for (const allowed of [key('1'), key('K'), key('Enter'), key('.')]) expect(isBlockedKioskKey(allowed), allowed.key).toBe(false);
  });
});

describe('kiosk exit gate', () => {
  it("lets the kiosk close only with an admin's password, and locks after five wrong ones", async () => {
    let now = 1_000_000;
    const gate = new KioskExitGate(async (user, password) => user === 'admin' && password === 'right', () => now);
    expect(await gate.request('admin', 'right')).toEqual({ leave: true });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await gate.request('admin', 'wrong')).leave ? 'leave' : 'stay');
    expect(answers).toEqual(['stay', 'stay', 'stay', 'stay', 'stay']);
    expect(await gate.request('admin', 'right')).toEqual({ leave: false, reason: 'locked', lockedUntilMs: now + EXIT_LOCK_MS });
    now += EXIT_LOCK_MS;
    expect(await gate.request('admin', 'right')).toEqual({ leave: true });
  });
});

describe('kiosk launch and navigation lock', () => {
  const entry = 'file:///opt/coop/out/renderer/index.html';
  it('starts as a kiosk only with --kiosk', () => {
    expect(isKioskLaunch(['/usr/bin/electron', '.', '--kiosk'])).toBe(true);
    expect(isKioskLaunch(['/usr/bin/electron', '.', '--data-dir=/x'])).toBe(false);
  });
  it('shows the kiosk route of the app page and nothing else', () => {
    expect(kioskUrl(entry)).toBe(`${entry}#/kiosk`);
    expect(isKioskRouteUrl(`${entry}#/kiosk`, entry)).toBe(true);
    expect(isKioskRouteUrl(`${entry}#/kiosk?idle=30`, entry)).toBe(true);
    for (const elsewhere of [`${entry}#/members`, `${entry}#/kioskx`, `${entry}`, 'file:///etc/passwd#/kiosk', 'https://example.org/#/kiosk', 'not a url']) expect(isKioskRouteUrl(elsewhere, entry), elsewhere).toBe(false);
  });
  it('takes an exit request only as a user name and a password of sane length', () => {
    expect(parseExitRequest({ username: ' admin ', password: 'pw' })).toEqual({ username: 'admin', password: 'pw' });
    for (const bad of [null, 'admin', { username: 'admin' }, { username: '', password: 'x' }, { username: 'a', password: '' }, { username: 'a', password: 'x'.repeat(257) }, { username: 1, password: 'x' }]) expect(parseExitRequest(bad)).toBeNull();
  });
});

describe('the preload', () => {
  it('uses the IPC names of the policy (it cannot import them: sandboxed preloads are self-contained)', async () => {
    const { readFileSync } = await import('node:fs');
    const { KIOSK_IPC } = await import('./kiosk-policy.js');
    const preload = readFileSync(new URL('./preload.cts', import.meta.url), 'utf8');
    for (const name of Object.values(KIOSK_IPC)) expect(preload).toContain(`'${name}'`);
  });
});
