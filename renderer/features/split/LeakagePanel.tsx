// The leakage check of the planned split: exact and near duplicates across parts, groups in two
// parts, time overlap — each with its count and a button that shows those rows in the grid.
import { useState } from 'react';
import type { Out } from '../../../shared/api/contract';
import type { SplitSpecIn } from '../../../shared/api/split';
import { api, errorMessage } from '../../api';
import { formatCount } from '../../components/format';
import type { RowSelection } from './rowSelection';

type Leak = Out<'split.leakage'>;
type Kind = 'exact' | 'near' | 'group' | 'time';

interface Props {
  spec: SplitSpecIn | null;
  /** The first column, which the grid filter names. */
  column: string;
  onShowRows: (sel: RowSelection) => void;
}

const pairs = (ps: Array<{ parts: [string, string]; rows: number }>) => ps.map((p) => `${p.parts[0]} → ${p.parts[1]}: ${formatCount(p.rows)}`).join(', ');

export function LeakagePanel({ spec, column, onShowRows }: Props) {
  const [result, setResult] = useState<{ key: string; leak: Leak } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = JSON.stringify(spec);
  const current = result && result.key === key ? result.leak : null;

  const run = async () => {
    if (!spec) return;
    setBusy(true);
    setError(null);
    try {
      setResult({ key, leak: await api['split.leakage'](spec) });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const rowsOf = (kind: Kind) => Object.values(current?.rows[kind] ?? {}).flat();
  const line = (kind: Kind, label: string, count: number, detail: string) => {
    const rids = rowsOf(kind);
    return (
      <li className={count ? 'split-leak-bad' : 'split-leak-ok'} data-testid={`leak-${kind}`}>
        <span className="split-leak-count">{formatCount(count)}</span> {label}
        {detail ? <span className="muted"> ({detail})</span> : null}
        {rids.length ? (
          <button type="button" className="button button-quiet" onClick={() => onShowRows({ label: `rows with ${label}`, rids, column })} data-testid={`leak-show-${kind}`}>
            Show {formatCount(rids.length)} rows
          </button>
        ) : null}
      </li>
    );
  };

  const r = current?.report;
  return (
    <section className="split-leakage" aria-label="Leakage" data-testid="split-leakage">
      <div className="split-inline">
        <h3 className="field-label">Leakage</h3>
        <button type="button" className="button button-secondary" disabled={!spec || busy} onClick={() => void run()} data-testid="leak-check">
          {busy ? 'Checking…' : current ? 'Check again' : 'Check leakage'}
        </button>
      </div>
      {error ? <div className="error-panel" role="alert">{error}</div> : null}
      {r ? (
        <>
          <div className={r.clean ? 'split-leak-summary ok' : 'split-leak-summary bad'} role="status" data-testid="leak-summary">
            {r.clean ? 'No leakage found between the parts.' : 'Leakage found: the manifest and datasheet will say so.'}
          </div>
          <ul className="split-leak-list">
            {line('exact', 'exact duplicates across parts', r.exactDuplicates.rows, pairs(r.exactDuplicates.pairs))}
            {r.nearDuplicates ? line('near', 'near-duplicates across parts', r.nearDuplicates.rows, pairs(r.nearDuplicates.pairs)) : null}
            {r.groupOverlap ? line('group', `groups of ${r.groupOverlap.column} in two parts`, r.groupOverlap.groups, r.groupOverlap.rows ? `${formatCount(r.groupOverlap.rows)} rows` : '') : null}
            {r.timeOverlap ? line('time', `rows of ${r.timeOverlap.column} not after an earlier part`, r.timeOverlap.rows, '') : null}
          </ul>
        </>
      ) : (
        <p className="muted">Duplicates across parts (exact and near), groups in two parts and time overlap; checked again when the split is written.</p>
      )}
    </section>
  );
}
