// The Electron IPC carrier of the API contract, generated from it: one `ipcMain.handle` per
// channel, and push events sent to every window. Takes Electron's objects as parameters (typed
// structurally) so this file imports nothing from `electron` and stays testable in plain Node.
import { contract } from '../../contract/index.js';
import type { Dispatch } from '../../core/api/dispatcher.js';
import type { EventBus } from '../../core/api/event-bus.js';

export const IPC_CALL_PREFIX = 'api:';
export const IPC_EVENT_CHANNEL = 'api:event';

export interface IpcInvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}
export interface WebContentsLike {
  send(channel: string, message: unknown): void;
  isDestroyed(): boolean;
}

export function registerIpcCarrier(options: {
  ipcMain: IpcMainLike;
  dispatch: Dispatch;
  events: EventBus;
  /** Only frames showing the console's own page may call the API. */
  isTrustedSender: (url: string) => boolean;
  windows: () => readonly WebContentsLike[];
}): () => void {
  const names = Object.keys(contract);
  for (const name of names) {
    options.ipcMain.handle(`${IPC_CALL_PREFIX}${name}`, async (event, token, input) => {
      if (!event.senderFrame || !options.isTrustedSender(event.senderFrame.url)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This page may not use the console API.' } };
      }
      return options.dispatch(name, input, typeof token === 'string' ? token : null);
    });
  }
  const unsubscribe = options.events.subscribe((message) => {
    for (const contents of options.windows()) if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, message);
  });
  return () => {
    unsubscribe();
    for (const name of names) options.ipcMain.removeHandler(`${IPC_CALL_PREFIX}${name}`);
  };
}
