// The desktop shell's security settings, driven through a fake Electron: window options, IPC sender
// checks, the request blocker, permissions, navigation, the app:// protocol, menu and shutdown.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Reply } from '../../../shared/api/contract';
import type { ApiEvent } from '../../../main/api/dispatch';
import { CSP } from '../../../main/transport/security';
import { startShell } from '../../../main/electron/shell';
import { FakeWebContents, fakeElectron, fakeEvent } from './fakeElectron';

function fakeDispatcher() {
  const calls: Array<[unknown, unknown]> = [];
  let listener: ((e: ApiEvent) => void) | undefined;
  const d = {
    calls,
    closed: 0,
    /** The native dialog the shell hands the dispatcher (fs.pickFolder calls it, as the real one does). */
    pickFolder: undefined as (() => Promise<string | null>) | undefined,
    dispatch: async (method: unknown, input: unknown): Promise<Reply<unknown>> => {
      calls.push([method, input]);
      if (method === 'fs.pickFolder') return { ok: true, value: { native: true, path: await d.pickFolder!() } };
      return { ok: true, value: { echoed: method } };
    },
    onEvent: (fn: (e: ApiEvent) => void) => {
      listener = fn;
      return () => (listener = undefined);
    },
    emit: (e: ApiEvent) => listener?.(e),
    close: async () => void d.closed++,
  };
  return d;
}

describe('electron shell', () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'tidyset-shell-'));
  const mainDir = path.join(base, 'main');
  let f: ReturnType<typeof fakeElectron>;
  let d: ReturnType<typeof fakeDispatcher>;

  before(async () => {
    mkdirSync(mainDir);
    mkdirSync(path.join(base, 'renderer'));
    writeFileSync(path.join(base, 'renderer', 'index.html'), '<!doctype html><title>T</title>');
    writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');
    f = fakeElectron();
    d = fakeDispatcher();
    await startShell(f.electron, { baseDir: mainDir, createDispatcher: ({ pickFolder }) => ((d.pickFolder = pickFolder), d) }).ready;
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  test('the window is isolated, sandboxed, without Node, and loads the app over app://', () => {
    assert.equal(f.windows.length, 1);
    const w = f.windows[0]!;
    const wp = w.options.webPreferences;
    assert.equal(wp.contextIsolation, true);
    assert.equal(wp.sandbox, true);
    assert.equal(wp.nodeIntegration, false);
    assert.equal(wp.webSecurity, true);
    assert.equal(wp.webviewTag, false);
    assert.equal(wp.preload, path.join(mainDir, 'preload.js'));
    assert.deepEqual(w.loaded, ['app://tidyset/index.html']);
    assert.deepEqual(f.protocol.schemes, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  test('IPC from a foreign or missing frame is refused and never dispatched', async () => {
    const invoke = f.ipcHandlers.get('tidyset:invoke')!;
    assert.ok(invoke);
    for (const frame of [{ url: 'https://example.com/' }, { url: 'file:///tmp/x.html' }, { url: 'app://evil/index.html' }, null]) {
      const r = (await invoke({ senderFrame: frame, sender: new FakeWebContents() }, 'datasets.list', {})) as Reply<unknown>;
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.error.code, 'UNAUTHORIZED');
    }
    assert.equal(d.calls.length, 0);
    const r = (await invoke({ senderFrame: { url: 'app://tidyset/index.html#/grid' } }, 'datasets.list', { a: 1 })) as Reply<unknown>;
    assert.deepEqual(r, { ok: true, value: { echoed: 'datasets.list' } });
    assert.deepEqual(d.calls, [['datasets.list', { a: 1 }]]);
  });

  test('dispatcher events reach the window as tidyset:event', () => {
    d.emit({ name: 'datasets.changed', payload: { dataset: 'x' } });
    assert.deepEqual(f.windows[0]!.webContents.sent.at(-1), ['tidyset:event', 'datasets.changed', { dataset: 'x' }]);
  });

  test('the request blocker allows the app’s files and blocks the network', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      f.session.webRequest.beforeRequest!({ url, method: 'GET', resourceType: 'script' }, (r: { cancel?: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    assert.equal(decide('app://tidyset/index.html'), false);
    assert.equal(decide('app://tidyset/assets/app.js'), false);
    assert.equal(decide('data:image/png;base64,AAAA'), false);
    for (const url of ['https://example.com/', 'http://127.0.0.1:4870/api/call/x', 'file:///etc/passwd', 'ws://localhost/', 'app://other/x.js']) {
      assert.equal(decide(url), true, url);
    }
  });

  test('every response gets the CSP header', () => {
    let headers: Record<string, unknown> | undefined;
    f.session.webRequest.headersReceived!({ url: 'app://tidyset/', responseHeaders: { 'X-A': ['1'] } }, (r: { responseHeaders: Record<string, unknown> }) => (headers = r.responseHeaders));
    assert.deepEqual(headers, { 'X-A': ['1'], 'Content-Security-Policy': [CSP] });
  });

  test('permission requests and checks are denied', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let granted: boolean | undefined;
      f.session.permissionRequest!(new FakeWebContents(), permission, (g: boolean) => (granted = g), {});
      assert.equal(granted, false, permission);
      assert.equal(f.session.permissionCheck!(null, permission, 'app://tidyset', {}), false);
    }
  });

  test('device access (HID, serial, USB, Bluetooth) is denied', () => {
    assert.ok(f.session.devicePermission, 'a device-permission handler is installed');
    for (const deviceType of ['hid', 'serial', 'usb', 'bluetooth']) {
      assert.equal(f.session.devicePermission!({ deviceType, origin: 'app://tidyset', device: {} }), false, deviceType);
    }
  });

  test('navigation, redirects, webviews and window.open are prevented on every web contents', () => {
    const wc = new FakeWebContents();
    f.app.fire('web-contents-created', fakeEvent(), wc);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const ev = fakeEvent();
      wc.fire(name, ev, 'https://example.com/');
      assert.equal(ev.prevented, true, name);
    }
    assert.deepEqual(wc.windowOpenHandler!({ url: 'https://example.com/' }), { action: 'deny' });
  });

  test('app:// serves the renderer with the CSP and refuses traversal', async () => {
    const handler = f.protocol.handlers.get('app')!;
    const ok = await handler(new Request('app://tidyset/index.html'));
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('content-security-policy'), CSP);
    assert.match(ok.headers.get('content-type') ?? '', /^text\/html/);
    for (const url of ['app://tidyset/..%2fsecret.txt', 'app://tidyset/%2e%2e/secret.txt', 'app://other/index.html']) {
      // Refused outright, or normalised by the URL parser to a path inside the renderer folder.
      const r = await handler(new Request(url));
      assert.ok(r.status === 403 || r.status === 404, `${url}: ${r.status}`);
      assert.doesNotMatch(await r.text(), /TOP SECRET/);
    }
    assert.equal((await handler(new Request('app://tidyset/missing.js'))).status, 404);
  });

  test('the menu has Scan folder… on Ctrl/Cmd+O, which starts a scan; reload only in development', async () => {
    const file = f.menus.template!.find((m) => m.label === 'File');
    const scan = file.submenu.find((i: { label?: string }) => i.label === 'Scan folder…');
    assert.equal(scan.accelerator, 'CmdOrCtrl+O');
    scan.click();
    await new Promise<void>((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => setImmediate(resolve));
    // The folder comes from the native dialog through fs.pickFolder (which makes it a data root), then the scan.
    assert.deepEqual(d.calls.slice(-2), [['fs.pickFolder', {}], ['jobs.scan', { root: '/data/folder' }]]);
    const view = f.menus.template!.find((m) => m.label === 'View');
    assert.ok(view.submenu.some((i: { role?: string }) => i.role === 'reload'), 'dev build has reload');
    const edit = f.menus.template!.find((m) => m.label === 'Edit');
    assert.deepEqual(edit.submenu.filter((i: { role?: string }) => i.role).map((i: { role: string }) => i.role), ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  test('File → Export… (Ctrl/Cmd+E) asks the window to open the export dialog of the dataset on screen', () => {
    const file = f.menus.template!.find((m) => m.label === 'File');
    const item = file.submenu.find((i: { label?: string }) => i.label === 'Export…');
    assert.equal(item.accelerator, 'CmdOrCtrl+E');
    item.click();
    assert.deepEqual(f.windows[0]!.webContents.sent.at(-1), ['tidyset:event', 'app.command', { command: 'export' }]);
  });

  test('quitting waits for the dispatcher to close (running jobs cancelled) before quitting', async () => {
    const ev = fakeEvent();
    f.app.fire('before-quit', ev);
    assert.equal(ev.prevented, true);
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.equal(d.closed, 1);
    assert.equal(f.app.quitCalls, 1);
    const again = fakeEvent();
    f.app.fire('before-quit', again);
    assert.equal(again.prevented, false);
  });
});

describe('electron shell: other starts', () => {
  test('a second instance quits at once without opening a window', async () => {
    const f = fakeElectron({ lock: false });
    const shell = startShell(f.electron, { createDispatcher: () => fakeDispatcher() });
    assert.equal(await shell.ready, null);
    assert.equal(f.app.quitCalls, 1);
    assert.equal(f.windows.length, 0);
  });

  test('a packaged build has no reload or developer tools in its menu', async () => {
    const f = fakeElectron({ packaged: true });
    await startShell(f.electron, { baseDir: os.tmpdir(), createDispatcher: () => fakeDispatcher() }).ready;
    const view = f.menus.template!.find((m) => m.label === 'View');
    assert.ok(!view.submenu.some((i: { role?: string }) => i.role === 'reload' || i.role === 'toggleDevTools'));
  });
});
