import { describe, expect, it } from 'vitest';
import { EXIT_LOCK_MS, isBlockedKioskKey, isKioskExitCombination, KIOSK_WINDOW_OPTIONS, KioskExitGate, type KeyInput } from './kiosk-policy.js';

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
