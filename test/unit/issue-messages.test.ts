// No sentence the renderer shows for a validation issue comes from a schema's default message or the
// core's English: every issue any channel can raise is said from its code, reason and values through
// the renderer's one mapping (src-renderer/src/i18n/issue-kind.ts), in English and French.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, API_ISSUE_CODES, ISSUE_REASONS, type ApiIssue } from '../../src-main/contract/index.js';
import { issueFromSchema } from '../../src-main/core/api/schema-issues.js';
import { describeIssueWith, type IssueTranslator } from '../../src-renderer/src/i18n/issue-kind.js';

const I18N = join(import.meta.dirname, '..', '..', 'src-renderer', 'src', 'i18n');

function translator(locale: 'en' | 'fr'): IssueTranslator & { used: Set<string> } {
  const messages: Record<string, unknown> = {};
  for (const file of readdirSync(join(I18N, locale)).filter((f) => f.endsWith('.json'))) messages[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(I18N, locale, file), 'utf8'));
  const lookup = (key: string) => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
  const used = new Set<string>();
  return {
    used,
    te: (key) => typeof lookup(key) === 'string',
    t: (key, params = {}) => {
      const text = lookup(key);
      if (typeof text !== 'string') throw new Error(`no translation ${locale}:${key}`);
      used.add(key);
      return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
    },
  };
}

// What zod 4 says by default, and the core's unit hints for engineers.
const SCHEMA_WORDING = /Too (small|big)|Invalid (input|option|string|element|key)|expected .* to (be|have)|check the unit|Unrecognized key|received |Must be (a|an) /i;

const en = translator('en');
const fr = translator('fr');

function expectSaidProperly(issue: ApiIssue): void {
  for (const tr of [en, fr]) {
    const text = describeIssueWith(tr, issue);
    expect(text, `${issue.code} at ${issue.path}`).not.toBe(issue.message);
    expect(text).not.toMatch(SCHEMA_WORDING);
    expect(text, `a placeholder left open for ${issue.code} at ${issue.path}`).not.toMatch(/\{\w+\}/);
  }
}

// Values that provoke every kind of schema issue somewhere in the contract.
const hostile = fc.oneof(
  fc.constantFrom(-1, -5000, 0, 0.5, 1e20, Number.MAX_SAFE_INTEGER, '', 'x', 'x'.repeat(6000), null, true, [], {}, '2026-13-45', 'not-an-email'),
  fc.integer({ min: -100, max: 100 }),
);
const hostileObject = fc.dictionary(
  fc.constantFrom('id', 'siteId', 'planId', 'memberId', 'name', 'fullName', 'email', 'kind', 'mode', 'roles', 'ratedPowerW', 'gpsLat', 'validFrom', 'definition', 'energy', 'rateMilliPerKwh', 'windows', 'terms', 'title', 'limit', 'offset', 'joinedOn', 'phone', 'changes', 'source', 'startsOn', 'stars'),
  fc.oneof(hostile, fc.dictionary(fc.constantFrom('mode', 'rateMilliPerKwh', 'kind', 'siteId', 'gpsLat', 'energy', 'windows'), hostile)),
);

// Inputs that break a rule of the contract's own (refinements with a reason).
const RULE_BREAKERS: Record<string, unknown[]> = {
  'tariffs.preview': [
    { source: { definition: { energy: { mode: 'time_of_use', baseRateMilliPerKwh: 1, windows: [{ label: 'A', weekdays: [0, 0], startHour: 18, endHour: 22, rateMilliPerKwh: 1 }, { label: 'B', weekdays: [0], startHour: 20, endHour: 23, rateMilliPerKwh: 1 }] } } } },
    { source: { definition: { energy: { mode: 'tiered', blocks: [{ upToWh: null, rateMilliPerKwh: 1 }, { upToWh: 5, rateMilliPerKwh: 1 }] } } } },
  ],
};

describe('validation issues on screen', () => {
  it('are said from code and values for every issue any channel raises, never in the schema\'s words', () => {
    const seen = new Set<string>();
    for (const [channel, def] of Object.entries(contract)) {
      const inputs = [...(RULE_BREAKERS[channel] ?? []), ...fc.sample(fc.oneof(hostileObject, fc.anything()), { numRuns: 25, seed: channel.length * 7919 })];
      for (const input of inputs) {
        const parsed = (def.input as z.ZodType).safeParse(input, { reportInput: true });
        if (parsed.success) continue;
        for (const raw of parsed.error.issues) {
          const issue = issueFromSchema(raw);
          seen.add(issue.code ?? '');
          expectSaidProperly(issue);
        }
      }
    }
    // The sample reaches the common kinds; the next test covers every code by construction.
    expect([...seen].sort()).toEqual(expect.arrayContaining(['custom', 'invalid_type', 'invalid_value', 'too_big', 'too_small']));
  }, 60_000);

  it('have a sentence for every issue code and origin, and for every rule\'s reason, in both languages', () => {
    const origins = ['number', 'string', 'array', 'set', 'bigint', 'date'];
    for (const code of API_ISSUE_CODES) {
      for (const origin of origins) {
        for (const minimum of [0, 1, 5]) {
          for (const path of ['siteId', 'energy.windows.0.rateMilliPerKwh', 'fullName', 'gpsLat']) {
            expectSaidProperly({ path, code, message: 'Too small: expected number to be >0', params: { origin, minimum, maximum: minimum + 1, inclusive: true, expected: 'number' } });
          }
        }
      }
    }
    for (const reason of ISSUE_REASONS) {
      expect(en.te(`errors.issues.reason.${reason}`), reason).toBe(true);
      expect(fr.te(`errors.issues.reason.${reason}`), reason).toBe(true);
    }
  });

  it('are not written in the schema\'s words anywhere in the translations', () => {
    for (const locale of ['en', 'fr']) {
      for (const file of readdirSync(join(I18N, locale)).filter((f) => f.endsWith('.json'))) {
        expect(readFileSync(join(I18N, locale, file), 'utf8'), `${locale}/${file}`).not.toMatch(/Too (small|big):|expected (number|string) to be|thousandths of a minor unit/);
      }
    }
  });
});
