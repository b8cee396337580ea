// The members' kiosk in real Chromium: `serve --kiosk` beside the office console on the same data
// folder. A member signs in with member number + PIN on the keypad, sees their own energy charts and
// agreements (with who signed them) and the "coming with settlements" account card, switches to
// French, signs out; signs in again by a card scan (keys typed like a USB scanner); is signed out by
// the idle timer (shortened with ?idle=4). No operator screen or channel is reachable there.
// Screenshots at kiosk size (1280×800). The member's PIN is the one of a console chain account,
// which needs the chain and keystore: its row is written into the SQLite file directly.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall, startServe, type ServeHandle } from './support/serve.js';
import { launchBrowser, screenshot, type BrowserHandle } from './support/browser.js';
import { chooseLocale, paintedPixels, waitOrShot } from './support/ui.js';
import { seedEnergySite, type EnergySite } from './support/energy-site.js';
import { hashPassword } from '../../src-main/core/auth/passwords.js';

describe("members' kiosk (serve --kiosk, Chromium)", () => {
  let office: ServeHandle;
  let kiosk: ServeHandle;
  let ui: BrowserHandle;
  let page: Page;
  let site: EnergySite;
  let card = '';
  const PIN = '2468';

  beforeAll(async () => {
    office = await startServe();
    const token = (await apiCall<{ token: string }>(office.url, 'setup.initialize', null, {
      cooperative: { name: 'Kilima Energy Cooperative', currency: 'TZS', timezone: 'UTC', locale: 'en' },
      admin: { username: 'admin', displayName: 'Amina Wanjiru', password: 'correct-horse-battery' },
    })).token;
    const call = <T>(channel: string, input: unknown) => apiCall<T>(office.url, channel, token, input);
    site = await seedEnergySite(office.url, token, office.dataDir, 3);
    for (const month of new Set([site.firstDay.slice(0, 7), site.lastDay.slice(0, 7)])) {
      await call('energy.recompute.start', { siteId: site.siteId, month });
      for (let i = 0; i < 300; i++) {
        const state = await call<{ status: string }>('energy.recompute.state', { siteId: site.siteId });
        if (state.status === 'succeeded') break;
        if (state.status === 'failed') throw new Error('recompute failed');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const [neema, baraka] = site.members;
    await call('agreements.create', {
      title: 'Solar surplus for Baraka',
      terms: { kind: 'p2p_sale', sellerMemberId: neema!.id, buyers: { mode: 'members', memberIds: [baraka!.id] }, priceRule: { mode: 'fixed', rateMilliPerKwh: 300_000 }, startsOn: site.firstDay, termMonths: 12 },
    });
    card = (await call<{ code: string }>('kioskCards.issue', { memberId: neema!.id })).code;
    const db = new Database(join(office.dataDir, 'coop-console.sqlite'));
    try {
      db.pragma('busy_timeout = 5000');
      const at = new Date().toISOString();
      db.prepare(`INSERT INTO member_chain_accounts (member_id, kind, address, pin_hash, created_at, created_by, updated_at) VALUES (?, 'console', ?, ?, ?, 1, ?)`).run(neema!.id, '5E2eFixtureAddress0000000000000000000000000000', await hashPassword(PIN), at, at);
    } finally {
      db.close();
    }
    kiosk = await startServe({ dataDir: office.dataDir, kiosk: true });
    ui = await launchBrowser();
    page = ui.page;
    await page.setViewportSize({ width: 1280, height: 800 });
  });
  afterAll(async () => {
    await ui?.close();
    await kiosk?.stop();
    await office?.stop();
  });

  it('exposes only the kiosk: operator channels and screens do not exist there', async () => {
    await expect(apiCall(kiosk.url, 'session.login', null, { username: 'admin', password: 'correct-horse-battery' })).rejects.toThrow(/UNKNOWN_CHANNEL/);
    await expect(apiCall(kiosk.url, 'setup.status', null, {})).rejects.toThrow(/UNKNOWN_CHANNEL/);
    await page.goto(`${kiosk.url}#/members`);
    await waitOrShot(page, '[data-testid=kiosk-sign-in]', 'kiosk-FAILED-redirect');
    expect(page.url()).toMatch(/#\/kiosk$/);
    expect(await page.locator('[data-testid^=nav-]').count()).toBe(0);
    await screenshot(page, 'kiosk-sign-in-en');
  });

  it('signs a member in with member number + PIN and shows their own energy, agreements and account', async () => {
    const neema = site.members[0]!;
    await page.fill('[data-testid=kiosk-member-no] input', neema.no);
    for (const digit of PIN) await page.click(`[data-testid=kiosk-key-${digit}]`);
    await page.click('[data-testid=kiosk-submit]');
    await waitOrShot(page, '[data-testid=kiosk-home]', 'kiosk-FAILED-sign-in');
    expect(await page.textContent('[data-testid=kiosk-member-name]')).toContain(neema.name);
    await waitOrShot(page, '[data-testid=member-energy-consumption]', 'kiosk-FAILED-energy');
    expect(Number(await page.getAttribute('[data-testid=member-energy-consumption]', 'data-wh'))).toBeGreaterThan(0);
    expect(await paintedPixels(page, 'member-energy-daily')).toBeGreaterThan(2000);
    await screenshot(page, 'kiosk-energy-en');

    await page.click('[data-testid=kiosk-tab-agreements]');
    await waitOrShot(page, '[data-testid=kiosk-agreement]', 'kiosk-FAILED-agreements');
    const parties = await page.locator('[data-testid=kiosk-party]').allTextContents();
    expect(parties.join(' | ')).toMatch(new RegExp(`${neema.name}.*seller.*\\(you\\)`));
    expect(parties.join(' | ')).toContain(site.members[1]!.name);
    // Another member's things are nowhere on the page.
    for (const other of site.members.slice(2)) expect(await page.textContent('body')).not.toContain(other.name);
    await screenshot(page, 'kiosk-agreements-en');

    await page.click('[data-testid=kiosk-tab-account]');
    await page.waitForSelector('[data-testid=kiosk-account-coming]');
    await chooseLocale(page, 'fr');
    await page.waitForSelector('text=Solde et paiements');
    await screenshot(page, 'kiosk-account-fr');
    await page.click('[data-testid=kiosk-tab-energy]');
    await paintedPixels(page, 'member-energy-daily');
    await screenshot(page, 'kiosk-energy-fr');
    await chooseLocale(page, 'en');
    await page.click('[data-testid=kiosk-sign-out]');
    await page.waitForSelector('[data-testid=kiosk-sign-in]');
    expect(await page.textContent('body')).not.toContain(neema.name);
  });

  it('signs in by a scanned member card and signs out by itself after the idle time, clearing the screen', async () => {
    await page.goto(`${kiosk.url}#/kiosk?idle=4`);
    await page.waitForSelector('[data-testid=kiosk-sign-in]');
    // A wrong PIN first: the member is told how many attempts are left.
    await page.fill('[data-testid=kiosk-member-no] input', site.members[0]!.no);
    for (const digit of '1111') await page.click(`[data-testid=kiosk-key-${digit}]`);
    await page.click('[data-testid=kiosk-submit]');
    await page.waitForSelector('[data-testid=kiosk-sign-in-error] >> text=/4 attempt/');
    // The scanner types the code and Enter wherever the focus is.
    await page.keyboard.type(card, { delay: 5 });
    const started = Date.now();
    await page.keyboard.press('Enter');
    await waitOrShot(page, '[data-testid=kiosk-home]', 'kiosk-FAILED-card');
    // No touch from here: the idle time (4 s) runs from the sign-in on.
    await page.waitForSelector('[data-testid=kiosk-idle-notice]', { timeout: 15_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_900);
    expect(await page.locator('[data-testid=kiosk-home]').count()).toBe(0);
    expect(await page.textContent('body')).not.toContain(site.members[0]!.name);
    await screenshot(page, 'kiosk-signed-out-idle-en');
  });
});
