// Refusals of the core are said in the operator's language: every reason the core can hand
// (contract ERROR_REASONS) has an English and a French sentence with no placeholder left open, and
// on a French screen no error code ever shows the core's English sentence.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES, ERROR_REASONS } from '../../src-main/contract/index.js';
import { refusalText, type ErrorTranslator, type Refusal } from '../../src-renderer/src/components/error-sentence.js';

const I18N = join(import.meta.dirname, '..', '..', 'src-renderer', 'src', 'i18n');

function translator(locale: 'en' | 'fr'): ErrorTranslator {
  const messages: Record<string, unknown> = {};
  for (const file of readdirSync(join(I18N, locale)).filter((f) => f.endsWith('.json'))) messages[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(I18N, locale, file), 'utf8'));
  const lookup = (key: string) => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
  return {
    locale,
    te: (key) => typeof lookup(key) === 'string',
    t: (key, params = {}) => String(lookup(key)).replace(/\{(\w+)\}/g, (open, name: string) => (name in params ? String(params[name]) : open)),
  };
}

const VALUES = { memberNo: 'M-7', model: 'CM-1', name: 'Kibera', username: 'amina', serial: 'SN-1', agreementId: 4, member: 'Amina', version: 2, port: '/dev/ttyUSB0', days: 30, validFrom: '1 Nov 2026', count: 3, computedUntil: '2 Nov 2026', month: '2027-01', startFrom: '3 Nov 2026', from: '2026-11-01', to: '2026-11-30', today: '2026-12-07', site: 'Kibera', plan: 'Standard', date: '2026-11-15', currency: 'KES', previous: 'EUR', balance: 1200, tokens: 3000, earliest: '1 Dec 2026', entryId: 42, receipt: 'R-000042' };
const ENGLISH = 'The core said this in English.';
const refusal = (code: string, details: Refusal['details'] = {}): Refusal => ({ code, message: ENGLISH, details });

describe('refusals in the operator\'s language', () => {
  const en = translator('en');
  const fr = translator('fr');

  it('says every reason in English and French from its values', () => {
    for (const reason of ERROR_REASONS) {
      for (const tr of [en, fr]) {
        const said = refusalText(tr, refusal('CONFLICT', { reason, params: VALUES }));
        expect(said, `${tr.locale}: ${reason}`).not.toBe(ENGLISH);
        expect(said, `${tr.locale}: ${reason}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('never shows the core\'s English on a French screen, whatever the code', () => {
    for (const code of API_ERROR_CODES) expect(refusalText(fr, refusal(code)), code).not.toBe(ENGLISH);
  });

  it('keeps the core\'s specific sentence on an English screen when the refusal has no reason', () => {
    expect(refusalText(en, refusal('CONFLICT'))).toBe(ENGLISH);
    expect(refusalText(en, refusal('KEYSTORE_LOCKED'))).not.toBe(ENGLISH);
  });
});
