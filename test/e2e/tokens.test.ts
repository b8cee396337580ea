// Green tokens in real Chromium on serve mode: November posted for a small site (generation written
// into the serve process's SQLite file and awarded as the posting does), then the Tokens area (the
// built-in policy, the editor and its preview chart on the last posted period), a member's Tokens
// tab (balance, chart, awards with certificates) and a redemption for credit from it. Screenshots
// in English and French at 1366×768.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall, type ServeHandle } from './support/serve.js';
import { screenshot, type BrowserHandle } from './support/browser.js';
import { closeConsole, openConsole } from './support/console.js';
import { ADMIN, chooseLocale, paintedPixels, signIn, waitOrShot } from './support/ui.js';
import { insertPostedPeriod, seedTokenSite, type TokenSite } from '../integration/tokens/token-fixture.js';
import { recordPeriodTokenAwards } from '../../src-main/core/tokens/token-posting.js';

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

describe('green tokens (serve mode, Chromium)', () => {
  let serve: ServeHandle;
  let ui: BrowserHandle;
  let page: Page;
  let site: TokenSite;

  beforeAll(async () => {
    ({ serve, ui, page } = await openConsole());
    await page.setViewportSize({ width: 1366, height: 768 });
    await apiCall(serve.url, 'setup.initialize', null, {
      cooperative: { name: 'Kilima Energy Cooperative', currency: 'KES', timezone: 'Africa/Nairobi', locale: 'en' },
      admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
    });
    const db = new Database(join(serve.dataDir, 'coop-console.sqlite'));
    try {
      db.pragma('busy_timeout = 5000');
      site = seedTokenSite(db);
      recordPeriodTokenAwards(db, insertPostedPeriod(db, site.siteId), new Date());
    } finally {
      db.close();
    }
    await page.goto(serve.url);
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.waitForSelector('[data-testid=nav-tokens]');
  });
  afterAll(async () => {
    await closeConsole({ ui, serve });
  });

  it('shows the policy, and a change previewed on the last posted period with its chart', async () => {
    await page.click('[data-testid=nav-tokens]');
    await waitOrShot(page, '[data-testid=token-preview-total]', 'tokens-preview-missing');
    // The built-in policy on November: 2.501 + 1.666 + 4.5 tokens (1 000 units = 1 token).
    await page.waitForFunction(() => document.querySelector('[data-testid=token-preview-total]')?.textContent?.trim() === '8.667');
    expect(await paintedPixels(page, 'token-preview')).toBeGreaterThan(1000);
    // 2 tokens per kWh: 5.002 + 3.333 (1.333 kWh × 2 × 1.25 = 3.3325, half up) + 9 = 17.335.
    await page.fill('[data-testid=token-per-kwh]', '2');
    await page.waitForFunction(() => document.querySelector('[data-testid=token-preview-total]')?.textContent?.trim() === '17.335');
    await screenshot(page, 'tokens-policy-en');
  });

  it("shows a member's tokens with certificates and redeems some for credit", async () => {
    await page.goto(`${serve.url}#/members/${site.members[2]}`);
    await page.click('[data-testid=member-tab-tokens-title]');
    await waitOrShot(page, '[data-testid=tokens-balance]', 'tokens-member-missing');
    expect(plain(await page.textContent('[data-testid=tokens-balance]'))).toBe('4.5');
    expect(plain(await page.textContent('[data-testid=tokens-worth]'))).toContain('KES 0.45');
    await page.click('[data-testid=tokens-redeem]');
    await page.fill('[data-testid=tokens-amount]', '2');
    await page.waitForSelector('[data-testid=tokens-worth-preview]');
    await page.click('[data-testid=tokens-redeem-confirm]');
    await page.waitForFunction(() => document.querySelector('[data-testid=tokens-balance]')?.textContent?.trim() === '2.5');
    expect(plain(await page.textContent('[data-testid=tokens-done]'))).toContain('KES 0.20');
    expect(await paintedPixels(page, 'member-tokens')).toBeGreaterThan(1000);
    await screenshot(page, 'tokens-member-en');
    await page.locator('[data-testid^=tokens-award-]').first().scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 300);
    await screenshot(page, 'tokens-member-awards-en');
    await chooseLocale(page, 'fr');
    await page.waitForFunction(() => document.querySelector('[data-testid=tokens-balance]')?.textContent?.trim() === '2,5');
    expect(plain(await page.textContent('[data-testid=tokens-done]'))).toContain('2 jetons échangés');
    await screenshot(page, 'tokens-member-fr');
    await page.click('[data-testid=nav-tokens]');
    await page.waitForFunction(() => document.querySelector('[data-testid=token-preview-total]')?.textContent?.trim() === '8,667');
    await screenshot(page, 'tokens-policy-fr');
  });
});
