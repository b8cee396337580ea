import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { compactNodeDatabase, genesisRuntimeCode, RUNTIME_CODE_KEY } from './node-db-compaction.js';

const GENESIS = `0x${'aa'.repeat(4096)}`;
const UPGRADE = `0x${'bb'.repeat(4096)}`;
let dir = '';

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database shaped like chopsticks' own (same table and columns), with the given block diffs. */
function nodeDb(diffs: Array<Record<string, string | null> | string>): string {
  dir = mkdtempSync(join(tmpdir(), 'node-db-'));
  const file = join(dir, 'db.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE "block" ("hash" varchar PRIMARY KEY NOT NULL, "number" integer NOT NULL, "header" text NOT NULL, "parentHash" varchar, "extrinsics" text NOT NULL, "storageDiff" text)');
  const insert = db.prepare('INSERT INTO block VALUES (?, ?, ?, ?, ?, ?)');
  diffs.forEach((diff, i) => insert.run(`0x${i + 1}`, i + 1, '0x00', i === 0 ? null : `0x${i}`, '[]', typeof diff === 'string' ? diff : JSON.stringify(diff)));
  db.close();
  return file;
}

function storedDiffs(file: string): Array<Record<string, string | null>> {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare('SELECT storageDiff FROM block ORDER BY number').all() as Array<{ storageDiff: string }>;
  db.close();
  return rows.map((row) => JSON.parse(row.storageDiff) as Record<string, string | null>);
}

describe('node database compaction', () => {
  it('drops copies of the runtime in force and keeps genuine upgrades, in height order', () => {
    const file = nodeDb([
      { '0x01': '0x10' },
      { [RUNTIME_CODE_KEY]: GENESIS, '0x02': '0x20' },
      { [RUNTIME_CODE_KEY]: UPGRADE },
      { [RUNTIME_CODE_KEY]: UPGRADE, '0x03': null },
      { [RUNTIME_CODE_KEY]: GENESIS },
    ]);
    const done = compactNodeDatabase(file, GENESIS);
    expect(done).toMatchObject({ blocksCompacted: 2, runtimeUpgrades: 2 });
    expect(done.bytesAfter).toBeLessThan(done.bytesBefore);
    expect(storedDiffs(file)).toEqual([
      { '0x01': '0x10' },
      { '0x02': '0x20' },
      { [RUNTIME_CODE_KEY]: UPGRADE },
      { '0x03': null },
      { [RUNTIME_CODE_KEY]: GENESIS },
    ]);
    // A second pass finds nothing more to drop, and the upgrades are still there.
    expect(compactNodeDatabase(file, GENESIS)).toMatchObject({ blocksCompacted: 0, runtimeUpgrades: 2 });
  });

  it('leaves a value that merely contains the key text alone', () => {
    const file = nodeDb([{ '0x04': `"${RUNTIME_CODE_KEY}":` }]);
    expect(compactNodeDatabase(file, GENESIS).blocksCompacted).toBe(0);
    expect(storedDiffs(file)).toEqual([{ '0x04': `"${RUNTIME_CODE_KEY}":` }]);
  });

  it('changes nothing when one stored diff is unreadable (one transaction)', () => {
    const file = nodeDb([{ [RUNTIME_CODE_KEY]: GENESIS }, `{"${RUNTIME_CODE_KEY}": broken`]);
    expect(() => compactNodeDatabase(file, GENESIS)).toThrow();
    const db = new Database(file, { readonly: true });
    const first = db.prepare('SELECT storageDiff FROM block WHERE number = 1').get() as { storageDiff: string };
    db.close();
    expect(JSON.parse(first.storageDiff)).toEqual({ [RUNTIME_CODE_KEY]: GENESIS });
  });

  it('does nothing for a node that never ran, and reads the genesis code from the raw spec', () => {
    dir = mkdtempSync(join(tmpdir(), 'node-db-'));
    expect(compactNodeDatabase(join(dir, 'db.sqlite'), GENESIS).blocksCompacted).toBe(0);
    const spec = join(dir, 'spec.json');
    writeFileSync(spec, JSON.stringify({ genesis: { raw: { top: { [RUNTIME_CODE_KEY]: GENESIS } } } }));
    expect(genesisRuntimeCode(spec)).toBe(GENESIS);
    writeFileSync(spec, JSON.stringify({ genesis: { raw: { top: {} } } }));
    expect(() => genesisRuntimeCode(spec)).toThrow(/no runtime code/);
  });
});
