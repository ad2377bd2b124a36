// Builds the grid's column definitions from a dataset's columns: typed filters, badges, tooltips, editing.
import type { CellClassParams, ColDef, SuppressHeaderKeyboardEventParams, SuppressKeyboardEventParams, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import type { Column, ColumnType } from '../../../shared/api/catalog';
import { typeTitle } from '../../components/TypeBadge';
import { CellEditor } from './CellEditor';
import { cellDisplay } from './cellText';
import { RANGE_OPTIONS, TEXT_OPTIONS } from './filterModel';
import { IsoDateInput } from './IsoDateInput';
import { HeaderLabel, type HeaderLabelParams } from './HeaderLabel';
import { isMenuKey, openColumnMenu } from '../clean/columnMenuStore';
import { cellOf, ROW_NUMBER_COL, type GridRow } from './gridTypes';
import { maskCell, maskedColumn } from '../personal/tagStore';

function filterFor(type: ColumnType): Pick<ColDef<GridRow>, 'filter' | 'filterParams' | 'dateComponent'> {
  if (type === 'integer' || type === 'decimal') {
    return { filter: 'agNumberColumnFilter', filterParams: { filterOptions: [...RANGE_OPTIONS], inRangeInclusive: true, defaultJoinOperator: 'AND', maxNumConditions: 2 } };
  }
  if (type === 'date' || type === 'datetime') {
    return {
      filter: 'agDateColumnFilter',
      dateComponent: IsoDateInput,
      // ISO text typed and checked, not the browser's locale-ordered date picker.
      filterParams: { filterOptions: [...RANGE_OPTIONS], inRangeInclusive: true, includeTime: false, browserDatePicker: false, defaultJoinOperator: 'AND', maxNumConditions: 2 },
    };
  }
  return { filter: 'agTextColumnFilter', filterParams: { filterOptions: [...TEXT_OPTIONS], defaultJoinOperator: 'AND', maxNumConditions: 2, debounceMs: 300 } };
}

function tooltip(c: Column): string {
  const lines = [`${c.name} — ${typeTitle(c.type)}`];
  if (c.unit) lines.push(`Unit: ${c.unit}`);
  if (c.description) lines.push(c.description);
  if (c.originalName && c.originalName !== c.name) lines.push(`Header in file: ${c.originalName}`);
  return lines.join('\n');
}

export function rowNumberColDef(totalRows: number): ColDef<GridRow> {
  const digits = String(Math.max(1, totalRows)).length;
  return {
    colId: ROW_NUMBER_COL,
    headerName: '#',
    pinned: 'left',
    lockPinned: true,
    lockPosition: 'left',
    suppressMovable: true,
    sortable: false,
    filter: false,
    editable: false,
    resizable: false,
    suppressAutoSize: true,
    suppressHeaderMenuButton: true,
    width: Math.max(52, 18 + digits * 8),
    cellClass: 'row-number',
    headerClass: 'row-number-header',
    valueGetter: (p: ValueGetterParams<GridRow>) => (p.node?.rowIndex == null ? '' : p.node.rowIndex + 1),
  };
}

const WS = /^[ \t]|[ \t]$| {2}/;

/** Alt+↓ on a header or a cell opens the column's cleaning menu instead of reaching the grid. */
function menuFromHeader(p: SuppressHeaderKeyboardEventParams<GridRow>): boolean {
  if (p.event.type !== 'keydown' || !isMenuKey(p.event) || !('getColId' in p.column)) return false;
  p.event.preventDefault();
  openColumnMenu(p.column.getColId(), p.event.target as HTMLElement | null);
  return true;
}

function menuFromCell(p: SuppressKeyboardEventParams<GridRow>): boolean {
  // Shift+Enter in the editor is a line break for the text area, not "save".
  if (p.editing) return p.event.key === 'Enter' && p.event.shiftKey;
  if (p.event.type !== 'keydown' || !isMenuKey(p.event)) return false;
  p.event.preventDefault();
  openColumnMenu(p.column.getColId(), p.event.target as HTMLElement | null);
  return true;
}

export interface CellHooks {
  /** Keys the grid must not handle (range selection, Ctrl+Home/End); true when handled. */
  onKey(p: SuppressKeyboardEventParams<GridRow>): boolean;
  /** Whether a cell is inside the selected range. */
  inRange(p: CellClassParams<GridRow>): boolean;
}

const display = (p: ValueFormatterParams<GridRow>) => cellDisplay(p.value);

/** `dataset` names the dataset for personal-data badges and masked cells (columns tagged `direct`, when the mask is on). */
export function dataColDefs(columns: readonly Column[], hooks: CellHooks, dataset?: string): ColDef<GridRow>[] {
  return columns.map((c) => {
    const numeric = c.type === 'integer' || c.type === 'decimal';
    const params: HeaderLabelParams = { type: c.type, unit: c.unit, dataset };
    const masked = (p: ValueFormatterParams<GridRow>) => dataset !== undefined && typeof p.value === 'string' && maskedColumn(dataset, c.name);
    return {
      colId: c.name,
      headerName: c.name,
      valueGetter: (p: ValueGetterParams<GridRow>) => (p.data ? cellOf(p.data, c.name) : undefined),
      editable: true,
      sortable: true,
      resizable: true,
      headerTooltip: tooltip(c),
      headerComponentParams: { innerHeaderComponent: HeaderLabel, innerHeaderComponentParams: params },
      // Our ▾ menu replaces ag-grid's column menu, whose Community version offers little for cleaning.
      suppressHeaderMenuButton: true,
      suppressHeaderKeyboardEvent: menuFromHeader,
      suppressKeyboardEvent: (p) => menuFromCell(p) || hooks.onKey(p),
      // Line breaks shown as ↵, long values cut (the raw value stays the cell's value for copy and edit).
      valueFormatter: (p) => (masked(p) ? maskCell(p.value as string) : display(p)),
      cellEditor: CellEditor,
      cellEditorPopup: true,
      cellEditorPopupPosition: 'over',
      cellClass: numeric ? 'num' : undefined,
      cellClassRules: {
        'cell-in-range': hooks.inRange,
        'cell-multiline': (p) => typeof p.value === 'string' && /[\r\n]/.test(p.value),
        'cell-null': (p) => p.data !== undefined && p.value === null,
        'cell-masked': (p) => dataset !== undefined && typeof p.value === 'string' && maskedColumn(dataset, c.name),
        // Leading, trailing or doubled spaces are shown as typed, so that a trim has something visible to fix.
        'cell-ws': (p) => typeof p.value === 'string' && WS.test(p.value) && !p.value.includes('\n'),
      },
      minWidth: c.type === 'date' || c.type === 'datetime' ? 130 : 60,
      // initialWidth, not width: a metadata edit re-sends the column defs and must keep the user's widths.
      initialWidth: numeric ? 120 : c.type === 'date' || c.type === 'datetime' ? 176 : 180,
      ...filterFor(c.type),
    };
  });
}
