// A failed recompute's cause as a code the renderer can say: SQLite's own error codes.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { recomputeErrorCode } from './energy-service.js';

describe('recomputeErrorCode', () => {
  it('names a busy, full or read-only database, and anything else as failed', () => {
    const sqlite = (code: string) => Object.assign(new Error('sqlite'), { code });
    expect(recomputeErrorCode(sqlite('SQLITE_BUSY'))).toBe('database_busy');
    expect(recomputeErrorCode(sqlite('SQLITE_BUSY_SNAPSHOT'))).toBe('database_busy');
    expect(recomputeErrorCode(sqlite('SQLITE_LOCKED'))).toBe('database_busy');
    expect(recomputeErrorCode(sqlite('SQLITE_FULL'))).toBe('disk_full');
    expect(recomputeErrorCode(sqlite('SQLITE_READONLY_DBMOVED'))).toBe('read_only');
    expect(recomputeErrorCode(new TypeError('x is undefined'))).toBe('failed');
    expect(recomputeErrorCode('a string')).toBe('failed');
  });
  it('reads the code of a real SQLite refusal', () => {
    const db = new Database(':memory:', { readonly: false });
    db.exec('CREATE TABLE t (x)');
    db.pragma('query_only = 1');
    let thrown: unknown = null;
    try {
      db.exec('INSERT INTO t VALUES (1)');
    } catch (error) {
      thrown = error;
    }
    db.close();
    expect(recomputeErrorCode(thrown)).toBe('read_only');
  });
});
