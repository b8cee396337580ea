import { mkdirSync, writeFileSync, copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, DatabaseUnreadableError } from '../../src-main/core/db/connection.js';
import { loadMigrations, migrate, MigrationFailedError, SchemaTooNewError, schemaVersion } from '../../src-main/core/db/migrations.js';
import { resolveResourceDir } from '../../src-main/core/platform/resources.js';
import { makeTempDir } from '../support/temp-dir.js';

const shipped = loadMigrations(resolveResourceDir('migrations'));
let temp = makeTempDir();
afterEach(() => {
  temp.remove();
  temp = makeTempDir();
});

/** A copy of the shipped migrations up to `version`, to simulate an older console. */
function migrationsUpTo(version: number): string {
  const dir = join(temp.path, `migrations-${version}`);
  mkdirSync(dir);
  for (const file of readdirSync(resolveResourceDir('migrations'))) {
    if (Number(file.slice(0, 4)) <= version) copyFileSync(join(resolveResourceDir('migrations'), file), join(dir, file));
  }
  return dir;
}

describe('migrations', () => {
  it('bring a fresh file to the newest version with WAL and foreign keys on', () => {
    const db = openDatabase({ file: join(temp.path, 'fresh.sqlite') });
    expect(schemaVersion(db)).toBe(shipped.at(-1)!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('upgrade an older database and keep its rows', () => {
    const file = join(temp.path, 'old.sqlite');
    const old = openDatabase({ file, migrationsDir: migrationsUpTo(1) });
    expect(schemaVersion(old)).toBe(1);
    old.prepare("INSERT INTO sites (name, created_at) VALUES ('North', '2025-01-01T00:00:00Z')").run();
    old.close();
    const upgraded = openDatabase({ file });
    expect(schemaVersion(upgraded)).toBe(shipped.at(-1)!.version);
    expect(upgraded.prepare('SELECT name FROM sites').all()).toEqual([{ name: 'North' }]);
    upgraded.close();
  });

  it('refuse a database written by a newer console and leave it untouched', () => {
    const file = join(temp.path, 'newer.sqlite');
    const raw = new BetterSqlite3(file);
    raw.exec('CREATE TABLE future (x INTEGER)');
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDatabase({ file })).toThrow(SchemaTooNewError);
    expect(() => openDatabase({ file })).toThrow(/newer Coop Console \(schema version 999\)/);
    const after = new BetterSqlite3(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(999);
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'members'").get()).toEqual({ n: 0 });
    after.close();
  });

  it('roll a failing migration back completely, keeping the previous version', () => {
    const dir = migrationsUpTo(1);
    writeFileSync(join(dir, '0002_broken.sql'), 'CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);');
    const db = new BetterSqlite3(join(temp.path, 'broken.sqlite'));
    expect(() => migrate(db, loadMigrations(dir))).toThrow(MigrationFailedError);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuse numbering with a gap', () => {
    const dir = join(temp.path, 'gap');
    mkdirSync(dir);
    writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/without gaps/);
  });

  it('refuse a file that is not a SQLite database without changing it', () => {
    const file = join(temp.path, 'garbage.sqlite');
    const garbage = Buffer.from('this is a spreadsheet, not a database'.repeat(200));
    writeFileSync(file, garbage);
    expect(() => openDatabase({ file })).toThrow(DatabaseUnreadableError);
    expect(() => openDatabase({ file })).toThrow(/left untouched/);
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });
});
