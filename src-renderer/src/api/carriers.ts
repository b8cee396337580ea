// The two ways to reach the core. Both hand back raw ApiResponse data; the bridge does the rest.
import type { ApiResponse, EventMessage } from '@contract';
import { parseApiResponse, parseEventMessage } from './response.js';

export interface Carrier {
  readonly kind: 'ipc' | 'http';
  invoke(channel: string, token: string | null, input: unknown): Promise<ApiResponse<unknown>>;
  /** Starts receiving push events for this token; returns a function that stops. */
  subscribe(token: string | null, listener: (msg: EventMessage) => void): () => void;
}

const unreachable = (message: string): ApiResponse<unknown> => ({ ok: false, error: { code: 'INTERNAL', message } });

/** Electron: the preload's contextBridge object. */
export function ipcCarrier(ipc: CoopIpc): Carrier {
  return {
    kind: 'ipc',
    async invoke(channel, token, input) {
      const raw: unknown = await ipc.invoke(channel, token, input);
      return parseApiResponse(raw) ?? unreachable('The console core sent an unreadable answer.');
    },
    subscribe(_token, listener) {
      return ipc.onEvent((raw: unknown) => {
        const msg = parseEventMessage(raw);
        if (msg) listener(msg);
      });
    },
  };
}

export class CarrierUnreachable extends Error {
  override readonly name = 'CarrierUnreachable';
}

export interface HttpCarrierOptions {
  /** Origin of the serve-mode core, e.g. "http://127.0.0.1:5123"; the page's own origin by default. */
  readonly baseUrl: string;
  /** Reconnect delays grow from min to max (ms), doubling each failure. */
  readonly backoff?: { readonly min: number; readonly max: number };
  readonly WebSocketImpl?: typeof WebSocket;
}

/** Serve mode: POST /api/call/<channel>, events over WebSocket /api/events. */
export function httpCarrier(options: HttpCarrierOptions): Carrier {
  const base = options.baseUrl.replace(/\/$/, '');
  const { min, max } = options.backoff ?? { min: 500, max: 15_000 };
  const WS = options.WebSocketImpl ?? globalThis.WebSocket;
  return {
    kind: 'http',
    async invoke(channel, token, input) {
      let response: Response;
      try {
        response = await fetch(`${base}/api/call/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(input ?? {}),
        });
      } catch (cause) {
        throw new CarrierUnreachable(cause instanceof Error ? cause.message : String(cause));
      }
      let body: unknown = null;
      try {
        body = await response.json();
      } catch {
        body = null;
      }
      const parsed = parseApiResponse(body);
      if (parsed) return parsed;
      if (response.status === 413) {
        return { ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: 'The data sent was too large.' } };
      }
      return unreachable(`The console core answered HTTP ${response.status} without a readable result.`);
    },
    subscribe(token, listener) {
      let socket: WebSocket | null = null;
      let timer: ReturnType<typeof setTimeout> | null = null;
      let delay = min;
      let stopped = false;
      const wsBase = base.replace(/^http/, 'ws');
      const connect = () => {
        if (stopped) return;
        const url = `${wsBase}/api/events${token ? `?token=${encodeURIComponent(token)}` : ''}`;
        socket = new WS(url);
        socket.onopen = () => {
          delay = min;
        };
        socket.onmessage = (ev: MessageEvent) => {
          if (typeof ev.data !== 'string') return;
          let raw: unknown;
          try {
            raw = JSON.parse(ev.data);
          } catch {
            return;
          }
          const msg = parseEventMessage(raw);
          if (msg) listener(msg);
        };
        socket.onclose = () => {
          socket = null;
          if (stopped) return;
          // Exponential backoff so a restarting core is not hammered.
          timer = setTimeout(connect, delay);
          delay = Math.min(max, delay * 2);
        };
      };
      connect();
      return () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        socket?.close();
      };
    },
  };
}

/** The carrier for this window: IPC inside Electron, else HTTP/WS to the page's origin. */
export function detectCarrier(): Carrier {
  if (typeof window !== 'undefined' && window.coopIpc) return ipcCarrier(window.coopIpc);
  return httpCarrier({ baseUrl: window.location.origin });
}
