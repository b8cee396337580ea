// One JSON-RPC call over a short-lived WebSocket, with a timeout. Used for health checks and for
// probing an endpoint's metadata before the console commits to it (no ApiPromise needed).
import WebSocket from 'ws';

export async function rpcCall(endpoint: string, method: string, params: unknown[], timeoutMs: number): Promise<unknown> {
  return await new Promise<unknown>((resolve, reject) => {
    const socket = new WebSocket(endpoint, { handshakeTimeout: timeoutMs });
    const timer = setTimeout(() => finish(new Error(`${method} on ${endpoint}: no answer within ${timeoutMs} ms`)), timeoutMs);
    const finish = (error: Error | null, value?: unknown): void => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.terminate();
      if (error) reject(error);
      else resolve(value);
    };
    socket.on('open', () => socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params })));
    socket.on('message', (data) => {
      try {
        const reply = JSON.parse(data.toString()) as { id?: unknown; result?: unknown; error?: { message?: string } };
        if (reply.id !== 1) return;
        if (reply.error) finish(new Error(`${method}: ${reply.error.message ?? 'error'}`));
        else finish(null, reply.result);
      } catch (error) {
        finish(error as Error);
      }
    });
    socket.on('error', (error) => finish(error));
    socket.on('close', () => finish(new Error(`${endpoint} closed the connection during ${method}`)));
  });
}
