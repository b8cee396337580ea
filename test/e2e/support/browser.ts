// Real headless Chromium (Debian's) driven by playwright-core, with a fresh profile per launch.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '..', '..', '..', 'test-results', 'screenshots');

export interface BrowserHandle {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and page errors seen so far (CSP violations show up here). */
  readonly errors: string[];
  close(): Promise<void>;
}

/** `timeZoneId`: the page's time zone (IANA), e.g. so the set-up wizard proposes the villages' own; default the machine's. */
export async function launchBrowser(options: { timeZoneId?: string } = {}): Promise<BrowserHandle> {
  const profile = mkdtempSync(join(tmpdir(), 'coop-chromium-'));
  // A persistent context is how playwright takes an explicit --user-data-dir (a fresh temp folder).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1366, height: 860 },
    acceptDownloads: true,
    locale: 'en-GB',
    ...(options.timeZoneId ? { timezoneId: options.timeZoneId } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // Park the mouse and let menu/modal transitions finish, so the picture shows the settled screen.
  await page.mouse.move(1, 600);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}
