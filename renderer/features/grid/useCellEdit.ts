// Saves a cell edit at once through `cells.update`: shown optimistically, rolled back with a toast on failure.
import { useCallback } from 'react';
import type { CellEditRequestEvent } from 'ag-grid-community';
import type { Column } from '../../../shared/api/catalog';
import { api, errorMessage } from '../../api';
import { toast } from '../../components/toastStore';
import type { GridRow } from './gridTypes';

function withValue(row: GridRow, column: string, value: string | null): GridRow {
  const index = row.cols.get(column);
  if (index === undefined) return row;
  const v = row.v.slice();
  v[index] = value;
  return { ...row, v };
}

/** Saves through `cells.update`, which the engine records as an editCell history step; `onSaved` then refreshes history and facets. */
export function useCellEdit(current: () => { name: string; columns: readonly Column[] }, onSaved?: () => void) {
  return useCallback(
    (e: CellEditRequestEvent<GridRow>) => {
      const row = e.data;
      if (!row) return;
      const column = e.column.getColId();
      const { name } = current();
      const index = row.cols.get(column);
      if (index === undefined) return;
      const before = row.v[index] ?? null;
      // A cleared editor means an empty value, not a missing one; the raw text is always a string.
      const value = e.newValue === null || e.newValue === undefined ? '' : String(e.newValue);
      if (value === before) return;
      e.node.setData(withValue(row, column, value));
      api['cells.update']({ dataset: name, rid: row.rid, column, value }).then(
        (saved) => {
          const now = e.node.data;
          if (now && now.rid === row.rid && saved.value !== value) e.node.setData(withValue(now, column, saved.value));
          onSaved?.();
        },
        (err) => {
          const now = e.node.data;
          if (now && now.rid === row.rid) e.node.setData(withValue(now, column, before));
          toast('error', `Not saved (${column}, row ${row.rid}): ${errorMessage(err)}`);
        },
      );
    },
    [current, onSaved],
  );
}
