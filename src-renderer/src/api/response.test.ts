import { describe, expect, it } from 'vitest';
import { parseApiResponse, parseEventMessage } from './response.js';

describe('carrier response parsing', () => {
  it('keeps error details the UI translates, and drops malformed ones', () => {
    const locked = parseApiResponse({ ok: false, error: { code: 'LOCKED_OUT', message: 'locked', details: { lockedUntil: '2026-11-21T10:15:00.000Z', extra: 1 } } });
    expect(locked).toEqual({ ok: false, error: { code: 'LOCKED_OUT', message: 'locked', details: { lockedUntil: '2026-11-21T10:15:00.000Z' } } });
    const junk = parseApiResponse({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'no', details: { attemptsLeft: 'four', lockedUntil: 'soon' } } });
    expect(junk).toEqual({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'no', details: {} } });
  });

  it('keeps each issue\'s code, reason and plain values, so the screen can say it in the operator\'s language', () => {
    const raw = { ok: false, error: { code: 'VALIDATION', message: 'x', issues: [
      { path: 'storageWh', message: 'A battery needs…', code: 'custom', reason: 'batteryNeedsStorage', params: { minimum: 0, nested: { no: 1 } } },
      { path: 'a', message: 'b', code: 'made_up' },
    ] } };
    const parsed = parseApiResponse(raw);
    expect(parsed?.ok === false && parsed.error.issues).toEqual([
      { path: 'storageWh', message: 'A battery needs…', code: 'custom', reason: 'batteryNeedsStorage', params: { minimum: 0 } },
      { path: 'a', message: 'b' },
    ]);
  });

  it('refuses what is not an ApiResponse', () => {
    expect(parseApiResponse('<html>')).toBeNull();
    expect(parseApiResponse({ ok: false, error: { code: 1 } })).toBeNull();
  });

  it('accepts only events the contract names', () => {
    expect(parseEventMessage({ event: 'members.changed', payload: { reason: 'x' } })).not.toBeNull();
    expect(parseEventMessage({ event: 'shell.exec', payload: {} })).toBeNull();
  });
});
