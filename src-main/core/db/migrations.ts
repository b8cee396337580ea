// Schema migrations: numbered SQL files (`0001_name.sql`) applied in order, each in its own
// transaction together with the bump of PRAGMA user_version, so a failure leaves the previous
// version intact. A database written by a newer console is refused rather than guessed at.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This database was written by a newer Coop Console (schema version ${found}); ` +
        `this console understands up to version ${supported}. Update the console, or open another database file.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

export class MigrationFailedError extends Error {
  constructor(
    readonly migration: Migration,
    cause: unknown,
  ) {
    super(
      `Migration ${migration.version} (${migration.name}) failed and was rolled back: ${(cause as Error)?.message ?? String(cause)}`,
    );
    this.name = 'MigrationFailedError';
  }
}

export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: FILE_PATTERN.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({
      version: Number(match[1]),
      name: match[2] ?? file,
      sql: readFileSync(join(dir, file), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new Error(`Migrations must be numbered 0001, 0002, … without gaps; found ${m.version} at position ${index + 1}`);
    }
  });
  return migrations;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration newer than the file's user_version; returns the versions applied. */
export function migrate(db: Database, migrations: readonly Migration[]): number[] {
  const supported = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > supported) throw new SchemaTooNewError(current, supported);
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    const apply = db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply.immediate();
    } catch (error) {
      throw new MigrationFailedError(migration, error);
    }
    applied.push(migration.version);
  }
  return applied;
}
