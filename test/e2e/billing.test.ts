// Credit & arrears in real Chromium on serve mode: a small site with six days of readings and a flat
// tariff; two members prepaid since before the readings (written into the file like the readings:
// the screen only lets a mode start today), one of them topped up; a postpaid member with an old
// bill. From the screen: draw down, see low and empty credit with the chart, the supply switch
// proposed at zero credit (sent to a port that is not there: the refusal is said), dismissed with a
// reason; the overdue list and the reminders CSV; a member made prepaid. Screenshots in EN and FR.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall, type ServeHandle } from './support/serve.js';
import { screenshot, type BrowserHandle } from './support/browser.js';
import { closeConsole, openConsole } from './support/console.js';
import { ADMIN, chooseLocale, paintedPixels, signIn, waitOrShot } from './support/ui.js';
import { seedEnergySite, type EnergySite } from './support/energy-site.js';
import { postEntries } from '../../src-main/core/journal/index.js';

describe('credit & arrears (serve mode, Chromium)', () => {
  let serve: ServeHandle;
  let ui: BrowserHandle;
  let page: Page;
  let token = '';
  let site: EnergySite;
  const call = <T>(channel: string, input: unknown) => apiCall<T>(serve.url, channel, token, input);

  beforeAll(async () => {
    ({ serve, ui, page } = await openConsole());
    await page.setViewportSize({ width: 1366, height: 768 });
    token = (await apiCall<{ token: string }>(serve.url, 'setup.initialize', null, {
      cooperative: { name: 'Kilima Energy Cooperative', currency: 'TZS', timezone: 'UTC', locale: 'en' },
      admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
    })).token;
    site = await seedEnergySite(serve.url, token, serve.dataDir);
    const plan = await call<{ id: number }>('tariffs.plans.create', { siteId: site.siteId, name: 'Kilima flat' });
    await call('tariffs.versions.create', { planId: plan.id, validFrom: `${site.firstDay.slice(0, 7)}-01T00:00:00Z`, definition: { energy: { mode: 'flat', rateMilliPerKwh: 450_000 }, fixedMonthlyMinor: 3000 }, allowPast: true, reason: 'e2e set-up' });
    await call('billing.threshold.set', { planId: plan.id, lowBalanceMinor: 2_000_000 });
    const [first, second, third] = site.members as [EnergySite['members'][number], EnergySite['members'][number], EnergySite['members'][number]];
    const db = new Database(join(serve.dataDir, 'coop-console.sqlite'));
    try {
      db.pragma('busy_timeout = 5000');
      const at = new Date().toISOString();
      for (const m of [second, third]) db.prepare(`INSERT INTO member_billing_modes (member_id, valid_from, mode, created_at) VALUES (?, ?, 'prepaid', ?)`).run(m.id, site.firstDay, at);
      postEntries(db, [
        { kind: 'payment', source: { type: 'e2e', id: 'topup' }, memo: 'top-up', effectiveDate: site.firstDay, createdBy: null, lines: [{ account: { kind: 'mobile-money' }, debit: 2_500_000, credit: 0 }, { account: { kind: 'member', memberId: second.id }, debit: 0, credit: 2_500_000 }] },
        { kind: 'settlement', source: { type: 'e2e', id: 'old-bill' }, memo: 'old bill', effectiveDate: '2026-01-31', createdBy: null, lines: [{ account: { kind: 'member', memberId: first.id }, debit: 1_250_000, credit: 0, charge: { code: 'energy' } }, { account: { kind: 'cooperative-energy' }, debit: 0, credit: 1_250_000 }] },
      ]);
      db.prepare(`UPDATE members SET phone = '+255 754 000 111' WHERE id = ?`).run(first.id);
    } finally {
      db.close();
    }
    for (const month of new Set([site.firstDay.slice(0, 7), site.lastDay.slice(0, 7)])) {
      await call('energy.recompute.start', { siteId: site.siteId, month });
      for (let i = 0; i < 600 && (await call<{ status: string }>('energy.recompute.state', { siteId: site.siteId })).status === 'running'; i++) await new Promise((r) => setTimeout(r, 100));
    }
    await page.goto(serve.url);
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.waitForSelector('[data-testid=nav-billing]');
  });
  afterAll(async () => {
    await closeConsole({ ui, serve });
  });

  it('draws prepaid credit down from the screen and lists low and empty credit with a chart', async () => {
    await page.click('[data-testid=nav-billing]');
    await page.waitForSelector('[data-testid=billing-view]');
    await page.click('.n-tabs-tab[data-name=modes]');
    await page.click('[data-testid=billing-run-drawdown]');
    await page.waitForSelector('text=site-days drawn down');
    const overview = await call<{ members: { memberNo: string; balanceMinor: number; creditStatus: string | null }[] }>('billing.overview', { siteId: null });
    const [, second, third] = site.members;
    const b = overview.members.find((m) => m.memberNo === second!.no)!;
    const c = overview.members.find((m) => m.memberNo === third!.no)!;
    expect(b.balanceMinor).toBeLessThan(2_500_000);
    expect(c.balanceMinor).toBeLessThan(0);
    expect(c.creditStatus).toBe('empty');
    await page.click('.n-tabs-tab[data-name=credit]');
    await waitOrShot(page, '[data-testid=billing-low-credit]', 'billing-FAILED-low');
    expect(await page.locator('[data-testid=billing-low-credit] tbody tr').count()).toBe(b.creditStatus === 'ok' ? 1 : 2);
    await page.waitForTimeout(600);
    expect(await paintedPixels(page, 'billing-credit-chart')).toBeGreaterThan(2000);
    await screenshot(page, 'billing-low-credit-en');
  });

  it('proposes switching off the member without credit; a meter that is not there is said plainly; dismissed with a reason', async () => {
    await page.click('.n-tabs-tab[data-name=switches]');
    await waitOrShot(page, '[data-testid=billing-switches] tbody tr', 'billing-FAILED-switches');
    await screenshot(page, 'billing-switches-en');
    const proposals = await call<{ id: number; memberNo: string; action: string }[]>('billing.switches.list', { status: 'proposed' });
    expect(proposals.map((p) => [p.memberNo, p.action])).toContainEqual([site.members[2]!.no, 'off']);
    const p = proposals.find((x) => x.memberNo === site.members[2]!.no)!;
    await page.fill('[data-testid=billing-switches] input', '/dev/ttyCOOP-NOT-THERE');
    await page.click(`[data-testid=switch-send-${p.id}]`);
    await page.waitForSelector('text=Meter not reached');
    await screenshot(page, 'billing-switch-failed-en');
  });

  it('lists the postpaid bill past its due date and exports reminders for an SMS gateway', async () => {
    await page.click('.n-tabs-tab[data-name=overdue]');
    await waitOrShot(page, '[data-testid=billing-overdue]', 'billing-FAILED-overdue');
    expect(await page.textContent('[data-testid=billing-overdue]')).toContain(site.members[0]!.no);
    const download = page.waitForEvent('download');
    await page.click('[data-testid=billing-export-reminders]');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^reminders-\d{4}-\d{2}-\d{2}\.csv$/);
    await screenshot(page, 'billing-overdue-en');
  });

  it('speaks French', async () => {
    await chooseLocale(page, 'fr');
    await page.click('.n-tabs-tab[data-name=overdue]');
    await page.waitForSelector('text=Exporter les rappels');
    await screenshot(page, 'billing-overdue-fr');
    await page.click('.n-tabs-tab[data-name=modes]');
    await page.waitForSelector('text=Débit quotidien du prépayé');
    await screenshot(page, 'billing-modes-fr');
    await chooseLocale(page, 'en');
  });
});
