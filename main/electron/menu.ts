// The application menu: File (scan a folder, export, quit), Edit, View (reload only in development), Help.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** macOS puts About and Quit in an app menu of its own. */
  isMac: boolean;
  /** Development build: adds reload and developer tools. */
  dev: boolean;
  scanFolder(): void;
  /** Opens the export dialog of the dataset on screen (the window ignores it elsewhere). */
  exportDataset(): void;
  about(): void;
}

/** The menu template; pure, so tests can check its items and shortcuts. */
export function menuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const devItems: MenuItemConstructorOptions[] = a.dev ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, sep] : [];
  return [
    ...(a.isMac ? [{ label: 'Tidyset', submenu: [{ label: 'About Tidyset', click: a.about }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }] } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Scan folder…', accelerator: 'CmdOrCtrl+O', click: a.scanFolder },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: a.exportDataset },
        sep,
        a.isMac ? { role: 'close' } : { role: 'quit', accelerator: 'Ctrl+Q' },
      ],
    },
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, sep, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: 'View',
      submenu: [...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, sep, { role: 'togglefullscreen' }],
    },
    { label: 'Help', submenu: [{ label: 'About Tidyset', click: a.about }] },
  ];
}
