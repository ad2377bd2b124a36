// The Infinite Row Model datasource: each block the grid asks for becomes one `rows.page` call.
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { Column } from '../../../shared/api/catalog';
import type { Filter, RowBlock } from '../../../shared/api/contract';
import { api, errorMessage } from '../../api';
import { toContractFilters, toContractSort } from './filterModel';
import type { GridRow } from './gridTypes';

const MAX_FILTERS = 32;

export interface DatasourceHooks {
  /** Current dataset name and columns, read at request time so a rename needs no new datasource. */
  current(): { name: string; columns: readonly Column[] };
  /** Filters from outside the grid's own filter model (facet selections), read at request time. */
  extraFilters(): Filter[];
  onBlock(block: RowBlock, info: { filtered: boolean; ignored: string[]; gridFilters: Filter[]; stale: boolean }): void;
  onError(message: string): void;
}

export function createDatasource(hooks: DatasourceHooks): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      const { name, columns } = hooks.current();
      const { filters: gridFilters, ignored } = toContractFilters(params.filterModel, columns);
      const filters = [...gridFilters, ...hooks.extraFilters()].slice(0, MAX_FILTERS);
      const sort = toContractSort(params.sortModel);
      const cols = new Map(columns.map((c, i) => [c.name, i]));
      api['rows.page']({ dataset: name, offset: params.startRow, limit: params.endRow - params.startRow, sort, filters }).then(
        (block) => {
          const rows: GridRow[] = block.rows.map((v, i) => ({ rid: block.rids[i]!, v, cols }));
          // The engine knows the total, so the scrollbar is sized for every row from the first block on.
          params.successCallback(rows, block.total);
          // Rows wider or narrower than our column list: the columns changed on the server since we last looked.
          const stale = block.rows.length > 0 && block.rows[0]!.length !== columns.length;
          hooks.onBlock(block, { filtered: filters.length > 0, ignored, gridFilters, stale });
        },
        (e) => {
          params.failCallback();
          hooks.onError(errorMessage(e));
        },
      );
    },
  };
}
