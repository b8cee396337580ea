// A member's ledger-account card says why no key can be created now as a stable code, so a French
// screen says it in French (the core's English sentence stays for logs and the API).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANNOT_CREATE_KEY, type MemberAccountView } from '../../../src-main/contract/member-accounts.js';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { initializeWithOneMember } from '../../support/core-setup.js';
import { makeTempDir } from '../../support/temp-dir.js';

const temp = makeTempDir();
let core: Core;
let token = '';
let member = 0;

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, clock: { now: () => new Date('2026-12-07T08:00:00Z') }, log: () => {} });
  ({ token, memberId: member } = await initializeWithOneMember(core));
});
afterAll(async () => {
  await core.close();
  temp.remove();
});

describe('why a member key cannot be created now', () => {
  it('says "chain off" as a code with the chain off, and both languages have a sentence for every code', async () => {
    const result = await core.dispatch('memberAccounts.get', { memberId: member }, token);
    if (!result.ok) throw new Error(result.error.message);
    const view = result.value as MemberAccountView;
    expect([view.canCreate, view.cannotCreate, view.cannotCreateReason]).toEqual([false, 'chainOff', 'The chain is off (Settings → Chain).']);
    for (const lang of ['en', 'fr']) {
      const words = JSON.parse(readFileSync(new URL(`../../../src-renderer/src/i18n/${lang}/accounts.json`, import.meta.url), 'utf8')) as { cannotCreateWhy: Record<string, string> };
      expect(Object.keys(words.cannotCreateWhy).sort(), lang).toEqual([...CANNOT_CREATE_KEY].sort());
    }
  });
});
