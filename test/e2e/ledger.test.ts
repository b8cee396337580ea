// The Ledger in real Chromium against real serve mode with the real embedded node: set up the
// cooperative, open the Ledger, watch the connection reach Ready with a live block number, create
// the keystore (a mismatch refused first), see the set-up finish and the accounts with balances,
// anchor a test record through the outbox and verify it on chain; lock (the note says nothing goes
// on chain) and unlock with a wrong then the right passphrase; screenshots in light and dark, en+fr.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall, type ServeHandle } from './support/serve.js';
import { screenshot, type BrowserHandle } from './support/browser.js';
import { closeConsole, openConsole } from './support/console.js';
import { chooseLocale, pageToken, paintedPixels, runSetupWizard, waitOrShot as waitOrShotOn } from './support/ui.js';
import { WebSocketServer } from 'ws';
import polkadotMetadata from '@polkadot/types-support/metadata/static-polkadot';

const PASSPHRASE = 'mlima ridge solar 2026';
/** Creating or unlocking the keystore runs scrypt once per key, on purpose slow: on a loaded 2-core CI machine it took ≈ 20 s. */
const KEYSTORE_TIMEOUT = 60_000;

describe('ledger (serve mode with the embedded node, Chromium)', () => {
  let serve: ServeHandle;
  let ui: BrowserHandle;
  let page: Page;
  let dataDir = '';

  /** Waits for a selector; on failure keeps a screenshot (ledger-FAILED-<name>) of what the page showed. */
  const waitOrShot = (selector: string, name: string, timeout = 20_000) => waitOrShotOn(page, selector, `ledger-FAILED-${name}`, timeout);
  /** Brings the tabbed tables into view for a screenshot (the cards above take the first screen). */
  const showTabs = () => page.evaluate(() => document.querySelector('[data-testid=ledger-tab-outbox]')?.scrollIntoView({ block: 'start' }));
  /**
   * Opens Settings → Chain once its form holds the saved choice: the panel loads it asynchronously and
   * would overwrite a mode clicked earlier. Its last load step (the key list) is requested only after
   * the choice was applied, so that answer proves it.
   */
  const openChainSettings = async (opener = '[data-testid=nav-settings]') => {
    const loaded = page.waitForResponse((response) => response.url().endsWith('/api/call/chain.keystore.keys'));
    await page.click(opener);
    await page.click('.n-tabs-tab:has-text("Chain")');
    await loaded;
    await waitOrShot('[data-testid=chain-settings]', 'chain-settings');
  };
  /** Saves a chain choice and waits until the console finished switching and reloading its status. */
  const saveChainChoice = async (mode: 'embedded' | 'off') => {
    await page.click(`[data-testid=chain-mode-${mode}]`);
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/call/chain.settings.setEndpoint'), { timeout: 60_000 });
    await page.click('[data-testid=chain-save]');
    await answered;
    await waitOrShot('[data-testid=chain-save]:not(.n-button--loading)', `save-${mode}`, 60_000);
  };
  /** Opens the Ledger and waits for its own fresh load: until then it shows the status it kept from before. */
  const openLedger = async (name: string) => {
    await page.click('[data-testid=nav-ledger]');
    await waitOrShot('[data-testid=ledger-refresh]:not(.n-button--loading)', `open-${name}`, 30_000);
  };
  const noRawKeys = async () => expect((await page.textContent('[data-testid=ledger-view]')) ?? '').not.toMatch(/\bledger\.[a-z][a-zA-Z_]*\./);

  beforeAll(async () => {
    ({ serve, ui, page } = await openConsole({ chain: 'embedded' }));
    dataDir = serve.dataDir;
  }, 60_000);
  afterAll(async () => {
    await closeConsole({ ui, serve });
    let left = '';
    try {
      left = execFileSync('pgrep', ['-fa', join(dataDir, 'chain')], { encoding: 'utf8' }).trim();
    } catch {
      left = '';
    }
    expect(left, 'serve mode must stop its node').toBe('');
  }, 30_000);

  it('opens the Ledger: the connection reaches Ready and the latest block is shown live', async () => {
    await runSetupWizard(page, serve.url, { coopName: 'Mlima Energy Cooperative', demo: false });
    await page.click('[data-testid=nav-ledger]');
    await waitOrShot('[data-testid=ledger-strip]', 'strip');
    expect(await page.textContent('[data-testid=ledger-node-kind]')).toContain('Embedded node');
    const started = Date.now();
    await waitOrShot('[data-testid=ledger-connection][data-state=ready]', 'ready', 60_000);
    const block = await waitOrShot('[data-testid=ledger-block]:not([data-block=""])', 'block');
    console.log(`Ledger showed Ready ${Date.now() - started} ms after opening; block ${await block.getAttribute('data-block')}`);
    expect(await page.textContent('[data-testid=ledger-endpoint]')).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(await page.getAttribute('[data-testid=ledger-keystore]', 'data-state')).toBe('new');
    await noRawKeys();
    await screenshot(page, 'ledger-new-keystore');
  });

  it('creates the keystore; the set-up runs by itself and the accounts show balances and assets', async () => {
    await page.fill('[data-testid=keystore-passphrase]', PASSPHRASE);
    await page.fill('[data-testid=keystore-confirm]', `${PASSPHRASE}x`);
    expect(await page.isDisabled('[data-testid=keystore-create]')).toBe(true);
    expect(await page.textContent('[data-testid=ledger-keystore]')).toContain('The two passphrases differ.');
    await page.fill('[data-testid=keystore-confirm]', PASSPHRASE);
    await page.click('[data-testid=keystore-create]');
    await waitOrShot('[data-testid=ledger-keystore][data-state=unlocked]', 'unlocked', KEYSTORE_TIMEOUT);
    await waitOrShot('[data-testid=ledger-bootstrap][data-state=done]', 'bootstrap', 90_000);
    await waitOrShot('[data-testid=ledger-balance-treasury]', 'balances', 20_000);
    // The accounts may first show from a fetch made before the set-up finished; the refetch the
    // finished set-up triggers (debounced) brings the funded balance and the assets.
    await expect.poll(async () => BigInt((await page.getAttribute('[data-testid=ledger-balance-treasury]', 'data-free')) ?? '0'), { timeout: 20_000 }).toBeGreaterThan(0n);
    await expect.poll(() => page.textContent('[data-testid=ledger-account-issuer]'), { timeout: 20_000 }).toMatch(/EC-[A-Z]{3}/);
    expect(await page.textContent('[data-testid=ledger-account-issuer]')).toContain('GREEN');
    // The set-up transaction shows in the transactions table, finalized, with its block.
    await waitOrShot('[data-testid=ledger-transactions] td:has-text("bootstrap")', 'tx-bootstrap');
    // Its row first shows an earlier status; the finalization arrives as a later event.
    await expect.poll(() => page.textContent('[data-testid=ledger-transactions]'), { timeout: 30_000 }).toContain('finalized');
  });

  it('anchors a test record through the outbox and verifies it on chain', async () => {
    await page.click('[data-testid=ledger-tab-anchors]');
    await page.click('[data-testid=anchor-test]');
    const status = await waitOrShot('[data-testid^=anchor-status-][data-status=finalized]', 'anchor-finalized', 30_000);
    const id = ((await status.getAttribute('data-testid')) ?? '').replace('anchor-status-', '');
    await page.click(`[data-testid=anchor-verify-${id}]`);
    const verdict = await waitOrShot(`[data-testid=anchor-verdict-${id}]`, 'verdict');
    expect(await verdict.getAttribute('data-valid')).toBe('true');
    expect(await verdict.textContent()).toMatch(/Verified on chain \(block \d+\)/);
    await showTabs();
    await screenshot(page, 'ledger-anchor-verified');

    await page.click('[data-testid=ledger-tab-outbox]');
    await waitOrShot('[data-testid=outbox-table] [data-status=finalized]', 'outbox-finalized');
    expect(await paintedPixels(page, 'outbox-chart')).toBeGreaterThan(200);
    const retried = page.waitForResponse((response) => response.url().endsWith('/api/call/chain.outbox.retry'));
    await page.click('[data-testid=outbox-retry-now]');
    await retried; // its answer replaces the outbox list: let it land before the next test queues more
    await page.waitForSelector('[data-testid=outbox-retry-now]:not(.n-button--loading)');
    await page.evaluate(() => document.querySelector('[data-testid=ledger-view]')?.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'ledger-light');
    await showTabs();
    await screenshot(page, 'ledger-light-outbox');
    await noRawKeys();
  });

  it('locks the keystore (nothing goes on chain, said plainly) and unlocks after a wrong passphrase', async () => {
    await page.click('[data-testid=keystore-lock]');
    const note = await waitOrShot('[data-testid=keystore-locked-note]', 'locked');
    expect(await note.textContent()).toContain('Nothing goes on chain until it is unlocked');
    // A record queued while locked waits in the outbox, and the outbox says why.
    const token = await pageToken(page);
    await apiCall(serve.url, 'chain.anchors.create', token, { subject: 'notes', records: [{ key: 'while-locked', data: 'queued while the keystore was locked' }] });
    await waitOrShot('[data-testid=outbox-waiting]', 'outbox-waiting');
    expect(await page.textContent('[data-testid=outbox-waiting]')).toContain('keystore is locked');
    await screenshot(page, 'ledger-locked');

    await page.fill('[data-testid=keystore-unlock-passphrase]', 'not the right one');
    await page.click('[data-testid=keystore-unlock]');
    const error = await waitOrShot('[data-testid=keystore-error]', 'wrong-passphrase', KEYSTORE_TIMEOUT);
    expect(await error.textContent()).toContain('passphrase is wrong');
    await page.fill('[data-testid=keystore-unlock-passphrase]', PASSPHRASE);
    await page.click('[data-testid=keystore-unlock]');
    await waitOrShot('[data-testid=ledger-keystore][data-state=unlocked]', 'unlocked-again', KEYSTORE_TIMEOUT);
    await page.waitForSelector('[data-testid=outbox-waiting]', { state: 'detached', timeout: 30_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=outbox-table] [data-status=finalized]').length >= 2, undefined, { timeout: 30_000 });
  });

  it('refuses, in Settings → Chain, an external endpoint that lacks pallets, naming them', async () => {
    // A loopback endpoint serving the real Polkadot relay metadata (no Assets, no Uniques).
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    server.on('connection', (ws) =>
      ws.on('message', (raw) => {
        const request = JSON.parse(raw.toString()) as { id: number; method: string };
        ws.send(JSON.stringify(request.method === 'state_getMetadata' ? { jsonrpc: '2.0', id: request.id, result: polkadotMetadata } : { jsonrpc: '2.0', id: request.id, error: { code: -32601, message: 'Method not found' } }));
      }),
    );
    const address = server.address();
    const url = `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      await openChainSettings();
      await page.click('[data-testid=chain-mode-external]');
      await page.fill('[data-testid=chain-endpoint]', url);
      await page.click('[data-testid=chain-save]');
      const error = await waitOrShot('[data-testid=chain-endpoint-error]', 'endpoint-refused');
      expect(await error.textContent()).toContain('Assets (pallet)');
      expect(await error.textContent()).toContain('Uniques (pallet)');
      await expect.poll(() => page.textContent('[data-testid=chain-keys]')).toMatch(/Cooperative treasury/);
      await screenshot(page, 'ledger-settings-refused');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    // Nothing changed: still the embedded node, still ready.
    await openLedger('still-ready');
    await waitOrShot('[data-testid=ledger-connection][data-state=ready]', 'still-ready');
    expect(await page.textContent('[data-testid=ledger-node-kind]')).toContain('Embedded node');
  });

  it('renders in dark and in French', async () => {
    await page.click('[data-testid=theme-toggle]');
    await page.waitForSelector('[data-testid=app-root][data-theme=dark]');
    await page.click('[data-testid=ledger-tab-anchors]');
    await screenshot(page, 'ledger-dark');
    await showTabs();
    await screenshot(page, 'ledger-dark-anchors');
    await chooseLocale(page, 'fr');
    await page.waitForSelector('[data-testid=ledger-view] h2:has-text("Registre")');
    await page.click('[data-testid=ledger-tab-outbox]');
    expect(await page.textContent('[data-testid=ledger-connection]')).toBe('Prête');
    await screenshot(page, 'ledger-dark-fr');
    await noRawKeys();
    await chooseLocale(page, 'en');
    await page.click('[data-testid=theme-toggle]');
    await page.waitForSelector('[data-testid=app-root][data-theme=light]');
    expect(ui.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });

  it('says plainly when the chain is off and how to turn it on; turning it back on resumes the node', async () => {
    await openChainSettings();
    await saveChainChoice('off');
    await openLedger('off');
    const off = await waitOrShot('[data-testid=ledger-off]', 'off');
    expect(await off.textContent()).toContain('The chain is off');
    expect(await off.textContent()).toContain('Settings → Chain');
    expect(await page.getAttribute('[data-testid=ledger-view]', 'data-mode')).toBe('off');
    await screenshot(page, 'ledger-off');

    await openChainSettings('[data-testid=ledger-open-settings]');
    await saveChainChoice('embedded');
    await openLedger('embedded-again');
    await waitOrShot('[data-testid=ledger-connection][data-state=ready]', 'ready-again', 60_000);
    // Keys are wiped on a switch: the keystore is locked again, and the accounts are still there.
    expect(await page.getAttribute('[data-testid=ledger-keystore]', 'data-state')).toBe('locked');
    await waitOrShot('[data-testid=ledger-balance-treasury]', 'balances-again');
  });
});
