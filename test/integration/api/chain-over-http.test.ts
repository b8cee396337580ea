// The Ledger API over the real HTTP/WS carrier with the real embedded node (chopsticks running the
// Asset Hub runtime) on a temp data folder — one node for the file: status reaches ready with pushed
// events, the keystore (weak/wrong passphrase refused clearly), the automatic set-up after unlock,
// balances, a mint through the outbox, an anchor that verifies (and a tampered record that does
// not), a provisioned meter's attestation anchored through the evidence sink, a locked keystore
// that holds the outbox, malformed input refused, an external endpoint without our pallets refused
// by the real capability check, no secret in the database, and a switch off and back on.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import polkadotMetadata from '@polkadot/types-support/metadata/static-polkadot';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { startHttpCarrier, type RunningHttpCarrier } from '../../../src-main/carriers/http/http-carrier.js';
import type { ChainStatusView, EventMessage, OutboxRowView } from '../../../src-main/contract/index.js';
import { ADMIN, COOP, HttpApiClient } from '../../support/api-client.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { startEmulator, type RunningEmulator } from '../meters/harness.js';

const PASSPHRASE = 'village microgrid 2026';
const temp = makeTempDir('coop-chain-api-');
let core: Core;
let carrier: RunningHttpCarrier;
let api: HttpApiClient;
let socket: WebSocket;
const received: EventMessage[] = [];
const emulators: RunningEmulator[] = [];
const results: unknown[] = []; // every value the API returned, checked for secrets at the end

const code = (response: { ok: boolean; error?: { code: string } }) => (response.ok ? 'OK' : response.error?.code);
const message = (response: { ok: boolean; error?: { message: string } }) => (response.ok ? '' : (response.error?.message ?? ''));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ok<T>(p: Promise<T>): Promise<T> {
  const value = await p;
  results.push(value);
  return value;
}

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms; last ${JSON.stringify(value).slice(0, 800)}`);
    await sleep(200);
  }
}

const status = () => ok(api.ok('chain.status', {}));
const outboxRow = async (id: number): Promise<OutboxRowView | undefined> => (await api.ok('chain.outbox.list', { limit: 1000 })).rows.find((r) => r.id === id);
const settled = (id: number) => until(`outbox ${id} settled`, () => outboxRow(id), (r) => r?.status === 'finalized' || r?.status === 'failed');

/** A loopback endpoint that answers state_getMetadata with the real Polkadot relay metadata (no Assets, no Uniques). */
async function relayMetadataEndpoint(): Promise<{ url: string; close(): Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  server.on('connection', (ws) =>
    ws.on('message', (raw) => {
      const request = JSON.parse(raw.toString()) as { id: number; method: string };
      ws.send(JSON.stringify(request.method === 'state_getMetadata' ? { jsonrpc: '2.0', id: request.id, result: polkadotMetadata } : { jsonrpc: '2.0', id: request.id, error: { code: -32601, message: 'Method not found' } }));
    }),
  );
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `ws://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Our node's processes: chopsticks runs with a config file inside our temp data folder. */
const ourNodes = (): string => {
  try {
    return execFileSync('pgrep', ['-fa', join(temp.path, 'chain')], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

let startedAt = 0;
beforeAll(async () => {
  startedAt = Date.now();
  core = createCore({ dataDir: temp.path, chain: { mode: 'embedded' }, log: () => {} });
  carrier = await startHttpCarrier({ dispatch: core.dispatch, events: core.events, staticDir: null, port: 0 });
  api = new HttpApiClient(carrier.url);
  api.token = (await api.ok('setup.initialize', { cooperative: COOP, admin: ADMIN })).token;
  socket = new WebSocket(`${carrier.url.replace('http', 'ws')}api/events?token=${api.token}`);
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as EventMessage));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
}, 30_000);
afterAll(async () => {
  socket?.close();
  await Promise.allSettled(emulators.map((e) => e.stop()));
  await carrier?.close();
  await core?.close();
  const left = ourNodes();
  temp.remove();
  expect(left, 'core.close() must stop the node').toBe('');
}, 30_000);

describe('the Ledger API over HTTP with the embedded node', () => {
  it('reaches ready with the latest block, pushing status and head events', async () => {
    const ready = await until('connection ready', status, (s) => s.connection?.state === 'ready' && s.head !== null, 60_000);
    console.log(`embedded node ready after ${Date.now() - startedAt} ms (head #${ready.head?.number})`);
    expect(ready.choice).toEqual({ mode: 'embedded', endpoint: null, source: 'default' });
    expect(ready.node?.state).toBe('running');
    expect(ready.connection?.endpoint).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.connection?.specName).toBeTruthy();
    expect(ready.keystore).toEqual({ initialized: false, unlocked: false });
    expect(ready.setup).toBeNull();
    await sleep(400);
    const statuses = received.filter((m) => m.event === 'chain.status').map((m) => m.payload as ChainStatusView);
    expect(statuses.some((s) => s.connection?.state === 'connecting')).toBe(true);
    expect(statuses.some((s) => s.connection?.state === 'ready')).toBe(true);
    expect(received.some((m) => m.event === 'chain.head')).toBe(true);
  });

  it('creates the keystore: a weak passphrase and a wrong one are refused with clear errors', async () => {
    const early = await api.call('chain.keystore.unlock', { passphrase: PASSPHRASE });
    expect(code(early)).toBe('KEYSTORE_NOT_INITIALIZED');
    const weak = await api.call('chain.keystore.initialize', { passphrase: 'short' });
    expect(code(weak)).toBe('VALIDATION');
    expect(weak.ok ? [] : weak.error.issues?.map((i) => i.path)).toEqual(['passphrase']);
    expect(message(weak)).toContain('at least 10 characters');

    const created = await ok(api.ok('chain.keystore.initialize', { passphrase: PASSPHRASE }));
    expect(created.keystore).toEqual({ initialized: true, unlocked: true });
    expect(code(await api.call('chain.keystore.initialize', { passphrase: PASSPHRASE }))).toBe('KEYSTORE_ALREADY_INITIALIZED');
    // The set-up started by itself; let it finish before locking.
    await until('set-up done', status, (s) => s.bootstrap.state === 'done' || s.bootstrap.state === 'failed', 90_000);

    const locked = await ok(api.ok('chain.keystore.lock', {}));
    expect(locked.keystore.unlocked).toBe(false);
    const wrong = await api.call('chain.keystore.unlock', { passphrase: 'not the passphrase' });
    expect(code(wrong)).toBe('KEYSTORE_WRONG_PASSPHRASE');
    expect(message(wrong)).toMatch(/passphrase is wrong/);
    expect((await status()).keystore.unlocked).toBe(false);
  });

  it('unlocks; the set-up runs (idempotent) and the cooperative accounts hold funds and the two assets', async () => {
    const unlocked = await ok(api.ok('chain.keystore.unlock', { passphrase: PASSPHRASE }));
    expect(unlocked.keystore.unlocked).toBe(true);
    const done = await until('set-up done', status, (s) => s.bootstrap.state === 'done' || s.bootstrap.state === 'failed', 90_000);
    expect(done.bootstrap.error).toBeNull();
    expect(done.setup?.energyCredit).toMatchObject({ assetId: 1000, symbol: 'EC-KES', decimals: 2 });
    expect(done.setup?.greenToken).toMatchObject({ assetId: 1001, symbol: 'GREEN' });
    const keys = await ok(api.ok('chain.keystore.keys', {}));
    expect(keys.map((k) => k.role).sort()).toEqual(['issuer', 'treasury']);

    const accounts = await ok(api.ok('chain.accounts', {}));
    expect(accounts.map((a) => a.role)).toEqual(['treasury', 'issuer']);
    for (const a of accounts) {
      expect(BigInt(a.free)).toBeGreaterThan(0n);
      expect(a.address).toBe(a.role === 'treasury' ? done.setup?.treasury : done.setup?.issuer);
      expect(a.assets.map((x) => x.symbol)).toEqual(['EC-KES', 'GREEN']);
    }
    // The set-up transaction is listed with its block.
    const txs = await ok(api.ok('chain.transactions', {}));
    expect(txs.find((t) => t.ref === 'bootstrap')).toMatchObject({ source: 'direct', status: 'finalized' });
  });

  it('refuses malformed addresses and amounts at the API, and mints energy credit through the outbox', async () => {
    const accounts = await api.ok('chain.accounts', {});
    const treasury = accounts[0]!.address;
    const cases = [
      [{ to: 'not-an-address', amount: '100' }, 'to'],
      [{ to: treasury.slice(0, -1) + (treasury.endsWith('a') ? 'b' : 'a'), amount: '100' }, 'to'], // checksum broken
      [{ to: treasury, amount: '1.5' }, 'amount'],
      [{ to: treasury, amount: '0' }, 'amount'],
      [{ to: treasury, amount: '-5' }, 'amount'],
      [{ to: treasury, amount: '1'.repeat(40) }, 'amount'],
      [{ to: treasury, amount: '9'.repeat(39) }, 'amount'], // above u128
    ] as const;
    for (const [input, field] of cases) {
      const refused = await api.call('chain.transfer', { from: 'issuer', asset: 'energyCredit', ...input });
      expect(code(refused), JSON.stringify(input)).toBe('VALIDATION');
      expect(refused.ok ? [] : refused.error.issues?.map((i) => i.path), JSON.stringify(input)).toContain(field);
    }
    const before = (await api.ok('chain.outbox.list', {})).counts;
    expect(before.pending).toBe(0);

    const queued = await ok(api.ok('chain.transfer', { from: 'issuer', to: treasury, asset: 'energyCredit', amount: '150000' }));
    expect(queued.kind).toBe('assetMint');
    const row = await settled(queued.id);
    expect(row?.status).toBe('finalized');
    expect(row?.blockNumber).toBeGreaterThan(0);
    const after = await api.ok('chain.accounts', {});
    expect(after[0]?.assets.find((a) => a.symbol === 'EC-KES')?.balance).toBe('150000');
    await sleep(400);
    expect(received.some((m) => m.event === 'chain.outbox' && (m.payload as { rows: readonly OutboxRowView[] }).rows.some((r) => r.id === queued.id && r.status === 'finalized'))).toBe(true);
    expect(received.some((m) => m.event === 'chain.tx' && (m.payload as { ref: string | null }).ref === `outbox:${queued.id}`)).toBe(true);
  });

  it('anchors records through the outbox; the proof verifies, a tampered record does not', async () => {
    const refused = await api.call('chain.anchors.create', { subject: 'Bad Subject', records: [{ key: 'a', data: 'x' }] });
    expect(code(refused)).toBe('VALIDATION');
    const anchor = await ok(api.ok('chain.anchors.create', { subject: 'notes', records: [{ key: 'note:1', data: 'Board meeting 2026-11-02: tariff v3 approved' }, { key: 'note:2', data: 'Audit passed' }, { key: 'note:3', data: 'x' }] }));
    expect(anchor).toMatchObject({ subject: 'notes', leafCount: 3, status: 'pending' });
    const row = await settled(anchor.outboxId);
    expect(row?.status).toBe('finalized');

    const listed = await ok(api.ok('chain.anchors.list', {}));
    expect(listed[0]).toMatchObject({ id: anchor.id, status: 'finalized', recordKeys: ['note:1', 'note:2', 'note:3'] });
    expect(listed[0]?.blockNumber).toBe(row?.blockNumber);

    const good = await ok(api.ok('chain.anchors.check', { anchorId: anchor.id, recordKey: 'note:2' }));
    expect(good).toMatchObject({ valid: true, reason: null, data: 'Audit passed' });
    expect(good.proof.blockNumber).toBe(row?.blockNumber);
    const tampered = await api.ok('chain.anchors.check', { anchorId: anchor.id, recordKey: 'note:2', data: 'Audit failed' });
    expect(tampered.valid).toBe(false);
    expect(tampered.reason).toContain('does not match the proof');
    // The self-contained proof verifies on its own too (what a member's kiosk would do).
    const proof = { ...good.proof, steps: [...good.proof.steps] }; // the input schema's type wants a mutable array
    expect(await api.ok('chain.anchors.verify', { proof, data: 'Audit passed' })).toEqual({ valid: true, reason: null });
    const forged = await api.ok('chain.anchors.verify', { proof: { ...proof, blockNumber: proof.blockNumber + 1 }, data: 'Audit passed' });
    expect(forged.valid).toBe(false);

    const finalized = await ok(api.ok('chain.outbox.list', { status: 'finalized' }));
    expect(finalized.rows.some((r) => r.id === anchor.outboxId && r.kind === 'anchor' && r.waitingFor === null)).toBe(true);
    const txs = await api.ok('chain.transactions', {});
    expect(txs.find((t) => t.ref === `outbox:${anchor.outboxId}`)).toMatchObject({ status: 'finalized', blockNumber: row?.blockNumber, kind: 'anchor' });
  });

  it("anchors a provisioned meter's attestation evidence through the outbox (evidence sink)", async () => {
    await api.ok('meters.trust.importDemo', {});
    const site = await api.ok('sites.create', { name: 'Mto Mill', village: 'Mto' });
    const member = await api.ok('members.create', { memberNo: 'M-0001', fullName: 'Wanjiru Kamau', siteId: site.id, roles: ['prosumer'], joinedOn: '2025-02-03' });
    const emu = await startEmulator(temp.path, join(temp.path, 'meter-a.json'), ['--quiet']);
    emulators.push(emu);
    const run = await api.ok('meters.provision.start', { portPath: emu.consolePath, memberId: member.id, intervalSeconds: 900 });
    const done = await until('provisioned', () => api.ok('meters.provision.status', { runId: run.id }), (r) => r.status !== 'running', 30_000);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');

    const anchored = await until('attestation anchored', () => api.ok('chain.anchors.list', {}), (list) => list.some((a) => a.subject === 'meter-attestation' && a.status === 'finalized'), 60_000);
    const evidence = anchored.find((a) => a.subject === 'meter-attestation')!;
    expect(evidence.recordKeys[0]).toMatch(/^meter_attestations:\d+$/);
    const verdict = await api.ok('chain.anchors.check', { anchorId: evidence.id });
    expect(verdict.valid).toBe(true);
    const meter = await api.ok('meters.get', { id: done.result!.meterId });
    expect(verdict.data).toBe(meter.attestations[0]?.evidenceSha256);
  });

  it('holds the outbox while the keystore is locked, says so, and sends after unlock', async () => {
    await ok(api.ok('chain.keystore.lock', {}));
    const anchor = await ok(api.ok('chain.anchors.create', { subject: 'notes', records: [{ key: 'note:locked', data: 'written while locked' }] }));
    await sleep(1500);
    const waiting = await outboxRow(anchor.outboxId);
    expect(waiting).toMatchObject({ status: 'pending', waitingFor: 'unlock', nextRetryAt: null });
    const s = await status();
    expect(s.outboxWaiting).toContain('keystore is locked');
    // Retry now cannot sign either; the row stays queued.
    const retried = await ok(api.ok('chain.outbox.retry', {}));
    expect(retried.rows.find((r) => r.id === anchor.outboxId)?.status).toBe('pending');
    expect(code(await api.call('chain.outbox.retry', { id: anchor.outboxId }))).toBe('CONFLICT');

    await ok(api.ok('chain.keystore.unlock', { passphrase: PASSPHRASE }));
    expect((await settled(anchor.outboxId))?.status).toBe('finalized');
    expect((await status()).outboxWaiting).toBeNull();
  });

  it('refuses an external endpoint without our pallets (real capability check) and keeps the embedded node', async () => {
    expect(code(await api.call('chain.settings.setEndpoint', { mode: 'external', endpoint: 'http://127.0.0.1:9944' }))).toBe('VALIDATION');
    const relay = await relayMetadataEndpoint();
    try {
      const refused = await api.call('chain.settings.setEndpoint', { mode: 'external', endpoint: relay.url });
      expect(code(refused)).toBe('CHAIN_MISSING_CAPABILITIES');
      expect(message(refused)).toContain('it lacks Assets (pallet), Uniques (pallet).');
      expect(refused.ok ? null : refused.error.details?.missing).toEqual(['Assets (pallet)', 'Uniques (pallet)']);
    } finally {
      await relay.close();
    }
    const unreachable = await api.call('chain.settings.setEndpoint', { mode: 'external', endpoint: 'ws://127.0.0.1:1' });
    expect(code(unreachable)).toBe('CHAIN_NOT_CONNECTED');
    const s = await status();
    expect(s.choice.mode).toBe('embedded');
    expect(s.connection?.state).toBe('ready');
    expect((await api.ok('chain.settings.get', {})).saved).toBeNull();
  });

  it('keeps secrets out of the database, the audit log and every API result', async () => {
    const db = core.database();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const files = readdirSync(temp.path).filter((f) => f.startsWith('coop-console.sqlite'));
    for (const f of files) expect(readFileSync(join(temp.path, f)).includes(Buffer.from(PASSPHRASE)), f).toBe(false);
    const audit = await api.ok('audit.list', { limit: 200 });
    expect(audit.filter((a) => a.action.startsWith('chain.keystore')).length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(audit)).not.toContain(PASSPHRASE);
    expect(JSON.stringify(results)).not.toContain(PASSPHRASE);
    expect(JSON.stringify(received)).not.toContain(PASSPHRASE);
    // A keystore backup is encrypted JSON; restoring it with a wrong passphrase or a corrupt file fails clearly.
    const backup = await api.ok('chain.keystore.backup', { passphrase: 'backup passphrase 1' });
    expect(backup.json).not.toContain(PASSPHRASE);
    expect(code(await api.call('chain.keystore.restore', { json: backup.json, passphrase: 'another passphrase' }))).toBe('KEYSTORE_WRONG_PASSPHRASE');
    expect(code(await api.call('chain.keystore.restore', { json: '{"hello": 1}', passphrase: 'backup passphrase 1' }))).toBe('KEYSTORE_CORRUPT_FILE');
    expect(code(await api.call('chain.keystore.restore', { json: 'not json', passphrase: 'backup passphrase 1' }))).toBe('KEYSTORE_CORRUPT_FILE');
    expect(await api.ok('chain.keystore.restore', { json: backup.json, passphrase: 'backup passphrase 1' })).toEqual([]); // every key already present
  });

  it('switches the chain off (node stopped) and back to embedded (resumed; events flow again)', async () => {
    const headBefore = (await status()).head?.number ?? 0;
    const off = await ok(api.ok('chain.settings.setEndpoint', { mode: 'off' }));
    expect(off.choice).toEqual({ mode: 'off', endpoint: null, source: 'settings' });
    expect(off.connection).toBeNull();
    expect(ourNodes()).toBe('');
    expect(code(await api.call('chain.accounts', {}))).toBe('CHAIN_OFF');
    expect((await api.ok('chain.outbox.list', {})).rows.length).toBeGreaterThan(0); // the record stays readable

    const started = Date.now();
    await ok(api.ok('chain.settings.setEndpoint', { mode: 'embedded' }));
    const back = await until('ready again', status, (s) => s.connection?.state === 'ready' && s.head !== null, 60_000);
    console.log(`switch back to embedded: ready after ${Date.now() - started} ms`);
    expect(back.head!.number).toBeGreaterThanOrEqual(headBefore);
    expect(back.keystore).toEqual({ initialized: true, unlocked: false });
    expect((await api.ok('chain.settings.get', {})).saved).toMatchObject({ mode: 'embedded', source: 'settings' });

    received.length = 0;
    await ok(api.ok('chain.keystore.unlock', { passphrase: PASSPHRASE }));
    const anchor = await api.ok('chain.anchors.create', { subject: 'notes', records: [{ key: 'note:after-switch', data: 'still anchored' }] });
    expect((await settled(anchor.outboxId))?.status).toBe('finalized');
    await sleep(1200);
    expect(received.some((m) => m.event === 'chain.head')).toBe(true);
    expect(received.some((m) => m.event === 'chain.tx')).toBe(true);
    expect((await api.ok('chain.anchors.check', { anchorId: anchor.id })).valid).toBe(true);
  });
});
