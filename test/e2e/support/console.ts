// What every screen test starts from: serve mode on a fresh data folder and a fresh Chromium on it;
// closed in the opposite order (browser first, so the server never sees a half-closed page).
import type { Page } from 'playwright-core';
import { startServe, type ServeHandle, type ServeOptions } from './serve.js';
import { launchBrowser, type BrowserHandle } from './browser.js';

export interface ConsoleUnderTest {
  readonly serve: ServeHandle;
  readonly ui: BrowserHandle;
  readonly page: Page;
}

/**
 * A week of demo readings in the e2e runs (the product's demo brings the previous month and this one
 * so far, ~20 s more in the background): the screens under test read the same either way.
 */
export const E2E_DEMO_DAYS = 7;

/** `browserTimeZone`: the browser's time zone (the set-up wizard proposes it as the cooperative's). */
export async function openConsole(options: ServeOptions & { readonly browserTimeZone?: string } = {}): Promise<ConsoleUnderTest> {
  const { browserTimeZone, ...serveOptions } = options;
  const serve = await startServe(serveOptions);
  try {
    const ui = await launchBrowser(browserTimeZone ? { timeZoneId: browserTimeZone } : {});
    return { serve, ui, page: ui.page };
  } catch (error) {
    await serve.stop();
    throw error;
  }
}

/** Safe to call with what a failed beforeAll left unset. */
export async function closeConsole(opened: { ui?: BrowserHandle; serve?: ServeHandle }): Promise<void> {
  await opened.ui?.close();
  await opened.serve?.stop();
}
