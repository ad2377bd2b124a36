// The grid of each open dataset, for the few things outside it that must act on it (clear its filters).
import type { GridApi } from 'ag-grid-community';
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
