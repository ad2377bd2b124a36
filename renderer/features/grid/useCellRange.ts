// A light range model for ag-grid Community (which has no range selection): an anchor cell and the
// focused cell span a rectangle. Shift+click and Shift+arrows extend it, Ctrl+Home/End move the focus to
// the first/last cell, and the cells inside are marked through a cellClassRule.
import { useCallback, useMemo, useRef } from 'react';
import type { CellClassParams, CellClickedEvent, CellFocusedEvent, GridApi, SuppressKeyboardEventParams } from 'ag-grid-community';
import { ROW_NUMBER_COL, type GridRow } from './gridTypes';
import type { Rect } from './rangeCopy';

interface Pos {
  row: number;
  col: string;
}

const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

function dataCols(api: GridApi<GridRow>): string[] {
  return api
    .getAllDisplayedColumns()
    .map((c) => c.getColId())
    .filter((c) => c !== ROW_NUMBER_COL);
}

export function useCellRange(apiRef: { current: GridApi<GridRow> | null }) {
  const anchor = useRef<Pos | null>(null);
  const focus = useRef<Pos | null>(null);
  const extending = useRef(false);
  /** The rectangle in row indexes and displayed column order, or null for a single cell or none. */
  const rectRef = useRef<{ r0: number; r1: number; c0: number; c1: number; cols: string[] } | null>(null);

  const recompute = useCallback(() => {
    const api = apiRef.current;
    const a = anchor.current;
    const f = focus.current;
    const before = rectRef.current;
    rectRef.current = null;
    if (api && a && f && (a.row !== f.row || a.col !== f.col)) {
      const cols = dataCols(api);
      const ia = cols.indexOf(a.col);
      const ib = cols.indexOf(f.col);
      if (ia >= 0 && ib >= 0) {
        const c0 = Math.min(ia, ib);
        const c1 = Math.max(ia, ib);
        rectRef.current = { r0: Math.min(a.row, f.row), r1: Math.max(a.row, f.row), c0, c1, cols: cols.slice(c0, c1 + 1) };
      }
    }
    if (api && (before || rectRef.current)) api.refreshCells({ force: true, suppressFlash: true });
  }, [apiRef]);

  const inRange = useCallback((p: CellClassParams<GridRow>) => {
    const r = rectRef.current;
    const i = p.node.rowIndex;
    if (!r || i === null || i < r.r0 || i > r.r1) return false;
    return r.cols.includes(p.column.getColId());
  }, []);

  const moveFocus = useCallback(
    (to: Pos, extend: boolean) => {
      const api = apiRef.current;
      if (!api) return;
      api.ensureIndexVisible(to.row);
      api.ensureColumnVisible(to.col);
      extending.current = extend;
      api.setFocusedCell(to.row, to.col);
      extending.current = false;
      focus.current = to;
      if (!extend) anchor.current = to;
      recompute();
    },
    [apiRef, recompute],
  );

  // ag-grid calls this after the fact (its option callbacks are batched), so keys pressed quickly may
  // have moved the focus on since: an event for a cell that is no longer focused is stale, and one for
  // the cell we moved to ourselves must keep the anchor.
  const onCellFocused = useCallback(
    (e: CellFocusedEvent<GridRow>) => {
      const col = typeof e.column === 'object' && e.column ? e.column.getColId() : null;
      if (e.rowIndex == null || !col || extending.current) return;
      const now = e.api.getFocusedCell();
      if (!now || now.rowIndex !== e.rowIndex || now.column.getColId() !== col) return;
      const f = focus.current;
      if (f && f.row === e.rowIndex && f.col === col) return;
      focus.current = { row: e.rowIndex, col };
      if (!shiftPress.current) anchor.current = focus.current;
      recompute();
    },
    [recompute],
  );

  // Set from a mousedown in the grid: a shift+click moves the focus but keeps the anchor.
  const shiftPress = useRef(false);
  const onMouseDownCapture = useCallback((e: React.MouseEvent) => {
    shiftPress.current = e.shiftKey;
  }, []);
  // A key moves the focus from the keyboard: from then on a focus change sets the anchor again.
  const onKeyDownCapture = useCallback(() => {
    shiftPress.current = false;
  }, []);
  // A click sets the range's corner: with shift the far one, without it both (also on the cell already focused).
  const onCellClicked = useCallback(
    (e: CellClickedEvent<GridRow>) => {
      const ev = e.event as MouseEvent | null | undefined;
      if (e.rowIndex === null) return;
      const at = { row: e.rowIndex, col: e.column.getColId() };
      focus.current = at;
      if (!ev?.shiftKey || !anchor.current) anchor.current = at;
      recompute();
    },
    [recompute],
  );

  /** Keys the grid must not see: Shift+arrows extend the range; Ctrl+Home/End go to the first/last cell. */
  const handleKey = useCallback(
    (p: SuppressKeyboardEventParams<GridRow>): boolean => {
      const ev = p.event;
      if (p.editing || ev.type !== 'keydown') return false;
      const api = p.api;
      const mod = ev.ctrlKey || ev.metaKey;
      if (mod && (ev.key === 'End' || ev.key === 'Home')) {
        ev.preventDefault();
        const cols = dataCols(api);
        const last = api.getDisplayedRowCount() - 1;
        if (last < 0 || !cols.length) return true;
        const to = ev.key === 'End' ? { row: last, col: cols[cols.length - 1]! } : { row: 0, col: cols[0]! };
        if (ev.key === 'End') api.ensureIndexVisible(last, 'bottom');
        moveFocus(to, ev.shiftKey);
        return true;
      }
      const d = ARROWS[ev.key];
      if (!d || !ev.shiftKey || mod || ev.altKey) return false;
      const cols = dataCols(api);
      // The cell the grid sends the key from is the focused one; if ours differs, it moved without us.
      if (p.node.rowIndex === null || !cols.length) return false;
      const from = { row: p.node.rowIndex, col: p.column.getColId() };
      const f = focus.current;
      if (!f || f.row !== from.row || f.col !== from.col || !anchor.current) {
        anchor.current = from;
        focus.current = from;
      }
      ev.preventDefault();
      const ci = Math.max(0, cols.indexOf(from.col));
      const row = Math.max(0, Math.min(api.getDisplayedRowCount() - 1, from.row + d[0]));
      const col = cols[Math.max(0, Math.min(cols.length - 1, ci + d[1]))]!;
      moveFocus({ row, col }, true);
      return true;
    },
    [moveFocus],
  );

  /** The selected rectangle (more than one cell), or null. */
  const rect = useCallback((): Rect | null => {
    const r = rectRef.current;
    return r ? { r0: r.r0, r1: r.r1, cols: r.cols } : null;
  }, []);

  const reset = useCallback(() => {
    anchor.current = null;
    focus.current = null;
    recompute();
  }, [recompute]);

  return useMemo(
    () => ({ inRange, onCellFocused, onCellClicked, onMouseDownCapture, onKeyDownCapture, handleKey, rect, reset }),
    [inRange, onCellFocused, onCellClicked, onMouseDownCapture, onKeyDownCapture, handleKey, rect, reset],
  );
}
