// The demo village path: the wizard loads ~60 members with equipment and tariffs; the members table is virtualized (only a
// window of rows in the DOM); the dashboard and members list in light/dark and English/French. The
// browser is in the villages' time zone (Africa/Nairobi, UTC+3), so the wizard sets it as the
// cooperative's: the demo's first day is a whole local day on the Energy view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall, type ServeHandle } from './support/serve.js';
import { screenshot, type BrowserHandle } from './support/browser.js';
import { E2E_DEMO_DAYS, closeConsole, openConsole } from './support/console.js';
import { wizardDemoSpan } from '../../src-main/core/demo/demo-span.js';
import { localParts } from '../../src-main/core/tariffs/local-time.js';
import { ADMIN, chooseLocale, openSettingsTab, pageToken, paintedPixels, runSetupWizard, shownMemberCount, signIn, waitForMemberCount } from './support/ui.js';

const NAIROBI = 'Africa/Nairobi';

describe('demo village (serve mode, Chromium)', () => {
  let serve: ServeHandle;
  let ui: BrowserHandle;
  let page: Page;

  beforeAll(async () => {
    ({ serve, ui, page } = await openConsole({ demoDays: E2E_DEMO_DAYS, browserTimeZone: NAIROBI }));
  });
  afterAll(async () => {
    await closeConsole({ ui, serve });
  });

  it('loads the demo village from the wizard and shows it on the dashboard', async () => {
    await runSetupWizard(page, serve.url, { coopName: 'Demo Village Cooperative', demo: true });
    const summary = await apiCall<{ totals: { members: number } }>(serve.url, 'dashboard.summary', await pageToken(page), {});
    expect(summary.totals.members).toBeGreaterThanOrEqual(50);
    await page.waitForSelector(`[data-testid=kpi-members]:has-text("${summary.totals.members}")`);
    expect(await paintedPixels(page, 'chart-growth')).toBeGreaterThan(2000);
    // The village's meters and their week of signed readings arrive in the background: wait for
    // them (every member's connection meter has a last reading), so the timings below measure the
    // table alone.
    const token = await pageToken(page);
    const deadline = Date.now() + 180_000;
    for (;;) {
      const meters = await apiCall<Array<{ lastReading: unknown }>>(serve.url, 'meters.list', token, {});
      if (meters.length > summary.totals.members && meters.every((m) => m.lastReading !== null)) break;
      if (Date.now() > deadline) throw new Error(`demo meters not fed after 180 s (${meters.length} meters)`);
      await page.waitForTimeout(1000);
    }
  }, 240_000);

  it('shows the first demo day whole on the Energy view: 96 intervals from local midnight, none missing', async () => {
    const token = await pageToken(page);
    expect(((await apiCall<{ timezone: string }>(serve.url, 'cooperative.get', token, {})).timezone)).toBe(NAIROBI);
    const firstDay = localParts(wizardDemoSpan(new Date(), NAIROBI, E2E_DEMO_DAYS).fromMs, NAIROBI).date;
    const siteId = (await apiCall<Array<{ id: number }>>(serve.url, 'sites.list', token, {}))[0]!.id;
    const series = await apiCall<{ starts: string[]; intervalsComputed: number; intervalsMissing: number }>(serve.url, 'energy.series', token, { siteId, from: firstDay, to: firstDay, bucket: 'interval' });
    expect([series.intervalsComputed, series.intervalsMissing]).toEqual([96, 0]);
    await page.goto(`${serve.url}#/energy?site=${siteId}&period=day&date=${firstDay}`);
    await page.waitForSelector('[data-testid=energy-series-chart][data-painted-at]:not([data-painted-at=""])');
    expect(await page.locator('[data-testid=energy-missing]').count()).toBe(0);
    expect(await paintedPixels(page, 'energy-series-chart')).toBeGreaterThan(5000);
    await screenshot(page, 'demo-energy-first-day');
  });

  it('shows demo equipment and a tariff plan in force per site, not empty tables', async () => {
    const token = await pageToken(page);
    const equipment = await apiCall<{ total: number }>(serve.url, 'equipment.list', token, {});
    expect(equipment.total).toBeGreaterThanOrEqual(6);
    await page.click('[data-testid=nav-equipment]');
    await page.waitForSelector(`[data-testid=equipment-count][data-count="${equipment.total}"]`);
    await page.waitForSelector('[data-testid=equipment-row]');
    expect(await page.locator('[data-testid=equipment-row]').count()).toBe(equipment.total);
    expect(await page.textContent('[data-testid=equipment-table]')).toContain('Bergey Windpower');
    await screenshot(page, 'demo-equipment');

    await page.click('[data-testid=nav-tariffs]');
    await page.waitForSelector('[data-testid=tariff-plan-row]');
    const rows = page.locator('[data-testid=tariff-plan-row]');
    expect(await rows.count()).toBe(3);
    // Every plan has a version in force today (none of the "No version in force" warnings).
    expect(await page.locator('[data-testid=tariff-plan-row]:has-text("No version in force")').count()).toBe(0);
    expect(await page.locator('[data-testid=tariff-plan-row]:has-text("Version in force")').count()).toBe(3);
    await screenshot(page, 'demo-tariffs');
  });

  it('lists the demo members in a virtualized table that renders only a window of rows', async () => {
    await page.click('[data-testid=nav-members]');
    const count = await shownMemberCount(page);
    const api = await apiCall<{ total: number }>(serve.url, 'members.list', await pageToken(page), {});
    expect(count).toBe(api.total);
    expect(count).toBeGreaterThanOrEqual(50);
    // The virtual list draws its rows only once it measured itself, a moment after the count shows.
    await page.waitForSelector('[data-testid=member-row]');
    const rendered = await page.locator('[data-testid=member-row]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(count);
    // Scrolling to the end brings the last rows in (and others out).
    const firstName = await page.locator('[data-testid=member-row]').first().textContent();
    await page.evaluate(() => {
      const body = document.querySelector('[data-testid=members-table] .v-vl');
      if (body) body.scrollTop = body.scrollHeight;
    });
    // The list re-renders its window on the scroll event, asynchronously: wait for the new first row.
    await page.waitForFunction((before) => document.querySelector('[data-testid=member-row]')?.textContent !== before, firstName);
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
    // Leave the list as found: the next test must not start while this fetch is still on its way.
    await waitForMemberCount(page, all);
  });

  it('stays smooth with 2,000 more members: one fetch, a window of rows, fast scrolling', async () => {
    const header = 'member_no,full_name,site,roles,phone,email,village,gps_lat,gps_lon,premises_m2,preferred_energy,notes,joined_on';
    const sites = ['Kianjege Ridge', 'Mto Mill', 'Soko Square'];
    const lines = Array.from({ length: 2000 }, (_, i) => `BULK-${String(i + 1).padStart(4, '0')},Bulk Member ${i + 1},${sites[i % 3]},consumer${i % 4 === 0 ? ';prosumer' : ''},,,Bulkville,,,,,,2026-0${(i % 9) + 1}-15`);
    const token = await pageToken(page);
    const imported = await apiCall<{ created: number }>(serve.url, 'members.importCommit', token, { csv: [header, ...lines].join('\n'), mode: 'all-or-nothing' });
    expect(imported.created).toBe(2000);
    const expected = (await apiCall<{ total: number }>(serve.url, 'members.list', token, {})).total;

    await page.click('[data-testid=nav-dashboard]');
    const started = Date.now();
    await page.click('[data-testid=nav-members]');
    await page.waitForSelector(`[data-testid=members-count][data-count="${expected}"]`);
    await page.waitForSelector('[data-testid=member-row]');
    const openMs = Date.now() - started;
    const rendered = await page.locator('[data-testid=member-row]').count();
    expect(rendered).toBeLessThan(80); // a window, not 2,060 rows

    // Scroll from top to bottom in 40 steps, one per frame, and time the frames.
    const frames = await page.evaluate(async () => {
      const body = document.querySelector('[data-testid=members-table] .v-vl');
      if (!body) return [];
      const times: number[] = [];
      let last = performance.now();
      for (let step = 1; step <= 40; step++) {
        body.scrollTop = (body.scrollHeight * step) / 40;
        await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times;
    });
    expect(frames).toHaveLength(40);
    const sorted = [...frames].sort((a, b) => a - b);
    const median = sorted[20] ?? 0;
    const worst = sorted[39] ?? 0;
    console.log(`members list with ${expected} rows: opened in ${openMs} ms, ${rendered} rows in the DOM, scroll frame median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`);
    // A regression guard, loose for a loaded 2-core machine: the table before virtual plain-span
    // cells measured a 173 ms median, the current one 22–32 ms.
    expect(median).toBeLessThan(150);
    const lastRow = await page.locator('[data-testid=member-row]').last().textContent();
    expect(lastRow).toBeTruthy();
    expect(await page.locator('[data-testid=member-row]').count()).toBeLessThan(80);
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const locale of ['en', 'fr'] as const) {
      it(`renders dashboard and members in ${theme} theme, ${locale.toUpperCase()}`, async () => {
        await chooseLocale(page, locale);
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
        await shownMemberCount(page); // the list finished its fetch: the text and picture are final
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
    await chooseLocale(page, 'en');
    // Which areas are unbuilt changes as the console grows: follow the menu's "soon" marks.
    const unbuilt = await page.$$eval('[data-testid=nav-menu] .n-menu-item', (items) =>
      items
        .filter((item) => item.querySelector('.n-menu-item-content-header__extra')?.textContent?.trim() === 'soon')
        .map((item) => item.querySelector('[data-testid^=nav-]')?.getAttribute('data-testid') ?? ''),
    );
    for (const testId of unbuilt) {
      await page.click(`[data-testid=${testId}]`);
      // Every unbuilt area shares one view: the one already on screen only counts once the route changed.
      await page.waitForFunction((key) => location.hash === `#/${key}`, testId.replace(/^nav-/, ''));
      const label = (await page.textContent(`[data-testid=${testId}]`)) ?? '';
      const view = await page.waitForSelector('[data-testid=not-built]');
      const text = (await view.textContent()) ?? '';
      expect(text).toContain(`${label}: not built yet`);
      expect(text).toContain('It will hold');
      expect(text).not.toMatch(/areas\.|layout\./);
    }
    console.log(`areas not built yet: ${unbuilt.join(', ') || 'none'}`);
    if (unbuilt.length > 0) await screenshot(page, 'not-built-area');
  });

  it('shows settings tabs: operators, backups and the audit log', async () => {
    await openSettingsTab(page, 'Operator accounts');
    await page.waitForSelector('[data-testid=operators-panel] td:has-text("admin")');
    await page.click('.n-tabs-tab:has-text("Backups")');
    await page.click('[data-testid=backup-create]');
    await page.waitForSelector('[data-testid=backups-panel] td:has-text("coop-backup-")');
    await page.click('.n-tabs-tab:has-text("Audit log")');
    // The 2,000-member import above wrote one entry per member; filter to find the demo load.
    await page.waitForSelector('[data-testid=audit-panel] td:has-text("Imported from line")');
    await page.click('[data-testid=audit-entity]');
    await page.click('.n-base-select-option:has-text("Cooperative")');
    await page.waitForSelector('[data-testid=audit-panel] td:has-text("Demo village loaded")');
    expect(await page.locator('[data-testid=audit-panel] td:has-text("Imported from line")').count()).toBe(0);
    await screenshot(page, 'settings-audit-dark');
  });

  it('restores a backup after a confirmation: later changes are gone and the operator signs in again', async () => {
    const token = await pageToken(page);
    const before = (await apiCall<{ total: number }>(serve.url, 'members.list', token, { status: 'all' })).total;
    const header = 'member_no,full_name,site,roles';
    await apiCall(serve.url, 'members.importCommit', token, { csv: `${header}\nLATE-1,Added After Backup,Mto Mill,consumer`, mode: 'all-or-nothing' });
    expect((await apiCall<{ total: number }>(serve.url, 'members.list', token, { status: 'all' })).total).toBe(before + 1);

    await page.click('.n-tabs-tab:has-text("Backups")');
    await page.click('[data-testid=backups-panel] tr:has-text("coop-backup-") button:has-text("Restore")');
    const dialog = await page.waitForSelector('.n-dialog');
    expect(await dialog.textContent()).toContain('safety copy');
    await screenshot(page, 'backup-restore-confirm');
    // The restore reloads the window; the sign-in form may flash up before that reload wipes it.
    const reloaded = page.waitForEvent('load');
    await page.click('.n-dialog button:has-text("Restore")');
    await reloaded;
    await page.waitForSelector('[data-testid=login-card]');
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.waitForSelector('[data-testid=settings-view]'); // back where they were
    const after = (await apiCall<{ total: number }>(serve.url, 'members.list', await pageToken(page), { status: 'all' })).total;
    expect(after).toBe(before);
    expect(ui.errors).toEqual([]);
  });
});
