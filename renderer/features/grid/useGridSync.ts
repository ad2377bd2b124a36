// Keeps the grid in step with the rest of the dataset screen: reloads rows after an operation or a facet
// change, publishes its filters and matching count, and turns a column drag into a `reorder` step.
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { ColumnMovedEvent, GridApi } from 'ag-grid-community';
import type { Dataset } from '../../../shared/api/catalog';
import type { Filter } from '../../../shared/api/contract';
import { refreshDatasets } from '../../app/useDatasets';
import { getUi, patchUi, useDatasetUi } from '../clean/datasetUi';
import { applyOperation, reportError } from '../clean/operations';
import { facetFilters, useFacets } from '../facets/facetStore';
import { ROW_NUMBER_COL, type GridRow } from './gridTypes';

export function useGridSync(dataset: Dataset, apiRef: RefObject<GridApi<GridRow> | null>, onReset: () => void) {
  const id = dataset.id;
  const facets = useFacets(id);
  const extra = facetFilters(facets);
  const extraKey = JSON.stringify(extra);
  const extraRef = useRef<Filter[]>(extra);
  extraRef.current = extra;
  const onResetRef = useRef(onReset);
  onResetRef.current = onReset;

  // A facet selection changed: start again from the first row, as ag-grid does for its own filters.
  const firstKey = useRef(extraKey);
  useEffect(() => {
    if (firstKey.current === extraKey) return;
    firstKey.current = extraKey;
    const api = apiRef.current;
    if (!api) return;
    patchUi(id, { matching: null });
    onResetRef.current();
    api.purgeInfiniteCache();
    api.ensureIndexVisible(0, 'top');
  }, [extraKey, id, apiRef]);

  // An operation changed the data: reload the rows in place (the rows shown stay until their new values arrive).
  const gridVersion = useDatasetUi(id, 'gridVersion');
  const firstVersion = useRef(gridVersion);
  const staleRetried = useRef(-1);
  useEffect(() => {
    if (firstVersion.current === gridVersion) return;
    firstVersion.current = gridVersion;
    apiRef.current?.refreshInfiniteCache();
  }, [gridVersion, apiRef]);

  const extraFilters = useCallback(() => extraRef.current, []);

  /** Called with each page: publishes what the toolbar and the facets need, and notices a stale column list. */
  const onPage = useCallback(
    (total: number, gridFilters: Filter[], stale: boolean) => {
      const ui = getUi(id);
      const patch: Parameters<typeof patchUi>[1] = { matching: total };
      if (JSON.stringify(ui.gridFilters) !== JSON.stringify(gridFilters)) patch.gridFilters = gridFilters;
      patchUi(id, patch);
      if (stale && staleRetried.current !== ui.gridVersion) {
        staleRetried.current = ui.gridVersion;
        void refreshDatasets().then(() => apiRef.current?.refreshInfiniteCache());
      }
    },
    [id, apiRef],
  );

  const datasetRef = useRef(dataset);
  datasetRef.current = dataset;
  /** A column dropped somewhere new becomes a `reorder` history step, so the order is kept and can be undone. */
  const onColumnMoved = useCallback(
    (e: ColumnMovedEvent<GridRow>) => {
      if (!e.finished || e.source !== 'uiColumnMoved') return;
      const order = e.api
        .getAllGridColumns()
        .map((c) => c.getColId())
        .filter((c) => c !== ROW_NUMBER_COL);
      const ds = datasetRef.current;
      const before = ds.columns.map((c) => c.name);
      if (order.join('\u0000') === before.join('\u0000')) return;
      applyOperation(ds.id, { op: 'reorder', columns: order }, 'Reordering columns…').catch((err) => {
        reportError(err);
        e.api.applyColumnState({ state: before.map((colId) => ({ colId })), applyOrder: true });
      });
    },
    [],
  );

  const busy = useDatasetUi(id, 'busy');
  return { extraFilters, onPage, onColumnMoved, busy };
}
