// Session store: sign-in keeps the token (memory + sessionStorage stand-in), a reload restores it
// through session.current, an invalid token is dropped as "expired", sign-out clears everything.
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { SessionInfo } from '@contract';
import { provideApi } from '../api/index.js';
import { ApiError } from '../api/api-error.js';
import { useSessionStore } from './session.js';
import { storage } from './storage.js';
import { scriptedApi } from './test-api.js';

const info = (token: string): SessionInfo => ({
  token,
  expiresAt: '2030-01-01T00:00:00Z',
  operator: { id: 1, username: 'admin', displayName: 'Amina', role: 'admin' },
});

describe('session store', () => {
  beforeEach(() => {
    storage.session.removeItem('coop.session');
    setActivePinia(createPinia());
  });

  it('signs in, sends the token with later calls, and keeps it for a reload', async () => {
    const script = scriptedApi({
      'session.login': (input) => {
        const { username, password } = input as { username: string; password: string };
        if (password !== 'right-password') throw new ApiError('INVALID_CREDENTIALS', 'Wrong');
        return info(`token-of-${username}`);
      },
    });
    provideApi(script.api);
    const session = useSessionStore();
    await expect(session.login('admin', 'nope')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(session.signedIn).toBe(false);

    await session.login('admin', 'right-password');
    expect(session.signedIn).toBe(true);
    expect(session.role).toBe('admin');
    expect(script.token()).toBe('token-of-admin');
    expect(storage.session.getItem('coop.session')).toBe('token-of-admin');
    expect(session.hasRole(['admin'])).toBe(true);
    expect(session.hasRole(['technician'])).toBe(false);
  });

  it('restores a saved token after a reload, or drops it as expired', async () => {
    storage.session.setItem('coop.session', 'saved');
    const valid = new Set(['saved']);
    const script = scriptedApi({
      'session.current': (_input, token) => {
        if (!token || !valid.has(token)) throw new ApiError('UNAUTHENTICATED', 'Session expired');
        return info(token);
      },
    });
    provideApi(script.api);
    const session = useSessionStore();
    expect(await session.restore()).toBe(true);
    expect(session.operator?.displayName).toBe('Amina');

    setActivePinia(createPinia());
    valid.clear();
    const again = useSessionStore();
    expect(await again.restore()).toBe(false);
    expect(again.endReason).toBe('expired');
    expect(storage.session.getItem('coop.session')).toBeNull();
    expect(script.token()).toBeNull();
  });

  it('signs out even when the core cannot be reached', async () => {
    const script = scriptedApi({
      'session.login': () => info('t'),
      'session.logout': () => {
        throw new ApiError('UNREACHABLE', 'down');
      },
    });
    provideApi(script.api);
    const session = useSessionStore();
    await session.login('admin', 'x');
    await expect(session.logout()).rejects.toMatchObject({ code: 'UNREACHABLE' });
    expect(session.signedIn).toBe(false);
    expect(session.endReason).toBe('signed-out');
    expect(storage.session.getItem('coop.session')).toBeNull();
  });
});
