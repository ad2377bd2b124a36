// The subset of Electron's API that the shell uses, typed here because the `electron` package (an
// optional dependency whose binary download fails offline) may be absent. An ambient module
// declaration wins over node_modules resolution, so this file keeps working if electron is installed;
// keep the signatures identical to Electron's own typings when adding to it.
declare module 'electron' {
  interface ElectronEvent {
    preventDefault(): void;
    readonly defaultPrevented?: boolean;
  }

  interface WebPreferences {
    preload?: string;
    contextIsolation?: boolean;
    sandbox?: boolean;
    nodeIntegration?: boolean;
    nodeIntegrationInWorker?: boolean;
    nodeIntegrationInSubFrames?: boolean;
    webSecurity?: boolean;
    allowRunningInsecureContent?: boolean;
    webviewTag?: boolean;
    navigateOnDragDrop?: boolean;
    spellcheck?: boolean;
    devTools?: boolean;
  }

  interface BrowserWindowConstructorOptions {
    width?: number;
    height?: number;
    minWidth?: number;
    minHeight?: number;
    show?: boolean;
    title?: string;
    backgroundColor?: string;
    autoHideMenuBar?: boolean;
    webPreferences?: WebPreferences;
  }

  interface WebFrameMain {
    readonly url: string;
    readonly parent: WebFrameMain | null;
  }

  interface HandlerDetails {
    url: string;
  }

  interface WebContents {
    readonly id: number;
    readonly session: Session;
    send(channel: string, ...args: unknown[]): void;
    isDestroyed(): boolean;
    setWindowOpenHandler(handler: (details: HandlerDetails) => { action: 'deny' } | { action: 'allow' }): void;
    on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: ElectronEvent, ...args: unknown[]) => void): this;
  }

  class BrowserWindow {
    constructor(options?: BrowserWindowConstructorOptions);
    static getAllWindows(): BrowserWindow[];
    readonly webContents: WebContents;
    loadURL(url: string): Promise<void>;
    show(): void;
    focus(): void;
    restore(): void;
    isMinimized(): boolean;
    isDestroyed(): boolean;
    once(event: 'ready-to-show', listener: () => void): this;
    on(event: 'closed', listener: () => void): this;
  }

  interface IpcMainInvokeEvent {
    readonly sender: WebContents;
    readonly senderFrame: WebFrameMain | null;
  }

  interface IpcMain {
    handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown> | unknown): void;
    removeHandler(channel: string): void;
  }

  interface IpcRendererEvent {
    readonly sender: unknown;
  }

  interface IpcRenderer {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): this;
  }

  interface ContextBridge {
    exposeInMainWorld(apiKey: string, api: unknown): void;
  }

  interface OnHeadersReceivedListenerDetails {
    url: string;
    responseHeaders?: Record<string, string[]>;
  }
  interface HeadersReceivedResponse {
    cancel?: boolean;
    responseHeaders?: Record<string, string[] | string>;
  }
  interface OnBeforeRequestListenerDetails {
    url: string;
    method: string;
    resourceType: string;
  }
  interface CallbackResponse {
    cancel?: boolean;
  }

  interface WebRequest {
    onHeadersReceived(listener: ((details: OnHeadersReceivedListenerDetails, callback: (response: HeadersReceivedResponse) => void) => void) | null): void;
    onBeforeRequest(listener: ((details: OnBeforeRequestListenerDetails, callback: (response: CallbackResponse) => void) => void) | null): void;
  }

  interface Session {
    readonly webRequest: WebRequest;
    setPermissionRequestHandler(
      handler: ((webContents: WebContents, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null,
    ): void;
    setPermissionCheckHandler(handler: ((webContents: WebContents | null, permission: string, origin: string, details: unknown) => boolean) | null): void;
    /** Decides access to HID, serial, USB and Bluetooth devices (navigator.hid/serial/usb). */
    setDevicePermissionHandler(handler: ((details: { deviceType: string; origin: string; device: unknown }) => boolean) | null): void;
  }

  interface CustomScheme {
    scheme: string;
    privileges?: { standard?: boolean; secure?: boolean; supportFetchAPI?: boolean; corsEnabled?: boolean; stream?: boolean };
  }

  interface Protocol {
    registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void;
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  }

  interface App {
    readonly isPackaged: boolean;
    getVersion(): string;
    requestSingleInstanceLock(): boolean;
    whenReady(): Promise<void>;
    isReady(): boolean;
    quit(): void;
    exit(exitCode?: number): void;
    on(event: 'second-instance' | 'window-all-closed' | 'activate' | 'will-quit', listener: () => void): this;
    on(event: 'before-quit', listener: (event: ElectronEvent) => void): this;
    on(event: 'web-contents-created', listener: (event: ElectronEvent, contents: WebContents) => void): this;
  }

  interface MenuItemConstructorOptions {
    label?: string;
    role?:
      | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'reload' | 'forceReload' | 'toggleDevTools'
      | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen' | 'quit' | 'about' | 'hide' | 'hideOthers' | 'unhide'
      | 'close' | 'minimize' | 'fileMenu' | 'editMenu' | 'viewMenu' | 'windowMenu' | 'help' | 'appMenu';
    type?: 'normal' | 'separator' | 'submenu';
    accelerator?: string;
    click?: () => void;
    submenu?: MenuItemConstructorOptions[];
  }

  class Menu {
    static buildFromTemplate(template: MenuItemConstructorOptions[]): Menu;
    static setApplicationMenu(menu: Menu | null): void;
  }

  interface OpenDialogOptions {
    title?: string;
    properties?: Array<'openFile' | 'openDirectory' | 'multiSelections' | 'showHiddenFiles'>;
  }
  interface MessageBoxOptions {
    type?: 'none' | 'info' | 'error' | 'question' | 'warning';
    title?: string;
    message: string;
    detail?: string;
    buttons?: string[];
  }
  interface Dialog {
    showOpenDialog(window: BrowserWindow, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
    showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
    showMessageBox(window: BrowserWindow, options: MessageBoxOptions): Promise<{ response: number }>;
    showErrorBox(title: string, content: string): void;
  }

  export const app: App;
  export const ipcMain: IpcMain;
  export const ipcRenderer: IpcRenderer;
  export const contextBridge: ContextBridge;
  export const protocol: Protocol;
  export const session: { readonly defaultSession: Session };
  export const dialog: Dialog;
  export { BrowserWindow, Menu };
  export type {
    BrowserWindowConstructorOptions, ElectronEvent, IpcMainInvokeEvent, MenuItemConstructorOptions, Session, WebContents,
    WebPreferences, Protocol, IpcMain, App, Dialog,
  };
}
