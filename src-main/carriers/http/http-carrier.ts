// The loopback HTTP/WebSocket carrier of the API contract (serve mode, tests, a LAN kiosk).
// POST /api/call/<channel> → dispatch → ApiResponse JSON; WS /api/events → EventMessage JSON.
// Bound to 127.0.0.1 unless the operator opts in; the Host header is checked against the bound
// address so a web page cannot reach the console through DNS rebinding.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiResponse } from '../../contract/errors.js';
import { isChannelName } from '../../contract/index.js';
import type { Dispatch } from '../../core/api/dispatcher.js';
import type { EventBus } from '../../core/api/event-bus.js';
import { CONTENT_SECURITY_POLICY } from '../content-security.js';
import { serveStatic } from './static-files.js';

export const MAX_BODY_BYTES = 12 * 1024 * 1024;

export interface HttpCarrierOptions {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  /** Folder of the built renderer; API only when null. */
  readonly staticDir: string | null;
  readonly host?: string;
  readonly port?: number;
  /** Extra Host header names accepted (e.g. the LAN name) when bound beyond loopback. */
  readonly allowedHosts?: readonly string[];
}

export interface RunningHttpCarrier {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export async function startHttpCarrier(options: HttpCarrierOptions): Promise<RunningHttpCarrier> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  let port = 0;

  const hostAllowed = (req: IncomingMessage): boolean => {
    const header = (req.headers.host ?? '').toLowerCase();
    const names = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${host}:${port}`, ...(options.allowedHosts ?? []).map((h) => `${h}:${port}`)]);
    return names.has(header);
  };

  server.on('request', (req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!hostAllowed(req)) return plain(res, 421, 'Unexpected Host header');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return plain(res, 405, 'Use POST');
      void handleCall(req, res, decodeURIComponent(url.pathname.slice('/api/call/'.length)), options.dispatch);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed');
    if (options.staticDir && (serveStatic(options.staticDir, url.pathname, res) || serveStatic(options.staticDir, '/index.html', res))) return;
    plain(res, 404, 'Not found');
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api/events' || !hostAllowed(req)) {
      socket.destroy();
      return;
    }
    const token = url.searchParams.get('token');
    void options.dispatch('session.current', {}, token).then((check) => {
      if (!check.ok) {
        socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
        socket.destroy();
        return;
      }
      sockets.handleUpgrade(req, socket, head, (ws) => attachEvents(ws, options.events));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: () => closeAll(server, sockets),
  };
}

function attachEvents(ws: WebSocket, events: EventBus): void {
  const unsubscribe = events.subscribe((message) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  });
  ws.on('close', unsubscribe);
  ws.on('error', unsubscribe);
  // The event stream is one-way; anything a client sends is ignored.
}

async function handleCall(req: IncomingMessage, res: ServerResponse, channel: string, dispatch: Dispatch): Promise<void> {
  const body = await readBody(req);
  if (body === 'too-large') {
    return json(res, 413, { ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.` } });
  }
  let input: unknown = {};
  if (body.length > 0) {
    try {
      input = JSON.parse(body) as unknown;
    } catch {
      return json(res, 200, { ok: false, error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' } });
    }
  }
  const auth = req.headers.authorization;
  const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() || null : null;
  const response = await dispatch(isChannelName(channel) ? channel : channel.slice(0, 100), input, token);
  json(res, 200, response);
}

function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve('too-large'));
  });
}

function json(res: ServerResponse, status: number, body: ApiResponse<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

async function closeAll(server: Server, sockets: WebSocketServer): Promise<void> {
  for (const client of sockets.clients) client.terminate();
  await new Promise<void>((resolve) => sockets.close(() => resolve()));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
