// Equipment, marketplace, agreements and tariffs in real Chromium against real serve mode: an
// equipment item registered through the form (with the core's field error first), an owner listing
// and a host listing, the explained match, the wizard from draft to proposed (terms hash), both
// parties signing (local-only registrar, said so), activation; then the tariff editor refusing
// overlapping windows at the field, drawing its preview, and refusing to edit a version in force.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall, type ServeHandle } from './support/serve.js';
import { screenshot, type BrowserHandle } from './support/browser.js';
import { closeConsole, openConsole } from './support/console.js';
import { chooseLocale, chooseOption, pageToken, paintedPixels, runSetupWizard, waitOrShot } from './support/ui.js';
import { encodeAddress } from '@polkadot/util-crypto';

interface AgreementDetailLike {
  agreement: { id: number; status: string; termsHash: string | null; registration: { state: string } };
  signatures: { memberId: number; state: string }[];
}

describe('equipment, marketplace, agreements and tariffs (serve mode, Chromium)', () => {
  let serve: ServeHandle;
  let ui: BrowserHandle;
  let page: Page;
  const ids = { site: 0, owner: 0, host: 0, agreement: 0, plan: 0, inForce: 0 };
  const call = async <T>(channel: string, input: unknown) => apiCall<T>(serve.url, channel, await pageToken(page), input);
  /** Saves an empty peer-to-peer terms form: the field messages, and the wizard's banner (if any). */
  const emptyTermsMessages = async () => {
    await page.goto(`${serve.url}#/agreements/new`);
    await page.click('[data-testid=wizard-scratch]'); // a peer-to-peer sale is the default kind
    await page.waitForSelector('[data-testid=terms-form][data-kind=p2p_sale]');
    await page.click('[data-testid=wizard-save-terms]');
    await page.waitForSelector('[data-testid=agreement-wizard] .n-form-item-feedback >> nth=3');
    const feedback = await page.$$eval('[data-testid=agreement-wizard] .n-form-item-feedback', (nodes) => nodes.map((n) => n.textContent?.trim() ?? '').filter(Boolean));
    const banner = (await page.$('[data-testid=wizard-error]')) ? await page.textContent('[data-testid=wizard-error]') : null;
    return { feedback, banner };
  };
  const noRawKeys = async (testId: string) => {
    const text = (await page.textContent(`[data-testid=${testId}]`)) ?? '';
    // A raw key looks like "tariffs.editor.rate"; a sentence end before a capital ("… equipment.Status") is not one.
    expect(text).not.toMatch(/\b(equipment|market|agreements|tariffs|common)\.[a-z][a-zA-Z_]*/);
  };

  beforeAll(async () => {
    ({ serve, ui, page } = await openConsole());
    await runSetupWizard(page, serve.url, { coopName: 'Mto Energy Cooperative', demo: false });
    ids.site = (await call<{ id: number }>('sites.create', { name: 'Mto Mill' })).id;
    const member = async (memberNo: string, fullName: string, roles: string[], gps: [number, number]) =>
      (await call<{ id: number }>('members.create', { memberNo, fullName, siteId: ids.site, roles, joinedOn: '2025-01-01', gpsLat: gps[0], gpsLon: gps[1] })).id;
    ids.owner = await member('M-0001', 'Otieno Ochieng', ['owner', 'prosumer'], [-3.36, 35.8]);
    ids.host = await member('M-0002', 'Wanjiru Kamau', ['consumer'], [-3.365, 35.8]);
  });
  afterAll(async () => {
    await closeConsole({ ui, serve });
  });

  it('registers equipment through the form, showing the core field error first', async () => {
    await page.click('[data-testid=nav-equipment]');
    await page.waitForSelector('[data-testid=equipment-view]');
    await page.click('[data-testid=equipment-new]');
    await page.waitForSelector('[data-testid=equipment-form]');
    await chooseOption(page, 'equipment-kind', 'Battery');
    await page.fill('[data-testid=equipment-power]', '3');
    await page.fill('[data-testid=equipment-make]', 'SunCo');
    await page.fill('[data-testid=equipment-model]', 'SC-3');
    await page.fill('[data-testid=equipment-serial]', 'SC3-0001');
    await chooseOption(page, 'equipment-owner', 'Otieno Ochieng');
    await page.click('[data-testid=equipment-save]');
    await waitOrShot(page, '[data-testid=equipment-form] .n-form-item-feedback:has-text("A battery needs its storage capacity.")', 'market-equipment-field-error-missing');
    await screenshot(page, 'market-equipment-field-error');
    await chooseOption(page, 'equipment-kind', 'Solar');
    await page.click('[data-testid=equipment-save]');
    await page.waitForSelector('[data-testid=equipment-row]:has-text("SC3-0001")');
    expect(await paintedPixels(page, 'chart-capacity')).toBeGreaterThan(1500);
    const listed = await call<{ rows: { serial: string; ratedPowerW: number; ownerMemberId: number }[] }>('equipment.list', {});
    expect(listed.rows).toMatchObject([{ serial: 'SC3-0001', ratedPowerW: 3000, ownerMemberId: ids.owner }]);
    await screenshot(page, 'market-equipment-list');

    await page.click('[data-testid=equipment-row]');
    await page.waitForSelector('[data-testid=equipment-not-on-chain]');
    expect(await page.textContent('[data-testid=equipment-chain]')).toContain('Not registered on chain yet');
    await noRawKeys('equipment-detail');
    await screenshot(page, 'market-equipment-detail');
  });

  it('lists the owner and the host and shows their pair with an explained score', async () => {
    await page.click('[data-testid=nav-agreements]');
    await page.click('[data-testid=open-marketplace]');
    await page.waitForSelector('[data-testid=marketplace-view]');

    await page.click('[data-testid=listing-new-owner]');
    await chooseOption(page, 'listing-member', 'Otieno Ochieng');
    await chooseOption(page, 'listing-equipment', 'SC3-0001');
    await page.fill('[data-testid=listing-rate]', '25.5');
    await page.click('[data-testid=listing-save]');
    await page.waitForSelector('[data-testid=owner-listing-row]');

    await page.click('[data-testid=listing-new-host]');
    await chooseOption(page, 'listing-member', 'Wanjiru Kamau');
    await page.fill('[data-testid=listing-title]', 'Tin roof, 40 m²');
    await page.fill('[data-testid=listing-premises]', '40');
    await page.click('[data-testid=listing-prefers-solar]');
    await page.click('[data-testid=listing-save]');
    await page.waitForSelector('[data-testid=host-listing-row]:has-text("Tin roof")');

    await page.click('.n-tabs-tab:has-text("Suggested pairs")');
    const card = await page.waitForSelector('[data-testid=match-card]');
    const score = Number(await (await card.$('[data-testid=match-score]'))?.getAttribute('data-score'));
    const [best] = await call<{ score: number; factors: { factor: string; reason: string }[] }[]>('matching.suggest', {});
    expect(score).toBe(best?.score);
    expect(await card.textContent()).toContain(best?.factors.find((f) => f.factor === 'location')?.reason ?? 'missing');
    await noRawKeys('marketplace-view');
    await screenshot(page, 'market-matches');
  });

  it('turns the pair into a draft and proposes it: the terms hash is shown', async () => {
    await page.click('[data-testid=match-draft]');
    await page.waitForSelector('[data-testid=agreement-wizard][data-step="3"] [data-testid=terms-form][data-kind=hosted_lease]');
    ids.agreement = Number(new URL(page.url().replace('#/', '')).searchParams.get('agreement'));
    expect(ids.agreement).toBeGreaterThan(0);
    await page.fill('[data-testid=terms-rent-share]', '15');
    await screenshot(page, 'market-wizard-terms');
    await page.click('[data-testid=wizard-save-terms]');
    await page.waitForSelector('[data-testid=agreement-wizard][data-step="4"] [data-testid=terms-summary]');
    await page.click('[data-testid=wizard-propose]');
    const hash = await (await page.waitForSelector('[data-testid=terms-hash]')).textContent();
    const detail = await call<AgreementDetailLike>('agreements.get', { id: ids.agreement });
    expect(detail.agreement.status).toBe('proposed');
    expect(hash).toBe(detail.agreement.termsHash);
    await page.waitForSelector('[data-testid=agreement-wizard][data-step="5"] [data-testid=signature-panel]');
    expect(await page.textContent('[data-testid=signature-local-only]')).toContain('not on chain');
    await screenshot(page, 'market-wizard-sign');
  });

  it('records both approvals, showing who signed and who is missing, then activates', async () => {
    await page.waitForSelector(`[data-testid=signature-row][data-member="${ids.host}"][data-state=missing]`);
    for (const memberId of [ids.owner, ids.host]) {
      await page.click(`[data-testid=sign-${memberId}]`);
      await page.waitForSelector('[data-testid=sign-dialog]');
      await page.click('[data-testid=sign-confirm]');
      await page.waitForSelector(`[data-testid=signature-row][data-member="${memberId}"][data-state=local_only]`);
      if (memberId === ids.owner) {
        expect(await page.getAttribute('[data-testid=signature-count]', 'data-signed')).toBe('1');
        await screenshot(page, 'market-one-signed');
      }
    }
    await page.waitForSelector('[data-testid=agreement-wizard][data-step="6"] [data-testid=action-activate]');
    const signed = await call<AgreementDetailLike>('agreements.get', { id: ids.agreement });
    expect(signed.agreement.status).toBe('signed');
    expect(signed.signatures.map((s) => s.state)).toEqual(['local_only', 'local_only']);
    await page.click('[data-testid=action-activate]');
    await page.waitForSelector('[data-testid=wizard-done]');
    expect((await call<AgreementDetailLike>('agreements.get', { id: ids.agreement })).agreement.status).toBe('active');
    await screenshot(page, 'market-wizard-active');

    await page.click('[data-testid=wizard-open-agreement]');
    await page.waitForSelector('[data-testid=agreement-status][data-status=active]');
    const timeline = (await page.textContent('[data-testid=agreement-timeline]')) ?? '';
    for (const step of ['Drafted', 'Proposed', 'Signed by every party', 'Activated']) expect(timeline).toContain(step);
    expect(await page.textContent('[data-testid=agreement-registration]')).toContain('NOT on chain');
    await noRawKeys('agreement-detail');
    await screenshot(page, 'market-agreement-detail');

    await page.click('[data-testid=nav-agreements]');
    await page.waitForSelector('[data-testid=agreement-row]');
    expect(await paintedPixels(page, 'chart-agreements-status')).toBeGreaterThan(500);
    await screenshot(page, 'market-agreements-list');
  });

  it('says at each field what an empty peer-to-peer terms form needs, without raw validation text', async () => {
    const { feedback, banner } = await emptyTermsMessages();
    expect(feedback).toEqual(['Give the agreement a title', 'Choose the seller', 'Name at least one buyer or choose “Everyone at a site”', 'Enter a rate']);
    expect(banner).toBeNull();
    await screenshot(page, 'market-wizard-empty-terms');
    const agreements = await call<{ rows: unknown[] }>('agreements.list', {});
    expect(agreements.rows).toHaveLength(1); // nothing was sent for the empty form
  });

  it('refuses overlapping time-of-use windows at the field and draws the preview once fixed', async () => {
    await page.click('[data-testid=nav-tariffs]');
    await page.click('[data-testid=tariff-plan-new]');
    await chooseOption(page, 'tariff-plan-site', 'Mto Mill');
    await page.fill('[data-testid=tariff-plan-name]', 'Households');
    await page.click('[data-testid=tariff-plan-create]');
    await page.waitForSelector('[data-testid=tariff-plan]');
    ids.plan = Number(/tariffs\/(\d+)/.exec(page.url())?.[1]);
    await page.click('[data-testid=tariff-version-new]');
    await page.waitForSelector('[data-testid=tariff-editor]');
    // A fresh form is not red: the preview has checked it, but nothing was touched yet.
    await page.waitForSelector('[data-testid=tariff-preview-error]');
    expect(await page.$$('[data-testid=tariff-editor] .n-form-item-feedback--error, [data-testid=tariff-editor] .n-input--error-status')).toHaveLength(0);
    await page.click('[data-testid=tariff-mode-tiered]');
    await page.click('[data-testid=tariff-save]');
    expect(await (await page.waitForSelector('[data-testid=tariff-block-error] >> nth=1')).textContent()).toBe('Enter a price/rate');
    await screenshot(page, 'market-tariff-tiered-empty');
    // A negative price stays as typed (no silent 0), is refused beside the field, and nothing is saved.
    // (After a save attempt the row's message speaks for the field; the field's own line stays quiet.)
    await page.fill('[data-testid=tariff-block-rate-0]', '-5');
    await page.keyboard.press('Tab');
    expect(await page.inputValue('[data-testid=tariff-block-rate-0]')).toBe('-5');
    await page.waitForSelector('[data-testid=tariff-block-error] >> text=A price cannot be negative');
    await page.click('[data-testid=tariff-save]');
    await page.waitForSelector('[data-testid=tariff-editor-error]');
    expect((await call<{ versions: unknown[] }>('tariffs.plans.get', { id: ids.plan })).versions).toEqual([]);
    await screenshot(page, 'market-tariff-negative-rate');
    await page.fill('[data-testid=tariff-block-rate-0]', '12');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=tariff-block-error]').length === 1);

    await page.click('[data-testid=tariff-mode-tou]');
    await page.fill('[data-testid=tariff-base-rate]', '20');
    await page.fill('[data-testid=tariff-window-rate-0]', '35');
    // Leaving the field clears the row's message.
    await page.keyboard.press('Tab');
    await page.waitForSelector('[data-testid=tariff-window-error]', { state: 'detached' });
    await page.click('[data-testid=tariff-add-window]');
    await page.fill('[data-testid=tariff-window-label-1]', 'Late evening');
    await page.fill('[data-testid=tariff-window-start-1]', '21');
    await page.fill('[data-testid=tariff-window-end-1]', '23');
    await page.fill('[data-testid=tariff-window-rate-1]', '30');
    await page.fill('[data-testid=tariff-fixed-fee]', '200');
    await page.fill('[data-testid=tariff-tax]', '16');
    await page.keyboard.press('Tab');
    await page.click('[data-testid=tariff-save]');
    const feedback = await page.waitForSelector('[data-testid=tariff-windows-field] .n-form-item-feedback:has-text("overlap")');
    expect(await feedback.textContent()).toBe('The windows “Evening peak” and “Late evening” overlap: change the hours of one.');
    expect((await call<{ versions: unknown[] }>('tariffs.plans.get', { id: ids.plan })).versions).toEqual([]);
    await screenshot(page, 'market-tariff-overlap');

    await page.fill('[data-testid=tariff-window-start-1]', '22');
    await page.fill('[data-testid=tariff-window-end-1]', '24');
    await page.keyboard.press('Tab');
    await page.waitForSelector('[data-testid=tariff-windows-field] .n-form-item-feedback:has-text("overlap")', { state: 'detached' });
    await page.waitForSelector('[data-testid=chart-tariff-bill] canvas');
    expect(await paintedPixels(page, 'chart-tariff-price')).toBeGreaterThan(2000);
    expect(await paintedPixels(page, 'chart-tariff-bill')).toBeGreaterThan(1000);
    await screenshot(page, 'market-tariff-preview');
    await page.click('[data-testid=tariff-save]');
    await page.waitForSelector('[data-testid=tariff-versions] [data-testid=version-state-scheduled]');
    await screenshot(page, 'market-tariff-versions');
  });

  it('explains that a version in force is never edited', async () => {
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const inForce = await call<{ id: number }>('tariffs.versions.create', { planId: ids.plan, validFrom: past, definition: { energy: { mode: 'flat', rateMilliPerKwh: 2_500_000 } }, allowPast: true, reason: 'Agreed at the assembly, entered late' });
    ids.inForce = inForce.id;
    await page.goto(`${serve.url}#/tariffs/${ids.plan}/versions/${inForce.id}`);
    await page.waitForSelector('[data-testid=tariff-locked]');
    expect(await page.isDisabled('[data-testid=tariff-save]')).toBe(true);
    await page.click('[data-testid=tariff-new-from-locked]');
    await page.waitForSelector('[data-testid=tariff-editor] [data-testid=energy-pricing][data-mode=flat]');
    await page.goto(`${serve.url}#/tariffs/${ids.plan}`);
    await page.waitForSelector('[data-testid=tariff-in-force]');
    expect(await page.isDisabled('[data-testid=version-edit-2]')).toBe(true);
    expect(await page.isDisabled('[data-testid=version-edit-1]')).toBe(false);
    await screenshot(page, 'market-tariff-in-force');
  });

  it('renders the market screens in dark theme and French without raw keys', async () => {
    await chooseLocale(page, 'fr');
    if ((await page.getAttribute('[data-testid=app-root]', 'data-theme')) !== 'dark') await page.click('[data-testid=theme-toggle]');
    await page.waitForSelector('[data-testid=app-root][data-theme=dark]');
    await page.goto(`${serve.url}#/tariffs/${ids.plan}/new?from=${ids.inForce}`);
    // The editor loads the version it starts from (flat pricing) and then draws its preview.
    await page.waitForSelector('[data-testid=tariff-editor] [data-testid=energy-pricing][data-mode=flat]');
    await paintedPixels(page, 'chart-tariff-bill');
    await noRawKeys('tariff-editor');
    expect(await page.textContent('[data-testid=tariff-editor]')).toContain('Aperçu');
    await screenshot(page, 'market-tariff-editor-dark-fr');
    const empty = await emptyTermsMessages();
    expect(empty.feedback).toEqual(['Donnez un titre au contrat', 'Choisissez le vendeur', 'Nommez au moins un acheteur ou choisissez « Tout un site »', 'Saisissez un tarif']);
    expect(empty.banner).toBeNull();
    await screenshot(page, 'market-wizard-empty-terms-fr');
    await page.goto(`${serve.url}#/agreements/${ids.agreement}`);
    await page.waitForSelector('[data-testid=agreement-status][data-status=active]');
    await noRawKeys('agreement-detail');
    expect(await page.textContent('[data-testid=agreement-detail]')).toContain('Enregistré localement');
    await screenshot(page, 'market-agreement-dark-fr');
    await page.goto(`${serve.url}#/equipment`);
    await paintedPixels(page, 'chart-capacity'); // the list loaded and its chart is drawn
    await noRawKeys('equipment-view');
    await screenshot(page, 'market-equipment-dark-fr');
    expect(ui.errors).toEqual([]);
  });

  it('shows an own-wallet member what to approve (last approver: call data) and the Multisig cancellation after withdrawing (embedded node)', async () => {
    // A second console with the embedded node: the screens above run without a chain.
    const chained = await openConsole({ chain: 'embedded' });
    try {
      const p = chained.page;
      await runSetupWizard(p, chained.serve.url, { coopName: 'Mto Energy Cooperative', demo: false });
      const api = async <T>(channel: string, input: unknown) => apiCall<T>(chained.serve.url, channel, await pageToken(p), input);
      const chainReady = async (done: (s: { connection: { state: string } | null; bootstrap: { state: string }; setup: unknown }) => boolean, what: string) => {
        for (const deadline = Date.now() + 90_000; ; await p.waitForTimeout(500)) {
          const status = await api<{ connection: { state: string } | null; bootstrap: { state: string }; setup: unknown }>('chain.status', {});
          if (done(status)) return;
          if (Date.now() > deadline) throw new Error(`chain not ${what}: ${JSON.stringify(status)}`);
        }
      };
      await chainReady((s) => s.connection?.state === 'ready', 'connected');
      await api('chain.keystore.initialize', { passphrase: 'village microgrid 2026' });
      await chainReady((s) => s.bootstrap.state === 'done' && s.setup !== null, 'set up');
      const site = (await api<{ id: number }>('sites.create', { name: 'Mto Mill' })).id;
      const member = async (memberNo: string, fullName: string) => (await api<{ id: number }>('members.create', { memberNo, fullName, siteId: site, roles: ['owner', 'consumer'], joinedOn: '2025-01-01' })).id;
      const owner = await member('M-0101', 'Otieno Ochieng');
      const host = await member('M-0102', 'Wanjiru Kamau');
      const solar = (await api<{ id: number }>('equipment.create', { kind: 'solar', ratedPowerW: 3_000, make: 'SunCo', serial: 'SC3-0101', ownerMemberId: owner, siteId: site })).id;
      await api('memberAccounts.create', { memberId: owner, pin: '2468' });
      const wallet = encodeAddress(new Uint8Array(32).fill(0x42), 42); // the host's own wallet
      await api('memberAccounts.linkExternal', { memberId: host, address: wallet });
      const terms = { kind: 'hosted_lease', equipmentId: solar, ownerMemberId: owner, hostMemberId: host, startsOn: '2026-06-01', termYears: 12, energyRateMilliPerKwh: 14_000, rentShareBps: 1_200, surplusOwnerBps: 5_000 };
      const id = (await api<{ id: number }>('agreements.create', { title: 'School roof array', terms })).id;
      await api('agreements.transition', { id, action: 'propose' });
      await api('agreements.sign', { id, memberId: owner, passphrase: '2468' });
      const detail = await api<{ multisig: { callHash: string; callData: string; multisig: string; parties: { memberId: number; otherSignatories: string[]; last: boolean }[] } }>('agreements.get', { id });
      const hostEntry = detail.multisig.parties.find((x) => x.memberId === host)!;
      expect(hostEntry.last).toBe(true);

      await p.goto(`${chained.serve.url}#/agreements/${id}`);
      const panel = await waitOrShot(p, `[data-testid=wallet-approval-${host}][data-last=true]`, 'market-FAILED-wallet-approval', 20_000);
      expect(await p.textContent(`[data-testid=wallet-${host}-method-value]`)).toBe('multisig.asMulti');
      expect(await p.textContent(`[data-testid=wallet-${host}-call-hash-value]`)).toBe(detail.multisig.callHash);
      expect(await p.textContent(`[data-testid=wallet-${host}-call-data-value]`)).toBe(detail.multisig.callData);
      expect(await p.textContent(`[data-testid=wallet-${host}-others-value]`)).toBe(hostEntry.otherSignatories.join('\n'));
      expect(await p.textContent(`[data-testid=wallet-${host}-timepoint-value]`)).toMatch(/^\d+ \/ \d+$/);
      expect(await p.isVisible(`[data-testid=wallet-approval-${owner}]`)).toBe(false); // approved already, at the console
      await p.click(`[data-testid=wallet-${host}-call-data-copy]`);
      await panel.scrollIntoViewIfNeeded();
      await screenshot(p, 'market-agreement-wallet-approval');

      await api('agreements.transition', { id, action: 'withdraw', reason: 'Rent share to be renegotiated' });
      await p.goto(`${chained.serve.url}#/agreements/${id}`);
      const cancelled = await waitOrShot(p, '[data-testid=multisig-cancellation][data-state=done]', 'market-FAILED-cancellation', 30_000);
      expect(await cancelled.textContent()).toMatch(/Cancelled on chain.*deposit was returned/);
      await cancelled.scrollIntoViewIfNeeded();
      await screenshot(p, 'market-agreement-multisig-cancelled');
      expect(chained.ui.errors).toEqual([]);
    } finally {
      await closeConsole(chained);
    }
  }, 240_000);
});
