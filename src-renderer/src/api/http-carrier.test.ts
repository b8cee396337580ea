// The HTTP/WS carrier against a real local HTTP server and WebSocket server (no core behind them):
// request shape, error bodies, 413 without a body, unreadable answers, events and reconnection.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as NodeWebSocket } from 'ws';
import type { EventMessage } from '@contract';
import { httpCarrier } from './carriers.js';

interface Seen {
  url: string;
  auth: string | undefined;
  body: string;
}

let server: Server;
let wss: WebSocketServer;
let base: string;
const seen: Seen[] = [];
const sockets: { url: string; socket: NodeWebSocket }[] = [];

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString()));
    req.on('end', () => resolve(data));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    seen.push({ url: req.url ?? '', auth: req.headers.authorization, body });
    const channel = (req.url ?? '').replace('/api/call/', '');
    res.setHeader('Content-Type', 'application/json');
    if (channel === 'members.importPreview') {
      res.statusCode = 413;
      res.end('');
    } else if (channel === 'broken') {
      res.statusCode = 500;
      res.end('<html>oops</html>');
    } else if (channel === 'session.login') {
      res.end(JSON.stringify({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' } }));
    } else {
      res.end(JSON.stringify({ ok: true, value: { echo: JSON.parse(body) as unknown } }));
    }
  });
  wss = new WebSocketServer({ server, path: '/api/events' });
  wss.on('connection', (socket, req) => sockets.push({ url: req.url ?? '', socket }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const { socket } of sockets) socket.terminate();
  await new Promise((resolve) => wss.close(resolve));
  await new Promise((resolve) => server.close(resolve));
});

const waitFor = async (check: () => boolean, what: string) => {
  const until = Date.now() + 3000;
  while (!check()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('HTTP/WS carrier', () => {
  it('posts the input as JSON with the bearer token and returns the ApiResponse', async () => {
    const carrier = httpCarrier({ baseUrl: `${base}/` });
    const response = await carrier.invoke('members.list', 'secret-token', { search: 'Amina' });
    expect(response).toEqual({ ok: true, value: { echo: { search: 'Amina' } } });
    expect(seen.at(-1)).toEqual({ url: '/api/call/members.list', auth: 'Bearer secret-token', body: '{"search":"Amina"}' });
  });

  it('sends no Authorization header when signed out, and passes API errors through as data', async () => {
    const carrier = httpCarrier({ baseUrl: base });
    const response = await carrier.invoke('session.login', null, { username: 'a', password: 'b' });
    expect(response).toEqual({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' } });
    expect(seen.at(-1)?.auth).toBeUndefined();
  });

  it('maps a bare 413 to PAYLOAD_TOO_LARGE and an unreadable answer to INTERNAL', async () => {
    const carrier = httpCarrier({ baseUrl: base });
    expect(await carrier.invoke('members.importPreview', 't', { csv: 'x' })).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const broken = await carrier.invoke('broken', 't', {});
    expect(broken).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(broken.ok === false && broken.error.message).toContain('HTTP 500');
  });

  it('throws CarrierUnreachable when nothing listens', async () => {
    const carrier = httpCarrier({ baseUrl: 'http://127.0.0.1:1' });
    await expect(carrier.invoke('setup.status', null, {})).rejects.toMatchObject({ name: 'CarrierUnreachable' });
  });

  it('receives events for its token, ignores junk, and reconnects after the socket drops', async () => {
    const carrier = httpCarrier({ baseUrl: base, backoff: { min: 20, max: 100 } });
    const received: EventMessage[] = [];
    const before = sockets.length;
    const stop = carrier.subscribe('tok en', (msg) => received.push(msg));
    await waitFor(() => sockets.length === before + 1, 'first connection');
    const first = sockets.at(-1);
    expect(first?.url).toBe('/api/events?token=tok%20en');

    first?.socket.send('not json');
    first?.socket.send(JSON.stringify({ event: 'unknown.event', payload: {} }));
    first?.socket.send(JSON.stringify({ event: 'members.changed', payload: { reason: 'import' } }));
    await waitFor(() => received.length === 1, 'an event');
    expect(received[0]).toEqual({ event: 'members.changed', payload: { reason: 'import' } });

    first?.socket.terminate();
    await waitFor(() => sockets.length === before + 2, 'reconnection');
    sockets.at(-1)?.socket.send(JSON.stringify({ event: 'database.restored', payload: { fileName: 'b.sqlite' } }));
    await waitFor(() => received.length === 2, 'an event after reconnecting');

    stop();
    const count = sockets.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sockets.length).toBe(count); // stopped: no further reconnection
  });
});
