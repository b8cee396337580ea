// Settlement refusals said in the operator's language: each reason of contract SETTLEMENT_REFUSALS
// is an ERROR_REASON, and its EN and FR sentences use exactly the values the core sends with it
// (no value missing from the sentence, no placeholder the core never fills).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_REASONS, SETTLEMENT_REFUSALS } from '../../src-main/contract/index.js';
import { refusalText, type ErrorTranslator } from '../../src-renderer/src/components/error-sentence.js';

const I18N = join(import.meta.dirname, '..', '..', 'src-renderer', 'src', 'i18n');
const reasonsOf = (locale: 'en' | 'fr') => (JSON.parse(readFileSync(join(I18N, locale, 'errors.json'), 'utf8')) as { reasons: Record<string, string> }).reasons;
const placeholders = (sentence: string) => [...new Set([...sentence.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

function translator(locale: 'en' | 'fr'): ErrorTranslator {
  const reasons = reasonsOf(locale);
  const lookup = (key: string) => (key.startsWith('errors.reasons.') ? reasons[key.slice('errors.reasons.'.length)] : undefined);
  return { locale, te: (key) => typeof lookup(key) === 'string', t: (key, params = {}) => String(lookup(key) ?? key).replace(/\{(\w+)\}/g, (open, name: string) => (name in params ? String(params[name]) : open)) };
}

describe('settlement refusals', () => {
  const reasons = Object.keys(SETTLEMENT_REFUSALS) as (keyof typeof SETTLEMENT_REFUSALS)[];

  it('are all error reasons, and every settlement reason is listed with its values', () => {
    expect(reasons.filter((r) => !(ERROR_REASONS as readonly string[]).includes(r))).toEqual([]);
    expect(ERROR_REASONS.filter((r) => r.startsWith('settlement_') && !(r in SETTLEMENT_REFUSALS))).toEqual([]);
  });

  it.each(['en', 'fr'] as const)('have a %s sentence using exactly the values the core sends', (locale) => {
    const sentences = reasonsOf(locale);
    for (const reason of reasons) {
      const sentence = sentences[reason];
      expect(sentence, `${locale}: ${reason}`).toEqual(expect.any(String));
      expect(placeholders(sentence!), `${locale}: ${reason}`).toEqual([...SETTLEMENT_REFUSALS[reason]].sort());
    }
  });

  it('are said with their values, never in the core\'s English on a French screen', () => {
    const english = 'The core said this in English.';
    for (const reason of reasons) {
      const params = Object.fromEntries(SETTLEMENT_REFUSALS[reason].map((name) => [name, `<${name}>`]));
      const fr = refusalText(translator('fr'), { code: 'CONFLICT', message: english, details: { reason, params } });
      expect(fr, reason).not.toBe(english);
      for (const name of SETTLEMENT_REFUSALS[reason]) expect(fr, reason).toContain(`<${name}>`);
    }
  });
});
