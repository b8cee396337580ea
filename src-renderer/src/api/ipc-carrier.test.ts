// The Electron carrier over a stand-in for the preload's `window.coopIpc` object: arguments pass
// through unchanged, answers are validated, and malformed events are dropped.
import { describe, expect, it } from 'vitest';
import type { EventMessage } from '@contract';
import { ipcCarrier } from './carriers.js';

function fakePreload(answer: unknown) {
  const invoked: unknown[][] = [];
  let listener: ((msg: EventMessage) => void) | null = null;
  const ipc: CoopIpc = {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return answer as never;
    },
    onEvent: (l) => {
      listener = l;
      return () => {
        listener = null;
      };
    },
  };
  return { ipc, invoked, send: (raw: unknown) => listener?.(raw as EventMessage), listening: () => listener !== null };
}

describe('IPC carrier', () => {
  it('passes channel, token and input to the preload and returns a valid answer', async () => {
    const preload = fakePreload({ ok: true, value: { signedOut: true } });
    const carrier = ipcCarrier(preload.ipc);
    expect(await carrier.invoke('session.logout', 'tok', {})).toEqual({ ok: true, value: { signedOut: true } });
    expect(preload.invoked).toEqual([['session.logout', 'tok', {}]]);
  });

  it('turns an answer that is not an ApiResponse into an INTERNAL error', async () => {
    const carrier = ipcCarrier(fakePreload({ something: 'else' }).ipc);
    expect(await carrier.invoke('setup.status', null, {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('delivers known events and drops malformed ones; unsubscribing stops them', () => {
    const preload = fakePreload(null);
    const got: EventMessage[] = [];
    const stop = ipcCarrier(preload.ipc).subscribe('tok', (msg) => got.push(msg));
    preload.send({ event: 'members.changed', payload: { reason: 'edit' } });
    preload.send({ event: 'members.changed' });
    preload.send({ event: 'not.an.event', payload: {} });
    preload.send('garbage');
    expect(got).toEqual([{ event: 'members.changed', payload: { reason: 'edit' } }]);
    stop();
    expect(preload.listening()).toBe(false);
  });
});
