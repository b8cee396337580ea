// The Payments area in real Chromium against serve mode (chain off): take payments at the window
// with the keyboard (the split previewed and shown, the receipt PDF downloaded), a repeated
// reference refused, a reversal with a reason, a mobile-money statement previewed and booked
// (the same file again books nothing), the suspense line assigned by hand; screenshots en + fr.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDatabase } from '../../src-main/core/db/connection.js';
import { postEntries } from '../../src-main/core/journal/index.js';
import { apiCall, type ServeHandle } from './support/serve.js';
import { screenshot, SCREENSHOT_DIR, type BrowserHandle } from './support/browser.js';
import { closeConsole, openConsole } from './support/console.js';
import { chooseLocale, pageToken, runSetupWizard, waitOrShot as waitOrShotOn } from './support/ui.js';

const STATEMENT = [
  'Organization Name,Mlima Energy Cooperative',
  '',
  'Receipt No.,Completion Time,Initiation Time,Details,Transaction Status,Paid In,Withdrawn,Balance,Balance Confirmed,Reason Type,Other Party Info,Linked Transaction ID,A/C No.',
  'SLK0001,2026-12-01 09:15:02,2026-12-01 09:15:02,Pay Bill from 254711000102 - PAUL O Acc. K-102,Completed,"2,000.00",,"12,000.00",true,Pay Bill,254711000102 - PAUL O,,K-102',
  'SLK0002,2026-12-01 10:00:00,2026-12-01 10:00:00,Pay Bill from 254711000103 - GRACE A,Completed,350.00,,"12,350.00",true,Pay Bill,254711000103 - GRACE A,,',
  'SLK0003,2026-12-01 11:00:00,2026-12-01 11:00:00,Pay Bill from 254799999999 - UNKNOWN,Completed,120.00,,"12,470.00",true,Pay Bill,254799999999 - UNKNOWN,,',
  'SLK0004,2026-12-01 12:00:00,2026-12-01 12:00:00,Pay Bill from 254711000102 - PAUL O,Failed,500.00,,"12,470.00",true,Pay Bill,254711000102 - PAUL O,,K-102',
].join('\r\n');

describe('payments (serve mode, Chromium)', () => {
  let serve: ServeHandle;
  let ui: BrowserHandle;
  let page: Page;
  let token = '';
  const waitOrShot = (selector: string, name: string, timeout = 20_000) => waitOrShotOn(page, selector, `payments-FAILED-${name}`, timeout);
  const tab = async (name: string) => {
    await page.click(`[data-testid=payments-tab-${name}]`);
    await page.waitForSelector(`.n-tabs-tab--active [data-testid=payments-tab-${name}]`);
  };

  beforeAll(async () => {
    ({ serve, ui, page } = await openConsole());
    await runSetupWizard(page, serve.url, { coopName: 'Mlima Energy Cooperative', demo: false });
    token = await pageToken(page);
    const site = await apiCall<{ id: number }>(serve.url, 'sites.create', token, { name: 'Mlima' });
    const members = [['K-101', 'Jane Wanjiru', '+254 711 000101'], ['K-102', 'Paul Otieno', '+254 711 000102'], ['K-103', 'Grace Achieng', '0711 000103']];
    const ids: number[] = [];
    for (const [memberNo, fullName, phone] of members) ids.push((await apiCall<{ id: number }>(serve.url, 'members.create', token, { memberNo, fullName, phone, siteId: site.id, roles: ['consumer'], joinedOn: '2025-01-01' })).id);
    // Stands in for the settlement (another branch): last month's charges on Jane's account, as the
    // journal holds them after posting — an overdue energy bill, a fixed fee and this month's energy.
    const db = openDatabase({ file: join(serve.dataDir, 'coop-console.sqlite') });
    const charge = (code: 'energy' | 'fixed-fee', amount: number, dueDate: string, id: string) => ({
      kind: 'settlement' as const, source: { type: 'e2e-seed', id }, memo: code, effectiveDate: '2026-11-30', createdBy: null,
      lines: [{ account: { kind: 'member' as const, memberId: ids[0] ?? 0 }, debit: amount, credit: 0, charge: { code, dueDate } }, { account: { kind: 'cooperative-energy' as const }, debit: 0, credit: amount }],
    });
    postEntries(db, [charge('energy', 40_000, '2026-11-15', 'old'), charge('fixed-fee', 20_000, '2099-12-31', 'fee'), charge('energy', 65_000, '2099-12-31', 'now')]);
    db.close();
  });
  afterAll(() => closeConsole({ ui, serve }));

  it('takes payments from the keyboard, shows the split, gives the receipt and refuses a repeated reference', async () => {
    await page.click('[data-testid=nav-payments]');
    await waitOrShot('[data-testid=take-payment]', 'open');
    await page.click('[data-testid=take-member]');
    await page.keyboard.type('K-101');
    await waitOrShot('.n-base-select-option:has-text("Jane Wanjiru")', 'member-option');
    await page.keyboard.press('Enter');
    await page.fill('[data-testid=take-amount]', '1500');
    await page.fill('[data-testid=take-reference]', 'CB-0042');
    await waitOrShot('[data-testid=take-preview] [data-testid=allocation-split]', 'preview');
    await screenshot(page, 'payments-take-preview');
    await page.focus('[data-testid=take-reference]');
    await page.keyboard.press('Enter');
    const booked = await waitOrShot('[data-testid=take-booked]', 'booked');
    expect(await booked.textContent()).toContain('R-000001');
    expect(await page.textContent('[data-testid=take-booked] [data-testid=split-arrears]')).toMatch(/400/);
    // The cursor is back in the member field for the next person in the queue.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('take-member');
    await screenshot(page, 'payments-take-booked');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=take-receipt]')]);
    const pdf = join(SCREENSHOT_DIR, 'payments-receipt.pdf');
    await download.saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    // The same reference again (after the receipt click, back to the member field): refused, nothing booked.
    await page.click('[data-testid=take-member]');
    await page.keyboard.type('K-102');
    await waitOrShot('.n-base-select-option:has-text("Paul Otieno")', 'member-option-2');
    await page.keyboard.press('Enter');
    await page.fill('[data-testid=take-amount]', '300');
    await page.fill('[data-testid=take-reference]', 'cb-0042');
    await page.focus('[data-testid=take-amount]');
    await page.keyboard.press('Enter');
    const refused = await waitOrShot('[data-testid=take-error]', 'refused');
    expect(await refused.textContent()).toBe('Reference cb-0042 was already booked on ' + (await apiCall<{ receivedOn: string }>(serve.url, 'payments.get', token, { id: 1 })).receivedOn + ' (receipt R-000001); a payment is booked once.');
    expect(await apiCall<unknown[]>(serve.url, 'payments.list', token, {})).toHaveLength(1);
    await screenshot(page, 'payments-take-refused');
  });

  it('previews a statement, books it, books nothing the second time, and resolves the suspense line', async () => {
    await tab('statement');
    const file = join(SCREENSHOT_DIR, 'payments-statement.csv');
    writeFileSync(file, `\uFEFF${STATEMENT}`);
    await page.setInputFiles('[data-testid=statement-file]', file);
    await waitOrShot('[data-testid=statement-total-matched]', 'statement-preview');
    expect(await page.textContent('[data-testid=statement-total-matched]')).toContain('2');
    expect(await page.textContent('[data-testid=statement-total-unmatched]')).toContain('1');
    await screenshot(page, 'payments-statement-preview');
    await page.click('[data-testid=statement-book]');
    const result = await waitOrShot('[data-testid=statement-result]', 'statement-result');
    expect(await result.textContent()).toBe('Booked 2, to suspense 1, already booked 0, skipped 1.');
    await waitOrShot('[data-testid=statement-imported-before]', 'imported-before');
    expect(await page.isDisabled('[data-testid=statement-book]')).toBe(true);
    expect(await page.textContent('[data-testid=statement-total-duplicate]')).toContain('3');
    await screenshot(page, 'payments-statement-again');

    await tab('suspense');
    await waitOrShot('[data-testid=suspense-SLK0003]', 'suspense');
    await page.click('[data-testid=suspense-member-SLK0003]');
    await page.keyboard.type('K-103');
    await waitOrShot('.n-base-select-option:has-text("Grace Achieng")', 'suspense-option');
    await page.keyboard.press('Enter');
    await screenshot(page, 'payments-suspense');
    await page.click('[data-testid=suspense-assign-SLK0003]');
    await waitOrShot('[data-testid=suspense-done]', 'suspense-done');
    expect(await apiCall<unknown[]>(serve.url, 'payments.list', token, { status: 'suspense' })).toHaveLength(0);
  });

  it('reverses a payment with a reason, and reads in French', async () => {
    await tab('recent');
    await page.click('[data-testid=reverse-R-000002]');
    await page.fill('[data-testid=reverse-reason]', 'Paid twice by mistake');
    await page.click('[data-testid=reverse-confirm]');
    await waitOrShot('[data-testid=status-R-000002]:has-text("Reversed")', 'reversed');
    await screenshot(page, 'payments-recent');
    await chooseLocale(page, 'fr');
    await waitOrShot('[data-testid=status-R-000002]:has-text("Annulé")', 'fr');
    await screenshot(page, 'payments-recent-fr');
    await tab('take');
    await screenshot(page, 'payments-take-fr');
    await chooseLocale(page, 'en');
    expect(ui.errors).toEqual([]);
  });
});
