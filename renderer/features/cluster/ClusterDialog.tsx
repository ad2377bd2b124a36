// "Cluster and edit": pick a method, see the clusters of a column's spellings largest first, choose
// the value each becomes, and merge the checked ones as one mass-edit history step (Enter), then see
// what is left. Esc closes; closing or changing the method stops a clustering still running.
import { useMemo, useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import type { Filter } from '../../../shared/api/contract';
import { api, errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { formatCount } from '../../components/format';
import { ProgressBar } from '../../components/ProgressBar';
import { toast } from '../../components/toastStore';
import { change, reportError, undoStep } from '../clean/operations';
import { ClusterRow } from './ClusterRow';
import { ClusterSettingsBar } from './ClusterSettingsBar';
import { methodInfo } from './methods';
import { useClustering, type ClusterSettings } from './useClustering';
import './cluster.css';

interface Props {
  dataset: Dataset;
  column: string;
  /** The grid's filters and facet selections: only those rows are clustered and merged. */
  filters: readonly Filter[];
  onClose: () => void;
}

export function ClusterDialog({ dataset, column, filters, onClose }: Props) {
  // The rows as filtered when the dialog opened (the grid cannot change under the open dialog).
  const [where] = useState(() => [...filters]);
  const [settings, setSettings] = useState<ClusterSettings>({ method: 'fingerprint', radius: 1, threshold: 0.9 });
  const [version, setVersion] = useState(0);
  const { state, job, cancel, more } = useClustering(dataset.name, column, settings, version, where);
  const resultId = state.phase === 'ready' ? state.summary.id : null;
  // Choices belong to one result: a new one starts with nothing checked and the suggested values.
  const [choice, setChoice] = useState<{ id: string | null; selected: Set<number>; to: Map<number, string> }>({ id: null, selected: new Set(), to: new Map() });
  const mine = choice.id === resultId ? choice : { id: resultId, selected: new Set<number>(), to: new Map<number, string>() };
  const [merging, setMerging] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const clusters = useMemo(() => (state.phase === 'ready' ? state.clusters : []), [state]);
  const toOf = (i: number) => mine.to.get(i) ?? clusters[i]!.suggested;
  const select = (i: number, on: boolean) => {
    const selected = new Set(mine.selected);
    if (on) selected.add(i);
    else selected.delete(i);
    setChoice({ ...mine, selected });
  };
  const setTo = (i: number, to: string) => setChoice({ ...mine, to: new Map(mine.to).set(i, to), selected: new Set(mine.selected).add(i) });
  const all = (on: boolean) => setChoice({ ...mine, selected: on ? new Set(clusters.map((_, i) => i)) : new Set() });

  const merge = async () => {
    if (merging || !mine.selected.size || state.phase !== 'ready') return;
    const picked = [...mine.selected].sort((a, b) => a - b);
    const merges = picked.map((i) => ({ values: clusters[i]!.values.map((v) => v.value), to: toOf(i) }));
    setMerging(true);
    setError(null);
    try {
      const step = await change(dataset.id, 'Merging clusters…', (name) => api['cluster.merge']({ dataset: name, column, merges, ...(where.length ? { where } : {}) }));
      const text = `Merged ${formatCount(picked.length)} cluster${picked.length === 1 ? '' : 's'} in ${column}: ${formatCount(step.detail.changed)} cells changed`;
      toast('info', text, undefined, { label: 'Undo', run: () => void undoStep(dataset.id).catch(reportError) });
      setNote(`${text} (history step ${step.seq}).`);
      // The data changed: cluster what is left.
      setVersion((v) => v + 1);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setMerging(false);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const t = e.target as HTMLElement;
    // A focused button acts on Enter itself; anywhere else (a new value, a checkbox, the method) Enter merges.
    if (e.key !== 'Enter' || t.tagName === 'BUTTON') return;
    e.preventDefault();
    void merge();
  };

  const close = () => {
    cancel();
    onClose();
  };
  const selectedCount = mine.selected.size;
  return (
    <Dialog
      title={`Cluster and edit ${column}`}
      onClose={merging ? () => undefined : close}
      testId="cluster-dialog"
      size="lg"
      footer={
        <>
          {state.phase === 'ready' && clusters.length ? (
            <span className="cluster-select">
              <button type="button" className="link-button" onClick={() => all(true)} data-testid="cluster-select-all">
                Select all
              </button>
              <button type="button" className="link-button" onClick={() => all(false)} data-testid="cluster-select-none">
                Select none
              </button>
            </span>
          ) : null}
          <span className="foot-note" role="status" data-testid="cluster-foot">
            {merging ? 'Merging…' : state.phase === 'ready' && clusters.length ? `${formatCount(selectedCount)} of ${formatCount(state.total)} selected` : ''}
          </span>
          <button type="button" className="button button-secondary" onClick={close} disabled={merging}>
            Close
          </button>
          <button type="button" className="button button-primary" onClick={() => void merge()} disabled={merging || !selectedCount} data-testid="cluster-apply">
            Merge selected
            <kbd className="kbd-on-primary">Enter</kbd>
          </button>
        </>
      }
    >
      <div className="cluster-body" onKeyDown={onKeyDown} data-phase={state.phase} data-result={resultId ?? ""}>
        <ClusterSettingsBar settings={settings} onChange={setSettings} />
        {where.length ? (
          <div className="notice notice-info cluster-scope" data-testid="cluster-scope">
            Only the rows that match the grid’s {where.length === 1 ? 'filter' : `${where.length} filters`} are clustered, and a merge changes only those rows.
          </div>
        ) : null}
        {note ? (
          <div className="notice notice-info cluster-note" data-testid="cluster-merged">
            {note}
          </div>
        ) : null}
        {error ? (
          <div className="error-panel" role="alert" data-testid="cluster-error">
            {error}
          </div>
        ) : null}
        {state.phase === 'running' ? (
          <div className="cluster-running" data-testid="cluster-running">
            <ProgressBar done={job?.done ?? 0} total={job?.total ?? 0} label="Clustering" />
            <span className="muted">{job?.message ? `${job.message[0]!.toUpperCase()}${job.message.slice(1)}…` : 'Starting…'}</span>
            <button type="button" className="button button-secondary" onClick={cancel} data-testid="cluster-cancel">
              Cancel
            </button>
          </div>
        ) : null}
        {state.phase === 'cancelled' ? (
          <div className="cluster-empty" data-testid="cluster-cancelled">
            <p>Clustering was cancelled.</p>
            <button type="button" className="button button-secondary" onClick={() => setVersion((v) => v + 1)}>
              Run again
            </button>
          </div>
        ) : null}
        {state.phase === 'error' ? (
          <div className="error-panel" role="alert" data-testid="cluster-error">
            {state.message}
          </div>
        ) : null}
        {state.phase === 'ready' ? (
          <>
            <p className="cluster-summary" data-testid="cluster-summary">
              {state.summary.clusters
                ? `${formatCount(state.summary.clusters)} cluster${state.summary.clusters === 1 ? '' : 's'} · ${formatCount(state.summary.values)} values in ${formatCount(state.summary.clusteredRows)} rows · `
                : ''}
              {formatCount(state.summary.distinct)} distinct value{state.summary.distinct === 1 ? '' : 's'} in all · {state.summary.seconds < 0.1 ? '<0.1' : state.summary.seconds.toFixed(1)} s
              {state.summary.reused === 'result' ? ' (stored result)' : ''}
            </p>
            {state.summary.notes.map((n) => (
              <p key={n} className="cluster-notes muted small">
                {n[0]!.toUpperCase()}
                {n.slice(1)}.
              </p>
            ))}
            {clusters.length === 0 ? (
              <div className="cluster-empty" data-testid="cluster-empty">
                <p>
                  <strong>No clusters found with this method.</strong>
                </p>
                <p className="muted">{settings.method === 'levenshtein' ? 'Try a larger radius or ' : settings.method === 'jaro-winkler' ? 'Try a lower threshold or ' : 'Try '}another method: {methodInfo(settings.method).family === 'Key collision' ? 'nearest neighbour finds typos that keys miss.' : 'key collision finds reordered words and accents.'}</p>
              </div>
            ) : (
              <div className="cluster-table-wrap">
                <table className="table cluster-table">
                  <thead>
                    <tr>
                      <th scope="col" className="cluster-check">
                        Merge
                      </th>
                      <th scope="col">Values in the cluster (click one to use it)</th>
                      <th scope="col">Size</th>
                      <th scope="col">New value</th>
                    </tr>
                  </thead>
                  <tbody>
                    {clusters.map((c, i) => (
                      <ClusterRow key={`${resultId}:${i}`} index={i} cluster={c} selected={mine.selected.has(i)} to={toOf(i)} onSelect={(on) => select(i, on)} onTo={(to) => setTo(i, to)} />
                    ))}
                  </tbody>
                </table>
                {clusters.length < state.total ? (
                  <button type="button" className="button button-secondary cluster-more" onClick={() => void more().catch(reportError)} data-testid="cluster-more">
                    Show more ({formatCount(state.total - clusters.length)} left)
                  </button>
                ) : null}
              </div>
            )}
          </>
        ) : null}
      </div>
    </Dialog>
  );
}
