// Import problems read as one sentence in the operator's language, from the real translation files.
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import type { ImportIssue } from '@contract';
import enMembers from '../../i18n/en/members.json';
import frMembers from '../../i18n/fr/members.json';
import { importIssueText } from './import-issue-text.js';

const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: { members: enMembers }, fr: { members: frMembers } }, missingWarn: false, fallbackWarn: false });
const say = (issue: ImportIssue, locale: 'en' | 'fr') => {
  i18n.global.locale.value = locale;
  return importIssueText(issue, (key, params) => i18n.global.t(key, params), (key) => i18n.global.te(key, locale));
};
const issue = (code: string, column: string | null, params: Record<string, string | number>, line = 3): ImportIssue =>
  ({ line, column, code, params, message: `english fallback for ${code}` }) as ImportIssue;

describe('importIssueText', () => {
  it('names the line, the column and the value in English and in French', () => {
    const lat = issue('out_of_range', 'gps_lat', { value: '95', min: -90, max: 90 });
    expect(say(lat, 'en')).toBe('Line 3, column gps_lat: 95 is out of range; it must be between -90 and 90.');
    expect(say(lat, 'fr')).toBe('Ligne 3, colonne gps_lat : 95 est hors limites ; la valeur doit être comprise entre -90 et 90.');
    const roles = issue('invalid_choice', 'roles', { value: 'farmer', allowed: 'consumer, prosumer, owner' }, 7);
    expect(say(roles, 'en')).toBe('Line 7, column roles: “farmer” is not an allowed value; use one of consumer, prosumer, owner.');
    expect(say(roles, 'fr')).toBe("Ligne 7, colonne roles : « farmer » n'est pas une valeur permise ; utilisez l'une de : consumer, prosumer, owner.");
  });

  it('says file problems with their line only', () => {
    const quote = issue('quote_not_closed', null, {}, 5);
    expect(say(quote, 'en')).toBe('Line 5: a quote (") opens a cell but is never closed. Close it or remove it.');
    expect(say(quote, 'fr')).toBe('Ligne 5 : un guillemet (") ouvre une case mais n\'est jamais fermé. Fermez-le ou supprimez-le.');
  });

  it('has a sentence for every code in both languages, using every value the core sends', () => {
    // The codes and the params each one carries, as listed in the contract (test/unit/members-csv.test.ts
    // checks the translation files against the contract's code lists).
    const CODES: Record<string, string[]> = {
      required: [], invalid_choice: ['value', 'allowed'], listed_twice: ['value'], not_a_number: ['value', 'example'],
      not_whole_number: ['value', 'example'], out_of_range: ['value', 'min', 'max'], bad_format: ['value', 'example'], control_character: [],
      too_long: ['length', 'max'], duplicate_in_file: ['value', 'otherLine'], already_registered: ['value'], unknown_site: ['value'],
      not_accepted: ['value'], not_csv: [], quote_not_closed: [], bad_quote: [], no_header: [], missing_columns: ['columns'],
      unknown_columns: ['columns', 'expected'], no_rows: [], too_many_rows: ['count', 'max'],
    };
    expect(Object.keys(enMembers.import.issues).sort()).toEqual(Object.keys(CODES).sort());
    for (const [code, names] of Object.entries(CODES)) {
      const params = Object.fromEntries(names.map((name) => [name, `<${name}>`]));
      for (const locale of ['en', 'fr'] as const) {
        const text = say(issue(code, 'member_no', params, 42), locale);
        expect(text, `${locale} ${code}`).toContain('42');
        for (const name of names) expect(text, `${locale} ${code} ${name}`).toContain(`<${name}>`);
        expect(text).not.toContain('english fallback');
      }
    }
  });

  it('falls back to the core English sentence for a code it does not know', () => {
    expect(say(issue('from_a_newer_core', 'notes', {}), 'fr')).toBe('english fallback for from_a_newer_core');
  });
});
