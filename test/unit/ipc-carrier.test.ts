// The Electron IPC carrier, driven through a stand-in for ipcMain (Electron's binary cannot run on
// these machines) wired to a real core on a real SQLite file.
import { afterAll, describe, expect, it } from 'vitest';
import { contract } from '../../src-main/contract/index.js';
import { createCore } from '../../src-main/core/app/core.js';
import { registerIpcCarrier, type IpcInvokeEventLike, type IpcMainLike } from '../../src-main/carriers/ipc/ipc-carrier.js';
import { makeTempDir } from '../support/temp-dir.js';
import { ADMIN, COOP } from '../support/api-client.js';

/** Stand-in for Electron's ipcMain: keeps the registered handlers so the test can invoke them. */
class IpcMainStandIn implements IpcMainLike {
  readonly handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, url: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: { url } }, ...args);
  }
}

const temp = makeTempDir();
const core = createCore({ dataDir: temp.path, log: () => {} });
const APP_URL = 'file:///opt/coop/out/renderer/index.html';
afterAll(async () => {
  await core.close();
  temp.remove();
});

describe('IPC carrier', () => {
  const ipcMain = new IpcMainStandIn();
  const sent: unknown[] = [];
  const unregister = registerIpcCarrier({
    ipcMain,
    dispatch: core.dispatch,
    events: core.events,
    isTrustedSender: (url) => url === APP_URL,
    windows: () => [{ send: (_channel, message) => sent.push(message), isDestroyed: () => false }],
  });

  it('registers exactly one handler per contract channel', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(contract).map((c) => `api:${c}`).sort());
  });

  it('carries calls to the core and pushes events to windows', async () => {
    const session = (await ipcMain.invoke('api:setup.initialize', APP_URL, null, { cooperative: COOP, admin: ADMIN })) as { ok: boolean; value: { token: string } };
    expect(session.ok).toBe(true);
    const site = (await ipcMain.invoke('api:sites.create', APP_URL, session.value.token, { name: 'Ridge' })) as { ok: boolean };
    expect(site.ok).toBe(true);
    expect(sent).toContainEqual({ event: 'members.changed', payload: { reason: 'site' } });
  });

  it('refuses calls from any page other than the console', async () => {
    const response = await ipcMain.invoke('api:setup.status', 'https://evil.example/', null, {});
    expect(response).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('unregisters every handler', () => {
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
