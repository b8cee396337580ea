// The Energy area and a member's energy in real Chromium on serve mode: a small site with six days
// of readings (support/energy-site.ts says how they get there), recomputed from the screen with its
// progress; the stacked chart, Sankey and KPIs agree with the API; estimated and unattested energy
// is marked; a year at 15-min resolution still draws; the allocation key editor refuses a bad CSV
// cell by cell, previews last week and saves a version; the member tab shows the member's days
// and saves a source preference. Screenshots at 1366×768 in English and French.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall, type ServeHandle } from './support/serve.js';
import { screenshot, type BrowserHandle } from './support/browser.js';
import { closeConsole, openConsole } from './support/console.js';
import { ADMIN, chooseLocale, paintedPixels, signIn, waitOrShot } from './support/ui.js';
import { seedEnergySite, type EnergySite } from './support/energy-site.js';

interface Kpis { selfSufficiencyBp: number | null; selfConsumptionBp: number | null; estimatedWh: number; unattestedWh: number }
interface MemberEnergyTotal { total: { consumptionWh: number; estimatedWh: number; unattestedWh: number } }

describe('energy: site flows, allocation key and the member tab (serve mode, Chromium)', () => {
  let serve: ServeHandle;
  let ui: BrowserHandle;
  let page: Page;
  let token = '';
  let site: EnergySite;
  const call = <T>(channel: string, input: unknown) => apiCall<T>(serve.url, channel, token, input);
  const month = () => site.lastDay.slice(0, 7);
  const energyUrl = (query: string) => `${serve.url}#/energy?site=${site.siteId}&${query}`;

  beforeAll(async () => {
    ({ serve, ui, page } = await openConsole());
    await page.setViewportSize({ width: 1366, height: 768 });
    token = (await apiCall<{ token: string }>(serve.url, 'setup.initialize', null, {
      cooperative: { name: 'Kilima Energy Cooperative', currency: 'TZS', timezone: 'UTC', locale: 'en' },
      admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
    })).token;
    site = await seedEnergySite(serve.url, token, serve.dataDir);
    await page.goto(serve.url);
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.waitForSelector('[data-testid=nav-energy]');
  });
  afterAll(async () => {
    await closeConsole({ ui, serve });
  });

  it('recomputes the month from the screen, then shows chart, Sankey and KPIs that match the API', async () => {
    await page.goto(energyUrl(`period=month&date=${site.lastDay}`));
    const before = Number(await (await waitOrShot(page, '[data-testid=energy-missing]', 'energy-FAILED-missing')).getAttribute('data-missing'));
    expect(before).toBeGreaterThan(0);
    expect(await page.inputValue('[data-testid=energy-recompute-month] input')).toBe(month());
    await page.click('[data-testid=energy-recompute-start]');
    await waitOrShot(page, '[data-testid=energy-recompute][data-status=succeeded]', 'energy-FAILED-recompute', 30_000);
    // The seeded days now have flows (days of the month before the readings start stay without).
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=energy-missing]')?.getAttribute('data-missing') ?? 0) < n, before);
    if (site.firstDay.slice(0, 7) !== month()) await call('energy.recompute.start', { siteId: site.siteId, month: site.firstDay.slice(0, 7) });

    const from = `${month()}-01`;
    const to = new Date(Date.UTC(Number(month().slice(0, 4)), Number(month().slice(5, 7)), 0)).toISOString().slice(0, 10);
    const kpis = await call<Kpis>('energy.kpis', { siteId: site.siteId, from, to });
    expect(kpis.selfSufficiencyBp).not.toBeNull();
    await page.waitForSelector(`[data-testid=kpi-self-sufficiency][data-bp="${kpis.selfSufficiencyBp}"]`);
    await page.waitForSelector(`[data-testid=kpi-self-consumption][data-bp="${kpis.selfConsumptionBp}"]`);
    expect(kpis.estimatedWh).toBeGreaterThan(0);
    expect(kpis.unattestedWh).toBeGreaterThan(0);
    await page.waitForSelector('[data-testid=energy-estimated-note]');
    await page.waitForSelector('[data-testid=energy-unattested-note]');
    await page.waitForSelector('[data-testid=kpi-share-solar]');
    await page.waitForSelector('[data-testid=kpi-share-wind]');
    expect(await paintedPixels(page, 'energy-series-chart')).toBeGreaterThan(2000);
    expect(Number(await page.getAttribute('[data-testid=energy-sankey]', 'data-links'))).toBeGreaterThan(3);
    expect(await paintedPixels(page, 'energy-sankey')).toBeGreaterThan(2000);
    await toTop(page);
    await screenshot(page, 'energy-area-en');
    await page.locator('[data-testid=energy-series-chart]').scrollIntoViewIfNeeded();
    await screenshot(page, 'energy-area-chart-en');
    await page.locator('[data-testid=energy-sankey]').scrollIntoViewIfNeeded();
    await screenshot(page, 'energy-area-sankey-en');
  });

  it('draws a whole year at 15-min resolution', async () => {
    await page.click('[data-testid=energy-period-year]');
    await page.click('[data-testid=energy-bucket]');
    await page.click('.n-base-select-option:visible:has-text("15 min")');
    const year = site.lastDay.slice(0, 4);
    const series = await call<{ starts: string[] }>('energy.series', { siteId: site.siteId, bucket: 'interval', from: `${year}-01-01`, to: `${year}-12-31` });
    // The year's last month is drawn first, then the whole year replaces it.
    const chart = await waitOrShot(page, `[data-testid=energy-series-chart][data-bucket=interval][data-partial=false][data-points="${series.starts.length}"]:not([data-painted-at=""])`, 'energy-FAILED-year');
    expect(Number(await chart.getAttribute('data-points'))).toBe(series.starts.length);
    expect(await paintedPixels(page, 'energy-series-chart')).toBeGreaterThan(2000);
    await page.locator('[data-testid=energy-series-chart]').scrollIntoViewIfNeeded();
    await screenshot(page, 'energy-year-15min-en');
  });

  it('refuses a bad key table cell by cell, previews last week and saves a fixed-coefficient version', async () => {
    await page.goto(energyUrl('tab=key'));
    await waitOrShot(page, '[data-testid=energy-key-none]', 'energy-FAILED-key-none');
    await page.click('[data-testid=energy-key-mode-custom_table]');
    const [a, b] = site.members;
    const csv = `interval_start,${a!.no},${b!.no}\n2030-01-01T00:00:00Z,0.6,0.4\n2030-01-01T00:15:00Z,1.4,-0.4\n2030-01-01T00:30:00Z,0.5,0.2\n`;
    await page.setInputFiles('[data-testid=energy-key-csv-file]', { name: 'key.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const issues = await waitOrShot(page, '[data-testid=energy-key-csv-issues]', 'energy-FAILED-csv');
    expect(Number(await issues.getAttribute('data-count'))).toBeGreaterThanOrEqual(3);
    const first = await page.textContent('[data-testid=energy-key-csv-issue]');
    expect(first).toContain('Line 3');
    expect(await page.isDisabled('[data-testid=energy-key-preview-button]')).toBe(true);
    await screenshot(page, 'energy-key-csv-en');

    await page.click('[data-testid=energy-key-mode-fixed]');
    const pick = async (row: number, label: string, coefficient: string) => {
      await page.click(`[data-testid=energy-key-member-${row}]`);
      await page.click(`.n-base-select-option:visible:has-text("${label}")`);
      await page.fill(`[data-testid=energy-key-coefficient-${row}] input`, coefficient);
      await page.keyboard.press('Tab');
    };
    await pick(0, a!.name, '0.6');
    await page.click('[data-testid=energy-key-add-member]');
    await pick(1, b!.name, '0.5');
    await page.waitForSelector('text=The coefficients add up to more than 1');
    await page.fill('[data-testid=energy-key-coefficient-1] input', '0.4');
    await page.keyboard.press('Tab');
    expect(await page.isDisabled('[data-testid=energy-key-save]')).toBe(true);
    await page.click('[data-testid=energy-key-preview-button]');
    await waitOrShot(page, '[data-testid=energy-key-preview] tbody tr', 'energy-FAILED-preview');
    await page.locator('[data-testid=energy-key-save]').scrollIntoViewIfNeeded();
    await screenshot(page, 'energy-key-en');
    await page.click('[data-testid=energy-key-save]');
    await waitOrShot(page, '[data-testid=energy-key-versions] tbody tr', 'energy-FAILED-saved');
    const versions = await call<{ mode: string; state: string; coefficients: { ppm: number }[] }[]>('energy.keys.list', { siteId: site.siteId });
    expect(versions.map((v) => [v.mode, v.state, v.coefficients.map((c) => c.ppm)])).toEqual([['fixed', 'scheduled', [600_000, 400_000]]]);
  });

  it("shows a member's energy with estimated energy marked and saves a source preference", async () => {
    const member = site.members[1]!;
    await page.goto(`${serve.url}#/members/${member.id}`);
    await page.click('[data-testid=member-tab-energy-title]');
    const consumption = await waitOrShot(page, '[data-testid=member-energy-consumption]', 'energy-FAILED-member');
    const energy = await call<MemberEnergyTotal>('energy.member', { memberId: member.id, ...(await rangeShown(page)) });
    expect(Number(await consumption.getAttribute('data-wh'))).toBe(energy.total.consumptionWh);
    expect(energy.total.estimatedWh).toBeGreaterThan(0);
    await page.waitForSelector('[data-testid=member-energy-estimated]');
    expect(await paintedPixels(page, 'member-energy-daily')).toBeGreaterThan(1000);
    expect(await paintedPixels(page, 'member-energy-donut')).toBeGreaterThan(1000);
    await page.click('[data-testid=member-source-order]');
    await page.click('.n-base-select-option:visible:has-text("Wind")');
    await page.keyboard.press('Escape');
    await page.click('[data-testid=member-source-save]');
    await page.waitForSelector('[data-testid=member-source-save][disabled]');
    expect((await call<{ order: string[] }>('energy.preferences.get', { memberId: member.id })).order).toEqual(['wind']);
    await page.locator('[data-testid=member-energy-tab]').scrollIntoViewIfNeeded();
    await screenshot(page, 'energy-member-en');
  });

  it('says it all in French', async () => {
    await chooseLocale(page, 'fr');
    await page.goto(energyUrl(`period=month&date=${site.lastDay}`));
    await page.waitForSelector('text=Autosuffisance');
    await page.waitForSelector('[data-testid=energy-estimated-note]:has-text("estimés")');
    await paintedPixels(page, 'energy-series-chart');
    await toTop(page);
    await screenshot(page, 'energy-area-fr');
    await page.locator('[data-testid=energy-sankey]').scrollIntoViewIfNeeded();
    await screenshot(page, 'energy-area-sankey-fr');
    await page.goto(energyUrl('tab=key'));
    await page.waitForSelector('[data-testid=energy-key-versions] >> text=Programmée');
    await screenshot(page, 'energy-key-fr');
    await page.goto(`${serve.url}#/members/${site.members[1]!.id}`);
    await page.click('[data-testid=member-tab-energy-title]');
    await page.waitForSelector('[data-testid=member-energy-tab] >> text=Production propre');
    await paintedPixels(page, 'member-energy-daily');
    await page.locator('[data-testid=member-energy-tab]').scrollIntoViewIfNeeded();
    await screenshot(page, 'energy-member-fr');
  });
});

/** Scrolls the content back to the top (a click scrolls what it clicked into view). */
async function toTop(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('.n-layout-content .n-scrollbar-container').forEach((el) => el.scrollTo(0, 0)));
}

/** The member tab's range as the store chose it (the last 30 days up to today, this computer's date). */
async function rangeShown(page: Page): Promise<{ from: string; to: string }> {
  return page.evaluate(() => {
    const now = new Date();
    const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
    const to = local.toISOString().slice(0, 10);
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
    return { from, to };
  });
}
