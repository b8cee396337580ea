// Sandboxed preload (CommonJS, as sandboxed preloads must be): exposes to the page invoke an API
// channel and listen to push events, and for the desktop kiosk (`--kiosk`) the exit dialog's two
// calls (told to open; send the admin's name and password). No Node, no ipcRenderer leak.
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

// Names repeated from kiosk-policy.ts (KIOSK_IPC): a sandboxed preload cannot import app modules.
contextBridge.exposeInMainWorld('coopKiosk', {
  onExitRequested(listener: () => void): () => void {
    const wrapped = () => listener();
    ipcRenderer.on('kiosk:exit-requested', wrapped);
    return () => ipcRenderer.removeListener('kiosk:exit-requested', wrapped);
  },
  requestExit(username: string, password: string): Promise<unknown> {
    return ipcRenderer.invoke('kiosk:exit', { username, password });
  },
});
