// Lifecycle of the desktop app: single instance, the locked-down window, IPC, menu, and a clean
// shutdown that cancels running jobs. Takes the electron API as a parameter so tests can pass a fake.
import os from 'node:os';
import path from 'node:path';
import type * as Electron from 'electron';
import type { BrowserWindow } from 'electron';
import { Dispatcher } from '../api/dispatch';
import { APP_VERSION } from '../core/version';
import { defaultWorkspaceDir } from '../core/workspace';
import { EVENT_CHANNEL } from './channels';
import { forwardEvents, registerIpc, type DispatchTarget } from './ipc';
import { menuTemplate } from './menu';
import { ENTRY_URL, hardenContents, hardenSession, registerAppScheme, serveAppProtocol, windowOptions } from './window';

/** The parts of Electron's main-process API the shell uses. */
export type ElectronMain = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'ipcMain' | 'Menu' | 'dialog' | 'protocol' | 'session'>;

export interface ShellOptions {
  /** Folder of the bundled shell (dist/main): preload.js sits here and the renderer in ../renderer. */
  baseDir?: string;
  /** Builds the dispatcher once the app is ready (tests pass a fake); `pickFolder` is the native folder dialog. */
  createDispatcher?: (deps: { pickFolder: () => Promise<string | null> }) => DispatchTarget & { close(): Promise<void> };
}

/** What startShell hands back, for tests and the entry point. */
export interface Shell {
  /** Resolves once the first window exists (or the app quit because another instance runs). */
  ready: Promise<BrowserWindow | null>;
}

/** Starts the desktop app; call once, before the app is ready. */
export function startShell(e: ElectronMain, opts: ShellOptions = {}): Shell {
  const { app } = e;
  if (!app.requestSingleInstanceLock()) {
    // Another Tidyset window owns the workspace; it is focused by its 'second-instance' handler.
    app.quit();
    return { ready: Promise.resolve(null) };
  }
  const baseDir = opts.baseDir ?? __dirname;
  const dev = !app.isPackaged;
  let win: BrowserWindow | null = null;
  let dispatcher: (DispatchTarget & { close(): Promise<void> }) | null = null;
  let closed = false;

  registerAppScheme(e.protocol);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  const createWindow = (): BrowserWindow => {
    const w = new e.BrowserWindow(windowOptions(path.join(baseDir, 'preload.js')));
    w.once('ready-to-show', () => w.show());
    w.on('closed', () => {
      if (win === w) win = null;
    });
    void w.loadURL(ENTRY_URL);
    return w;
  };

  // The native folder dialog; what the user picks here becomes a data root (fs.pickFolder).
  const pickFolder = async (): Promise<string | null> => {
    const opts = { title: 'Choose a folder', properties: ['openDirectory' as const] };
    const r = win ? await e.dialog.showOpenDialog(win, opts) : await e.dialog.showOpenDialog(opts);
    return !r.canceled && r.filePaths[0] ? r.filePaths[0] : null;
  };
  const scanFolder = async () => {
    if (!win || !dispatcher) return;
    const picked = await dispatcher.dispatch('fs.pickFolder', {});
    const folder = picked.ok ? (picked.value as { path: string | null }).path : null;
    // The window hears about the scan through job events, as if it had started it.
    if (folder) await dispatcher.dispatch('jobs.scan', { root: folder });
  };
  // The window knows which dataset is on screen and its filter and sort: the menu only asks it.
  const exportDataset = () => {
    if (win && !win.webContents.isDestroyed()) win.webContents.send(EVENT_CHANNEL, 'app.command', { command: 'export' });
  };
  const about = () => {
    if (!win) return;
    void e.dialog.showMessageBox(win, {
      type: 'info',
      title: 'About Tidyset',
      message: `Tidyset ${APP_VERSION}`,
      detail: 'Offline curation of tabular training data. Nothing leaves this machine.',
    });
  };

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && dispatcher && e.BrowserWindow.getAllWindows().length === 0) win = createWindow();
  });
  app.on('before-quit', (event) => {
    // Let running jobs stop and leave the catalog consistent before the process goes.
    if (closed || !dispatcher) return;
    event.preventDefault();
    closed = true;
    dispatcher.close().finally(() => app.quit());
  });

  const ready = app.whenReady().then(() => {
    hardenSession(e.session.defaultSession, dev);
    serveAppProtocol(e.protocol, path.join(baseDir, '..', 'renderer'));
    try {
      // File access is confined to the home folder plus the folders the user picks in the dialog.
      dispatcher = opts.createDispatcher?.({ pickFolder }) ?? new Dispatcher({ workspaceDir: defaultWorkspaceDir(), face: 'electron', roots: [os.homedir()], pickFolder });
    } catch (err) {
      e.dialog.showErrorBox('Tidyset cannot open its workspace', err instanceof Error ? err.message : String(err));
      app.exit(1);
      return null;
    }
    registerIpc(e.ipcMain, dispatcher);
    forwardEvents(dispatcher, () => e.BrowserWindow.getAllWindows().map((w) => w.webContents));
    e.Menu.setApplicationMenu(e.Menu.buildFromTemplate(menuTemplate({ isMac: process.platform === 'darwin', dev, scanFolder: () => void scanFolder(), exportDataset, about })));
    win = createWindow();
    return win;
  }).catch((err: unknown) => {
    e.dialog.showErrorBox('Tidyset could not start', err instanceof Error ? (err.stack ?? err.message) : String(err));
    app.exit(1);
    return null;
  });
  return { ready };
}
