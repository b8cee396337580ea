// Issue 12's "done when", end to end on the demo village: the office settles, approves and posts last
// month (through the API: the screens of that are month-end's), the embedded chain node anchors the
// period and mints the green tokens; then at a portrait kiosk (serve --kiosk on the same data folder,
// asking the same node) a member who earned tokens signs in with the code of their member card (typed
// like a USB scanner does), sees last month's statement, verifies it against the chain (the block is
// shown; the time from the press to the answer is printed), redeems tokens for credit (the balance goes
// up) and is signed out by the idle timer (?idle=SECONDS, the kiosk's test hook) with the screen
// cleared. Last, an auditor verifies the same member's statement from its PDF alone with
// `npm run verify-statement` (exit 0), and the same PDF with one digit of its statement data altered
// fails (exit 1, the reason printed). Screenshots kiosk-month-* in English and French.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { blake2AsU8a, encodeAddress } from '@polkadot/util-crypto';
import { setFreeBalances } from '../../src-main/core/chain/dev-funding.js';
import type { ChainStatusView, MemberTokens, SettlementDetail, SettlementPeriod, StatementPdf } from '../../src-main/contract/index.js';
import { apiCall, startServe, type ServeHandle } from './support/serve.js';
import { launchBrowser, screenshot, SCREENSHOT_DIR, type BrowserHandle } from './support/browser.js';
import { E2E_DEMO_DAYS } from './support/console.js';
import { ADMIN, chooseLocale, waitOrShot as waitOrShotOn } from './support/ui.js';
import { until } from '../support/until.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PASSPHRASE = 'kianjege kiosk month';
/** An own-wallet address per member (no secret exists for it: it only ever receives). */
const walletOf = (memberId: number) => encodeAddress(blake2AsU8a(`coop-e2e-kiosk-month:${memberId}`, 256), 42);
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** `npm run verify-statement -- …` as an auditor runs it (Node 22 first on the PATH, as in CI). */
function verifyStatement(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', 'verify-statement', '--', ...args], {
      cwd: ROOT, env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => done({ code, out, err }));
  });
}

/**
 * The same PDF with one digit of its attached statement data changed (the first line's amount): the
 * embedded-file stream is inflated, the digit changed, deflated back and its /Length rewritten. The
 * visible pages are untouched, as a forger who edits only the data would leave them.
 */
function alterOneDigit(pdf: Buffer): { pdf: Buffer; from: string; to: string } {
  const text = pdf.toString('latin1');
  const at = text.indexOf('/Type /EmbeddedFile');
  const dictStart = text.lastIndexOf('<<', at);
  const streamAt = text.indexOf('stream', at);
  const dict = text.slice(dictStart, streamAt);
  const length = Number(/\/Length (\d+)/.exec(dict)![1]);
  let start = streamAt + 'stream'.length;
  if (text[start] === '\r') start += 1;
  if (text[start] === '\n') start += 1;
  const json = inflateSync(pdf.subarray(start, start + length)).toString('utf8');
  const amount = /"amountMinor":(-?\d+)/.exec(json)!;
  const digits = amount[1]!;
  const last = digits.at(-1)!;
  const changed = digits.slice(0, -1) + (last === '9' ? '8' : String(Number(last) + 1));
  const altered = deflateSync(Buffer.from(json.slice(0, amount.index) + `"amountMinor":${changed}` + json.slice(amount.index + amount[0].length), 'utf8'));
  const newDict = dict.replace(/\/Length \d+/, `/Length ${altered.length}`);
  return {
    pdf: Buffer.concat([pdf.subarray(0, dictStart), Buffer.from(newDict, 'latin1'), pdf.subarray(streamAt, start), altered, pdf.subarray(start + length)]),
    from: digits,
    to: changed,
  };
}

describe('issue 12 done: a member at the kiosk with last month posted on the chain, and an auditor with the PDF', () => {
  let office: ServeHandle;
  let kiosk: ServeHandle;
  let ui: BrowserHandle;
  let page: Page;
  let token = '';
  let endpoint = '';
  let periodId = 0;
  let blockNumber = 0;
  let member = { id: 0, memberNo: '', name: '' };
  let card = '';
  let api: ApiPromise | undefined;
  const call = <T>(channel: string, input: unknown) => apiCall<T>(office.url, channel, token, input);
  const waitOrShot = (selector: string, name: string, timeout = 20_000) => waitOrShotOn(page, selector, `kiosk-month-FAILED-${name}`, timeout);

  beforeAll(async () => {
    const t0 = Date.now();
    const took = (what: string) => console.log(`kiosk-month: ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    office = await startServe({ chain: 'embedded', demoDays: E2E_DEMO_DAYS });
    token = (await apiCall<{ token: string }>(office.url, 'setup.initialize', null, {
      cooperative: { name: 'Valley Energy Cooperative', currency: 'KES', timezone: 'Africa/Nairobi', locale: 'en' },
      admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
    })).token;
    const keystore = call('chain.keystore.initialize', { passphrase: PASSPHRASE });
    await call('setup.loadDemo', {});
    await keystore;
    const db = new Database(join(office.dataDir, 'coop-console.sqlite'), { readonly: true });
    try {
      db.pragma('busy_timeout = 5000');
      const yesterday = isoDay(new Date(Date.now() - 86_400_000));
      await until('the demo village flows up to yesterday', async () => ((db.prepare(`SELECT COUNT(*) AS n FROM energy_member_days WHERE day >= ?`).get(yesterday) as { n: number }).n > 0 ? true : null), 170_000);
      took('demo flows');
      const ridge = (db.prepare(`SELECT id FROM sites ORDER BY id LIMIT 1`).get() as { id: number }).id;
      const now = new Date();
      const from = isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
      const to = isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)));
      periodId = (await call<SettlementPeriod>('settlements.run', { siteId: ridge, from, to })).id;
      took('settled');
      await until('the cooperative set up on chain', async () => ((await call<ChainStatusView>('chain.status', {}).catch(() => null))?.bootstrap.state === 'done' ? true : null), 120_000);
      took('chain set-up');
      // Every member of the period records an own wallet (the mint and the credits go there); an
      // account must exist on chain to receive an asset: the embedded node's dev funding, one block.
      const members = (await call<SettlementDetail>('settlements.get', { id: periodId })).members;
      for (const m of members) await call('memberAccounts.linkExternal', { memberId: m.memberId, address: walletOf(m.memberId) });
      endpoint = (await call<ChainStatusView>('chain.status', {})).node!.endpoint!;
      api = await ApiPromise.create({ provider: new WsProvider(endpoint), noInitWarn: true });
      await setFreeBalances(api, endpoint, new Map(members.map((m) => [walletOf(m.memberId), 10n ** 12n])));
      await call('settlements.approve', { id: periodId });
      await call('settlements.post', { id: periodId });
      took('posted');
      // The member who earned the most green tokens last month.
      member = db.prepare(`SELECT m.id, m.member_no AS memberNo, m.full_name AS name FROM token_member_awards a JOIN members m ON m.id = a.member_id
                           WHERE a.period_id = ? AND a.tokens > 0 ORDER BY a.tokens DESC, m.id LIMIT 1`).get(periodId) as typeof member;
      expect(member).toBeDefined();
    } finally {
      db.close();
    }
    const mirror = await until('the period anchored on chain', async () => {
      const m = (await call<SettlementDetail>('settlements.get', { id: periodId }).catch(() => null))?.mirror;
      return m?.status === 'done' ? m : null;
    }, 120_000);
    blockNumber = mirror.blockNumber!;
    await until("the member's tokens minted", async () => {
      const mine = await call<MemberTokens>('tokens.member', { memberId: member.id }).catch(() => null);
      return mine?.awards.find((a) => a.periodId === periodId)?.mint?.status === 'finalized';
    }, 90_000);
    took(`mirrored in block #${blockNumber}, tokens minted`);
    card = (await call<{ code: string }>('kioskCards.issue', { memberId: member.id })).code;
    kiosk = await startServe({ dataDir: office.dataDir, kiosk: true, chain: endpoint });
    ui = await launchBrowser();
    page = ui.page;
    await page.setViewportSize({ width: 1080, height: 1920 });
  }, 420_000);
  afterAll(async () => {
    await api?.disconnect();
    await ui?.close();
    await kiosk?.stop();
    await office?.stop();
  });

  it('signs in by card, verifies last month against the chain, redeems tokens for credit, and is signed out by itself', async () => {
    // The idle time shortened to 12 s; every press below re-arms it.
    await page.goto(`${kiosk.url}#/kiosk?idle=12`);
    await page.waitForSelector('[data-testid=kiosk-sign-in]');
    await page.keyboard.type(card, { delay: 5 });
    await page.keyboard.press('Enter');
    await waitOrShot('[data-testid=kiosk-home]', 'sign-in');
    expect(await page.textContent('[data-testid=kiosk-member-name]')).toContain(member.name);
    await page.waitForSelector('[data-testid=kiosk-balance]');
    const before = Number(await page.getAttribute('[data-testid=kiosk-balance]', 'data-balance'));
    await screenshot(page, 'kiosk-month-account-en');

    const detail = await call<SettlementDetail>('settlements.get', { id: periodId });
    await page.click('[data-testid=kiosk-tab-statement]');
    await waitOrShot(`[data-testid=kiosk-statement-${detail.period.from}].n-button--primary-type`, 'statement-list');
    await waitOrShot('[data-testid=statement-verify]', 'statement');
    const doc = await call<{ money: { carriedMinor: number } }>('statements.get', { periodId, memberId: member.id });
    expect(Number.isInteger(doc.money.carriedMinor)).toBe(true);
    // The balance carried said in words, as the account tab says a balance: never a bare minus sign.
    const carried = plain(await page.textContent('[data-testid=kiosk-statement-carried]'));
    expect(carried).toMatch(doc.money.carriedMinor < 0 ? /^You owe KES \d/ : doc.money.carriedMinor > 0 ? /^In credit: KES \d/ : /^Nothing owed/);
    expect(carried).not.toContain('-');
    await screenshot(page, 'kiosk-month-statement-en');
    const pressed = Date.now();
    await page.click('[data-testid=statement-verify]');
    await waitOrShot('[data-testid=statement-verified]', 'verify', 10_000);
    console.log(`kiosk-month: statement verified against the chain ${Date.now() - pressed} ms after the press (target < 2 s)`);
    expect(plain(await page.textContent('[data-testid=statement-verified]'))).toContain(String(blockNumber));
    await screenshot(page, 'kiosk-month-verified-en');

    await chooseLocale(page, 'fr');
    await waitOrShot('[data-testid=statement-verify]', 'statement-fr');
    await page.waitForFunction(() => !/You owe|In credit/.test(document.querySelector('[data-testid=kiosk-statement-carried]')?.textContent ?? 'You owe'));
    expect(plain(await page.textContent('[data-testid=kiosk-statement-carried]'))).toMatch(doc.money.carriedMinor < 0 ? /^Vous devez \d/ : doc.money.carriedMinor > 0 ? /^En crédit : \d/ : /^Rien à payer/);
    await page.click('[data-testid=statement-verify]');
    await waitOrShot('[data-testid=statement-verified]', 'verify-fr', 10_000);
    expect(plain(await page.textContent('[data-testid=statement-verified]'))).toContain(String(blockNumber));
    await screenshot(page, 'kiosk-month-verified-fr');
    await page.click('[data-testid=kiosk-tab-tokens]');
    await waitOrShot('[data-testid=tokens-balance]', 'tokens-fr');
    await screenshot(page, 'kiosk-month-tokens-fr');
    // The month's settlement entries said in French from the books (not the stored English memo), dates in one format.
    await page.click('[data-testid=kiosk-tab-account]');
    await waitOrShot('[data-testid=kiosk-movement]', 'movements-fr');
    const mouvements = plain((await page.locator('[data-testid=kiosk-movement]').allTextContents()).join(' | '));
    expect(mouvements).toContain(`Règlement ${detail.period.siteName}, du `);
    expect(mouvements).not.toMatch(/Settlement |energy_main|fixed_fee/);
    for (const date of (await page.locator('[data-testid=kiosk-account] .when').allTextContents()).map(plain)) expect(date).toMatch(/^\d{1,2} [a-zéû]{3,5}\.? \d{4}$/);
    await page.locator('[data-testid=kiosk-movement]').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'kiosk-month-account-fr');
    await chooseLocale(page, 'en');

    // Half the tokens (whole units of the asset) for credit at the posted rate.
    const mine = await call<MemberTokens>('tokens.member', { memberId: member.id });
    expect(mine.balance).toBeGreaterThan(0);
    const units = Math.max(1, Math.floor(mine.balance / 2));
    const amount = (units / 10 ** mine.unit.decimals).toFixed(mine.unit.decimals);
    await page.click('[data-testid=kiosk-tab-tokens]');
    await waitOrShot('[data-testid=tokens-redeem]:not([disabled])', 'tokens');
    await screenshot(page, 'kiosk-month-tokens-en');
    await page.click('[data-testid=tokens-redeem]');
    await page.fill('[data-testid=tokens-amount]', amount);
    await page.locator('[data-testid=tokens-amount]').blur();
    await waitOrShot('[data-testid=tokens-worth-preview]', 'redeem-preview');
    await screenshot(page, 'kiosk-month-redeem-en');
    await page.click('[data-testid=tokens-redeem-confirm]');
    await waitOrShot('[data-testid=tokens-done]', 'redeem');
    expect((await call<MemberTokens>('tokens.member', { memberId: member.id })).balance).toBe(mine.balance - units);
    await screenshot(page, 'kiosk-month-redeemed-en');
    await page.click('[data-testid=kiosk-tab-account]');
    await waitOrShot('[data-testid=kiosk-movement] >> text=redeemed for energy credit', 'redeemed-entry');
    const after = Number(await page.getAttribute('[data-testid=kiosk-balance]', 'data-balance'));
    expect(after).toBeGreaterThan(before);
    await screenshot(page, 'kiosk-month-account-after-en');

    // No touch from here: the idle timer signs the member out and clears the screen.
    await page.mouse.move(1, 1900);
    await page.waitForSelector('[data-testid=kiosk-idle-notice]', { timeout: 30_000 });
    for (const view of ['kiosk-home', 'kiosk-balance', 'kiosk-statement', 'kiosk-tokens', 'statement-verified']) expect(await page.locator(`[data-testid=${view}]`).count(), view).toBe(0);
    const body = (await page.textContent('body')) ?? '';
    for (const trace of [member.name, member.memberNo]) expect(body).not.toContain(trace);
    await screenshot(page, 'kiosk-month-signed-out-en');
    expect(ui.errors).toEqual([]);
  });

  it("verifies the same statement from its PDF alone with npm run verify-statement; one digit altered fails with the reason", async () => {
    const pdf = await call<StatementPdf>('statements.pdf', { periodId, memberId: member.id, locale: 'en' });
    const good = Buffer.from(pdf.base64, 'base64');
    const file = join(SCREENSHOT_DIR, 'kiosk-month-statement.pdf');
    writeFileSync(file, good);
    const altered = alterOneDigit(good);
    const forged = join(SCREENSHOT_DIR, 'kiosk-month-statement-altered.pdf');
    writeFileSync(forged, altered.pdf);
    const [ok, bad] = await Promise.all([verifyStatement(file, '--endpoint', endpoint), verifyStatement(forged, '--endpoint', endpoint)]);
    console.log(`kiosk-month: verify-statement said:\n${ok.out}\nand of the altered copy (${altered.from} → ${altered.to}):\n${bad.out}`);
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(ok.out).toMatch(new RegExp(`^VERIFIED: statement of member ${member.memberNo}`));
    expect(ok.out).toContain(`in block ${blockNumber},`);
    expect(bad.code, bad.out + bad.err).toBe(1);
    expect(bad.out).toMatch(new RegExp(`^NOT VERIFIED \\(hash-mismatch\\): statement of member ${member.memberNo}`));
    expect(bad.out).toMatch(/NOT VERIFIED \(hash-mismatch\)[\s\S]*a line was changed/);
  });
});
