// Step 1 of Find duplicates and Link: the columns to compare (suggested from the data), how each is
// compared, the key column, the blocking report recounted live, and the run with progress and Cancel.
import { useMemo } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import { EmptyState } from '../../components/EmptyState';
import { ProgressBar } from '../../components/ProgressBar';
import { formatCount } from '../../components/format';
import { formatJobMessage } from '../../app/JobRow';
import { BlockingReport } from './BlockingReport';
import { ColumnSelect } from './ColumnSelect';
import { ComparisonRow } from './ComparisonRow';
import { configOf, patchChoice } from './setupModel';
import { useBlocking } from './useBlocking';
import { useDedupeJob } from './useDedupeJob';
import { useSetup } from './useSetup';

interface Props {
  dataset: Dataset;
  /** Link: the other dataset (null until chosen); undefined when finding duplicates. */
  other?: Dataset | null;
  others?: Dataset[];
  onPickOther?: (name: string) => void;
  onResult: (result: string, keyB: string | null) => void;
}

export function SetupPane({ dataset, other, others, onPickOther, onResult }: Props) {
  const link = other !== undefined;
  const { setup, loading, error, update } = useSetup(dataset.name, other?.name ?? null, link);
  const config = useMemo(() => (setup ? configOf(setup) : null), [setup]);
  const blocking = useBlocking(dataset.name, other?.name, config);
  const run = useDedupeJob((result) => onResult(result, keyBOf()));
  const columnsB = other?.columns.map((c) => c.name);
  const keyBOf = () => setup?.keyB ?? (setup?.key && columnsB?.includes(setup.key) ? setup.key : null);
  const chosen = setup?.choices.filter((c) => c.on).length ?? 0;
  const running = run.state.phase === 'running';
  const records = blocking.report?.records ?? dataset.rows;
  const allPairs = link ? records * (blocking.report?.recordsB ?? other?.rows ?? 0) : (records * (records - 1)) / 2;
  const tooSmall = !link && dataset.rows < 2;

  const start = () => {
    if (!config) return;
    void run.start({ dataset: dataset.name, datasetB: other?.name, config });
  };

  return (
    <div className="dedupe-body dedupe-setup-body" data-testid="dedupe-setup">
      <div className={`dedupe-setup${setup ? '' : ' no-side'}`}>
        <div className="dedupe-main">
          {link ? (
            <div className="key-row">
              <label className="field-label" htmlFor="link-other">
                Link {dataset.name} with
              </label>
              <select id="link-other" className="input" value={other?.name ?? ''} onChange={(e) => onPickOther?.(e.target.value)} disabled={running} data-testid="link-other">
                <option value="">Choose a dataset…</option>
                {(others ?? []).map((d) => (
                  <option key={d.id} value={d.name}>
                    {d.name} ({formatCount(d.rows)} rows)
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {link && (others ?? []).length === 0 ? (
            <EmptyState title="Nothing to link with yet" testId="link-no-other">
              <p>Linking finds the same entities in two datasets. Import a second dataset, then come back here.</p>
            </EmptyState>
          ) : link && !other ? (
            <EmptyState title="Choose the dataset to link with" testId="link-choose">
              <p>Pick the other dataset above; its columns are matched to those of {dataset.name} by name and by what their values look like, and you can change the mapping.</p>
            </EmptyState>
          ) : tooSmall ? (
            <EmptyState title="Nothing to compare" testId="dedupe-too-small">
              <p>{dataset.name} has {dataset.rows === 1 ? 'one row' : 'no rows'}: a duplicate needs at least two records.</p>
            </EmptyState>
          ) : loading ? (
            <div className="screen-loading" aria-busy="true" data-testid="setup-loading" />
          ) : error ? (
            <div className="error-panel" role="alert" data-testid="setup-error">
              {error}
            </div>
          ) : setup ? (
            <>
              <div className="section-head">
                <h2>Columns to compare</h2>
                <span className="muted">Suggested from the column names and values; tick the ones that identify a record.</span>
              </div>
              <div className="table-wrap compare-setup">
                <table className="table" data-testid="compare-columns">
                  <thead>
                    <tr>
                      <th className="check" />
                      <th>Column</th>
                      {link ? <th>In {other?.name}</th> : null}
                      <th>Comparison</th>
                    </tr>
                  </thead>
                  <tbody>
                    {setup.choices.map((c) => (
                      <ComparisonRow key={c.column} choice={c} columnsB={columnsB} onChange={(p) => update((s) => patchChoice(s, c.column, p))} />
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="key-row">
                <label className="field-label" htmlFor="dedupe-key">
                  Key column{link ? ` of ${dataset.name}` : ''}
                </label>
                <ColumnSelect id="dedupe-key" columns={dataset.columns.map((c) => c.name)} value={setup.key} onChange={(key) => update((s) => ({ ...s, key }))} none="(row numbers)" testId="dedupe-key" />
                {link && other ? (
                  <>
                    <label className="field-label" htmlFor="dedupe-key-b">
                      of {other.name}
                    </label>
                    <ColumnSelect id="dedupe-key-b" columns={columnsB ?? []} value={keyBOf()} onChange={(keyB) => update((s) => ({ ...s, keyB }))} none="(row numbers)" testId="dedupe-key-b" />
                  </>
                ) : null}
                <span className="muted small">Identifies records in the results{link ? ' and the link table' : ''}; it is not compared.</span>
              </div>
            </>
          ) : null}
        </div>
        {setup ? (
        <aside className="dedupe-side" aria-label="Blocking report">
          <BlockingReport
            keys={blocking.report?.keys ?? null}
            comparisons={blocking.report?.pairs ?? null}
            warnings={blocking.report?.warnings ?? []}
            loading={blocking.loading}
            error={blocking.error}
            allPairs={allPairs}
          />
          <p className="muted small">
            Only records that share a blocking key are compared, so the cost grows with the data, not with its square. A block too large to expand into pairs is skipped, and a warning names its key.
          </p>
        </aside>
        ) : null}
      </div>
      <footer className="dedupe-foot">
        {run.state.phase === 'running' ? (
          <>
            <ProgressBar done={run.job?.done ?? 0} total={run.job?.total ?? 0} label={link ? 'Linking' : 'Finding duplicates'} />
            <span className="job-text" role="status" data-testid="run-progress">
              {run.job?.message ? formatJobMessage(run.job.message) : 'Starting…'}
            </span>
            <span className="spacer" />
            <button type="button" className="button button-secondary" onClick={run.cancel} data-testid="run-cancel">
              Cancel
            </button>
          </>
        ) : (
          <>
            {run.state.error ? (
              <span className="error-text" role="alert" data-testid="run-error">
                {run.state.error}
              </span>
            ) : run.state.note ? (
              <span className="muted" role="status" data-testid="run-note">
                {run.state.note}
              </span>
            ) : !setup ? (
              <span className="muted">{link && !other ? 'Choose the dataset to link with.' : ''}</span>
            ) : (
              <span className="muted">
                {chosen} {chosen === 1 ? 'column' : 'columns'} compared
                {blocking.report ? ` · ${formatCount(blocking.report.pairs)} candidate pairs` : ''}
                {blocking.report?.warnings.length ? (
                  <span className="warn-text">
                    {' '}
                    · {blocking.report.warnings.length} blocking {blocking.report.warnings.length === 1 ? 'warning' : 'warnings'}
                  </span>
                ) : null}
              </span>
            )}
            <span className="spacer" />
            <button type="button" className="button button-primary" disabled={!config || chosen === 0 || tooSmall} onClick={start} data-testid="run-start">
              {link ? 'Link records' : 'Find duplicates'}
            </button>
          </>
        )}
      </footer>
    </div>
  );
}
