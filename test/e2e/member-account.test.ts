// A member's account in real Chromium on serve mode: a member with a few months of entries (posted
// through the journal core into the serve process's SQLite file), the balance (owes, in KES and the
// operator's number format), the balance-over-time chart, the entries with their lines, a reversal
// with its reason; then a failed integrity check shown on every page until a check passes, and the
// cooperative's accounts with the integrity result on the Ledger.
// Screenshots at 1366×768 in English and French.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall, type ServeHandle } from './support/serve.js';
import { screenshot, type BrowserHandle } from './support/browser.js';
import { closeConsole, openConsole } from './support/console.js';
import { ADMIN, chooseLocale, paintedPixels, signIn, waitOrShot } from './support/ui.js';
import { seedMemberEntries } from '../support/journal-seed.js';
import { postEntries } from '../../src-main/core/journal/index.js';
import { CreditApplier } from '../../src-main/core/payments/credit-applier.js';

/** Intl puts (narrow) no-break spaces in money: compare with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('member account tab and the journal integrity alert (serve mode, Chromium)', () => {
  let serve: ServeHandle;
  let ui: BrowserHandle;
  let page: Page;
  let token = '';
  let memberId = 0;
  let entries: number[] = [];
  const call = <T>(channel: string, input: unknown) => apiCall<T>(serve.url, channel, token, input);
  const withDb = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(join(serve.dataDir, 'coop-console.sqlite'));
    try {
      db.pragma('busy_timeout = 5000');
      return work(db);
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    ({ serve, ui, page } = await openConsole());
    await page.setViewportSize({ width: 1366, height: 768 });
    const setup = await apiCall<{ token: string; operator: { id: number } }>(serve.url, 'setup.initialize', null, {
      cooperative: { name: 'Kilima Energy Cooperative', currency: 'KES', timezone: 'Africa/Nairobi', locale: 'en' },
      admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
    });
    token = setup.token;
    const site = await call<{ id: number }>('sites.create', { name: 'Kilima Hill' });
    memberId = (await call<{ id: number }>('members.create', { memberNo: 'K-001', fullName: 'Neema Mollel', siteId: site.id, roles: ['prosumer'], joinedOn: '2025-01-15' })).id;
    const buyer = await call<{ id: number }>('members.create', { memberNo: 'K-002', fullName: 'Baraka Otieno', siteId: site.id, roles: ['consumer'], joinedOn: '2025-01-15' });
    entries = withDb((db) => seedMemberEntries(db, memberId, buyer.id, setup.operator.id));
    await page.goto(serve.url);
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.waitForSelector('[data-testid=nav-members]');
  });
  afterAll(async () => {
    await closeConsole({ ui, serve });
  });

  it('shows the balance, its chart and the entries with their lines, and reverses a payment with a reason', async () => {
    await page.goto(`${serve.url}#/members/${memberId}`);
    await page.click('[data-testid=member-tab-account-title]');
    const balance = await waitOrShot(page, '[data-testid=member-account-balance][data-state=owes]', 'member-account-FAILED-balance');
    expect(plain(await balance.textContent())).toContain('KES 2.50');
    expect(await paintedPixels(page, 'chart-member-balance')).toBeGreaterThan(500);
    expect(await page.locator('[data-testid=member-account-entries] tbody tr').count()).toBe(5);
    // The P2P sale's lines: the buyer charged, this member credited, wheeling and tax.
    await page.locator('[data-testid=member-account-entries] tbody tr').nth(1).locator('.n-data-table-expand-trigger').click();
    const lines = await page.waitForSelector('[data-testid^=journal-lines-]');
    const text = plain(await lines.textContent());
    for (const part of ['Baraka Otieno', 'Neema Mollel', 'Grid / distribution', 'Government (tax)', 'KES 450.00', 'KES 400.00', 'P2P']) expect(text).toContain(part);
    await screenshot(page, 'member-account-en');

    const payment = entries[1]!;
    await page.click(`[data-testid=journal-reverse-${payment}]`);
    await page.click('[data-testid=journal-reverse-confirm]');
    await page.waitForSelector('[data-testid=journal-reverse-error]');
    await page.fill('[data-testid=journal-reverse-reason]', 'Counted twice at the window');
    await screenshot(page, 'member-account-reverse-dialog-en');
    await page.click('[data-testid=journal-reverse-confirm]');
    await page.waitForSelector('[data-testid=journal-reverse-dialog]', { state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-testid=member-account-balance]')?.textContent?.includes('1,502.50'));
    await page.waitForSelector(`[data-testid=journal-reverse-${payment}]`, { state: 'detached' });
    const view = await call<{ totals: { balance: number }; entries: { total: number } }>('journal.member.account', { memberId });
    expect(view).toMatchObject({ totals: { balance: -150_250 }, entries: { total: 6 } });

    await chooseLocale(page, 'fr');
    await page.waitForFunction(() => document.querySelector('[data-testid=member-account-balance]')?.textContent?.includes('Doit'));
    expect(plain(await page.textContent('[data-testid=member-account-balance]'))).toContain('1 502,50 KES');
    // Each entry said in French from the books; the stored English memo stays for staff (on hover).
    const said = plain((await page.locator('[data-testid^=journal-entry-what-]').allTextContents()).join(' | '));
    for (const part of ['Annulé : Paiement en espèces R-1001. Motif : Counted twice at the window', 'Paiement en espèces R-1001', 'Paiement par mobile money MP-QX7']) expect(said).toContain(part);
    expect(said).not.toMatch(/Cash at the office|Reversal of entry|M-Pesa top-up/);
    expect(await page.getAttribute(`[data-testid=journal-entry-what-${payment}]`, 'title')).toBe('Cash at the office');
    await page.evaluate(() => document.querySelector('[data-testid=member-detail]')?.scrollIntoView());
    await screenshot(page, 'member-account-fr');
    await chooseLocale(page, 'en');
  });

  it('shows every tab of the member page at 1366×768 and 1024×768, in English and French, and opens a tab named in the address', async () => {
    const keys = ['profile', 'card', 'equipment', 'agreements', 'meters', 'field', 'energy', 'tariff', 'account', 'statements', 'tokens'];
    for (const locale of ['en', 'fr'] as const) {
      await page.goto(`${serve.url}#/members/${memberId}`);
      await chooseLocale(page, locale);
      for (const width of [1366, 1024]) {
        await page.setViewportSize({ width, height: 768 });
        await page.click('[data-testid=member-tab-account-title]');
        await waitOrShot(page, '[data-testid=member-account-balance]', `member-tabs-FAILED-${width}-${locale}`);
        // Every tab's title whole on the screen, no scrolling: an operator sees Account and Statements.
        for (const key of keys) {
          const box = await page.locator(`[data-testid=member-tab-${key}-title]`).boundingBox();
          expect(box, key).not.toBeNull();
          expect(box!.x, key).toBeGreaterThanOrEqual(0);
          expect(box!.x + box!.width, key).toBeLessThanOrEqual(width);
          expect(box!.y + box!.height, key).toBeLessThanOrEqual(768);
        }
        // Nothing of the open tab cut off sideways.
        const overflow = await page.$eval('[data-testid=member-detail]', (el) => el.scrollWidth - el.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(page, `member-tabs-${width}-${locale}`);
      }
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await chooseLocale(page, 'en');
    // A tab named in the address opens at once; the tab an operator opens is written back to it.
    await page.goto(`${serve.url}#/members/${memberId}?tab=statements`);
    await page.waitForSelector('.n-tabs-tab--active [data-testid=member-tab-statements-title]');
    await page.waitForSelector('[data-testid=member-tab-statements]');
    await page.click('[data-testid=member-tab-tokens-title]');
    await page.waitForFunction(() => window.location.hash.endsWith('tab=tokens'));
    await page.goto(`${serve.url}#/members/${memberId}?tab=no-such-tab`);
    await page.waitForSelector('.n-tabs-tab--active [data-testid=member-tab-profile-title]');
  });

  it('shows a failed integrity check on every page until a check passes', async () => {
    const memberAccount = `(SELECT id FROM journal_accounts WHERE member_id = ${memberId})`;
    withDb((db) => db.prepare(`UPDATE journal_balances SET debit_total = debit_total + 7 WHERE account_id = ${memberAccount}`).run());
    expect((await call<{ report: { ok: boolean } }>('journal.integrity.check', {})).report.ok).toBe(false);
    await page.goto(`${serve.url}#/dashboard`);
    await page.reload();
    const alert = await waitOrShot(page, '[data-testid=journal-integrity-alert]', 'journal-integrity-FAILED-alert');
    expect(plain(await alert.textContent())).toContain('1 cached account balance(s) differ');
    await screenshot(page, 'journal-integrity-alert-en');
    await page.click('[data-testid=nav-members]');
    await page.waitForSelector('[data-testid=journal-integrity-alert]');

    withDb((db) => db.prepare(`UPDATE journal_balances SET debit_total = debit_total - 7 WHERE account_id = ${memberAccount}`).run());
    await page.click('[data-testid=journal-integrity-recheck]');
    await page.waitForSelector('[data-testid=journal-integrity-alert]', { state: 'detached' });
  });

  it("shows the cooperative's accounts and the integrity result on the Ledger, and checks on demand", async () => {
    await page.click('[data-testid=nav-ledger]');
    await waitOrShot(page, '[data-testid=journal-integrity-result][data-ok=true]', 'journal-books-FAILED-result');
    expect(plain(await page.textContent('[data-testid=books-mobile-money]'))).toContain('-KES 677.50');
    expect(plain(await page.textContent('[data-testid=books-cash]'))).toContain('KES 1,500.00');
    expect(plain(await page.textContent('[data-testid=books-members]'))).toContain('2 accounts: 0 in credit, 2 owe');
    await page.click('[data-testid=journal-check-now]');
    await page.waitForSelector('[data-testid=journal-integrity-result][data-ok=true]');
    await page.evaluate(() => document.querySelector('[data-testid=cooperative-books]')?.scrollIntoView());
    await screenshot(page, 'journal-books-en');
  });
  it('shows credit paid ahead applied to the lines of a settlement posted later, with its split chart (EN and FR)', async () => {
    // A second site with a fixed fee of 3,000 a month and a lease-to-own battery (30,000 in one
    // instalment due 1 November); the host pays 40,000 ahead on 20 October.
    const site = await call<{ id: number }>('sites.create', { name: 'Kilima Valley' });
    withDb((db) => {
      const plan = Number(db.prepare(`INSERT INTO tariff_plans (site_id, name, created_at) VALUES (?, 'Valley standard', '2026-01-01T00:00:00Z')`).run(site.id).lastInsertRowid);
      db.prepare(`INSERT INTO tariff_versions (plan_id, version, valid_from, definition_json, created_at) VALUES (?, 1, '2026-01-01T00:00:00.000Z', ?, '2026-01-01T00:00:00Z')`)
        .run(plan, JSON.stringify({ energy: { mode: 'flat', rateMilliPerKwh: 20_000 }, fixedMonthlyMinor: 3_000, gridFeeMilliPerKwh: 0, taxBps: 0, loadLimitW: null, dailyEnergyLimitWh: null }));
    });
    const owner = await call<{ id: number }>('members.create', { memberNo: 'V-001', fullName: 'Zawadi Kimaro', siteId: site.id, roles: ['owner'], joinedOn: '2025-01-15' });
    const host = await call<{ id: number }>('members.create', { memberNo: 'V-002', fullName: 'Juma Salim', siteId: site.id, roles: ['consumer'], joinedOn: '2025-01-15' });
    const equipment = await call<{ id: number }>('equipment.create', { kind: 'battery', ratedPowerW: 2_000, storageWh: 5_000, ownerMemberId: owner.id, siteId: site.id, serial: 'VAL-BAT-1' });
    const terms = { kind: 'lease_to_own', equipmentId: equipment.id, ownerMemberId: owner.id, hostMemberId: host.id, startsOn: '2026-10-01', priceMinor: 30_000, instalmentCount: 1, instalmentPeriod: 'monthly', energyRateMilliPerKwh: 20_000, notes: '' };
    const draft = await call<{ id: number }>('agreements.create', { title: 'Battery to own', terms });
    await call('agreements.transition', { id: draft.id, action: 'propose' });
    await call('agreements.sign', { id: draft.id, memberId: owner.id, passphrase: 'owner pin' });
    await call('agreements.sign', { id: draft.id, memberId: host.id, passphrase: 'host pin' });
    await call('agreements.transition', { id: draft.id, action: 'activate' });
    // Signed in October, as the story goes (activated today, it would not run in November).
    withDb((db) => db.prepare(`UPDATE agreements SET activated_at = '2026-10-01T06:00:00.000Z' WHERE id = ?`).run(draft.id));
    const ahead = await call<{ receiptNo: string }>('payments.record', { memberId: host.id, amountMinor: 40_000, method: 'mobile-money', reference: 'VAL-AHEAD', receivedOn: '2026-10-20' });
    // November's settlement posts the instalment (overdue today: arrears) and the fee: 33,000 from the credit.
    const period = await call<{ id: number }>('settlements.run', { siteId: site.id, from: '2026-11-01', to: '2026-11-30' });
    await call('settlements.approve', { id: period.id });
    await call('settlements.post', { id: period.id });

    await page.goto(`${serve.url}#/members/${host.id}`);
    await page.click('[data-testid=member-tab-account-title]');
    const card = await waitOrShot(page, '[data-testid=member-credit-pieces]', 'member-credit-FAILED-pieces');
    const text = plain(await card.textContent());
    for (const part of ['Arrears', 'Instalment no. 1', 'paid off', `from the credit of ${ahead.receiptNo}`, 'KES 300.00', 'KES 30.00', 'settlement posted']) expect(text).toContain(part);
    expect(plain(await page.textContent('[data-testid=member-credit-available]'))).toContain('KES 70.00');
    await page.evaluate(() => document.querySelector('[data-testid=member-credit-applied]')?.scrollIntoView());
    await screenshot(page, 'member-account-credit-applied-en');
    await chooseLocale(page, 'fr');
    await page.waitForFunction(() => document.querySelector('[data-testid=member-credit-applied]')?.textContent?.includes('Crédit appliqué'));
    expect(plain(await page.textContent('[data-testid=member-credit-pieces]'))).toContain(`sur le crédit de ${ahead.receiptNo}`);
    await page.evaluate(() => document.querySelector('[data-testid=member-credit-applied]')?.scrollIntoView());
    await screenshot(page, 'member-account-credit-applied-fr');
    // The settlement and the payment said in French from their source rows (period, site, line, receipt).
    const entries = plain((await page.locator('[data-testid^=journal-entry-what-]').allTextContents()).join(' | '));
    for (const part of ['Règlement Kilima Valley, du 1 nov. 2026 au 30 nov. 2026 : Location-vente : échéance', 'Règlement Kilima Valley, du 1 nov. 2026 au 30 nov. 2026 : Abonnement', `Paiement par mobile money VAL-AHEAD · reçu ${ahead.receiptNo}`]) expect(entries).toContain(part);
    expect(entries).not.toMatch(/Settlement |payment VAL-AHEAD|instalment/);
    await page.locator('[data-testid=member-account-entries]').scrollIntoViewIfNeeded();
    await page.locator('[data-testid=member-account-entries] tbody tr').first().locator('.n-data-table-expand-trigger').click();
    await page.waitForSelector('.stored-memo');
    expect(plain(await page.textContent('.stored-memo'))).toMatch(/^Libellé enregistré \(tel quel\) : Settlement Kilima Valley to 2026-11-30: /);
    await screenshot(page, 'member-account-entries-fr');
    await chooseLocale(page, 'en');

    // Two charges for the host: A 100.00 (due 1 Dec: arrears) and B 50.00 (due 20 Dec); the 70.00
    // of credit pays A first (30.00 of A and B's 50.00 stay owed). A was charged in error and is
    // reversed from the Account tab: its 70.00 is credit again and pays B at once, in the
    // reversal's transaction — 20.00 in credit, nothing owed (not "in credit and owing").
    const [chargeA] = withDb((db) =>
      db.transaction(() => {
        const ids = (['2026-12-01', '2026-12-20'] as const).map((dueDate, i) => postEntries(db, [{
          kind: 'adjustment', source: { type: 'e2e', id: `credit-reversal-${i}` }, memo: i === 0 ? 'Meter replacement' : 'Connection repair', effectiveDate: '2026-12-05', createdBy: null,
          lines: [{ account: { kind: 'member', memberId: host.id }, debit: (2 - i) * 5_000, credit: 0, charge: { code: 'other', dueDate } }, { account: { kind: 'cooperative-fees' }, debit: 0, credit: (2 - i) * 5_000 }],
        }])[0] as number);
        new CreditApplier({ db, clock: { now: () => new Date() } }).applyForMembers([host.id], 'catch-up');
        return ids;
      })(),
    );
    await page.reload();
    await page.click('[data-testid=member-tab-account-title]');
    await page.click(`[data-testid=journal-reverse-${chargeA}]`);
    await page.fill('[data-testid=journal-reverse-reason]', 'Meter replaced under warranty');
    await page.click('[data-testid=journal-reverse-confirm]');
    await page.waitForSelector('[data-testid=journal-reverse-dialog]', { state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-testid=member-credit-available]')?.textContent?.includes('20.00'));
    const pieces = plain(await page.textContent('[data-testid=member-credit-pieces]'));
    for (const part of ['payment or entry reversed', 'KES 50.00', 'No longer counts: the charge was reversed']) expect(pieces).toContain(part);
    const account = await call<{ totals: { balance: number } }>('journal.member.account', { memberId: host.id });
    expect(account.totals.balance).toBe(2_000);
    await page.evaluate(() => document.querySelector('[data-testid=member-credit-applied]')?.scrollIntoView());
    await screenshot(page, 'member-account-credit-after-reversal-en');
    await chooseLocale(page, 'fr');
    await page.waitForFunction(() => document.querySelector('[data-testid=member-credit-pieces]')?.textContent?.includes('paiement ou écriture annulés'));
    await page.evaluate(() => document.querySelector('[data-testid=member-credit-applied]')?.scrollIntoView());
    await screenshot(page, 'member-account-credit-after-reversal-fr');
    await chooseLocale(page, 'en');
  });
});
