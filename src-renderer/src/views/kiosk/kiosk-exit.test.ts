import { describe, expect, it } from 'vitest';
import { readExitDecision } from './kiosk-exit.js';

describe("the desktop kiosk's exit answer", () => {
  it('leaves only on an explicit yes; anything else is a refusal, locked or not', () => {
    expect(readExitDecision({ leave: true })).toEqual({ leave: true });
    expect(readExitDecision({ leave: false, reason: 'locked', lockedUntilMs: 42 })).toEqual({ leave: false, reason: 'locked', lockedUntilMs: 42 });
    expect(readExitDecision({ leave: false, reason: 'wrong-password', lockedUntilMs: null })).toEqual({ leave: false, reason: 'wrong-password', lockedUntilMs: null });
    for (const odd of [null, undefined, 'yes', { leave: 'true' }, { leave: 1 }]) expect(readExitDecision(odd)).toEqual({ leave: false, reason: 'wrong-password', lockedUntilMs: null });
  });
});
