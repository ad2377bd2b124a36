// The grid of each open dataset, for the few things outside it that must act on it (clear its filters).
import type { GridApi } from 'ag-grid-community';
import type { Sort } from '../../../shared/api/contract';
import type { GridRow } from './gridTypes';

const grids = new Map<number, GridApi<GridRow>>();

export function registerGrid(datasetId: number, api: GridApi<GridRow> | null): void {
  if (api) grids.set(datasetId, api);
  else grids.delete(datasetId);
}

/** Clears the grid's own column filters (facet selections live in the facet store). */
export function clearGridFilters(datasetId: number): void {
  const api = grids.get(datasetId);
  if (api && !api.isDestroyed()) api.setFilterModel(null);
}

/** The grid's current sort as contract sorts (what `rows.page` is asked with), in sort-index order. */
export function gridSort(datasetId: number): Sort[] {
  const api = grids.get(datasetId);
  if (!api || api.isDestroyed()) return [];
  return api
    .getColumnState()
    .filter((c) => c.sort)
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .slice(0, 8)
    .map((c) => ({ column: c.colId, dir: c.sort === 'desc' ? 'desc' : 'asc' }));
}

/** Whether a dataset column is pinned to the left edge of its grid. */
export function isPinned(datasetId: number, column: string): boolean {
  const api = grids.get(datasetId);
  if (!api || api.isDestroyed()) return false;
  return api.getColumnState().some((c) => c.colId === column && c.pinned === 'left');
}

/** Pins a column to the left edge (or unpins it); the grid remembers it per dataset (columnState.ts). */
export function setPinned(datasetId: number, column: string, pinned: boolean): void {
  const api = grids.get(datasetId);
  if (api && !api.isDestroyed()) api.applyColumnState({ state: [{ colId: column, pinned: pinned ? 'left' : null }] });
}

/** Scrolls the grid so a column is in view; false while the grid (or the column) is not there yet. */
export function revealColumn(datasetId: number, column: string): boolean {
  const api = grids.get(datasetId);
  if (!api || api.isDestroyed() || !api.getColumn(column)) return false;
  api.ensureColumnVisible(column, 'end');
  return true;
}
