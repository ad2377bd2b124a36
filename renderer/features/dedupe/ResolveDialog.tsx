// Step 3 of Find duplicates: resolve the clusters at the threshold as one history step — add a cluster
// id column, or keep one record per cluster with survivorship per column and delete the others.
import { useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import type { SurvivorRule } from '../../../shared/api/dedupe';
import { api, errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { formatCount } from '../../components/format';
import { ColumnSelect } from './ColumnSelect';
import { runHistoryStep } from './resolveStep';
import type { ThresholdCounts } from './reviewTypes';

interface Props {
  dataset: Dataset;
  result: string;
  threshold: number;
  counts: ThresholdCounts | null;
  onClose: () => void;
  /** The change is applied; `column` is the column it added (null when it deleted rows). */
  onDone: (column: string | null) => void;
}

type Rule = SurvivorRule['rule'];
const RULES: Record<Rule, string> = {
  mostFrequent: 'most frequent value',
  longest: 'longest value',
  firstNonEmpty: 'first non-empty value',
  mostRecent: 'value of the most recent record',
};

export function ResolveDialog({ dataset, result, threshold, counts, onClose, onDone }: Props) {
  const [mode, setMode] = useState<'addColumn' | 'keepOne'>('addColumn');
  const [column, setColumn] = useState(() => freeName(dataset, 'cluster_id'));
  const [rules, setRules] = useState<Record<string, Rule | ''>>({});
  const dates = dataset.columns.filter((c) => c.type === 'date' || c.type === 'datetime').map((c) => c.name);
  const [by, setBy] = useState(dates[0] ?? dataset.columns[0]?.name ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const clusters = counts?.clusters ?? 0;
  const records = counts?.records ?? 0;
  const clash = mode === 'addColumn' && dataset.columns.some((c) => c.name === column.trim());
  const needsBy = Object.values(rules).includes('mostRecent');

  const apply = async () => {
    setBusy(true);
    setError(null);
    const list: SurvivorRule[] = Object.entries(rules).flatMap(([col, rule]) => (rule ? [{ column: col, rule, ...(rule === 'mostRecent' ? { by } : {}) }] : []));
    try {
      await runHistoryStep(dataset.id, mode === 'addColumn' ? `Adding ${column.trim()}…` : 'Keeping one record per cluster…', () =>
        api['dedupe.resolve']({ result, threshold, mode, column: column.trim(), rules: list }),
      );
      onDone(mode === 'addColumn' ? column.trim() : null);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  const footer = (
    <>
      <span className="foot-note">
        {formatCount(clusters)} clusters of {formatCount(records)} records at threshold {threshold.toFixed(2)}
      </span>
      <button type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
        Cancel
      </button>
      <button type="button" className={`button ${mode === 'keepOne' ? 'button-danger' : 'button-primary'}`} onClick={() => void apply()} disabled={busy || clusters === 0 || (mode === 'addColumn' && (!column.trim() || clash))} data-testid="resolve-apply">
        {busy ? 'Applying…' : mode === 'addColumn' ? `Add ${column.trim() || 'column'}` : `Delete ${formatCount(Math.max(0, records - clusters))} duplicates`}
      </button>
    </>
  );

  return (
    <Dialog title="Resolve duplicates" onClose={busy ? () => undefined : onClose} footer={footer} size="md" testId="resolve-dialog">
      <div className="resolve-choice" role="radiogroup" aria-label="How to resolve">
        <label className={`resolve-option${mode === 'addColumn' ? ' on' : ''}`}>
          <input type="radio" name="resolve-mode" checked={mode === 'addColumn'} onChange={() => setMode('addColumn')} data-testid="resolve-add-column" />
          <span className="grow">
            <span className="option-title">Add a cluster id column</span>
            <span className="option-text">
              Every record gets the id of its cluster (records without a duplicate get their own), so splits can keep duplicates together. Nothing is deleted.
            </span>
            {mode === 'addColumn' ? (
              <span className="field-row resolve-column-row">
                <input className="input mono" value={column} onChange={(e) => setColumn(e.target.value)} aria-label="Name of the new column" data-testid="resolve-column" data-autofocus />
                {clash ? <span className="error-text small">{dataset.name} already has a column “{column.trim()}”.</span> : null}
              </span>
            ) : null}
          </span>
        </label>
        <label className={`resolve-option${mode === 'keepOne' ? ' on' : ''}`}>
          <input type="radio" name="resolve-mode" checked={mode === 'keepOne'} onChange={() => setMode('keepOne')} data-testid="resolve-keep-one" />
          <span className="grow">
            <span className="option-title">Keep one record per cluster</span>
            <span className="option-text">
              The first record of each cluster stays and the others are deleted ({formatCount(Math.max(0, records - clusters))} rows). Per column, choose which of the cluster&apos;s values it keeps; the rest keep the survivor&apos;s own. Undo brings the rows back.
            </span>
          </span>
        </label>
      </div>
      {mode === 'keepOne' ? (
        <div className="table-wrap rules-table" data-testid="survivorship">
          <table className="table">
            <thead>
              <tr>
                <th>Column</th>
                <th>Keeps</th>
              </tr>
            </thead>
            <tbody>
              {dataset.columns.map((c) => (
                <tr key={c.name}>
                  <td className="mono">{c.name}</td>
                  <td>
                    <select className="input" value={rules[c.name] ?? ''} onChange={(e) => setRules((r) => ({ ...r, [c.name]: e.target.value as Rule | '' }))} aria-label={`Survivorship for ${c.name}`}>
                      <option value="">the survivor&apos;s own value</option>
                      {(Object.keys(RULES) as Rule[]).map((r) => (
                        <option key={r} value={r}>
                          the {RULES[r]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {mode === 'keepOne' && needsBy ? (
        <div className="field-row resolve-by">
          <label className="field-label" htmlFor="resolve-by">
            Most recent by
          </label>
          <ColumnSelect id="resolve-by" columns={[...dates, ...dataset.columns.map((c) => c.name).filter((n) => !dates.includes(n))]} value={by} onChange={(c) => setBy(c ?? by)} />
        </div>
      ) : null}
      {error ? (
        <div className="error-panel" role="alert" data-testid="resolve-error">
          {error}
        </div>
      ) : null}
    </Dialog>
  );
}

/** `base`, or `base_2`, `base_3`… when the dataset already has a column of that name. */
function freeName(d: Dataset, base: string): string {
  const names = new Set(d.columns.map((c) => c.name));
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) if (!names.has(`${base}_${i}`)) return `${base}_${i}`;
}
