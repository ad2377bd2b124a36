// A recording stand-in for the parts of Electron the shell uses, so its security settings can be
// asserted in plain Node (the real runtime is not installed on CI or offline machines).
import type { ElectronMain } from '../../../main/electron/shell';

type Listener = (...args: any[]) => unknown;

/** An event-emitter-ish object that records listeners by name and can fire them. */
class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, fn: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
    return this;
  }
  once(name: string, fn: Listener): this {
    return this.on(name, fn);
  }
  fire(name: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(name) ?? []) fn(...args);
  }
}

/** A preventable event that remembers whether preventDefault was called. */
export function fakeEvent(): { prevented: boolean; preventDefault(): void } {
  const e = { prevented: false, preventDefault: () => void (e.prevented = true) };
  return e;
}

export class FakeWebContents extends Emitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((d: { url: string }) => unknown) | undefined;
  session = {};
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  isDestroyed(): boolean {
    return false;
  }
  setWindowOpenHandler(h: (d: { url: string }) => unknown): void {
    this.windowOpenHandler = h;
  }
}

export function fakeElectron(opts: { lock?: boolean; packaged?: boolean } = {}) {
  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    loaded: string[] = [];
    constructor(readonly options: any) {
      super();
      windows.push(this);
    }
    static getAllWindows() {
      return windows;
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: opts.packaged ?? false,
    quitCalls: 0,
    ready: false,
    getVersion: () => '0.0.0',
    requestSingleInstanceLock: () => opts.lock ?? true,
    whenReady: () => {
      app.ready = true;
      return Promise.resolve();
    },
    isReady: () => app.ready,
    quit: () => void app.quitCalls++,
    exit: () => {},
  });
  const ipcHandlers = new Map<string, Listener>();
  const webRequest = { headersReceived: undefined as Listener | undefined, beforeRequest: undefined as Listener | undefined,
    onHeadersReceived(fn: Listener) { this.headersReceived = fn; },
    onBeforeRequest(fn: Listener) { this.beforeRequest = fn; } };
  const session = {
    webRequest,
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    setPermissionRequestHandler(fn: Listener) { this.permissionRequest = fn; },
    setPermissionCheckHandler(fn: Listener) { this.permissionCheck = fn; },
    devicePermission: undefined as Listener | undefined,
    setDevicePermissionHandler(fn: Listener) { this.devicePermission = fn; },
  };
  const protocol = {
    schemes: [] as unknown[],
    handlers: new Map<string, (r: Request) => Promise<Response> | Response>(),
    registerSchemesAsPrivileged(s: unknown[]) { this.schemes.push(...s); },
    handle(scheme: string, h: (r: Request) => Promise<Response> | Response) { this.handlers.set(scheme, h); },
  };
  const menus: { template: any[] | null } = { template: null };
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handle: (ch: string, fn: Listener) => void ipcHandlers.set(ch, fn), removeHandler: (ch: string) => void ipcHandlers.delete(ch) },
    Menu: { buildFromTemplate: (t: any[]) => ({ t }), setApplicationMenu: (m: { t: any[] } | null) => void (menus.template = m?.t ?? null) },
    dialog: {
      showOpenDialog: async () => ({ canceled: false, filePaths: ['/data/folder'] }),
      showMessageBox: async () => ({ response: 0 }),
      showErrorBox: () => {},
    },
    protocol,
    session: { defaultSession: session },
  };
  return { electron: electron as unknown as ElectronMain, app, windows, ipcHandlers, session, protocol, menus };
}
