// The tree's rules, checked: the headless core never imports Electron, only the shell does; the
// renderer reaches the contract with `import type` only (it gets data, never main-process code).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|cts|mts|vue)$/.test(name)) out.push(path);
  }
  return out;
}

const importLines = (text: string) => text.split('\n').filter((line) => /^\s*(import|export)\b.*\bfrom\s+['"]|^\s*import\s+['"]|require\(/.test(line));

describe('architecture rules', () => {
  it('no file outside src-main/electron imports electron', () => {
    const offenders = sourceFiles(join(root, 'src-main'))
      .filter((file) => !relative(root, file).startsWith(join('src-main', 'electron')))
      .filter((file) => importLines(readFileSync(file, 'utf8')).some((line) => /['"]electron['"]/.test(line)))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });

  it('the renderer imports only types from the contract and nothing else from src-main', () => {
    const rendererSrc = join(root, 'src-renderer');
    const offenders: string[] = [];
    for (const file of sourceFiles(rendererSrc)) {
      for (const line of importLines(readFileSync(file, 'utf8'))) {
        const reachesMain = /src-main\/|@contract/.test(line);
        if (reachesMain && !/^\s*(import|export)\s+type\b/.test(line)) offenders.push(`${relative(root, file)}: ${line.trim()}`);
        if (/src-main\/(?!contract)/.test(line)) offenders.push(`${relative(root, file)}: ${line.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
