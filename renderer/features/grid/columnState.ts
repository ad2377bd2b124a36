// Column widths and pinning remembered per dataset (by name) in localStorage. The column order needs no
// copy here: a dragged column becomes a `reorder` history step, so the dataset itself keeps the order.
import type { ColumnState, GridApi } from 'ag-grid-community';
import { ROW_NUMBER_COL, type GridRow } from './gridTypes';

interface Saved {
  colId: string;
  width?: number;
  pinned?: 'left' | 'right' | null;
}

const key = (dataset: string) => `tidyset.columns.${dataset}`;

export function loadColumnState(dataset: string): Saved[] | null {
  try {
    const raw = JSON.parse(localStorage.getItem(key(dataset)) ?? 'null') as unknown;
    if (!Array.isArray(raw)) return null;
    const out = raw.filter((s): s is Saved => !!s && typeof s === 'object' && typeof (s as Saved).colId === 'string');
    return out.length ? out : null;
  } catch {
    return null;
  }
}

export function saveColumnState(dataset: string, api: GridApi<GridRow>): void {
  const state: Saved[] = api
    .getColumnState()
    .filter((c) => c.colId !== ROW_NUMBER_COL)
    .map((c) => ({ colId: c.colId, width: c.width ?? undefined, pinned: c.pinned === 'left' || c.pinned === 'right' ? c.pinned : null }));
  try {
    localStorage.setItem(key(dataset), JSON.stringify(state));
  } catch {
    // storage full or disabled: the widths are simply not remembered
  }
}

/** Applies saved widths and pinning to the columns that still exist; true when something was applied. */
export function restoreColumnState(dataset: string, api: GridApi<GridRow>): boolean {
  const saved = loadColumnState(dataset);
  if (!saved) return false;
  const known = new Set(api.getColumns()?.map((c) => c.getColId()) ?? []);
  const state: ColumnState[] = saved.filter((s) => known.has(s.colId)).map((s) => ({ colId: s.colId, width: s.width, pinned: s.pinned ?? null }));
  if (!state.length) return false;
  api.applyColumnState({ state });
  return true;
}
