// The API boundary of the real serve process (`node out/tsc/src-main/serve/cli.js`, as the e2e layer
// starts it; needs `npm run build`): no request, however malformed, stops the console or is answered
// INTERNAL. Malformed addresses, bodies, handshakes and WebSocket frames first, then the contract's
// text and date rules, then a property test that feeds every channel of the contract generated input.
import { request } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { z } from 'zod';
import { contract, type ApiResponse, type ChannelName } from '../../../src-main/contract/index.js';
import { ADMIN, COOP } from '../../support/api-client.js';
import { eachTextPoisoned, inputArbitrary, shapedInputArbitrary } from '../../support/contract-arbitraries.js';
import { apiCall, startServe, type ServeHandle } from '../../e2e/support/serve.js';

let serve: ServeHandle;
let port = 0;
let token = '';
let siteId = 0;

beforeAll(async () => {
  serve = await startServe({ chain: 'off' });
  port = Number(new URL(serve.url).port);
  token = (await apiCall<{ token: string }>(serve.url, 'setup.initialize', null, { cooperative: COOP, admin: ADMIN })).token;
  siteId = (await apiCall<{ id: number }>(serve.url, 'sites.create', token, { name: 'Soko Square' })).id;
  await apiCall(serve.url, 'members.create', token, { memberNo: 'K-1', fullName: 'Kept Member', siteId, roles: ['consumer'], joinedOn: '2025-01-01' });
  await apiCall(serve.url, 'tariffs.plans.create', token, { siteId, name: 'Households' });
});
afterAll(async () => {
  await serve?.stop();
});

interface RawAnswer {
  readonly status: number;
  readonly body: string;
}

/** One HTTP request with the request target exactly as given (fetch would normalise it). */
function rawRequest(method: string, path: string, body = '', headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function call(channel: string, input: unknown, withToken: string | null = token): Promise<{ status: number; json: ApiResponse<unknown> }> {
  const answer = await rawRequest('POST', `/api/call/${channel}`, JSON.stringify(input) ?? '', withToken ? { Authorization: `Bearer ${withToken}` } : {});
  return { status: answer.status, json: JSON.parse(answer.body) as ApiResponse<unknown> };
}

const errorCode = (response: ApiResponse<unknown>) => (response.ok ? 'ok' : response.error.code);

/** The console still runs and still answers a channel that needs a signed-in operator. */
async function expectAlive(): Promise<void> {
  expect(serve.running(), serve.output()).toBe(true);
  const sites = await call('sites.list', {});
  expect(sites.status).toBe(200);
  expect(errorCode(sites.json)).toBe('ok');
}

describe('malformed requests do not stop the console', () => {
  it.each(['%', '%ZZ', '%C0%AF', '%E0%A4%A'])('answers the channel address %s with 400 MALFORMED_REQUEST', async (encoded) => {
    const answer = await rawRequest('POST', `/api/call/${encoded}`, '{}');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'MALFORMED_REQUEST', message: expect.stringMatching(/percent-encoding/) } });
    await expectAlive();
  });

  it('answers an address that is not a URL with 400, on the API and on static files', async () => {
    for (const method of ['POST', 'GET']) {
      const answer = await rawRequest(method, '//[', '');
      expect(answer.status).toBe(400);
      expect(errorCode(JSON.parse(answer.body) as ApiResponse<unknown>)).toBe('MALFORMED_REQUEST');
    }
    await expectAlive();
  });

  it('answers bodies that are not JSON, not an object, or too large', async () => {
    for (const body of ['{"memberNo": ', '\u0000', 'null', '[]', '"text"', '1e999', '{"__proto__": {"admin": true}}']) {
      const answer = await rawRequest('POST', '/api/call/members.create', body, { Authorization: `Bearer ${token}` });
      expect(answer.status, body).toBe(200);
      expect(errorCode(JSON.parse(answer.body) as ApiResponse<unknown>), body).toBe('VALIDATION');
    }
    const big = await rawRequest('POST', '/api/call/members.importPreview', JSON.stringify({ csv: 'x'.repeat(13 * 1024 * 1024) }), { Authorization: `Bearer ${token}` });
    expect(big.status).toBe(413);
    await expectAlive();
  });

  it('survives a client that hangs up in the middle of a body or a handshake', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /api/call/members.create HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 1000\r\n\r\n{"memberNo":`);
        socket.destroy();
        resolve();
      });
    });
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`GET /api/events?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`);
        socket.resetAndDestroy();
        resolve();
      });
    });
    await expectAlive();
  });

  it('refuses WebSocket handshakes to unknown or unreadable addresses and without a session', async () => {
    for (const path of ['//[', '/api/events%', '/api/events?token=%ZZ', '/api/other']) {
      const refused = await new Promise<boolean>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`);
        ws.on('open', () => resolve(false));
        ws.on('error', () => resolve(true));
      });
      expect(refused, path).toBe(true);
    }
    await expectAlive();
  });

  it('closes a WebSocket that sends a malformed frame, a message or too large a message, and keeps serving', async () => {
    const closeCodes: number[] = [];
    const open = () =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/api/events?token=${token}`);
        ws.on('open', () => resolve(ws));
        ws.on('error', () => {});
        ws.on('unexpected-response', () => reject(new Error('handshake refused')));
      });
    const closed = (ws: WebSocket) => new Promise<void>((resolve) => ws.on('close', (code) => (closeCodes.push(code), resolve())));

    const chatty = await open();
    chatty.send('{"channel": "session.logout"}');
    chatty.send(Buffer.from([0xff, 0x00, 0xfe]));
    const tooLarge = await open();
    const tooLargeClosed = closed(tooLarge);
    tooLarge.send('x'.repeat(65 * 1024));
    await tooLargeClosed;
    // A frame with a reserved opcode (0x3), written under the client's masking: a protocol error.
    const broken = await open();
    const brokenClosed = closed(broken);
    const rawSocket = (broken as unknown as { _socket: import('node:net').Socket })._socket;
    rawSocket.write(Buffer.from([0x83, 0x80, 1, 2, 3, 4]));
    await brokenClosed;
    expect(closeCodes).toEqual([1009, 1002]);
    // The chatty client was ignored, not disconnected, and its session still holds.
    expect(chatty.readyState).toBe(WebSocket.OPEN);
    chatty.close();
    await expectAlive();
  });
});

describe('human text and dates are checked at the contract', () => {
  const nul = '\u0000';
  it.each<[string, Record<string, unknown>, string]>([
    ['cooperative.update', { ...COOP, name: nul }, 'name'],
    ['sites.create', { name: `${nul}Soko` }, 'name'],
    ['tariffs.plans.create', { siteId: 1, name: nul }, 'name'],
    ['members.create', { memberNo: 'K-9', fullName: nul, siteId: 1, roles: ['consumer'], joinedOn: '2025-01-01' }, 'fullName'],
    ['members.create', { memberNo: 'K-9', fullName: 'Line\nbreak', siteId: 1, roles: ['consumer'], joinedOn: '2025-01-01' }, 'fullName'],
    ['members.create', { memberNo: 'K-9', fullName: 'Zuri', siteId: 1, roles: ['consumer'], joinedOn: '2025-01-01', notes: `a${nul}` }, 'notes'],
    ['operators.update', { id: 1, displayName: nul }, 'displayName'],
    ['meters.trust.addDeviceKey', { label: `key${nul}`, publicKeyHex: `04${'ab'.repeat(64)}` }, 'label'],
    ['meters.trust.import', { json: JSON.stringify({ deviceKeys: [{ label: `${nul}key`, publicKeyHex: `04${'ab'.repeat(64)}` }] }) }, ''],
    ['members.create', { memberNo: 'K-9', fullName: 'Zuri', siteId: 1, roles: ['consumer'], joinedOn: '9999-99-99' }, 'joinedOn'],
    ['members.create', { memberNo: 'K-9', fullName: 'Zuri', siteId: 1, roles: ['consumer'], joinedOn: '2025-02-29' }, 'joinedOn'],
    ['tariffs.inForce', { planId: 1, at: '2026-02-30T00:00:00Z' }, 'at'],
  ])('%s refuses %j at %s with VALIDATION and writes nothing', async (channel, input, field) => {
    const before = (await call('members.list', { status: 'all' })).json;
    const { status, json } = await call(channel, input);
    expect(status).toBe(200);
    expect(json.ok ? null : json.error.code).toBe('VALIDATION');
    // A trust file is checked as a whole, after the channel's schema: its message names the place.
    if (field) expect(json.ok ? [] : json.error.issues?.map((issue) => issue.path)).toContain(field);
    else expect(json.ok ? '' : json.error.message).toMatch(/deviceKeys\.0\.label: .*control characters/);
    expect((await call('members.list', { status: 'all' })).json).toEqual(before);
  });

  it('keeps line breaks and tabs in notes (normalising CR LF) and stores a real date', async () => {
    const { json } = await call('members.create', { memberNo: 'K-10', fullName: 'Zuri Wanjiku', siteId, roles: ['consumer'], joinedOn: '2024-02-29', notes: 'Gate code:\r\n\t1234' });
    expect(json.ok ? { notes: (json.value as { notes: string }).notes, joinedOn: (json.value as { joinedOn: string }).joinedOn } : json.error).toEqual({ notes: 'Gate code:\n\t1234', joinedOn: '2024-02-29' });
  });
});

// Channels fed only input their schema refuses, and why: a valid call would end or change the test's
// own admin session (logout, password, operator changes), cost a password hash per run (login, setup),
// replace the whole database (restore), load the demo village, start long work on serial ports
// (provisioning, polling), or reach the chain and its keystore (scrypt-protected key files, the outbox,
// switching the chain on would start a node). Their refusal path is what a stranger reaches first.
const REFUSED_INPUT_ONLY = new Set<ChannelName>([
  'setup.initialize',
  'setup.loadDemo',
  'session.login',
  'session.logout',
  'session.changePassword',
  'operators.create',
  'operators.update',
  'backup.restore',
  'meters.provision.start',
  'meters.modbus.setInterval',
  'chain.settings.setEndpoint',
  'chain.keystore.initialize',
  'chain.keystore.unlock',
  'chain.keystore.backup',
  'chain.keystore.restore',
  'chain.keystore.exportKey',
  'chain.keystore.importKey',
  'chain.bootstrap',
  'chain.transfer',
  'chain.anchors.create',
  'chain.outbox.retry',
  'agreements.sign',
  'memberAccounts.create',
  'memberAccounts.setPin',
  'memberAccounts.fund',
]);
const SEED = 20261207;
const RUNS_SIGNED_IN = 20;
const RUNS_ANONYMOUS = 4;
const SHAPED_SAMPLES = 2;

describe('every channel of the contract, fed generated malformed input', () => {
  it.each(Object.keys(contract) as ChannelName[])('%s: never INTERNAL, never a 5xx', async (channel) => {
    const schema = contract[channel].input as z.ZodType;
    const generated = inputArbitrary(schema);
    // The dispatcher reads a JSON null as {} (an empty body); the refusal filter must too.
    const inputs = REFUSED_INPUT_ONLY.has(channel) ? generated.filter((input) => !schema.safeParse(input ?? {}).success) : generated;
    const answersWell = async (input: unknown, session: string | null) => {
      const { status, json } = await call(channel, input, session);
      const problem = status >= 500 || errorCode(json) === 'INTERNAL';
      if (problem) throw new Error(`${channel} answered ${status} ${JSON.stringify(json)} to ${JSON.stringify(input)?.slice(0, 500)}\n${serve.output().slice(-2000)}`);
    };
    await fc.assert(
      fc.asyncProperty(inputs, (input) => answersWell(input, token)),
      { seed: SEED, numRuns: RUNS_SIGNED_IN, endOnFailure: true },
    );
    await fc.assert(
      fc.asyncProperty(inputs, (input) => answersWell(input, null)),
      { seed: SEED, numRuns: RUNS_ANONYMOUS, endOnFailure: true },
    );
    // Then every text of a few well-shaped inputs, one at a time, starting with NUL.
    const refusedOnly = (input: unknown) => !REFUSED_INPUT_ONLY.has(channel) || !schema.safeParse(input).success;
    for (const shaped of fc.sample(shapedInputArbitrary(schema), { seed: SEED, numRuns: SHAPED_SAMPLES })) {
      for (const poisoned of eachTextPoisoned(shaped).filter(refusedOnly)) await answersWell(poisoned, token);
    }
    expect(serve.running(), serve.output()).toBe(true);
    // No generated input ended the admin's session (the later channels would then only see refusals).
    expect(errorCode((await call('session.current', {})).json)).toBe('ok');
  });

  it('leaves the console running and answering', async () => {
    await expectAlive();
  });
});
