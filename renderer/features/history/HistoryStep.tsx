// One step in the history panel: number, description, what it changed; the current one marked, undone ones grey.
import type { HistoryEntryInfo } from '../../../shared/api/contract';
import { changedText, plural } from '../clean/opText';

interface Props {
  entry: HistoryEntryInfo;
  current: boolean;
  onJump: () => void;
  disabled: boolean;
}

function time(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function HistoryStep({ entry, current, onJump, disabled }: Props) {
  const undone = entry.state === 'undone' || entry.state === 'undoing';
  const changed = entry.detail ? changedText(entry.op as { op?: unknown }, entry.detail.changed) : null;
  const failed = entry.detail?.failed ? plural(entry.detail.failed, 'value') + ' not converted' : null;
  return (
    <li
      className={`history-step${current ? ' current' : ''}${undone ? ' undone' : ''}`}
      data-testid="history-step"
      data-seq={entry.seq}
      data-state={entry.state}
      aria-current={current ? 'step' : undefined}
    >
      <button type="button" className="history-button" onClick={onJump} disabled={disabled} title={current ? 'The data is at this step' : `Go to the data after step ${entry.seq}`}>
        <span className="history-seq">{entry.seq}</span>
        <span className="history-text">
          <span className="history-desc">{entry.description}</span>
          <span className="history-meta">
            {changed ? <span>{changed}</span> : null}
            {failed ? <span className="warn-text">{failed}</span> : null}
            {undone ? <span>undone</span> : null}
            <span>{time(entry.createdAt)}</span>
          </span>
        </span>
      </button>
    </li>
  );
}
