// Online backup with SQLite's backup API (consistent while the console keeps writing), and restore:
// the chosen backup is checked first (readable, integrity ok, a schema this console knows), a safety
// copy of the live database is taken, and only then is the live file replaced.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import type { BackupInfo } from '../../contract/system.js';
import { CoreError } from '../api/core-error.js';
import { isoNow, type Clock } from '../platform/clock.js';

const BACKUP_NAME = /^coop-backup-[0-9TZ-]+(-[a-z0-9-]+)?\.sqlite$/;

export class BackupService {
  constructor(
    private readonly dir: string,
    private readonly clock: Clock,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  list(): BackupInfo[] {
    return readdirSync(this.dir)
      .filter((name) => BACKUP_NAME.test(name))
      .map((fileName) => {
        const stat = statSync(join(this.dir, fileName));
        return { fileName, bytes: stat.size, createdAt: stat.mtime.toISOString() };
      })
      .sort((a, b) => b.fileName.localeCompare(a.fileName));
  }

  async create(db: Database, suffix = ''): Promise<BackupInfo> {
    const stamp = isoNow(this.clock).replace(/[:.]/g, '-');
    const fileName = `coop-backup-${stamp}${suffix ? `-${suffix}` : ''}.sqlite`;
    const target = join(this.dir, fileName);
    try {
      await db.backup(`${target}.partial`);
      renameSync(`${target}.partial`, target);
    } catch (error) {
      rmSync(`${target}.partial`, { force: true });
      throw new CoreError('BACKUP_FAILED', `The backup could not be written to ${this.dir}: ${(error as Error).message}`);
    }
    return { fileName, bytes: statSync(target).size, createdAt: isoNow(this.clock) };
  }

  /** Checks a backup before it replaces anything; returns its path. */
  verify(fileName: string, supportedVersion: number): string {
    if (!BACKUP_NAME.test(fileName)) throw new CoreError('RESTORE_FAILED', 'Choose one of the listed backup files.');
    const path = join(this.dir, fileName);
    if (!existsSync(path)) throw new CoreError('RESTORE_FAILED', `The backup ${fileName} is not in the backups folder any more.`);
    let probe: Database | null = null;
    try {
      probe = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
      const check = probe.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`integrity check says: ${String(check)}`);
      const version = probe.pragma('user_version', { simple: true }) as number;
      if (version > supportedVersion) throw new Error(`it was written by a newer console (schema ${version}, this one knows ${supportedVersion})`);
      const coop = probe.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'cooperative'").get() as { n: number };
      if (coop.n !== 1) throw new Error('it is not a Coop Console database');
    } catch (error) {
      throw new CoreError('RESTORE_FAILED', `The backup ${fileName} cannot be restored: ${(error as Error).message}. Nothing was changed.`);
    } finally {
      probe?.close();
    }
    return path;
  }

  /** Replaces the (closed) live database file with a verified backup. */
  replaceLiveFile(backupPath: string, liveFile: string): void {
    const staged = `${liveFile}.restoring`;
    copyFileSync(backupPath, staged);
    for (const suffix of ['-wal', '-shm']) rmSync(`${liveFile}${suffix}`, { force: true });
    renameSync(staged, liveFile);
  }
}
