// Keeps the embedded node's database small. chopsticks caches every storage value a block reads
// into that block's top storage layer and saves the layer as the block's "diff"; blocks that carry
// extrinsics read the runtime code (`:code`, 1.2 MB for this runtime), so each of them stored a
// full copy of it: ≈ 1.2 MB of disk per block, gigabytes after a season of settlements.
//
// A diff entry equal to the value in force at the parent block changes nothing: dropping it gives
// the same state at every block (chopsticks reads a key from the newest layer that has it). Only
// `:code` is worth the work; the other cached reads are a few kB. A genuine runtime upgrade (a
// value different from the one in force) is kept. Runs while the node is NOT running (before each
// start), in one transaction, so a failure leaves the database as it was.
import { existsSync, readFileSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

/** `:code` as chopsticks spells storage keys (hex of the UTF-8 bytes). */
export const RUNTIME_CODE_KEY = '0x3a636f6465';

export interface NodeDbCompaction {
  /** Blocks whose stored diff lost an unchanged copy of the runtime code. */
  readonly blocksCompacted: number;
  /** Blocks whose diff really changes the runtime (kept as they are). */
  readonly runtimeUpgrades: number;
  readonly bytesBefore: number;
  readonly bytesAfter: number;
  readonly ms: number;
}

const NOTHING: NodeDbCompaction = { blocksCompacted: 0, runtimeUpgrades: 0, bytesBefore: 0, bytesAfter: 0, ms: 0 };

/** The runtime code in the raw chain spec's genesis (the value in force before any block). */
export function genesisRuntimeCode(specFile: string): string {
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as { genesis?: { raw?: { top?: Record<string, unknown> } } };
  const code = spec.genesis?.raw?.top?.[RUNTIME_CODE_KEY];
  if (typeof code !== 'string' || !code.startsWith('0x')) throw new Error(`${specFile} has no runtime code in its raw genesis`);
  return code;
}

/**
 * Drops unchanged copies of the runtime code from the stored block diffs of a chopsticks database
 * (`block.storageDiff`, JSON), then gives the freed pages back to the file system.
 * Blocks are taken in height order: the embedded node builds one linear chain (Instant mode; a
 * block stored again at the same height replaces the old one).
 */
export function compactNodeDatabase(dbFile: string, genesisCode: string): NodeDbCompaction {
  if (!existsSync(dbFile)) return NOTHING;
  const started = Date.now();
  const bytesBefore = fileBytes(dbFile);
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'block'").get()) return NOTHING;
    // Only rows that still mention the key are read: once compacted, later starts scan small rows.
    const rows = db
      .prepare(`SELECT hash, number, storageDiff FROM block WHERE instr(storageDiff, '"${RUNTIME_CODE_KEY}":') > 0 ORDER BY number`)
      .all() as Array<{ hash: string; number: number; storageDiff: string }>;
    const update = db.prepare('UPDATE block SET storageDiff = ? WHERE hash = ?');
    let inForce = genesisCode;
    let blocksCompacted = 0;
    let runtimeUpgrades = 0;
    db.transaction(() => {
      for (const row of rows) {
        const diff = JSON.parse(row.storageDiff) as Record<string, string | null>;
        const code = diff[RUNTIME_CODE_KEY];
        if (code === undefined) continue; // the key text appeared inside a value, not as a key
        if (code !== inForce) {
          runtimeUpgrades++;
          if (typeof code === 'string') inForce = code;
          continue;
        }
        delete diff[RUNTIME_CODE_KEY];
        update.run(JSON.stringify(diff), row.hash);
        blocksCompacted++;
      }
    })();
    if (blocksCompacted > 0) {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    return { blocksCompacted, runtimeUpgrades, bytesBefore, bytesAfter: fileBytes(dbFile), ms: Date.now() - started };
  } finally {
    db.close();
  }
}

function fileBytes(dbFile: string): number {
  let total = 0;
  for (const suffix of ['', '-wal']) {
    const file = `${dbFile}${suffix}`;
    if (existsSync(file)) total += statSync(file).size;
  }
  return total;
}
