// The line under the grid: total rows, rows matching the filters, selection and the focused cell.
import { formatCount } from '../../components/format';
import { MOD_KEY } from '../../app/useHotkeys';

export interface GridStatus {
  /** Rows matching the current filters, once the first page has answered. */
  matching: number | null;
  filtered: boolean;
  selected: number;
  focused: { column: string; row: number } | null;
  sort: string;
}

interface Props {
  total: number;
  status: GridStatus;
  /** Columns whose sort index is being built; the page was answered by a full scan meanwhile. */
  indexing: readonly string[];
}

export function StatusBar({ total, status, indexing }: Props) {
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="status-total">{formatCount(total)} rows</span>
      {status.filtered ? (
        <span data-testid="status-filtered" className="status-strong">
          {status.matching === null ? '…' : formatCount(status.matching)} match filters
        </span>
      ) : null}
      {status.selected > 0 ? <span data-testid="status-selected">{formatCount(status.selected)} selected</span> : null}
      {status.sort ? <span className="muted">sorted by {status.sort}</span> : null}
      {indexing.length ? (
        <span className="status-indexing" role="status" data-testid="index-notice">
          <span className="spinner" aria-hidden="true" />
          Building sort index for {indexing.join(', ')}…
        </span>
      ) : null}
      <span className="spacer" />
      {status.focused ? (
        <span data-testid="status-focused" className="muted">
          {status.focused.column} · row {formatCount(status.focused.row)}
        </span>
      ) : null}
      <span className="muted hint">Enter edit · Shift+F2 view value · Shift+click or Shift+arrows select cells · {MOD_KEY}+C copy · Alt+↓ column menu · {MOD_KEY}+Z undo · Shift-click a header sorts by several</span>
    </footer>
  );
}
