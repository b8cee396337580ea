// The members' kiosk in real Chromium: `serve --kiosk` beside the office console on the same data
// folder. A member signs in with member number + PIN on the keypad and sees their balance and payments
// (from the books), their own energy charts and agreements (with who signed them), in English and
// French, at landscape (1280×800) and portrait (1080×1920) kiosk sizes; signs out. The office issues a
// replacement card on the member's page (PDF with a QR code): the code printed in that PDF signs the
// member in when typed like a USB scanner does, the old card is refused, and the idle timer
// (shortened with ?idle=4, the kiosk's explicit test hook) signs the member out and clears the screen.
// No operator screen or channel is reachable there. The member's PIN is the one of a console chain
// account, which needs the chain and keystore: its row is written into the SQLite file directly.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall, startServe, type ServeHandle } from './support/serve.js';
import { launchBrowser, screenshot, SCREENSHOT_DIR, type BrowserHandle } from './support/browser.js';
import { chooseLocale, paintedPixels, signIn, waitOrShot } from './support/ui.js';
import { seedEnergySite, type EnergySite } from './support/energy-site.js';
import { hashPassword } from '../../src-main/core/auth/passwords.js';
import { recordPeriodTokenAwards } from '../../src-main/core/tokens/token-posting.js';
import { insertPostedPeriod, seedTokenSite } from '../integration/tokens/token-fixture.js';

/** Intl puts (narrow) no-break spaces in money and dates: compare with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe("members' kiosk (serve --kiosk, Chromium)", () => {
  let office: ServeHandle;
  let kiosk: ServeHandle;
  let ui: BrowserHandle;
  let page: Page;
  let site: EnergySite;
  let card = '';
  let oldCard = '';
  /** A member of a second site with green tokens awarded for a posted period (the tokens' own fixture). */
  let tokenCard = '';
  let tokenMemberId = 0;
  let officeUrl = '';
  const PIN = '2468';

  beforeAll(async () => {
    office = await startServe();
    officeUrl = office.url;
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
    // Two payments on Neema's account (one reversed), one on Baraka's that her kiosk must not show.
    await call('payments.record', { memberId: neema!.id, amountMinor: 150_000, method: 'cash', reference: 'KIOSK-CASH-1', receivedOn: site.firstDay });
    const wrong = await call<{ id: number }>('payments.record', { memberId: neema!.id, amountMinor: 99_900, method: 'mobile-money', reference: 'QK7WRONG', receivedOn: site.lastDay });
    await call('payments.reverse', { id: wrong.id, reason: 'Paid for the wrong member' });
    await call('payments.record', { memberId: neema!.id, amountMinor: 80_000, method: 'mobile-money', reference: 'QK7RIGHT', receivedOn: site.lastDay });
    await call('payments.record', { memberId: baraka!.id, amountMinor: 777_700, method: 'cash', reference: 'BARAKA-1', receivedOn: site.lastDay });
    const db = new Database(join(office.dataDir, 'coop-console.sqlite'));
    try {
      db.pragma('busy_timeout = 5000');
      const at = new Date().toISOString();
      // Green tokens: a posted period of the tokens' fixture site, awarded by the core's own posting code.
      const tokenSite = seedTokenSite(db);
      recordPeriodTokenAwards(db, insertPostedPeriod(db, tokenSite.siteId), new Date());
      tokenMemberId = tokenSite.members[0];
      db.prepare(`INSERT INTO member_chain_accounts (member_id, kind, address, pin_hash, created_at, created_by, updated_at) VALUES (?, 'console', ?, ?, ?, 1, ?)`).run(neema!.id, '5E2eFixtureAddress0000000000000000000000000000', await hashPassword(PIN), at, at);
    } finally {
      db.close();
    }
    tokenCard = (await call<{ code: string }>('kioskCards.issue', { memberId: tokenMemberId })).code;
    kiosk = await startServe({ dataDir: office.dataDir, kiosk: true });
    ui = await launchBrowser();
    page = ui.page;
    await page.setViewportSize({ width: 1280, height: 800 });
  });
  /** Every date the account tab shows (payments and movements). */
  const kioskDates = async () => (await page.locator('[data-testid=kiosk-account] .when').allTextContents()).map(plain);
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

  it('signs a member in with member number + PIN and shows their own balance, payments, energy and agreements', async () => {
    const neema = site.members[0]!;
    await page.fill('[data-testid=kiosk-member-no] input', neema.no);
    for (const digit of PIN) await page.click(`[data-testid=kiosk-key-${digit}]`);
    await page.click('[data-testid=kiosk-submit]');
    await waitOrShot(page, '[data-testid=kiosk-home]', 'kiosk-FAILED-sign-in');
    expect(await page.textContent('[data-testid=kiosk-member-name]')).toContain(neema.name);

    // The account first: balance and payments as the books hold them (TZS has 2 decimals here: 2,300.00).
    await waitOrShot(page, '[data-testid=kiosk-balance]', 'kiosk-FAILED-balance');
    expect(Number(await page.getAttribute('[data-testid=kiosk-balance]', 'data-balance'))).toBe(230_000);
    // The balance said in words, never with a bare minus sign; each movement said from the books, not the stored memo.
    expect(plain(await page.textContent('[data-testid=kiosk-balance-words]'))).toBe('In credit: TZS 2,300.00');
    const movements = plain((await page.locator('[data-testid=kiosk-movement]').allTextContents()).join(' | '));
    for (const said of ['Cash payment KIOSK-CASH-1 · receipt R-', 'Mobile-money payment QK7RIGHT · receipt R-', 'Cancelled: Mobile-money payment QK7WRONG · receipt R-', 'Reason: Paid for the wrong member']) expect(movements).toContain(said);
    // One date format on the kiosk: the member's language, day month year ("7 Dec 2026").
    expect(await kioskDates()).toEqual(expect.arrayContaining([expect.stringMatching(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/)]));
    for (const date of await kioskDates()) expect(date).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
    const payments = await page.locator('[data-testid=kiosk-payment]').allTextContents();
    expect(payments).toHaveLength(3);
    expect(payments.join(' | ')).toMatch(/Mobile money · R-\d+.*800\.00/);
    expect(payments.join(' | ')).toMatch(/cancelled.*999\.00/);
    expect(await page.textContent('body')).not.toContain('7,777.00');
    expect(await paintedPixels(page, 'kiosk-balance-chart')).toBeGreaterThan(1000);
    await screenshot(page, 'kiosk-account-en');

    // No month is settled on this site yet: the statement tab says so (statement + verify on the chain
    // node at the kiosk: test/e2e/kiosk-month.test.ts, on the demo village posted on the embedded chain).
    await page.click('[data-testid=kiosk-tab-statement]');
    await waitOrShot(page, '[data-testid=kiosk-statement-none]', 'kiosk-FAILED-statement-none');

    await page.click('[data-testid=kiosk-tab-energy]');
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

    await chooseLocale(page, 'fr');
    await page.click('[data-testid=kiosk-tab-account]');
    await page.waitForSelector('text=Vos derniers paiements');
    expect(plain(await page.textContent('[data-testid=kiosk-balance-words]'))).toBe('En crédit : 2 300,00 TZS');
    const mouvements = plain((await page.locator('[data-testid=kiosk-movement]').allTextContents()).join(' | '));
    for (const said of ['Paiement en espèces KIOSK-CASH-1 · reçu R-', 'Paiement par mobile money QK7RIGHT · reçu R-', 'Annulé : Paiement par mobile money QK7WRONG · reçu R-', 'Motif : Paid for the wrong member']) expect(mouvements).toContain(said);
    expect(mouvements).not.toMatch(/Cash payment|Reversal of entry/);
    for (const date of await kioskDates()) expect(date).toMatch(/^\d{1,2} [a-zéû]{3,5}\.? \d{4}$/);
    await paintedPixels(page, 'kiosk-balance-chart');
    await screenshot(page, 'kiosk-account-fr');
    await page.locator('[data-testid=kiosk-movement]').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'kiosk-account-movements-fr');
    await page.evaluate(() => window.scrollTo(0, 0));

    // A portrait kiosk screen: the same views, one column, nothing cut off sideways.
    await page.setViewportSize({ width: 1080, height: 1920 });
    await paintedPixels(page, 'kiosk-balance-chart');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1080);
    await screenshot(page, 'kiosk-account-fr-portrait');
    await page.click('[data-testid=kiosk-tab-energy]');
    await paintedPixels(page, 'member-energy-daily');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1080);
    await screenshot(page, 'kiosk-energy-fr-portrait');
    await chooseLocale(page, 'en');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.click('[data-testid=kiosk-sign-out]');
    await page.waitForSelector('[data-testid=kiosk-sign-in]');
    expect(await page.textContent('body')).not.toContain(neema.name);
  });

  it("issues a replacement card on the member's page: a PDF with the member's QR code, the old card stops working", async () => {
    const office = await ui.context.newPage();
    try {
      await office.setViewportSize({ width: 1366, height: 860 });
      await office.goto(officeUrl);
      await signIn(office, 'admin', 'correct-horse-battery');
      await office.waitForSelector('[data-testid^=nav-]');
      await office.goto(`${officeUrl}#/members/${site.members[0]!.id}`);
      await office.click('[data-testid=member-tab-card-title]');
      await waitOrShot(office, '[data-testid=member-card-status] >> text=Card issued', 'kiosk-FAILED-card-tab');
      expect(await office.textContent('[data-testid=member-card-pin]')).toContain('PIN of their ledger account');
      await office.click('[data-testid=member-card-replace]');
      const [download] = await Promise.all([office.waitForEvent('download'), office.click('.n-popconfirm__action button:has-text("Replace the card")')]);
      await waitOrShot(office, '[data-testid=member-card-issued]', 'kiosk-FAILED-card-issued');
      expect(await office.textContent('[data-testid=member-card-issued]')).toContain('old card no longer works');
      const pdf = join(SCREENSHOT_DIR, 'kiosk-member-card.pdf');
      await download.saveAs(pdf);
      // What the member gets: one ID-1 page whose text carries the new code (and the QR code beside it).
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+242\.6\d* x 153\.0\d* pts/);
      const printed = /K1\.[A-Z0-9-]+\.[0-9A-Z]{16}\.[0-9A-Z]{2}/.exec(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }))?.[0];
      expect(printed).toBeTruthy();
      expect(printed).not.toBe(card);
      execFileSync('pdftoppm', ['-r', '200', '-png', '-singlefile', pdf, join(SCREENSHOT_DIR, 'kiosk-member-card')]);
      await screenshot(office, 'kiosk-office-card-issued');
      oldCard = card;
      card = printed!;
    } finally {
      await office.close();
    }
  });

  it('shows a member their green tokens and redeems some for credit, which the account then shows', async () => {
    await page.goto(`${kiosk.url}#/kiosk`);
    await page.waitForSelector('[data-testid=kiosk-sign-in]');
    await page.keyboard.type(tokenCard, { delay: 5 });
    await page.keyboard.press('Enter');
    await waitOrShot(page, '[data-testid=kiosk-home]', 'kiosk-FAILED-token-member');
    await page.waitForSelector('[data-testid=kiosk-balance]');
    const before = Number(await page.getAttribute('[data-testid=kiosk-balance]', 'data-balance'));
    await page.click('[data-testid=kiosk-tab-tokens]');
    await waitOrShot(page, '[data-testid=tokens-balance]', 'kiosk-FAILED-tokens');
    expect(await page.textContent('[data-testid=tokens-balance]')).toBe('2.501');
    await screenshot(page, 'kiosk-tokens-en');
    await page.click('[data-testid=tokens-redeem]');
    await page.fill('[data-testid=tokens-amount]', '1');
    await page.locator('[data-testid=tokens-amount]').blur();
    await page.waitForSelector('[data-testid=tokens-worth-preview]');
    await screenshot(page, 'kiosk-tokens-redeem-en');
    await page.click('[data-testid=tokens-redeem-confirm]');
    await waitOrShot(page, '[data-testid=tokens-done]', 'kiosk-FAILED-redeem');
    expect(await page.textContent('[data-testid=tokens-balance]')).toBe('1.501');
    await page.click('[data-testid=kiosk-tab-account]');
    await page.waitForSelector('[data-testid=kiosk-movement] >> text=GREEN redeemed for energy credit');
    expect(Number(await page.getAttribute('[data-testid=kiosk-balance]', 'data-balance'))).toBeGreaterThan(before);
    await page.click('[data-testid=kiosk-sign-out]');
    await page.waitForSelector('[data-testid=kiosk-sign-in]');
  });

  it('signs in by a scanned member card and signs out by itself after the idle time, clearing the screen', async () => {
    await page.goto(`${kiosk.url}#/kiosk?idle=4`);
    await page.waitForSelector('[data-testid=kiosk-sign-in]');
    // A wrong PIN first: the member is told how many attempts are left.
    await page.fill('[data-testid=kiosk-member-no] input', site.members[0]!.no);
    for (const digit of '1111') await page.click(`[data-testid=kiosk-key-${digit}]`);
    await page.click('[data-testid=kiosk-submit]');
    await page.waitForSelector('[data-testid=kiosk-sign-in-error] >> text=/4 attempt/');
    // The replaced card is refused; the new one (typed by the scanner wherever the focus is) works.
    await page.keyboard.type(oldCard, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=kiosk-sign-in-error] >> text=/no longer valid/');
    await page.keyboard.type(card, { delay: 5 });
    const started = Date.now();
    await page.keyboard.press('Enter');
    await waitOrShot(page, '[data-testid=kiosk-home]', 'kiosk-FAILED-card');
    await page.waitForSelector('[data-testid=kiosk-payment]');
    // No touch from here: the idle time (4 s) runs from the sign-in on.
    await page.waitForSelector('[data-testid=kiosk-idle-notice]', { timeout: 15_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_900);
    // The screen is cleared: no view of the member is left, nor their name, balance or receipts.
    for (const view of ['kiosk-home', 'kiosk-balance', 'kiosk-payment', 'kiosk-statement', 'kiosk-tokens', 'kiosk-energy', 'kiosk-agreements']) expect(await page.locator(`[data-testid=${view}]`).count(), view).toBe(0);
    const body = (await page.textContent('body')) ?? '';
    for (const trace of [site.members[0]!.name, site.members[0]!.no, '2,300.00', 'R-0000']) expect(body).not.toContain(trace);
    await page.setViewportSize({ width: 1080, height: 1920 });
    await screenshot(page, 'kiosk-signed-out-idle-en-portrait');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
