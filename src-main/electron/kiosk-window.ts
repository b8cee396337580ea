// The desktop app as the members' kiosk (`npm start -- --kiosk`): thin wiring of kiosk-policy.ts
// (pure, unit-tested) onto Electron. Fullscreen kiosk window without menu or devtools, shown on the
// kiosk route only; reload/devtools/navigation keys swallowed; Ctrl+Alt+Shift+Q asks the page to show
// the exit dialog, whose admin name and password the core checks (KioskExitGate counts failures).
// The window cannot be closed any other way.
import { app, BrowserWindow, ipcMain, Menu, type IpcMainInvokeEvent } from 'electron';
import { secureWebPreferences } from './security.js';
import { isBlockedKioskKey, isKioskExitCombination, isKioskRouteUrl, KIOSK_IPC, KIOSK_WINDOW_OPTIONS, KioskExitGate, kioskUrl, parseExitRequest, type ExitDecision } from './kiosk-policy.js';

export interface KioskWindowOptions {
  readonly appEntry: string;
  readonly preload: string;
  /** The core's check of an active admin's password. */
  readonly isAdminPassword: (username: string, password: string) => Promise<boolean>;
}

export function openKioskWindow(options: KioskWindowOptions): BrowserWindow {
  Menu.setApplicationMenu(null);
  const target = kioskUrl(options.appEntry);
  const window = new BrowserWindow({
    ...KIOSK_WINDOW_OPTIONS,
    title: 'Coop Console — kiosk',
    show: false,
    webPreferences: { ...secureWebPreferences(options.preload), devTools: false },
  });
  const contents = window.webContents;
  let leaving = false;

  contents.on('before-input-event', (event, input) => {
    if (isKioskExitCombination(input)) {
      event.preventDefault();
      contents.send(KIOSK_IPC.exitRequested);
    } else if (isBlockedKioskKey(input)) {
      event.preventDefault();
    }
  });
  // In-page (hash) navigation does not pass will-navigate: bring any other route back to the kiosk.
  contents.on('did-navigate-in-page', (_event, url) => {
    if (!isKioskRouteUrl(url, options.appEntry)) void contents.loadURL(target);
  });
  contents.on('will-navigate', (event, url) => {
    if (!isKioskRouteUrl(url, options.appEntry)) event.preventDefault();
  });
  contents.on('devtools-opened', () => contents.closeDevTools());
  contents.on('context-menu', (event) => event.preventDefault());
  window.on('close', (event) => {
    if (!leaving) event.preventDefault();
  });

  const gate = new KioskExitGate(options.isAdminPassword);
  ipcMain.handle(KIOSK_IPC.exit, async (event: IpcMainInvokeEvent, input: unknown): Promise<ExitDecision> => {
    if (event.sender !== contents) return { leave: false, reason: 'wrong-password', lockedUntilMs: null };
    const request = parseExitRequest(input);
    if (!request) return { leave: false, reason: 'wrong-password', lockedUntilMs: null };
    const decision = await gate.request(request.username, request.password);
    if (decision.leave) {
      leaving = true;
      setImmediate(() => app.quit());
    }
    return decision;
  });
  window.on('closed', () => ipcMain.removeHandler(KIOSK_IPC.exit));

  window.once('ready-to-show', () => window.show());
  void window.loadURL(target);
  return window;
}
