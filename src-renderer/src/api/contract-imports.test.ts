// The renderer may only `import type` from the contract: its zod schemas belong to the core, and a
// runtime import would pull zod (and any Node-only code) into the browser bundle.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = join(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(path);
    return /\.(vue|ts)$/.test(entry.name) ? [path] : [];
  });
}

describe('renderer imports from the contract', () => {
  it('are type-only everywhere', () => {
    const offenders: string[] = [];
    let typeImports = 0;
    for (const file of files(RENDERER)) {
      if (file.endsWith('contract-imports.test.ts')) continue;
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/import\s+(type\s+)?[^;]*?from\s+'([^']+)'/g)) {
        const from = match[2] ?? '';
        if (from !== '@contract' && !from.includes('src-main/')) continue;
        if (match[1]) typeImports++;
        else offenders.push(`${relative(RENDERER, file)}: ${match[0].replace(/\s+/g, ' ')}`);
      }
      // Dynamic imports and re-exports would slip past the pattern above.
      if (/import\(\s*'[^']*(src-main|@contract)/.test(text) || /export\s+\*?\s*(\{[^}]*\})?\s*from\s+'[^']*(src-main|@contract)/.test(text)) {
        offenders.push(`${relative(RENDERER, file)}: dynamic import or re-export of the contract`);
      }
    }
    expect(offenders).toEqual([]);
    expect(typeImports).toBeGreaterThan(10);
  });

  it('leave no contract code in the built bundle', () => {
    // The zod error text of a contract schema would appear in the bundle if a schema were imported.
    const assets = join(RENDERER, '..', 'out', 'renderer', 'assets');
    let bundle = '';
    try {
      bundle = readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
    } catch {
      return; // not built yet (unit tests may run before `npm run build`); the first check still holds
    }
    expect(bundle).not.toContain('Letters, digits and dashes only');
    expect(bundle).not.toContain('Use the date format YYYY-MM-DD');
  });
});
