// Sandboxed preload (CommonJS, as sandboxed preloads must be): exposes exactly two functions to
// the page — invoke an API channel, and listen to push events. No Node, no ipcRenderer leak.
import type { IpcRendererEvent } from 'electron';
import electron = require('electron');

const { contextBridge, ipcRenderer } = electron;

const CHANNEL_NAME = /^[a-z]+\.[a-zA-Z]+$/;

contextBridge.exposeInMainWorld('coopIpc', {
  invoke(channel: string, token: string | null, input: unknown): Promise<unknown> {
    if (typeof channel !== 'string' || !CHANNEL_NAME.test(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Not an API channel name.' } });
    }
    return ipcRenderer.invoke(`api:${channel}`, token, input);
  },
  onEvent(listener: (message: unknown) => void): () => void {
    const wrapped = (_event: IpcRendererEvent, message: unknown) => listener(message);
    ipcRenderer.on('api:event', wrapped);
    return () => ipcRenderer.removeListener('api:event', wrapped);
  },
});
