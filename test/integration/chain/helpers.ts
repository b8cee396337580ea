// Shared set-up for the chain integration tests: a temp data folder and SQLite file per test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../../src-main/core/db/connection.js';

export const PASSPHRASE = 'village microgrid 2026';

export interface TempEnv {
  readonly dataDir: string;
  readonly db: Database;
  cleanup(): void;
}

export function tempEnv(prefix: string): TempEnv {
  const dataDir = mkdtempSync(join(tmpdir(), `coop-${prefix}-`));
  const db = openDatabase({ file: join(dataDir, 'console.sqlite') });
  return {
    dataDir,
    db,
    cleanup() {
      try {
        db.close();
      } catch {
        /* already closed */
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function codeOf(run: () => unknown): Promise<string> {
  try {
    await run();
    return 'no error';
  } catch (error) {
    return (error as { code?: string }).code ?? `uncoded: ${String(error)}`;
  }
}
