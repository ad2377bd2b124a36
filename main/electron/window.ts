// The desktop window and its session, locked down: isolated sandboxed renderer, app:// files only,
// strict CSP, no navigation, no pop-ups, no permissions.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindowConstructorOptions, ElectronEvent, Protocol, Session, WebContents } from 'electron';
import { CSP, SECURITY_HEADERS, mimeType, safeJoin } from '../transport/security';
import { APP_ENTRY, APP_HOST, APP_SCHEME, isAllowedRequest } from './security';

/** Options of the main window; every security-relevant webPreference is spelled out. */
export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Tidyset',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    },
  };
}

/** Must run before the app is ready: makes app:// a standard, secure origin so 'self' and ES modules work. */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves `rendererDir` as app://tidyset/…, with the CSP on every response (file:// would not allow module scripts). */
export function serveAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request: Request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? safeJoin(path.resolve(rendererDir), url.pathname, path.sep) : null;
    const headers = { ...SECURITY_HEADERS };
    if (file === null) return new Response('Forbidden', { status: 403, headers });
    try {
      return new Response(await readFile(file), { status: 200, headers: { ...headers, 'Content-Type': mimeType(file) } });
    } catch {
      return new Response('Not found', { status: 404, headers });
    }
  });
}

/** Session-wide rules: CSP header on every response, requests only to the app's own files, no permissions, no devices. */
export function hardenSession(session: Session, dev: boolean): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  // Offline by design: nothing but app:// (and data:/blob: images) may be fetched, whatever the page asks.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, dev);
    if (!allowed) process.stderr.write(`tidyset: blocked request to ${details.url.slice(0, 200)}\n`);
    callback({ cancel: !allowed });
  });
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // No HID, serial, USB or Bluetooth device is ever granted: the app reads files, nothing else.
  session.setDevicePermissionHandler(() => false);
}

/** Per-page rules for every web contents: no navigation away, no new windows, no <webview>. */
export function hardenContents(contents: WebContents): void {
  // The renderer is a single page: any navigation (link, form, drag-and-drop, script) is refused.
  const refuse = (event: ElectronEvent) => event.preventDefault();
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', refuse);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The URL the window loads. */
export const ENTRY_URL = APP_ENTRY;
