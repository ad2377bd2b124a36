// Copies a rectangle of cells as TSV: rows the infinite model holds are read from its blocks, the rest
// are fetched through `rows.page` with the grid's current sort and filters, so the copy matches the screen.
import type { GridApi } from 'ag-grid-community';
import type { Column } from '../../../shared/api/catalog';
import type { Filter } from '../../../shared/api/contract';
import { api } from '../../api';
import { toTsv } from './clipboard';
import { toContractFilters, toContractSort } from './filterModel';
import { cellOf, type GridRow } from './gridTypes';

/** A copy larger than this many rows is refused with a message instead of freezing the window. */
export const MAX_COPY_ROWS = 50_000;
const PAGE = 1000;

export interface Rect {
  r0: number;
  r1: number;
  cols: string[];
}

/** The values of `rect`, row by row, fetching the rows no loaded block holds. */
export async function rangeValues(
  grid: GridApi<GridRow>,
  rect: Rect,
  current: { name: string; columns: readonly Column[] },
  extraFilters: Filter[],
): Promise<(string | null)[][]> {
  const out: ((string | null)[] | undefined)[] = [];
  const missing: number[] = [];
  for (let i = rect.r0; i <= rect.r1; i++) {
    const data = grid.getDisplayedRowAtIndex(i)?.data;
    if (data) out.push(rect.cols.map((c) => cellOf(data, c) ?? null));
    else {
      out.push(undefined);
      missing.push(i);
    }
  }
  if (missing.length) {
    const filters = [...toContractFilters(grid.getFilterModel(), current.columns).filters, ...extraFilters].slice(0, 32);
    const sortModel = grid
      .getColumnState()
      .filter((c) => c.sort)
      .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
      .map((c) => ({ colId: c.colId, sort: c.sort as 'asc' | 'desc' }));
    const sort = toContractSort(sortModel);
    const at = new Map(current.columns.map((c, i) => [c.name, i]));
    // Contiguous spans of missing rows, a page at a time.
    for (let k = 0; k < missing.length; ) {
      const start = missing[k]!;
      let end = start;
      while (k + 1 < missing.length && missing[k + 1] === end + 1 && end - start + 1 < PAGE) end = missing[++k]!;
      k++;
      const block = await api['rows.page']({ dataset: current.name, offset: start, limit: end - start + 1, sort, filters });
      block.rows.forEach((row, j) => {
        out[start + j - rect.r0] = rect.cols.map((c) => {
          const i = at.get(c);
          return i === undefined ? null : (row[i] ?? null);
        });
      });
    }
  }
  return out.map((r) => r ?? rect.cols.map(() => null));
}

export function rangeTsv(rows: (string | null)[][]): string {
  return toTsv(rows);
}
