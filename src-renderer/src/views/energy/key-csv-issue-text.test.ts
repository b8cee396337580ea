// Key table problems, energy refusals and recompute failures read in the operator's language, from
// the real translation files. The Records over the contract's code types make a new code fail the
// type check here until it is listed (and then this test, until it has a sentence in EN and FR).
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import type { EnergyRefusal, KeyCsvIssue, KeyCsvIssueCode, RecomputeErrorCode } from '@contract';
import enEnergy from '../../i18n/en/energy.json';
import frEnergy from '../../i18n/fr/energy.json';
import enErrors from '../../i18n/en/errors.json';
import frErrors from '../../i18n/fr/errors.json';
import { keyCsvIssueWhat, keyCsvIssueWhere, recomputeFailure } from './key-csv-issue-text.js';
import { refusalParams } from '../../components/error-text.js';

const i18n = createI18n({
  legacy: false, locale: 'en', missingWarn: false, fallbackWarn: false,
  messages: { en: { energy: enEnergy, errors: enErrors }, fr: { energy: frEnergy, errors: frErrors } },
});
type Locale = 'en' | 'fr';
const t = (locale: Locale) => {
  i18n.global.locale.value = locale;
  return { t: (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {}), has: (key: string) => i18n.global.te(key, locale) };
};
const issue = (code: string, params: Record<string, string | number>, column = 'M-002', cell = '1,4'): KeyCsvIssue =>
  ({ line: 3, column, cell, code, params, message: `english fallback for ${code}` }) as KeyCsvIssue;

const KEY_CSV_CODES: Record<KeyCsvIssueCode, string[]> = {
  first_column: ['cell'], no_member_columns: [], column_without_member: [], member_twice: ['memberNo'], unknown_member: ['memberNo'],
  member_of_other_site: ['memberNo', 'memberName'], no_rows: [], empty_line: [], bad_interval: ['cell', 'example'], not_interval_start: ['cell'],
  interval_twice: ['interval'], before_valid_from: ['interval', 'validFrom'], column_count: ['count', 'expected'], not_a_number: ['cell', 'example'],
  negative: ['cell'], above_one: ['cell'], row_sum: ['interval', 'sum', 'expected', 'tolerance'],
};
const REFUSALS: Record<EnergyRefusal, string[]> = {
  key_overlaps_version: ['version', 'validFrom'], key_rewrites_flows: ['computedUntil', 'startFrom'], key_table_rejected: ['count'], month_in_future: ['month'],
};
const RECOMPUTE_ERRORS: Record<RecomputeErrorCode, true> = { database_busy: true, disk_full: true, read_only: true, failed: true };

describe('key table problems', () => {
  it('say where and what in English and in French', () => {
    const above = issue('above_one', { cell: '1,4' });
    expect(`${keyCsvIssueWhere(above, t('en').t)}: ${keyCsvIssueWhat(above, t('en').t, t('en').has)}`).toBe('Line 3, column M-002, cell “1,4”: 1,4 is above 1: a coefficient is between 0 and 1.');
    expect(`${keyCsvIssueWhere(above, t('fr').t)} : ${keyCsvIssueWhat(above, t('fr').t, t('fr').has)}`).toBe('Ligne 3, colonne M-002, cellule « 1,4 » : 1,4 dépasse 1 : un coefficient est compris entre 0 et 1.');
  });

  it('has a sentence for every code in both languages, using every value the core sends', () => {
    expect(Object.keys(enEnergy.key.csvIssue).sort()).toEqual(Object.keys(KEY_CSV_CODES).sort());
    expect(Object.keys(frEnergy.key.csvIssue).sort()).toEqual(Object.keys(KEY_CSV_CODES).sort());
    for (const [code, names] of Object.entries(KEY_CSV_CODES)) {
      const params = Object.fromEntries(names.map((name) => [name, `<${name}>`]));
      for (const locale of ['en', 'fr'] as const) {
        const text = keyCsvIssueWhat(issue(code, params), t(locale).t, t(locale).has);
        for (const name of names) expect(text, `${locale} ${code} ${name}`).toContain(`<${name}>`);
        expect(text).not.toContain('english fallback');
      }
    }
  });

  it('falls back to the core English sentence for a code it does not know', () => {
    expect(keyCsvIssueWhat(issue('from_a_newer_core', {}), t('fr').t, t('fr').has)).toBe('english fallback for from_a_newer_core');
  });
});

describe('energy refusals and recompute failures', () => {
  it('have a sentence for every refusal in both languages, with its values', () => {
    for (const locale of ['en', 'fr'] as const) {
      const reasons = (locale === 'en' ? enErrors : frErrors).reasons;
      // Every energy refusal is said (other areas' reasons live beside them in the same file).
      for (const reason of Object.keys(REFUSALS)) expect(Object.keys(reasons)).toContain(reason);
      for (const [reason, names] of Object.entries(REFUSALS)) {
        const text = t(locale).t(`errors.reasons.${reason}`, Object.fromEntries(names.map((name) => [name, `<${name}>`])));
        for (const name of names) expect(text, `${locale} ${reason} ${name}`).toContain(`<${name}>`);
      }
    }
  });

  it('say the instants of a refusal as local dates, other values as they are', () => {
    const said = refusalParams({ version: 2, validFrom: '2026-11-01T00:00:00.000Z', month: '2027-01' }, 'en');
    expect(said.version).toBe(2);
    expect(said.month).toBe('2027-01');
    expect(said.validFrom).not.toBe('2026-11-01T00:00:00.000Z');
    expect(String(said.validFrom)).toMatch(/2026/);
  });

  it('say why a recompute failed from its code, the English text only inside the unexpected case', () => {
    for (const code of Object.keys(RECOMPUTE_ERRORS) as RecomputeErrorCode[]) {
      for (const locale of ['en', 'fr'] as const) {
        const text = recomputeFailure({ errorCode: code, error: 'SQLITE_SOMETHING' }, t(locale).t, t(locale).has);
        expect(text, `${locale} ${code}`).toMatch(locale === 'en' ? /^The recompute failed: / : /^Le recalcul a échoué : /);
        expect(text.includes('SQLITE_SOMETHING'), `${locale} ${code}`).toBe(code === 'failed');
      }
    }
    expect(recomputeFailure({ errorCode: 'disk_full', error: 'database or disk is full' }, t('fr').t, t('fr').has)).toBe('Le recalcul a échoué : le disque est plein. Libérez de la place, puis relancez le recalcul.');
  });
});
