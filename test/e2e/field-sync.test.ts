// Field sync in real Chromium between two real serve processes (office and field laptop, separate
// data folders): the office enrols the laptop in Settings → Field consoles (file + passphrase said in
// person), the laptop accepts it, imports the office's pack, provisions a meter against the emulator
// on a socat pty, exports its report, and the office imports it: the meter carries the "from the
// field" badge; a conflicting record is shown with both versions and decided; a tampered report is
// refused with the reason. Screenshots of every screen, in English and French.
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { apiCall, startServe, type ServeHandle } from './support/serve.js';
import { launchBrowser, screenshot, type BrowserHandle } from './support/browser.js';
import { chooseLocale, chooseOption, openSettingsTab, pageToken, paintedPixels, runSetupWizard, waitOrShot } from './support/ui.js';
import { startEmulator, type RunningEmulator } from '../integration/meters/harness.js';
import { makeTempDir } from '../support/temp-dir.js';

const OFFICE_KEY = 'office sync passphrase';
const LAPTOP_KEY = 'laptop sync passphrase';
const ENROL_PASS = 'said in person only';
const PACK_PASS = 'pack of monday';

describe('field sync screens (two serve processes, Chromium, emulator on a socat pty)', () => {
  const work = makeTempDir('coop-e2e-field-');
  const portDir = join(work.path, 'ports');
  const previousExtra = process.env.COOP_EXTRA_PORTS;
  let office: ServeHandle;
  let field: ServeHandle;
  let ui: BrowserHandle;
  let officePage: Page;
  let fieldPage: Page;
  let emulator: RunningEmulator | null = null;
  let meterId = 0;

  async function saved(page: Page, click: () => Promise<void>): Promise<string> {
    const download: Promise<Download> = page.waitForEvent('download', { timeout: 30_000 });
    await click();
    const d = await download;
    const path = join(work.path, d.suggestedFilename());
    await d.saveAs(path);
    return path;
  }
  async function openSync(page: Page): Promise<void> {
    await openSettingsTab(page, 'Field consoles');
    await page.click('[data-testid=field-open-sync]');
    await page.waitForSelector('[data-testid=field-sync-view]');
  }

  beforeAll(async () => {
    mkdirSync(portDir, { recursive: true });
    process.env.COOP_EXTRA_PORTS = portDir; // the field laptop's serve process sees the pty here
    [office, field] = await Promise.all([startServe(), startServe()]);
    ui = await launchBrowser();
    officePage = ui.page;
    fieldPage = await ui.context.newPage();
  });
  afterAll(async () => {
    await emulator?.stop();
    await ui?.close();
    await Promise.allSettled([office?.stop(), field?.stop()]);
    if (previousExtra === undefined) delete process.env.COOP_EXTRA_PORTS;
    else process.env.COOP_EXTRA_PORTS = previousExtra;
    work.remove();
  });

  it('the office sets itself up and enrols a laptop: the file is saved, the passphrase is said in person', async () => {
    await runSetupWizard(officePage, office.url, { coopName: 'Kaya Solar Cooperative', demo: false });
    const token = await pageToken(officePage);
    const site = await apiCall<{ id: number }>(office.url, 'sites.create', token, { name: 'Kaya North', village: 'Kaya' });
    await apiCall(office.url, 'members.create', token, { memberNo: 'M-001', fullName: 'Awa Diallo', siteId: site.id, roles: ['prosumer'], joinedOn: '2025-06-01' });
    await apiCall(office.url, 'members.create', token, { memberNo: 'M-002', fullName: 'Issa Ouedraogo', siteId: site.id, roles: ['consumer'], joinedOn: '2025-06-01' });
    await apiCall(office.url, 'meters.trust.importDemo', token, {});

    await openSettingsTab(officePage, 'Field consoles');
    await officePage.waitForSelector('[data-testid=field-office-setup]');
    await screenshot(officePage, 'field-consoles-not-set-up');
    await officePage.fill('[data-testid=field-office-label]', 'Kaya office');
    await officePage.fill('[data-testid=field-office-key]', OFFICE_KEY);
    await officePage.click('[data-testid=field-office-create]');
    await officePage.waitForSelector('[data-testid=field-enrol]');
    await officePage.fill('[data-testid=field-enrol-label]', 'Laptop of Awa');
    await officePage.fill('[data-testid=field-enrol-passphrase]', ENROL_PASS);
    const enrolment = await saved(officePage, () => officePage.click('[data-testid=field-enrol-go]'));
    await officePage.waitForSelector('[data-testid=field-enrol-handover]');
    expect(readFileSync(enrolment, 'utf8')).not.toContain(ENROL_PASS);
    await officePage.waitForSelector('[data-testid=field-consoles] td:has-text("Laptop of Awa")');
    await screenshot(officePage, 'field-consoles-office-enrolled');
    writeFileSync(join(work.path, 'enrolment-path'), enrolment);
  });

  it('the laptop accepts the enrolment (a wrong passphrase is refused first) and imports the office pack', async () => {
    await runSetupWizard(fieldPage, field.url, { coopName: 'Kaya Solar Cooperative', demo: false });
    await openSettingsTab(fieldPage, 'Field consoles');
    const enrolment = readFileSync(join(work.path, 'enrolment-path'), 'utf8');
    await fieldPage.setInputFiles('[data-testid=field-accept-file]', enrolment);
    await fieldPage.fill('[data-testid=field-accept-passphrase]', 'not what was said');
    await fieldPage.fill('[data-testid=field-accept-key]', LAPTOP_KEY);
    await fieldPage.click('[data-testid=field-accept-go]');
    await fieldPage.waitForSelector('[data-testid=field-accept-progress][data-phase=failed]');
    await screenshot(fieldPage, 'field-consoles-laptop-refused');
    await fieldPage.fill('[data-testid=field-accept-passphrase]', ENROL_PASS);
    await fieldPage.click('[data-testid=field-accept-go]');
    await waitOrShot(fieldPage, '[data-testid=field-laptop-identity]', 'field-FAILED-accept');

    // The office writes a pack for it.
    await openSync(officePage);
    await chooseOption(officePage, 'field-pack-console', 'Laptop of Awa');
    await officePage.fill('[data-testid=field-pack-passphrase]', PACK_PASS);
    await officePage.fill('[data-testid=field-pack-key]', OFFICE_KEY);
    const pack = await saved(officePage, () => officePage.click('[data-testid=field-pack-go]'));
    await officePage.waitForSelector('[data-testid=field-pack-result]');
    expect(await officePage.textContent('[data-testid=field-pack-result-members]')).toContain('2');

    await fieldPage.click('[data-testid=field-open-sync]');
    await fieldPage.setInputFiles('[data-testid=field-pack-file]', pack);
    await fieldPage.fill('[data-testid=field-pack-import-passphrase]', PACK_PASS);
    await fieldPage.click('[data-testid=field-pack-import-go]');
    await waitOrShot(fieldPage, '[data-testid=field-pack-import-result]', 'field-FAILED-pack-import');
    expect(await fieldPage.textContent('[data-testid=field-pack-import-result-members]')).toContain('2');
    await screenshot(fieldPage, 'field-sync-laptop-pack-imported');
  });

  it('a meter provisioned offline on the laptop reaches the office, verified, with the field badge', async () => {
    emulator = await startEmulator(work.path, join(work.path, 'meter.json'), ['--quiet', '--speed', '7200', '--batch-records', '4']);
    const port = join(portDir, 'ttyFIELD0');
    symlinkSync(emulator.consolePath, port);
    const fieldToken = await pageToken(fieldPage);
    const members = await apiCall<{ rows: { id: number; memberNo: string }[] }>(field.url, 'members.list', fieldToken, { status: 'all' });
    const awa = members.rows.find((m) => m.memberNo === 'M-001');
    let run = await apiCall<{ id: string; status: string; result: { meterId: number } | null }>(field.url, 'meters.provision.start', fieldToken, { portPath: port, memberId: awa?.id ?? 0 });
    for (let i = 0; i < 120 && run.status === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 500));
      run = await apiCall(field.url, 'meters.provision.status', fieldToken, { runId: run.id });
    }
    expect(run.status).toBe('succeeded');
    await new Promise((r) => setTimeout(r, 1200));
    await apiCall(field.url, 'meters.collect', fieldToken, { id: run.result?.meterId ?? 0 });
    // The technician's visit note (through the laptop's API) and a stock meter set up at Awa's house
    // with two polled values (written straight into the laptop's SQLite file, as the Modbus service
    // books them: no Modbus device is on this test's ptys).
    const fieldMeter = await apiCall<{ meter: { instanceIdHex: string } }>(field.url, 'meters.get', fieldToken, { id: run.result?.meterId ?? 0 });
    await apiCall(field.url, 'fieldSync.notes.add', fieldToken, { memberId: awa?.id ?? 0, meterInstanceIdHex: fieldMeter.meter.instanceIdHex, text: 'Meter behind the kitchen door; dog in the yard.' });
    const laptopDb = new Database(join(field.dataDir, 'coop-console.sqlite'));
    laptopDb.prepare("INSERT INTO modbus_meters (id, label, model, port_path, unit_id, member_id, created_at) VALUES (41, 'Grain mill', 'SDM120', '/dev/ttyUSB9', 1, ?, '2026-12-07T07:40:00.000Z')").run(awa?.id ?? 0);
    laptopDb.prepare("INSERT INTO audit_log (at, operator_id, action, entity, entity_id, summary) VALUES ('2026-12-07T07:40:00.000Z', (SELECT min(id) FROM operators), 'modbus.add', 'modbus_meter', '41', 'Stock meter SDM120 \"Grain mill\"')").run();
    const poll = laptopDb.prepare('INSERT INTO modbus_samples (modbus_meter_id, at, import_wh, export_wh, power_w, voltage_dv, total_wh) VALUES (41, ?, ?, 0, ?, 2301, ?)');
    poll.run('2026-12-07T07:45:00.000Z', 12_400, 850, 12_400);
    poll.run('2026-12-07T08:00:00.000Z', 12_610, 910, 12_610);
    // A relay command run on the laptop, as MeterCommandService audits it (the meter's reply as after_json).
    laptopDb.prepare("INSERT INTO audit_log (at, operator_id, action, entity, entity_id, summary, after_json) VALUES ('2026-12-07T08:05:00.000Z', (SELECT min(id) FROM operators), 'meter.relay', 'meter', ?, 'Relay opened (supply off), load limit 500 W', '{\"closed\":false,\"loadLimitW\":500}')").run(String(run.result?.meterId ?? 0));
    laptopDb.close();

    await fieldPage.fill('[data-testid=field-report-key]', LAPTOP_KEY);
    const report = await saved(fieldPage, () => fieldPage.click('[data-testid=field-report-export-go]'));
    await fieldPage.waitForSelector('[data-testid=field-report-export-result]');
    await screenshot(fieldPage, 'field-sync-laptop-report-written');

    // A tampered byte: refused with its reason, nothing booked.
    const bytes = readFileSync(report);
    bytes[bytes.length - 90] = (bytes[bytes.length - 90] ?? 0) ^ 0x01;
    const tampered = join(work.path, 'tampered.coopsync');
    writeFileSync(tampered, bytes);
    await officePage.setInputFiles('[data-testid=field-report-file]', tampered);
    await officePage.click('[data-testid=field-report-go]');
    await officePage.waitForSelector('[data-testid=field-report-progress-refusal]');
    await screenshot(officePage, 'field-sync-office-refused');
    // The refused run's bar is marked: the next run must draw its own bar, not animate this red one.
    const refusedRun = await officePage.getAttribute('[data-testid=field-report-progress]', 'data-run');
    await officePage.$eval('[data-testid=field-report-progress] .n-progress--error', (bar) => bar.setAttribute('data-refused-bar', ''));

    await officePage.setInputFiles('[data-testid=field-report-file]', report);
    await officePage.click('[data-testid=field-report-go]');
    await waitOrShot(officePage, '[data-testid=field-report-result]', 'field-FAILED-report-import');
    expect(await officePage.getAttribute('[data-testid=field-report-progress]', 'data-phase')).toBe('done');
    expect(Number(await officePage.getAttribute('[data-testid=field-report-progress]', 'data-run'))).toBe(Number(refusedRun) + 1);
    expect(await officePage.locator('[data-testid=field-report-progress] [data-refused-bar]').count()).toBe(0);
    expect(await officePage.locator('[data-testid=field-report-progress] .n-progress--error').count()).toBe(0);
    expect(await officePage.locator('[data-testid=field-report-progress] .n-progress--success').count()).toBe(1);
    // Drawn at its end state, not sliding there from the run's start (nor from the refused red bar).
    expect(await officePage.$eval('[data-testid=field-report-progress] .n-progress-graph-line-fill', (fill) => fill.getAnimations().length)).toBe(0);
    expect(await officePage.textContent('[data-testid=field-report-result-meters]')).toContain('1');
    // What the report brought, listed with its origin.
    expect(await officePage.locator('[data-testid=field-report-brought-note]').count()).toBe(1);
    expect(await officePage.textContent('[data-testid=field-report-brought-stock]')).toContain('Grain mill');
    expect(await officePage.textContent('[data-testid=field-report-brought-stock-reading]')).toMatch(/12[.,]61 kWh/);
    expect(await officePage.textContent('[data-testid=field-report-brought-command]')).toContain('Supply switched off');
    await screenshot(officePage, 'field-sync-office-report-booked');

    await officePage.click('[data-testid=nav-meters]');
    const officeToken = await pageToken(officePage);
    const listed = await apiCall<{ id: number }[]>(office.url, 'meters.list', officeToken, {});
    meterId = listed[0]?.id ?? 0;
    await waitOrShot(officePage, `[data-testid=field-origin-meter-${meterId}]`, 'field-FAILED-badge');
    expect(await officePage.textContent(`[data-testid=field-origin-meter-${meterId}]`)).toContain('Laptop of Awa');
    await screenshot(officePage, 'field-sync-meters-badge');
    await officePage.click(`[data-testid=meter-row-${meterId}]`);
    await officePage.waitForSelector(`[data-testid=field-origin-meter-${meterId}]`);
    await screenshot(officePage, 'field-sync-meter-detail-badge');
    expect(await officePage.textContent('[data-testid=meter-from-field]')).toContain('Meter behind the kitchen door');
    await officePage.locator('[data-testid=meter-from-field]').scrollIntoViewIfNeeded();
    await screenshot(officePage, 'field-sync-meter-from-field');

    // The member's "From the field" tab: the note and the stock meter, each with laptop, technician, when; EN then FR.
    const officeMembers = await apiCall<{ rows: { id: number; memberNo: string }[] }>(office.url, 'members.list', officeToken, { status: 'all' });
    const awaAtOffice = officeMembers.rows.find((m) => m.memberNo === 'M-001')?.id ?? 0;
    await officePage.goto(`${office.url}#/members/${awaAtOffice}`);
    await officePage.waitForSelector('[data-testid=member-title]');
    await officePage.click('[data-testid=member-tab-field-title]');
    await officePage.waitForSelector('.n-tabs-tab--active [data-testid=member-tab-field-title]');
    await waitOrShot(officePage, '[data-testid=member-from-field-stock]', 'field-FAILED-member-tab');
    const tab = (await officePage.textContent('[data-testid=member-tab-field]')) ?? '';
    expect(tab).toContain('Meter behind the kitchen door; dog in the yard.');
    expect(tab).toContain('Laptop of Awa');
    expect(tab).toContain('Grain mill');
    expect(tab).toContain('Supply switched off');
    // The stock meter's values polled on the laptop, charted and marked unattested.
    expect(await paintedPixels(officePage, 'member-from-field-stock-chart')).toBeGreaterThan(1000);
    expect(await officePage.textContent('[data-testid=member-from-field-stock-chart-unattested]')).toBe('Unattested');
    // This page is not the browser's front tab: without a scroll its picture can be an older frame (the profile tab).
    await officePage.locator('[data-testid=member-tab-field]').scrollIntoViewIfNeeded();
    await screenshot(officePage, 'field-sync-member-from-field');
    await chooseLocale(officePage, 'fr');
    await officePage.waitForSelector('[data-testid=member-tab-field] :text("Notes de visite")');
    expect(await officePage.textContent('[data-testid=member-from-field-stock-reading]')).toMatch(/12,61\s?kWh/);
    expect(await officePage.textContent('[data-testid=member-from-field-command]')).toContain('Alimentation coupée');
    expect(await officePage.textContent('[data-testid=member-from-field-stock-chart]')).toContain('Non attesté');
    await screenshot(officePage, 'field-sync-member-from-field-fr');
    await chooseLocale(officePage, 'en');
  });

  it('shows a conflict with both versions, decided by the operator; the console list shows it pending until then', async () => {
    // Meanwhile the office recorded the same meter for another member (written straight into the
    // office's SQLite file: the office has no screen that moves a meter, a second laptop would).
    const db = new Database(join(office.dataDir, 'coop-console.sqlite'));
    db.prepare("UPDATE meters SET member_id = (SELECT id FROM members WHERE member_no = 'M-002'), provisioning_id = 'office-visit-7'").run();
    db.close();
    await fieldPage.fill('[data-testid=field-report-key]', LAPTOP_KEY);
    const report = await saved(fieldPage, () => fieldPage.click('[data-testid=field-report-export-go]'));
    await openSync(officePage);
    await officePage.setInputFiles('[data-testid=field-report-file]', report);
    await officePage.click('[data-testid=field-report-go]');
    await officePage.waitForSelector('[data-testid=field-report-result]');
    expect(await officePage.textContent('[data-testid=field-report-result-conflicts]')).toContain('1');
    const conflict = await officePage.waitForSelector('[data-testid^=field-conflict-]:not([data-testid=field-conflicts-none])');
    const text = (await conflict.textContent()) ?? '';
    expect(text).toContain('Awa Diallo (M-001)');
    expect(text).toContain('Issa Ouedraogo (M-002)');
    await screenshot(officePage, 'field-sync-office-conflict');

    await openSettingsTab(officePage, 'Field consoles');
    await officePage.waitForSelector('[data-testid^=field-console-pending-]');
    await screenshot(officePage, 'field-consoles-office-pending');

    await chooseLocale(officePage, 'fr');
    await officePage.click('[data-testid=field-open-sync]');
    await officePage.waitForSelector('[data-testid=field-conflicts] :text("Garder la version du terrain")');
    await screenshot(officePage, 'field-sync-office-conflict-fr');
    await officePage.click('[data-testid^=field-conflict-keep-field-]');
    await officePage.waitForSelector('[data-testid=field-conflicts-none]');
    await chooseLocale(officePage, 'en');
    const officeToken = await pageToken(officePage);
    const meter = await apiCall<{ meter: { memberName: string } }>(office.url, 'meters.get', officeToken, { id: meterId });
    expect(meter.meter.memberName).toBe('Awa Diallo');
  });

  it('pairs the laptop over the network with the same code on both screens, then syncs from the sync screen', async () => {
    await openSync(officePage);
    await officePage.fill('[data-testid=field-lan-key]', OFFICE_KEY);
    await officePage.click('[data-testid=field-lan-accept]');
    await waitOrShot(officePage, '[data-testid=field-lan-open]', 'field-FAILED-lan-accept');
    await fieldPage.fill('[data-testid=field-lan-url]', office.url);
    await fieldPage.click('[data-testid=field-lan-pair]');
    await waitOrShot(fieldPage, '[data-testid=field-lan-code]', 'field-FAILED-lan-pair');
    await waitOrShot(officePage, '[data-testid=field-lan-code]', 'field-FAILED-lan-office-code');
    const [onLaptop, atOffice] = [await fieldPage.textContent('[data-testid=field-lan-code]'), await officePage.textContent('[data-testid=field-lan-code]')];
    expect(onLaptop).toMatch(/^\d{6}$/);
    expect(atOffice).toBe(onLaptop);
    const lanCard = (page: Page) => page.locator('[data-testid=field-lan]').evaluate((card) => card.scrollIntoView({ block: 'end' }));
    await lanCard(fieldPage);
    await screenshot(fieldPage, 'field-sync-lan-laptop-code');
    await lanCard(officePage);
    await screenshot(officePage, 'field-sync-lan-office-code');
    await officePage.click('[data-testid=field-lan-match]');
    await fieldPage.click('[data-testid=field-lan-match]');
    await fieldPage.fill('[data-testid=field-lan-key]', LAPTOP_KEY);
    await fieldPage.click('[data-testid=field-lan-sync]');
    await waitOrShot(fieldPage, '[data-testid=field-lan-pack-result]', 'field-FAILED-lan-sync');
    expect(await fieldPage.textContent('[data-testid=field-lan-pack-result-members]')).toContain('2');
    await lanCard(fieldPage);
    await screenshot(fieldPage, 'field-sync-lan-laptop-synced');
    await chooseLocale(fieldPage, 'fr');
    await fieldPage.waitForSelector('[data-testid=field-lan] :text("Synchroniser par le réseau")');
    await lanCard(fieldPage);
    await screenshot(fieldPage, 'field-sync-lan-laptop-fr');
  });
});
