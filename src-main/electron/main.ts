// The thin Electron shell: one window showing the built renderer, the IPC carrier bound to the
// headless core, and the security defaults. Everything else lives in the core.
import { app, BrowserWindow, ipcMain, Menu, dialog } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCore, type Core } from '../core/app/core.js';
import type { ChainChoice } from '../core/app/services.js';
import { registerIpcCarrier } from '../carriers/ipc/ipc-carrier.js';
import { applySecurityDefaults, secureWebPreferences } from './security.js';
import { isAppUrl } from './url-policy.js';
import { buildMenu } from './menu.js';
import { isKioskLaunch, isKioskRouteUrl } from './kiosk-policy.js';
import { openKioskWindow } from './kiosk-window.js';

const here = dirname(fileURLToPath(import.meta.url));
const rendererEntry = pathToFileURL(join(app.getAppPath(), 'out', 'renderer', 'index.html')).toString();
/** `npm start -- --kiosk`: the members' kiosk, with a kiosk-only core (no operator channel exists). */
const kiosk = isKioskLaunch(process.argv);

function dataDirFromArgs(): string {
  const flag = process.argv.find((arg) => arg.startsWith('--data-dir='));
  return flag ? flag.slice('--data-dir='.length) : (process.env.COOP_DATA_DIR ?? app.getPath('userData'));
}

function chainFromEnv(): ChainChoice {
  const value = process.env.COOP_CHAIN ?? 'embedded';
  if (value === 'off') return { mode: 'off' };
  if (/^wss?:\/\//.test(value)) return { mode: 'external', endpoint: value };
  return { mode: 'embedded' };
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    title: 'Coop Console',
    show: false,
    webPreferences: secureWebPreferences(join(here, 'preload.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererEntry);
  return window;
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  applySecurityDefaults(rendererEntry);
  let core: Core;
  try {
    core = createCore({ dataDir: dataDirFromArgs(), chain: chainFromEnv(), kioskOnly: kiosk });
  } catch (error) {
    dialog.showErrorBox('Coop Console cannot open its database', (error as Error).message);
    app.exit(2);
    return;
  }
  const unregister = registerIpcCarrier({
    ipcMain,
    dispatch: core.dispatch,
    events: core.events,
    isTrustedSender: (url) => (kiosk ? isKioskRouteUrl(url, rendererEntry) : isAppUrl(url, rendererEntry)),
    windows: () => BrowserWindow.getAllWindows().map((w) => w.webContents),
  });
  const open = (): BrowserWindow =>
    kiosk ? openKioskWindow({ appEntry: rendererEntry, preload: join(here, 'preload.cjs'), isAdminPassword: (username, password) => core.isAdminPassword(username, password) }) : createWindow();
  if (!kiosk) Menu.setApplicationMenu(buildMenu(!app.isPackaged));
  let main = open();
  app.on('second-instance', () => {
    if (main.isMinimized()) main.restore();
    main.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) main = open();
  });
  app.on('window-all-closed', () => app.quit());
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Stopping the chain node and the outbox is asynchronous: hold the quit until they are done.
    event.preventDefault();
    unregister();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

void start();
