// Which column's cleaning menu is open, and where: opened from a header's ▾ button or with Alt+↓.
import { createStore, useStore } from '../../app/store';

export interface MenuAnchor {
  left: number;
  top: number;
  bottom: number;
}

export interface OpenColumnMenu {
  column: string;
  anchor: MenuAnchor;
  /** Gets the focus back when the menu closes without an action. */
  returnFocus: HTMLElement | null;
}

export const columnMenuStore = createStore<OpenColumnMenu | null>(null);

function headerButton(column: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.ag-header-cell[col-id="${CSS.escape(column)}"] .header-menu-button`);
}

/** Opens the menu of `column` under its header button (or under `from` when the header is scrolled away). */
export function openColumnMenu(column: string, from?: HTMLElement | null): void {
  const el = headerButton(column) ?? from ?? null;
  const r = el?.getBoundingClientRect();
  const anchor = r ? { left: r.left, top: r.top, bottom: r.bottom } : { left: 200, top: 80, bottom: 80 };
  const active = document.activeElement;
  columnMenuStore.set({ column, anchor, returnFocus: active instanceof HTMLElement ? active : null });
}

export function closeColumnMenu(): void {
  columnMenuStore.set(null);
}

export function useColumnMenu(): OpenColumnMenu | null {
  return useStore(columnMenuStore);
}

/** Alt+↓ (as in a select) or the context-menu key opens the column menu from the keyboard. */
export function isMenuKey(e: KeyboardEvent): boolean {
  return (e.altKey && e.key === 'ArrowDown') || e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10');
}
