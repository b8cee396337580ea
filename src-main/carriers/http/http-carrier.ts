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

  // Every listener below is a boundary: whatever a request, a handshake or a frame carries, an error
  // in handling it is answered (or the connection dropped) and logged, never thrown into the event
  // loop, where it would stop the console for everyone.
  server.on('request', (req, res) => {
    try {
      routeRequest(req, res);
    } catch (error) {
      failRequest(res, error);
    }
  });

  const routeRequest = (req: IncomingMessage, res: ServerResponse): void => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!hostAllowed(req)) return plain(res, 421, 'Unexpected Host header');
    const url = parseRequestUrl(req.url);
    if (!url) return json(res, 400, malformed('The request address cannot be read.'));
    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return plain(res, 405, 'Use POST');
      const channel = decodeChannel(url.pathname.slice('/api/call/'.length));
      if (channel === null) return json(res, 400, malformed('The channel name in the address is not valid percent-encoding (e.g. "%ZZ" or a cut-off "%E0%A4").'));
      handleCall(req, res, channel, options.dispatch).catch((error: unknown) => failRequest(res, error));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed');
    if (options.staticDir && (serveStatic(options.staticDir, url.pathname, res) || serveStatic(options.staticDir, '/index.html', res))) return;
    plain(res, 404, 'Not found');
  };

  server.on('upgrade', (req, socket, head) => {
    // A client may reset the connection while the session is checked; without a listener that
    // 'error' event would be thrown.
    socket.on('error', () => socket.destroy());
    try {
      const url = parseRequestUrl(req.url);
      if (!url || url.pathname !== '/api/events' || !hostAllowed(req)) {
        socket.destroy();
        return;
      }
      const token = url.searchParams.get('token');
      options
        .dispatch('session.current', {}, token)
        .then((check) => {
          if (socket.destroyed) return;
          if (!check.ok) {
            socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
            return;
          }
          sockets.handleUpgrade(req, socket, head, (ws) => attachEvents(ws, options.events));
        })
        .catch((error: unknown) => {
          logCarrierError('WebSocket handshake', error);
          socket.destroy();
        });
    } catch (error) {
      logCarrierError('WebSocket handshake', error);
      socket.destroy();
    }
  });
  // A malformed handshake gets ws's own 4xx ('wsClientError' left to its default); a malformed or
  // oversized frame ends that one connection (1002/1009) through the 'error' listener of attachEvents.
  sockets.on('error', (error) => logCarrierError('WebSocket server', error));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Once listening, a server error (e.g. out of file descriptors on accept) is logged, not thrown.
  server.on('error', (error) => logCarrierError('server', error));
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
    if (ws.readyState !== ws.OPEN) return;
    try {
      ws.send(JSON.stringify(message));
    } catch (error) {
      // An event that cannot be sent to this client must not stop the bus for the others.
      logCarrierError('WebSocket send', error);
    }
  });
  ws.on('close', unsubscribe);
  ws.on('error', (error) => {
    unsubscribe();
    logCarrierError('WebSocket connection', error);
  });
  // The event stream is one-way; anything a client sends is read and dropped.
  ws.on('message', () => {});
}

/** The channel name of /api/call/<name>, percent-decoded; null when the encoding is malformed. */
function decodeChannel(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

function parseRequestUrl(raw: string | undefined): URL | null {
  try {
    return new URL(raw ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

function malformed(message: string): ApiResponse<never> {
  return { ok: false, error: { code: 'MALFORMED_REQUEST', message } };
}

/** The last line of defence of one request: log, answer INTERNAL if nothing was sent yet. */
function failRequest(res: ServerResponse, error: unknown): void {
  logCarrierError('request', error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  json(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside the console; nothing was changed. The details are in the log.' } });
}

function logCarrierError(where: string, error: unknown): void {
  console.error(`HTTP carrier: ${where} failed:`, error);
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
