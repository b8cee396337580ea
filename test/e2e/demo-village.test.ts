// The demo village path: the wizard loads ~60 members; the members table is virtualized (only a
// window of rows in the DOM); the dashboard and members list in light/dark and English/French.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall, startServe, type ServeHandle } from './support/serve.js';
import { launchBrowser, screenshot, type BrowserHandle } from './support/browser.js';
import { pageToken, paintedPixels, runSetupWizard, shownMemberCount } from './support/ui.js';

describe('demo village (serve mode, Chromium)', () => {
  let serve: ServeHandle;
  let ui: BrowserHandle;
  let page: Page;

  beforeAll(async () => {
    serve = await startServe();
    ui = await launchBrowser();
    page = ui.page;
  });
  afterAll(async () => {
    await ui?.close();
    await serve?.stop();
  });

  it('loads the demo village from the wizard and shows it on the dashboard', async () => {
    await runSetupWizard(page, serve.url, { coopName: 'Demo Village Cooperative', demo: true });
    const summary = await apiCall<{ totals: { members: number } }>(serve.url, 'dashboard.summary', await pageToken(page), {});
    expect(summary.totals.members).toBeGreaterThanOrEqual(50);
    await page.waitForSelector(`[data-testid=kpi-members]:has-text("${summary.totals.members}")`);
    expect(await paintedPixels(page, 'chart-growth')).toBeGreaterThan(2000);
  });

  it('lists the demo members in a virtualized table that renders only a window of rows', async () => {
    await page.click('[data-testid=nav-members]');
    const count = await shownMemberCount(page);
    const api = await apiCall<{ total: number }>(serve.url, 'members.list', await pageToken(page), {});
    expect(count).toBe(api.total);
    expect(count).toBeGreaterThanOrEqual(50);
    const rendered = await page.locator('[data-testid=member-row]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(count);
    // Scrolling to the end brings the last rows in (and others out).
    const firstName = await page.locator('[data-testid=member-row]').first().textContent();
    await page.evaluate(() => {
      const body = document.querySelector('[data-testid=members-table] .v-vl');
      if (body) body.scrollTop = body.scrollHeight;
    });
    await page.waitForTimeout(300);
    const firstAfter = await page.locator('[data-testid=member-row]').first().textContent();
    expect(firstAfter).not.toBe(firstName);
    expect(await page.locator('[data-testid=member-row]').count()).toBeLessThan(count);
  });

  it('filters by role through the core', async () => {
    await page.evaluate(() => {
      const body = document.querySelector('[data-testid=members-table] .v-vl');
      if (body) body.scrollTop = 0;
    });
    const all = await shownMemberCount(page);
    await page.click('[data-testid=members-filter-role]');
    await page.click('.n-base-select-option:has-text("Prosumer")');
    await page.waitForFunction((before) => {
      const el = document.querySelector('[data-testid=members-count]');
      const value = el?.getAttribute('data-count');
      return value !== '' && value !== null && Number(value) !== before;
    }, all);
    const prosumers = await shownMemberCount(page);
    const api = await apiCall<{ total: number }>(serve.url, 'members.list', await pageToken(page), { role: 'prosumer' });
    expect(prosumers).toBe(api.total);
    expect(prosumers).toBeLessThan(all);
    await page.click('[data-testid=members-filter-role]');
    await page.click('.n-base-select-option:has-text("All roles")');
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const locale of ['en', 'fr'] as const) {
      it(`renders dashboard and members in ${theme} theme, ${locale.toUpperCase()}`, async () => {
        await page.click(`[data-testid=locale-${locale}]`);
        const current = await page.getAttribute('[data-testid=app-root]', 'data-theme');
        if (current !== theme) await page.click('[data-testid=theme-toggle]');
        await page.waitForSelector(`[data-testid=app-root][data-theme=${theme}]`);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);

        await page.click('[data-testid=nav-dashboard]');
        await page.waitForSelector('[data-testid=chart-by-role] canvas');
        expect(await paintedPixels(page, 'chart-by-role')).toBeGreaterThan(2000);
        const dashboardTitle = await page.textContent('[data-testid=dashboard] h2');
        expect(dashboardTitle).toBe(locale === 'fr' ? 'Tableau de bord' : 'Dashboard');
        await screenshot(page, `dashboard-${theme}-${locale}`);

        await page.click('[data-testid=nav-members]');
        await page.waitForSelector('[data-testid=member-row]');
        await page.waitForTimeout(300);
        const text = (await page.textContent('[data-testid=members-view]')) ?? '';
        // An untranslated key would show up as "members.something".
        expect(text).not.toMatch(/\b(members|common|layout)\.[a-zA-Z]/);
        expect(text).toContain(locale === 'fr' ? 'Membres' : 'Members');
        await screenshot(page, `members-${theme}-${locale}`);
      });
    }
  }

  it('keeps theme and language after a reload', async () => {
    await page.reload();
    await page.waitForSelector('[data-testid=members-view]');
    expect(await page.getAttribute('[data-testid=app-root]', 'data-theme')).toBe('dark');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(ui.errors).toEqual([]);
  });

  it('opens every area that is not built yet and says so plainly', async () => {
    await page.click('[data-testid=locale-en]');
    await page.click('[data-testid=nav-tariffs]');
    const text = await page.textContent('[data-testid=not-built]');
    expect(text).toContain('Tariffs: not built yet');
    expect(text).toContain('time-of-use');
    await screenshot(page, 'not-built-tariffs');
  });

  it('shows settings tabs: operators, backups and the audit log', async () => {
    await page.click('[data-testid=nav-settings]');
    await page.click('.n-tabs-tab:has-text("Operator accounts")');
    await page.waitForSelector('[data-testid=operators-panel] td:has-text("admin")');
    await page.click('.n-tabs-tab:has-text("Backups")');
    await page.click('[data-testid=backup-create]');
    await page.waitForSelector('[data-testid=backups-panel] td:has-text("coop-backup-")');
    await page.click('.n-tabs-tab:has-text("Audit log")');
    await page.waitForSelector('[data-testid=audit-panel] td:has-text("Demo village loaded")');
    await screenshot(page, 'settings-audit-dark');
  });
});
