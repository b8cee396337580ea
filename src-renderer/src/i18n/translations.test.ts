// Every translation key exists in English and French, and every literal key the code uses exists.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const I18N = import.meta.dirname;
const SRC = join(I18N, '..');

function flatten(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  if (typeof value !== 'object' || value === null) throw new Error(`${prefix}: not a string or object`);
  return Object.entries(value).flatMap(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key));
}

function messages(locale: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(join(I18N, locale)).filter((f) => f.endsWith('.json'))) {
    const feature = file.replace(/\.json$/, '');
    const json: unknown = JSON.parse(readFileSync(join(I18N, locale, file), 'utf8'));
    for (const key of flatten(json)) {
      const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], json);
      out.set(`${feature}.${key}`, String(text));
    }
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(vue|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const en = messages('en');
const fr = messages('fr');

describe('translations', () => {
  it('have the same feature files in English and French', () => {
    expect(readdirSync(join(I18N, 'fr')).sort()).toEqual(readdirSync(join(I18N, 'en')).sort());
  });

  it('have exactly the same keys in English and French', () => {
    const missingInFr = [...en.keys()].filter((key) => !fr.has(key));
    const missingInEn = [...fr.keys()].filter((key) => !en.has(key));
    expect({ missingInFr, missingInEn }).toEqual({ missingInFr: [], missingInEn: [] });
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differ = [...en.entries()].filter(([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(fr.get(key) ?? '')));
    expect(differ.map(([key]) => key)).toEqual([]);
  });

  it('contain no characters vue-i18n would read as syntax (@ starts a linked message)', () => {
    const bad = [...en.entries(), ...fr.entries()].filter(([, text]) => /[@$]/.test(text));
    expect(bad).toEqual([]);
  });

  it('define every literal key the renderer asks for', () => {
    const used = new Map<string, string>();
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.set(match[1] as string, relative(SRC, file));
    }
    expect(used.size).toBeGreaterThan(100);
    const undefinedKeys = [...used.entries()].filter(([key]) => !en.has(key)).map(([key, file]) => `${key} (${file})`);
    expect(undefinedKeys).toEqual([]);
  });

  it('name every area, role and API error code the code builds keys for', () => {
    const dynamic = [
      ...['dashboard', 'members', 'equipment', 'agreements', 'tariffs', 'meters', 'energy', 'settlements', 'ledger', 'settings'].map((a) => `layout.nav.${a}`),
      ...['equipment', 'agreements', 'tariffs', 'meters', 'energy', 'settlements', 'ledger'].map((a) => `areas.holds.${a}`),
      ...['consumer', 'prosumer', 'owner', 'third_party', 'government'].map((r) => `members.roles.${r}`),
      ...['solar', 'wind', 'hydro', 'biogas', 'battery'].map((k) => `members.energy.${k}`),
      ...['admin', 'operator', 'technician', 'kiosk'].map((r) => `common.operatorRoles.${r}`),
    ];
    expect(dynamic.filter((key) => !en.has(key))).toEqual([]);
  });
});
