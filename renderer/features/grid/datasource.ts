// The Infinite Row Model datasource: each block the grid asks for becomes one `rows.page` call.
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { Column } from '../../../shared/api/catalog';
import type { RowBlock } from '../../../shared/api/contract';
import { api, errorMessage } from '../../api';
import { toContractFilters, toContractSort } from './filterModel';
import type { GridRow } from './gridTypes';

export interface DatasourceHooks {
  /** Current dataset name and columns, read at request time so a rename needs no new datasource. */
  current(): { name: string; columns: readonly Column[] };
  onBlock(block: RowBlock, info: { filtered: boolean; ignored: string[] }): void;
  onError(message: string): void;
}

export function createDatasource(hooks: DatasourceHooks): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      const { name, columns } = hooks.current();
      const { filters, ignored } = toContractFilters(params.filterModel, columns);
      const sort = toContractSort(params.sortModel);
      api['rows.page']({ dataset: name, offset: params.startRow, limit: params.endRow - params.startRow, sort, filters }).then(
        (block) => {
          const rows: GridRow[] = block.rows.map((v, i) => ({ rid: block.rids[i]!, v }));
          // The engine knows the total, so the scrollbar is sized for every row from the first block on.
          params.successCallback(rows, block.total);
          hooks.onBlock(block, { filtered: filters.length > 0, ignored });
        },
        (e) => {
          params.failCallback();
          hooks.onError(errorMessage(e));
        },
      );
    },
  };
}
