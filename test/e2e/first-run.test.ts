// The operator's first hour, in real Chromium against real serve mode: setup wizard, sign out and
// in, a site, a member, a CSV import refused for one bad row (nothing written), the fixed import,
// the export, and the dashboard charts.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall, type ServeHandle } from './support/serve.js';
import { screenshot, type BrowserHandle } from './support/browser.js';
import { closeConsole, openConsole } from './support/console.js';
import { ADMIN, chooseLocale, openSettingsTab, pageToken, paintedPixels, runSetupWizard, shownMemberCount, signIn, signInRefused, waitForMemberCount } from './support/ui.js';

const HEADER = 'member_no,full_name,site,roles,phone,email,village,gps_lat,gps_lon,premises_m2,preferred_energy,notes,joined_on';
const BAD_CSV = [
  HEADER,
  'K-101,Wanjiku Njeri,Kijiji Centre,consumer;prosumer,+254 700 000101,wanjiku@example.org,Kijiji,-1.2921,36.8219,40,solar;battery,,2025-02-01',
  'K-102,Otieno Ouma,Kijiji Centre,consumer,,not-an-email,Kijiji,,,,,,2025-03-15',
  'K-103,Achieng Atieno,Kijiji Centre,owner,,,Kijiji,,,,wind,"Owns two turbines, ""big"" ones",2025-04-20',
].join('\n');
const FIXED_CSV = BAD_CSV.replace('not-an-email', 'otieno@example.org');

describe('first run of a new cooperative (serve mode, Chromium)', () => {
  let serve: ServeHandle;
  let ui: BrowserHandle;
  let page: Page;

  beforeAll(async () => {
    ({ serve, ui, page } = await openConsole());
  });
  afterAll(async () => {
    await closeConsole({ ui, serve });
  });

  const memberTotal = async () =>
    (await apiCall<{ total: number }>(serve.url, 'members.list', await pageToken(page), { status: 'all' })).total;

  it('runs the setup wizard and lands signed in on an empty dashboard', async () => {
    await runSetupWizard(page, serve.url, { coopName: 'Kijiji Energy Cooperative', demo: false, screenshots: 'setup-wizard' });
    expect(await page.textContent('[data-testid=coop-name]')).toBe('Kijiji Energy Cooperative');
    expect(await page.textContent('[data-testid=operator-name]')).toContain(ADMIN.displayName);
    await page.waitForSelector('[data-testid=dashboard-empty]');
    await screenshot(page, 'first-run-dashboard-empty');
  });

  it('signs out, refuses a wrong password with a clear message, then signs in', async () => {
    await page.click('[data-testid=sign-out]');
    await page.waitForSelector('[data-testid=login-card]');
    await signIn(page, ADMIN.username, 'wrong-password-123');
    const error = await page.waitForSelector('[data-testid=login-error]');
    expect(await error.textContent()).toContain('Wrong username or password');
    await screenshot(page, 'login-wrong-password');
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.waitForSelector('[data-testid=dashboard]');
  });

  it('keeps the operator signed in across a reload', async () => {
    await page.reload();
    await page.waitForSelector('[data-testid=dashboard]');
    expect(await page.textContent('[data-testid=operator-name]')).toContain(ADMIN.displayName);
  });

  it('creates a site in Settings', async () => {
    await openSettingsTab(page, 'Sites');
    await page.click('[data-testid=site-new]');
    await page.waitForSelector('[data-testid=site-name]');
    await page.fill('[data-testid=site-name]', 'Kijiji Centre');
    await page.fill('[data-testid=site-village]', 'Kijiji');
    await page.click('[data-testid=site-save]');
    await page.waitForSelector('[data-testid=sites-panel] td:has-text("Kijiji Centre")');
  });

  it('adds a member, showing field errors from the core first', async () => {
    await page.click('[data-testid=nav-members]');
    expect(await shownMemberCount(page)).toBe(0);
    await page.click('[data-testid=member-new]');
    await page.fill('[data-testid=member-no]', 'K 001'); // a space is not allowed in member numbers
    await page.fill('[data-testid=member-full-name]', 'Mary Wambui');
    await page.click('[data-testid=member-save]');
    await page.waitForSelector('[data-testid=member-form] .n-form-item-feedback:has-text("Use only letters, digits and dashes.")');
    await screenshot(page, 'member-form-field-error');
    await page.fill('[data-testid=member-no]', 'K-001');
    await page.click('[data-testid=member-save]');
    await waitForMemberCount(page, 1);
    await page.waitForSelector('[data-testid=member-row]'); // the virtual list draws rows a moment after the count
    expect(await page.textContent('[data-testid=members-table]')).toContain('Mary Wambui');
    expect(await memberTotal()).toBe(1);
  });

  it('refuses a CSV file with one bad row: the error is shown and nothing is written', async () => {
    await page.click('[data-testid=members-import]');
    const dialog = await page.waitForSelector('[data-testid=import-dialog]');
    expect(await dialog.textContent()).toContain('member_no, full_name, site, roles');
    await page.setInputFiles('[data-testid=import-file]', { name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
    await page.waitForSelector('[data-testid=import-preview]');
    expect(await page.textContent('[data-testid=import-valid-count]')).toContain('2');
    expect(await page.textContent('[data-testid=import-invalid-count]')).toContain('1');
    // One sentence for the bad cell, naming its line and column and saying how to write it.
    expect(await page.textContent('[data-testid=import-row-error]')).toBe('Line 3, column email: “not-an-email” is not written correctly; write it like name@example.org.');
    expect(await page.isDisabled('[data-testid=import-all]')).toBe(true);
    await screenshot(page, 'import-bad-row');

    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=import-dialog]', { state: 'detached' });

    // In French the same cell reads in French; a file the parser cannot read says where, in words,
    // and offers no import button.
    await chooseLocale(page, 'fr');
    await page.click('[data-testid=members-import]');
    await page.fill('[data-testid=import-text]', BAD_CSV);
    await page.click('[data-testid=import-check]');
    await page.waitForSelector('[data-testid=import-preview]');
    expect(await page.textContent('[data-testid=import-row-error]')).toBe("Ligne 3, colonne email : « not-an-email » n'est pas écrit correctement ; écrivez-le comme name@example.org.");
    const unclosed = [HEADER, 'K-104,"Unclosed Name,Kijiji Centre,consumer,,,,,,,,,2025-02-01', 'K-105,Other Name,Kijiji Centre,consumer,,,,,,,,,2025-02-01'].join('\n');
    await page.fill('[data-testid=import-text]', unclosed);
    await page.click('[data-testid=import-check]');
    const fileIssue = await page.waitForSelector('[data-testid=import-file-issue]');
    expect(await fileIssue.textContent()).toContain('Ligne 2 : un guillemet (") ouvre une case mais n\'est jamais fermé. Fermez-le ou supprimez-le.');
    expect(await page.$('[data-testid=import-all]')).toBeNull();
    expect(await page.$('[data-testid=import-preview]')).toBeNull();
    await screenshot(page, 'import-unclosed-quote-fr');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=import-dialog]', { state: 'detached' });
    await chooseLocale(page, 'en');

    // The core refuses the whole file too, if asked directly.
    const refused = await fetch(`${serve.url}api/call/members.importCommit`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await pageToken(page)}` },
      body: JSON.stringify({ csv: BAD_CSV, mode: 'all-or-nothing' }),
    }).then((r) => r.json() as Promise<{ ok: boolean; error?: { code: string } }>);
    expect(refused).toMatchObject({ ok: false, error: { code: 'IMPORT_REJECTED' } });

    await page.reload();
    expect(await shownMemberCount(page)).toBe(1);
    expect(await memberTotal()).toBe(1);
  });

  it('imports the fixed file', async () => {
    await page.click('[data-testid=members-import]');
    await page.fill('[data-testid=import-text]', FIXED_CSV);
    await page.click('[data-testid=import-check]');
    await page.waitForSelector('[data-testid=import-preview]');
    expect(await page.textContent('[data-testid=import-invalid-count]')).toContain('0');
    await page.click('[data-testid=import-all]');
    const result = await page.waitForSelector('[data-testid=import-result]');
    expect(await result.textContent()).toContain('Imported 3 members');
    await page.keyboard.press('Escape');
    await waitForMemberCount(page, 4);
    expect(await memberTotal()).toBe(4);
  });

  it('exports the members as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=members-export]')]);
    expect(download.suggestedFilename()).toMatch(/^members-.*\.csv$/);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe(HEADER);
    expect(lines).toHaveLength(5);
    for (const no of ['K-001', 'K-101', 'K-102', 'K-103']) expect(csv).toContain(no);
    expect(csv).toContain('consumer;prosumer');
    expect(csv).toContain('otieno@example.org');
  });

  it('shows a member with roles and history, and deactivates them with a reason', async () => {
    await page.fill('[data-testid=members-search]', 'Otieno');
    await waitForMemberCount(page, 1);
    await page.click('[data-testid=member-row]');
    await page.waitForSelector('[data-testid=member-title]:has-text("Otieno Ouma")');
    expect(await page.textContent('[data-testid=member-detail]')).toContain('otieno@example.org');
    await page.click('[data-testid=member-set-active]');
    await page.fill('[data-testid=set-active-reason]', 'Moved to the city');
    await page.click('[data-testid=set-active-confirm]');
    await page.waitForSelector('[data-testid=member-history]:has-text("Moved to the city")');
    await screenshot(page, 'member-detail');
    await page.click('[data-testid=nav-members]');
    await page.fill('[data-testid=members-search]', '');
    await waitForMemberCount(page, 3); // active members only, by default
    await page.click('[data-testid=status-all]');
    await waitForMemberCount(page, 4);
  });

  it('draws the dashboard charts from the members', async () => {
    await page.click('[data-testid=nav-dashboard]');
    await page.waitForSelector('[data-testid=kpi-members]:has-text("4")');
    expect(await page.textContent('[data-testid=kpi-active]')).toContain('3');
    for (const chart of ['chart-by-role', 'chart-by-site', 'chart-growth']) {
      expect(await paintedPixels(page, chart), chart).toBeGreaterThan(2000);
    }
    await screenshot(page, 'first-run-dashboard');
  });

  it('sends the operator to the login page with a notice when the session ends under them', async () => {
    // End the session from outside (as an expiry would), then use the console.
    await apiCall(serve.url, 'session.logout', await pageToken(page), {});
    await page.click('[data-testid=nav-members]');
    const notice = await page.waitForSelector('[data-testid=login-notice]');
    expect(await notice.textContent()).toContain('Your session expired');
    await screenshot(page, 'login-session-expired');
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.waitForSelector('[data-testid=members-view]'); // back where they were
  });

  it('creates a technician account; five wrong passwords lock it; the admin unlocks it', async () => {
    await openSettingsTab(page, 'Operator accounts');
    await page.click('[data-testid=operator-new]');
    await page.fill('[data-testid=operator-username]', 'juma');
    await page.fill('[data-testid=operator-display-name]', 'Juma Technician');
    await page.click('.n-modal [data-testid=operator-role]');
    await page.click('.n-base-select-option:has-text("Technician")');
    await page.fill('[data-testid=operator-password]', 'meter-reader-2026');
    await page.fill('[data-testid=operator-confirm]', 'meter-reader-2026');
    await page.click('[data-testid=operator-save]');
    await page.waitForSelector('[data-testid=operators-panel] td:has-text("Juma Technician")');

    await page.click('[data-testid=sign-out]');
    for (let attempt = 1; attempt <= 4; attempt++) {
      const expected = attempt < 4 ? `${5 - attempt} attempts left` : 'locked after one more failed attempt';
      await signInRefused(page, 'juma', `wrong-${attempt}-password`, expected);
    }
    await signInRefused(page, 'juma', 'wrong-5-password', 'This account is locked');
    // Even the right password is refused while locked (the same message is already on screen, so
    // signInRefused waits for the console's answer to this attempt first).
    await signInRefused(page, 'juma', 'meter-reader-2026', 'This account is locked');
    await screenshot(page, 'login-locked-out');

    await signIn(page, ADMIN.username, ADMIN.password);
    await page.waitForSelector('[data-testid=dashboard]');
    await openSettingsTab(page, 'Operator accounts');
    await page.waitForSelector('[data-testid=operators-panel] tr:has-text("juma") :text("Locked")');
    await page.click('[data-testid=operators-panel] tr:has-text("juma") button:has-text("Unlock")');
    await page.waitForSelector('.n-message:has-text("Account unlocked")');
    await screenshot(page, 'settings-operators');
    await page.click('[data-testid=sign-out]');

    await signIn(page, 'juma', 'meter-reader-2026');
    // A technician lands where their work is: the meters.
    await page.waitForSelector('[data-testid=meters-view]');
    expect(await page.textContent('[data-testid=operator-role]')).toContain('Technician');
    // A technician sees the field areas but not the office ones, and cannot edit members.
    expect(await page.locator('[data-testid=nav-meters]').count()).toBe(1);
    expect(await page.locator('[data-testid=nav-agreements]').count()).toBe(0);
    await page.click('[data-testid=nav-members]');
    await waitForMemberCount(page, 3);
    expect(await page.locator('[data-testid=member-new]').count()).toBe(0);
    expect(ui.errors).toEqual([]);
  });
});
