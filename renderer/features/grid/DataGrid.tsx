// The dataset grid: ag-grid Community on the Infinite Row Model over `rows.page`, with sort, filters and editing.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  AllCommunityModule,
  ModuleRegistry,
  type CellDoubleClickedEvent,
  type CellKeyDownEvent,
  type ColDef,
  type ColumnPinnedEvent,
  type ColumnResizedEvent,
  type IRowNode,
  type GetRowIdParams,
  type GridApi,
  type GridReadyEvent,
  type RowSelectionOptions,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { Dataset } from '../../../shared/api/catalog';
import type { RowBlock } from '../../../shared/api/contract';
import { dismissActionToasts, toast } from '../../components/toastStore';
import { formatCount } from '../../components/format';
import { useColumnMenu } from '../clean/columnMenuStore';
import { isTruncated } from './cellText';
import { copyText, toTsv } from './clipboard';
import { dataColDefs, rowNumberColDef } from './columnDefs';
import { restoreColumnState, saveColumnState } from './columnState';
import { MAX_COPY_ROWS, rangeTsv, rangeValues } from './rangeCopy';
import { useCellRange } from './useCellRange';
import { openValueViewer, ValueViewer } from './ValueViewer';
import { createDatasource } from './datasource';
import { gridTheme } from './gridTheme';
import { ROW_NUMBER_COL, type GridRow } from './gridTypes';
import { StatusBar, type GridStatus } from './StatusBar';
import { useCellEdit } from './useCellEdit';
import { useGridSync } from './useGridSync';
import { useSortIndex } from './useSortIndex';
import { dataChanged, patchUi } from '../clean/datasetUi';
import { registerGrid } from './gridHandle';
import { usePersonalGrid } from '../personal/usePersonalGrid';
import './grid.css';

ModuleRegistry.registerModules([AllCommunityModule]);

const BLOCK = 100;
const MAX_AUTO_WIDTH = 320;
// Stable objects: a new defaultColDef on each render would make ag-grid re-apply column widths.
const DEFAULT_COL_DEF: ColDef<GridRow> = { cellDataType: false, floatingFilter: true };
const ROW_SELECTION: RowSelectionOptions<GridRow> = { mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: true };
const getRowId = (p: GetRowIdParams<GridRow>) => String(p.data.rid);

export function DataGrid({ dataset }: { dataset: Dataset }) {
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const dsRef = useRef(dataset);
  dsRef.current = dataset;
  const current = useCallback(() => ({ name: dsRef.current.name, columns: dsRef.current.columns }), []);
  const nameOf = useCallback(() => dsRef.current.name, []);

  const [status, setStatus] = useState<GridStatus>({ matching: null, filtered: false, selected: 0, focused: null, sort: '' });
  const [ignored, setIgnored] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  const refresh = useCallback(() => apiRef.current?.refreshInfiniteCache(), []);
  const sized = useRef(false);
  // Fit columns to the first page once; later the user's own widths stand.
  const autoSize = useCallback(() => {
    const api = apiRef.current;
    if (sized.current || !api) return;
    sized.current = true;
    // Widths the user set on this dataset before win over fitting to the content.
    if (restoreColumnState(dsRef.current.name, api)) return;
    const ids = dsRef.current.columns.map((c) => c.name);
    api.autoSizeColumns(ids, false);
    const tooWide = api.getColumnState().filter((c) => c.colId !== ROW_NUMBER_COL && (c.width ?? 0) > MAX_AUTO_WIDTH);
    if (tooWide.length) api.applyColumnState({ state: tooWide.map((c) => ({ colId: c.colId, width: MAX_AUTO_WIDTH })) });
  }, []);
  const index = useSortIndex(dataset.id, nameOf, refresh);
  const reportRef = useRef(index.report);
  reportRef.current = index.report;
  const sync = useGridSync(dataset, apiRef, () => setStatus((s) => ({ ...s, matching: null, focused: null })));
  const onPageRef = useRef(sync.onPage);
  onPageRef.current = sync.onPage;

  const datasource = useMemo(
    () =>
      createDatasource({
        current,
        extraFilters: sync.extraFilters,
        onBlock: (block: RowBlock, info) => {
          onPageRef.current(block.total, info.gridFilters, info.stale);
          setStatus((s) => (s.matching === block.total && s.filtered === info.filtered ? s : { ...s, matching: block.total, filtered: info.filtered }));
          setIgnored((prev) => (prev.join('|') === info.ignored.join('|') ? prev : info.ignored));
          setLoadError(null);
          setReady(true);
          // Two frames: the block's rows are in the DOM by then, so there is content to measure.
          requestAnimationFrame(() => requestAnimationFrame(autoSize));
          if (block.unindexed.length) reportRef.current(block.unindexed);
        },
        onError: (message) => setLoadError(message),
      }),
    // One datasource per dataset (by id): a rename or a metadata edit must not reload the rows.
    [dataset.id, current, sync.extraFilters],
  );

  const range = useCellRange(apiRef);
  // The columns by content: a catalog refresh that changed nothing of them (a background detection
  // storing tags, a rename of another dataset) gives equal columns in a new array, and new column
  // definitions would make the grid drop the focused cell under the user's keyboard.
  const columnsKey = JSON.stringify(dataset.columns);
  const columns = useMemo(() => dataset.columns, [columnsKey]);
  const columnDefs = useMemo(
    () => [rowNumberColDef(dataset.rows), ...dataColDefs(columns, { onKey: range.handleKey, inRange: range.inRange }, dataset.name)],
    [dataset.rows, columns, dataset.name, range],
  );
  usePersonalGrid(apiRef, dataset.name);
  const menu = useColumnMenu();

  /** Opens the value viewer on a cell; its Edit button starts the cell editor. */
  const viewCell = useCallback((api: GridApi<GridRow>, node: IRowNode<GridRow>, colId: string) => {
    if (!node.data || node.rowIndex === null || colId === ROW_NUMBER_COL) return;
    const rowIndex = node.rowIndex;
    openValueViewer({
      column: colId,
      row: rowIndex + 1,
      value: (api.getCellValue({ rowNode: node, colKey: colId }) as string | null | undefined) ?? null,
      edit: () => api.startEditingCell({ rowIndex, colKey: colId }),
    });
  }, []);
  // A double-click edits, except on a value cut for the cell, which opens whole in the viewer.
  const onCellDoubleClicked = useCallback(
    (e: CellDoubleClickedEvent<GridRow>) => {
      const colId = e.column.getColId();
      if (colId === ROW_NUMBER_COL || e.rowIndex === null || !e.data) return;
      if (isTruncated(e.value)) viewCell(e.api, e.node, colId);
      else e.api.startEditingCell({ rowIndex: e.rowIndex, colKey: colId });
    },
    [viewCell],
  );
  const saveColumns = useCallback((e: ColumnResizedEvent<GridRow> | ColumnPinnedEvent<GridRow>) => {
    if ('finished' in e && !e.finished) return;
    if (e.source !== 'uiColumnResized' && e.source !== 'uiColumnDragged' && e.source !== 'api' && e.source !== 'autosizeColumns') return;
    saveColumnState(dsRef.current.name, e.api);
  }, []);
  const onCellSaved = useCallback(() => {
    // The edit is now the latest step: an Undo toast from before would undo it, not its own operation.
    dismissActionToasts();
    dataChanged(dsRef.current.id, { grid: false });
  }, []);
  const onCellEditRequest = useCellEdit(current, onCellSaved);

  const onCellKeyDown = useCallback((e: CellKeyDownEvent<GridRow>) => {
    const ev = e.event as KeyboardEvent | null | undefined;
    if (!ev || (ev.target as HTMLElement | null)?.closest('input, textarea')) return; // the editor handles its own keys
    const api = e.api;
    if (ev.key === 'F2' && ev.shiftKey) {
      ev.preventDefault();
      viewCell(api, e.node, e.column.getColId());
      return;
    }
    if (!(ev.ctrlKey || ev.metaKey) || ev.key.toLowerCase() !== 'c') return;
    const rect = range.rect();
    if (rect) {
      ev.preventDefault();
      const rows = rect.r1 - rect.r0 + 1;
      if (rows > MAX_COPY_ROWS) {
        toast('error', `Too many rows to copy (${formatCount(rows)}; at most ${formatCount(MAX_COPY_ROWS)})`);
        return;
      }
      void rangeValues(api, rect, current(), sync.extraFilters())
        .then((values) => copyText(rangeTsv(values)))
        .then(
          (ok) => {
            if (!ok) toast('error', 'Could not copy to the clipboard');
          },
          (err: unknown) => toast('error', `Could not copy: ${String(err instanceof Error ? err.message : err)}`),
        );
      return;
    }
    const selected = api.getSelectedNodes().filter((n) => n.data);
    const cols = api.getAllDisplayedColumns().filter((c) => c.getColId() !== ROW_NUMBER_COL);
    let text: string;
    if (selected.length > 1) {
      selected.sort((a, b) => (a.rowIndex ?? 0) - (b.rowIndex ?? 0));
      text = toTsv(selected.map((n) => cols.map((c) => api.getCellValue({ rowNode: n, colKey: c }) as string | null)));
    } else {
      const v = e.value as string | number | null | undefined;
      text = v === null || v === undefined ? '' : String(v);
    }
    ev.preventDefault();
    void copyText(text).then((ok) => {
      if (!ok) toast('error', 'Could not copy to the clipboard');
    });
  }, [range, current, sync.extraFilters, viewCell]);

  const onReady = useCallback((e: GridReadyEvent<GridRow>) => {
    apiRef.current = e.api;
    registerGrid(dsRef.current.id, e.api);
  }, []);
  useEffect(() => () => registerGrid(dataset.id, null), [dataset.id]);

  return (
    <div className={`data-grid${sync.busy ? ' busy' : ''}${menu ? ' menu-open' : ''}`} data-testid="data-grid" data-ready={ready ? 'true' : 'false'} aria-busy={sync.busy ? true : undefined}>
      {ignored.length ? (
        <div className="notice notice-warn" role="status">
          Not applied (the engine cannot express it): {ignored.join('; ')}
        </div>
      ) : null}
      {loadError ? (
        <div className="notice notice-error" role="alert">
          {loadError}
        </div>
      ) : null}
      <div className="grid-host" onMouseDownCapture={range.onMouseDownCapture} onKeyDownCapture={range.onKeyDownCapture}>
        <AgGridReact<GridRow>
          theme={gridTheme}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={BLOCK}
          maxBlocksInCache={30}
          maxConcurrentDatasourceRequests={2}
          blockLoadDebounceMillis={40}
          cacheOverflowSize={1}
          getRowId={getRowId}
          columnDefs={columnDefs}
          defaultColDef={DEFAULT_COL_DEF}
          onColumnMoved={sync.onColumnMoved}
          readOnlyEdit
          suppressClickEdit
          onCellDoubleClicked={onCellDoubleClicked}
          // Community has no cell context menu: a right-click on a cell opens its value in the viewer.
          preventDefaultOnContextMenu
          onCellContextMenu={(e) => viewCell(e.api, e.node, e.column.getColId())}
          onCellClicked={range.onCellClicked}
          onColumnResized={saveColumns}
          onColumnPinned={saveColumns}
          onCellEditRequest={onCellEditRequest}
          stopEditingWhenCellsLoseFocus
          rowSelection={ROW_SELECTION}
          tooltipShowDelay={350}
          enableBrowserTooltips={false}
          onGridReady={onReady}
          onCellKeyDown={onCellKeyDown}
          onCellFocused={(e) => {
            range.onCellFocused(e);
            const col = typeof e.column === 'object' && e.column ? e.column.getColId() : null;
            setStatus((s) => ({ ...s, focused: col && e.rowIndex != null && col !== ROW_NUMBER_COL ? { column: col, row: e.rowIndex + 1 } : null }));
          }}
          onSelectionChanged={(e) => setStatus((s) => ({ ...s, selected: e.api.getSelectedNodes().length }))}
          onSortChanged={(e) => {
            range.reset();
            setStatus((s) => ({
              ...s,
              focused: null,
              sort: e.api
                .getColumnState()
                .filter((c) => c.sort)
                .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
                .map((c) => `${c.colId} ${c.sort === 'asc' ? '↑' : '↓'}`)
                .join(', '),
            }));
          }}
          onFilterChanged={() => {
            range.reset();
            setStatus((s) => ({ ...s, matching: null, focused: null }));
            patchUi(dsRef.current.id, { matching: null });
          }}
        />
      </div>
      <StatusBar total={dataset.rows} status={status} indexing={index.building} />
      <ValueViewer />
    </div>
  );
}
