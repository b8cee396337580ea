// Small UI steps shared by the e2e files, named after what an operator does.
import type { Page } from 'playwright-core';
import { screenshot } from './browser.js';

export const ADMIN = { username: 'admin', displayName: 'Amina Wanjiru', password: 'correct-horse-battery' };

/**
 * The first-run wizard as a new administrator goes through it. With `ledgerPassphrase` the ledger
 * step creates the cooperative's keys (the set-up then runs in the background); without, "Later".
 */
export async function runSetupWizard(page: Page, url: string, opts: { coopName: string; demo: boolean; screenshots?: string; ledgerPassphrase?: string }): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('[data-testid=setup-wizard]');
  await page.fill('[data-testid=setup-coop-name]', opts.coopName);
  await page.click('[data-testid=setup-next]');
  await page.fill('[data-testid=setup-username]', ADMIN.username);
  await page.fill('[data-testid=setup-display-name]', ADMIN.displayName);
  await page.fill('[data-testid=setup-password]', ADMIN.password);
  await page.fill('[data-testid=setup-confirm]', ADMIN.password);
  if (opts.screenshots) await screenshot(page, `${opts.screenshots}-admin`);
  await page.click('[data-testid=setup-next]');
  const ledger = await page.waitForSelector('[data-testid=setup-ledger]:not([data-state=loading])', { timeout: 30_000 });
  if (opts.screenshots) await screenshot(page, `${opts.screenshots}-ledger`);
  const state = await ledger.getAttribute('data-state');
  if (state === 'new' && opts.ledgerPassphrase) {
    await page.fill('[data-testid=setup-ledger-passphrase]', opts.ledgerPassphrase);
    await page.fill('[data-testid=setup-ledger-confirm]', opts.ledgerPassphrase);
    await page.click('[data-testid=setup-ledger-create]');
    // Creating the keystore runs scrypt on purpose slowly (≈ 20 s on a loaded CI machine).
    await page.waitForSelector('[data-testid=setup-ledger][data-state=created]', { timeout: 60_000 });
    if (opts.screenshots) await screenshot(page, `${opts.screenshots}-ledger-created`);
    await page.click('[data-testid=setup-ledger-next]');
  } else {
    await page.click(state === 'new' ? '[data-testid=setup-ledger-later]' : '[data-testid=setup-ledger-next]');
  }
  if (opts.screenshots) await screenshot(page, `${opts.screenshots}-start`);
  await page.click(opts.demo ? '[data-testid=setup-load-demo]' : '[data-testid=setup-start-empty]');
  await page.waitForSelector('[data-testid=dashboard]');
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.fill('[data-testid=login-username]', username);
  await page.fill('[data-testid=login-password]', password);
  await page.click('[data-testid=login-submit]');
}

/**
 * Signs in and waits until the console answered and showed why it refused. Waiting for the answer
 * first matters when the same refusal is already on screen from the attempt before.
 */
export async function signInRefused(page: Page, username: string, password: string, reason: string) {
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/call/session.login'));
  await signIn(page, username, password);
  await answered;
  return page.waitForSelector(`[data-testid=login-error]:has-text("${reason}")`);
}

/** The session token the page holds (sessionStorage), to call the HTTP API as the same operator. */
export async function pageToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => sessionStorage.getItem('coop.session'));
  if (!token) throw new Error('The page holds no session token');
  return token;
}

/** The members count the list shows once it finished loading. */
export async function shownMemberCount(page: Page): Promise<number> {
  const handle = await page.waitForSelector('[data-testid=members-count]:not([data-count=""])');
  return Number(await handle.getAttribute('data-count'));
}

export async function waitForMemberCount(page: Page, expected: number): Promise<void> {
  await page.waitForSelector(`[data-testid=members-count][data-count="${expected}"]`);
}

/** How long a chart's canvas must stay unchanged to count as drawn (ECharts animates its draws). */
const CHART_SETTLED_MS = 500;

/**
 * Counts canvas pixels that are not fully transparent inside a chart container, once the chart has
 * settled: the count is read until it stayed the same for CHART_SETTLED_MS (a fixed pause was too
 * short on a loaded machine and read a half-animated or not yet drawn canvas).
 */
export async function paintedPixels(page: Page, containerTestId: string): Promise<number> {
  await page.waitForSelector(`[data-testid=${containerTestId}] canvas`);
  // A fresh key per call: the settle state of an earlier call on the same chart must not count.
  const key = `${containerTestId}:${Date.now()}:${Math.random()}`;
  const settled = await page.waitForFunction(
    ({ id, key, settleMs }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid=${id}] canvas`);
      const ctx = canvas?.getContext('2d');
      let painted = 0;
      if (canvas && ctx && canvas.width > 0 && canvas.height > 0) {
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
      }
      const store = window as unknown as { __chartSettle?: Record<string, { painted: number; since: number }> };
      const seen = (store.__chartSettle ??= {});
      const now = performance.now();
      const last = seen[key];
      if (!last || last.painted !== painted) {
        seen[key] = { painted, since: now };
        return false;
      }
      return now - last.since >= settleMs ? { painted } : false;
    },
    { id: containerTestId, key, settleMs: CHART_SETTLED_MS },
    { polling: 100, timeout: 20_000 },
  );
  const { painted } = (await settled.jsonValue()) as { painted: number };
  return painted;
}

/** Switches the console's language and waits until it applied (translations load asynchronously). */
export async function chooseLocale(page: Page, locale: 'en' | 'fr'): Promise<void> {
  await page.click(`[data-testid=locale-${locale}]`);
  await page.waitForSelector(`html[lang=${locale}]`, { state: 'attached' });
  // The header re-flows in the other language: the pointer left where the switch was can end up on
  // the theme button, whose tooltip then covers the page's top-right buttons. Park it aside.
  await page.mouse.move(1, 600);
}

/** Opens Settings on the tab with this (English) label. */
export async function openSettingsTab(page: Page, tabLabel: string): Promise<void> {
  await page.click('[data-testid=nav-settings]');
  await page.click(`.n-tabs-tab:has-text("${tabLabel}")`);
  // The tab's pane is shown only once it is the active tab (a click on a loaded machine can land before).
  await page.waitForSelector(`.n-tabs-tab--active:has-text("${tabLabel}")`);
}

/** Waits for a selector; on failure keeps a screenshot (`<name>.png`) of what the page showed instead. */
export async function waitOrShot(page: Page, selector: string, name: string, timeout = 15_000) {
  try {
    return await page.waitForSelector(selector, { timeout });
  } catch (error) {
    await screenshot(page, name);
    throw error;
  }
}

/** Picks an option of a naive-ui NSelect by its visible label. */
export async function chooseOption(page: Page, selectTestId: string, label: string): Promise<void> {
  await page.click(`[data-testid=${selectTestId}]`);
  await page.click(`.n-base-select-option:has-text("${label}")`);
}
