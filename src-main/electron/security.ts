// Security defaults applied to every webContents the app ever creates: no navigation away from
// the console's own page, no new windows, external links only http(s) and only in the system
// browser, every permission request (camera, geolocation, …) denied.
import { app, session, shell, type WebContents, type WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../carriers/content-security.js';
import { isAppUrl, isSafeExternalUrl } from './url-policy.js';

export function applySecurityDefaults(appEntry: string): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, appEntry)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, appEntry)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

/** Every window's web preferences: isolated, sandboxed, no Node in the page, only our preload. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
  };
}
