// The tagged columns of a dataset with their export action and an example of what the action writes;
// direct identifiers kept as they are are marked. Used in the export dialog and the Protection panel.
import type { PdAction } from '../../../shared/api/personal';
import type { ColumnProtectionInfo } from '../../../shared/api/protect';
import { ActionSelect } from './ActionSelect';

interface Props {
  columns: ColumnProtectionInfo[];
  onAction: (column: string, a: PdAction) => void;
  disabled?: boolean;
  /** Show the before → after example column. */
  examples?: boolean;
}

const KIND_LABEL = (k: string) => k.replace(/_/g, ' ');

export function isDirectKept(c: ColumnProtectionInfo): boolean {
  return c.category === 'direct' && (!c.action || c.action.action === 'keep');
}

export function ProtectionTable({ columns, onAction, disabled, examples = true }: Props) {
  const tagged = columns.filter((c) => c.kind !== null && c.category !== 'none');
  if (tagged.length === 0) {
    return (
      <p className="muted protect-none" data-testid="protect-none">
        No column is tagged as personal data: every column is written as it is. Tag columns in the Personal data panel.
      </p>
    );
  }
  return (
    <table className="protect-table" data-testid="protect-table">
      <thead>
        <tr>
          <th>Column</th>
          <th>Action on export</th>
          {examples ? <th>Example</th> : null}
        </tr>
      </thead>
      <tbody>
        {tagged.map((c) => {
          const ex = c.examples[0];
          const kept = isDirectKept(c);
          return (
            <tr key={c.column} className={kept ? 'direct-kept' : undefined} data-testid="protect-row" data-column={c.column}>
              <td>
                <div className="protect-col">{c.column}</div>
                <div className="protect-kind">
                  <span className={`protect-cat protect-cat-${c.category}`}>{c.category}</span> {c.kind && c.kind !== 'none' ? KIND_LABEL(c.kind) : ''}
                  {c.status === 'suggested' ? <span className="muted"> · suggested</span> : null}
                </div>
              </td>
              <td>
                <ActionSelect column={c.column} action={c.action} onChange={(a) => onAction(c.column, a)} disabled={disabled} />
                {kept ? <div className="protect-warn" role="note">written as it is</div> : null}
              </td>
              {examples ? (
                <td className="protect-example" data-testid="protect-example">
                  {ex ? (
                    <>
                      <span className="mono">{ex.before}</span>
                      <span className="muted"> → </span>
                      <span className="mono">{c.action?.action === 'drop' ? '(not written)' : ex.after === null ? (c.action?.action === 'hash' ? '(pseudonym)' : '(empty)') : ex.after}</span>
                    </>
                  ) : (
                    <span className="muted">no values</span>
                  )}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
