// Opens the console's one SQLite file: WAL, foreign keys on, busy timeout, then migrations.
// Anything that is not a Coop Console database (or is corrupt) is refused before we write to it.
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { resolveResourceDir } from '../platform/resources.js';
import { loadMigrations, migrate, schemaVersion, SchemaTooNewError } from './migrations.js';

export type { Database } from 'better-sqlite3';

export interface OpenDatabaseOptions {
  /** Path of the database file; ':memory:' is allowed for pure unit tests only. */
  readonly file: string;
  /** Folder of numbered SQL migrations; defaults to the shipped `migrations/`. */
  readonly migrationsDir?: string;
  readonly readonly?: boolean;
}

export class DatabaseUnreadableError extends Error {
  constructor(file: string, cause: unknown) {
    const reason = ((cause as Error)?.message ?? String(cause)).replace(/\s*\n\s*/g, '; ').slice(0, 300);
    super(
      `The database file ${file} cannot be read as a SQLite database (${reason}). ` +
        'It was left untouched. Restore a backup or choose another file.',
    );
    this.name = 'DatabaseUnreadableError';
  }
}

export function openDatabase(options: OpenDatabaseOptions): Database {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  let db: Database;
  try {
    db = new BetterSqlite3(options.file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    // Touch the header before any write: a corrupt file fails here, not halfway through a migration.
    db.pragma('schema_version', { simple: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check: ${String(check)}`);
  } catch (error) {
    throw new DatabaseUnreadableError(options.file, error);
  }
  try {
    const migrations = loadMigrations(options.migrationsDir ?? resolveResourceDir('migrations'));
    // Refuse a newer schema before anything writes to the file (even switching it to WAL does).
    const supported = migrations.at(-1)?.version ?? 0;
    const found = schemaVersion(db);
    if (found > supported) throw new SchemaTooNewError(found, supported);
    if (!options.readonly && options.file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
