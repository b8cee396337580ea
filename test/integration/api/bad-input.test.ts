// Bad input at every boundary of the HTTP carrier, and damaged or foreign database files handed
// to serve mode: each gets a clear error and the data stays intact.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { startHttpCarrier, type RunningHttpCarrier } from '../../../src-main/carriers/http/http-carrier.js';
import { ADMIN, COOP, HttpApiClient } from '../../support/api-client.js';
import { makeTempDir } from '../../support/temp-dir.js';

const temp = makeTempDir();
let core: Core;
let carrier: RunningHttpCarrier;
let api: HttpApiClient;
let siteId = 0;

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, log: () => {} });
  carrier = await startHttpCarrier({ dispatch: core.dispatch, events: core.events, staticDir: null, port: 0 });
  api = new HttpApiClient(carrier.url);
  api.token = (await api.ok('setup.initialize', { cooperative: COOP, admin: ADMIN })).token;
  siteId = (await api.ok('sites.create', { name: 'Soko Square' })).id;
  await api.ok('members.create', { memberNo: 'K-1', fullName: 'Kept Member', siteId, roles: ['consumer'], joinedOn: '2025-01-01' });
});
afterAll(async () => {
  await carrier.close();
  await core.close();
  temp.remove();
});

const count = async () => (await api.ok('members.list', { status: 'all' })).total;

describe('malformed requests', () => {
  it('answers invalid JSON with a VALIDATION error', async () => {
    const { status, json } = await api.raw('members.create', '{"memberNo": "K-2", ');
    expect(status).toBe(200);
    expect(json).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' } });
  });

  it('refuses a body over 12 MB with 413 and writes nothing', async () => {
    const { status, json } = await api.raw('members.importCommit', JSON.stringify({ csv: 'x'.repeat(13 * 1024 * 1024) }));
    expect(status).toBe(413);
    expect(json.ok ? '' : json.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await count()).toBe(1);
  });

  it('refuses oversized strings and wrong types field by field', async () => {
    const response = await api.call('members.create', { memberNo: 'K-3', fullName: 'N'.repeat(121), siteId, roles: ['consumer'], joinedOn: '2025-01-01', notes: 'n'.repeat(2001), gpsLat: 91 });
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.issues?.map((i) => i.path).sort()).toEqual(['fullName', 'gpsLat', 'notes']);
    const wrongType = await api.raw('members.update', JSON.stringify({ id: '1; DROP TABLE members', changes: {} }));
    expect(wrongType.json.ok ? '' : wrongType.json.error.code).toBe('VALIDATION');
    expect(await count()).toBe(1);
  });

  it('refuses a CSV over 5 MB at the schema', async () => {
    const response = await api.call('members.importPreview', { csv: 'a'.repeat(5_000_001) });
    expect(response.ok ? '' : response.error.message).toMatch(/larger than 5 MB/);
  });

  it('refuses a member on a site that does not exist', async () => {
    const response = await api.call('members.create', { memberNo: 'K-4', fullName: 'Nobody', siteId: 999, roles: ['consumer'], joinedOn: '2025-01-01' });
    expect(response.ok ? '' : response.error.code).toBe('NOT_FOUND');
    expect(await count()).toBe(1);
  });

  it('checks the Host header (DNS rebinding) and the HTTP method', async () => {
    const url = new URL('api/call/setup.status', carrier.url);
    const rebound = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request({ host: '127.0.0.1', port: carrier.port, path: url.pathname, method: 'POST', headers: { Host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0));
        req.on('error', reject);
        req.end('{}');
      }, reject);
    });
    expect(rebound).toBe(421);
    expect((await fetch(url)).status).toBe(405);
  });

  it('does not serve files outside the renderer folder', async () => {
    const response = await fetch(new URL('/..%2f..%2fpackage.json', carrier.url));
    expect(response.status).toBe(404);
  });
});

describe('backup and restore', () => {
  it('restores a backup, keeping a safety copy of what it replaced', async () => {
    const backup = await api.ok('backup.create', {});
    expect(backup.bytes).toBeGreaterThan(0);
    await api.ok('members.create', { memberNo: 'K-9', fullName: 'Added After Backup', siteId, roles: ['consumer'], joinedOn: '2025-01-01' });
    expect(await count()).toBe(2);
    const restored = await api.ok('backup.restore', { fileName: backup.fileName });
    expect(restored.safetyCopy).toMatch(/before-restore/);
    expect(await count()).toBe(1);
    const names = (await api.ok('backup.list', {})).map((b) => b.fileName);
    expect(names).toEqual(expect.arrayContaining([backup.fileName, restored.safetyCopy]));
  });

  it('refuses a damaged backup and leaves the live data alone', async () => {
    const good = await api.ok('backup.create', {});
    const damaged = good.fileName.replace('.sqlite', '-x.sqlite');
    const path = join(temp.path, 'backups', damaged);
    copyFileSync(join(temp.path, 'backups', good.fileName), path);
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096);
    closeSync(fd);
    const response = await api.call('backup.restore', { fileName: damaged });
    expect(response.ok ? '' : response.error.code).toBe('RESTORE_FAILED');
    expect(response.ok ? '' : response.error.message).toMatch(/Nothing was changed/);
    expect(await count()).toBe(1);
  });

  it('refuses a file name that is not a listed backup', async () => {
    const response = await api.call('backup.restore', { fileName: '../coop-console.sqlite' });
    expect(response.ok ? '' : response.error.code).toBe('VALIDATION');
  });
});

describe('serve mode with a database it must not open', () => {
  const cli = join(import.meta.dirname, '..', '..', '..', 'out', 'tsc', 'src-main', 'serve', 'cli.js');
  const runServe = (dbFile: string) =>
    spawnSync(process.execPath, [cli, '--data-dir', temp.path, '--db', dbFile, '--port', '0'], { encoding: 'utf8', timeout: 20_000 });

  it('refuses a database from a newer console and leaves it byte for byte', () => {
    const file = join(temp.path, 'newer.sqlite');
    const db = new BetterSqlite3(file);
    db.exec('CREATE TABLE t (x)');
    db.pragma('user_version = 42');
    db.close();
    const before = readFileSync(file);
    const result = runServe(file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/newer Coop Console \(schema version 42\)/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a corrupted database file with a clear message', () => {
    const file = join(temp.path, 'corrupt.sqlite');
    copyFileSync(core.databaseFile, file);
    core.database().pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(core.databaseFile, file);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 8192);
    closeSync(fd);
    const size = statSync(file).size;
    const result = runServe(file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot be read as a SQLite database .* left untouched/);
    expect(statSync(file).size).toBe(size);
  });

  it('refuses to listen beyond loopback without --allow-lan', () => {
    const result = spawnSync(process.execPath, [cli, '--data-dir', temp.path, '--host', '0.0.0.0', '--port', '0'], { encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Add --allow-lan/);
  });
});
