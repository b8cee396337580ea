// Chopsticks announces a new block to its subscribers (setHead) before it writes that block to its
// database (saveBlockToDB), and a SIGTERM ends it without waiting for the write. A node stopped right
// after a block was finalized would come back without it, and the console would have recorded as
// "on chain" an extrinsic the chain no longer has. So a clean stop first waits until the database
// holds the head the node announced (bounded: a node that does not answer is stopped anyway).
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { rpcCall } from './rpc-probe.js';

/** True once `dbFile` holds the node's head block; false if that could not be seen within `timeoutMs`. */
export async function waitForHeadPersisted(endpoint: string, dbFile: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let head: unknown;
  try {
    head = await rpcCall(endpoint, 'chain_getBlockHash', [], Math.min(timeoutMs, 2_000));
  } catch {
    return false; // the node does not answer: nothing more can be saved by waiting
  }
  if (typeof head !== 'string' || !existsSync(dbFile)) return false;
  while (Date.now() < deadline) {
    if (blockStored(dbFile, head)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

function blockStored(dbFile: string, hash: string): boolean {
  let db: Database.Database | null = null;
  try {
    db = new Database(dbFile, { readonly: true, fileMustExist: true, timeout: 200 });
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'block'").get();
    return hasTable !== undefined && db.prepare('SELECT 1 FROM block WHERE hash = ?').get(hash) !== undefined;
  } catch {
    return false; // busy or mid-write: look again
  } finally {
    db?.close();
  }
}
