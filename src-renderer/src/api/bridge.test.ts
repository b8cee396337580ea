// The bridge over a scripted carrier: results pass through, errors come back as ApiError with their
// code and issues, an expired session is reported once, and events reach typed listeners.
import { describe, expect, it } from 'vitest';
import type { ApiResponse, EventMessage } from '@contract';
import { createApi } from './bridge.js';
import { ApiError } from './api-error.js';
import { CarrierUnreachable, type Carrier } from './carriers.js';

class ScriptedCarrier implements Carrier {
  readonly kind = 'http' as const;
  readonly calls: { channel: string; token: string | null; input: unknown }[] = [];
  readonly subscriptions: { token: string | null; active: boolean; listener: (msg: EventMessage) => void }[] = [];
  constructor(private readonly answer: (channel: string) => ApiResponse<unknown> | Error) {}
  async invoke(channel: string, token: string | null, input: unknown) {
    this.calls.push({ channel, token, input });
    const result = this.answer(channel);
    if (result instanceof Error) throw result;
    return result;
  }
  subscribe(token: string | null, listener: (msg: EventMessage) => void) {
    const sub = { token, active: true, listener };
    this.subscriptions.push(sub);
    return () => {
      sub.active = false;
    };
  }
  emit(msg: EventMessage) {
    for (const sub of this.subscriptions) if (sub.active) sub.listener(msg);
  }
}

describe('api bridge', () => {
  it('sends the channel, token and input, and returns the value', async () => {
    const carrier = new ScriptedCarrier(() => ({ ok: true, value: { needsSetup: true, cooperative: null, schemaVersion: 3 } }));
    const api = createApi(carrier);
    api.setToken('tok-1');
    const status = await api.call('setup.status', {});
    expect(status.needsSetup).toBe(true);
    expect(carrier.calls).toEqual([{ channel: 'setup.status', token: 'tok-1', input: {} }]);
  });

  it('rebuilds errors as ApiError with code, message and field issues', async () => {
    const carrier = new ScriptedCarrier(() => ({
      ok: false,
      error: { code: 'VALIDATION', message: 'Check the fields', issues: [{ path: 'changes.memberNo', message: 'Letters only' }] },
    }));
    const api = createApi(carrier);
    const error = await api.call('members.update', { id: 1, changes: { memberNo: 'x y' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.code).toBe('VALIDATION');
    expect(apiError.message).toBe('Check the fields');
    // Field messages are said from each issue (i18n/issue-kind.ts), never the core's English sentence.
    expect(apiError.fieldErrors('changes.', (issue) => `said:${issue.path}`)).toEqual({ memberNo: 'said:changes.memberNo' });
  });

  it('turns a carrier failure into UNREACHABLE', async () => {
    const api = createApi(new ScriptedCarrier(() => new CarrierUnreachable('connection refused')));
    await expect(api.call('setup.status', {})).rejects.toMatchObject({ code: 'UNREACHABLE', message: 'connection refused' });
  });

  it('reports an expired session only for calls that carried the current token', async () => {
    const carrier = new ScriptedCarrier(() => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Session expired' } }));
    const api = createApi(carrier);
    let expired = 0;
    api.onUnauthenticated(() => expired++);

    await expect(api.call('session.current', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(expired).toBe(0); // no token: a sign-in form, not an expiry

    api.setToken('old');
    const pending = api.call('members.list', {});
    api.setToken('new'); // signed in again while the old call was in flight
    await expect(pending).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(expired).toBe(0);

    await expect(api.call('members.list', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(expired).toBe(1);
  });

  it('subscribes to events per token and delivers them to typed listeners', () => {
    const carrier = new ScriptedCarrier(() => ({ ok: true, value: null }));
    const api = createApi(carrier);
    const seen: string[] = [];
    const stop = api.on('job.progress', (p) => seen.push(`${p.job} ${p.done}/${p.total}`));
    api.on('members.changed', (p) => seen.push(`changed: ${p.reason}`));

    expect(carrier.subscriptions).toHaveLength(0); // nothing to listen to before sign-in
    api.setToken('a');
    api.setToken('b');
    expect(carrier.subscriptions.map((s) => [s.token, s.active])).toEqual([
      ['a', false],
      ['b', true],
    ]);

    carrier.emit({ event: 'job.progress', payload: { job: 'demo.load', done: 20, total: 63, label: 'Members' } });
    carrier.emit({ event: 'members.changed', payload: { reason: 'import' } });
    stop();
    carrier.emit({ event: 'job.progress', payload: { job: 'demo.load', done: 63, total: 63, label: 'Done' } });
    expect(seen).toEqual(['demo.load 20/63', 'changed: import']);

    api.setToken(null);
    expect(carrier.subscriptions.every((s) => !s.active)).toBe(true);
  });
});
