// The Profile view of a dataset: one card per column, computed by a background job (progress,
// Cancel) and cached for the dataset's history state; a change to the data recomputes it.
import { useEffect, useMemo, useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import { api, errorMessage } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ProgressBar } from '../../components/ProgressBar';
import { formatCount, formatDateTime, formatDuration } from '../../components/format';
import { toast } from '../../components/toastStore';
import { useJobs } from '../../app/useJobs';
import { useDatasetUi } from '../clean/datasetUi';
import { ColumnCard } from './ColumnCard';
import { invalidateProfile, loadProfile, setViewMode, startProfile, toggleHeaderHistograms, useHeaderHistograms, useProfileState } from './profileStore';
import './profile.css';

const PAGE = 60;

export function ProfileView({ dataset }: { dataset: Dataset }) {
  const state = useProfileState(dataset.name);
  const version = useDatasetUi(dataset.id, 'version');
  const headerHist = useHeaderHistograms();
  const jobs = useJobs();
  const job = state.job ? (jobs.find((j) => j.id === state.job!.id) ?? state.job) : null;
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE);

  useEffect(() => {
    invalidateProfile(dataset.name);
    void loadProfile(dataset.name);
  }, [dataset.name, version]);
  // Nothing current: profile now (the view was opened to see it).
  useEffect(() => {
    if (state.loaded && !state.profile && !state.job && !state.error) void startProfile(dataset.name);
  }, [dataset.name, state.loaded, state.profile, state.job, state.error]);

  const columns = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (state.profile?.columns ?? []).filter((c) => !q || c.column.toLowerCase().includes(q));
  }, [state.profile, query]);

  const cancel = () => {
    if (job) api['jobs.cancel']({ id: job.id }).catch((e) => toast('error', errorMessage(e)));
  };

  return (
    <div className="profile-view data-grid" data-testid="profile-view">
      <div className="profile-bar">
        {state.profile ? (
          <span className="muted small" data-testid="profile-status">
            {formatCount(state.profile.rows)} rows · {state.profile.totalColumns} columns · profiled {formatDateTime(state.profile.computedAt)} in {formatDuration(state.profile.ms)}
          </span>
        ) : null}
        {job ? (
          <span className="profile-progress" role="status" data-testid="profile-progress">
            <ProgressBar done={job.done} total={job.total} label="Profiling" />
            <span className="small">{job.message || 'profiling…'}</span>
            <button type="button" className="button button-secondary button-small" onClick={cancel} data-testid="profile-cancel">Cancel</button>
          </span>
        ) : null}
        <div className="spacer" />
        {(state.profile?.columns.length ?? 0) > 12 ? (
          <input className="input input-small" type="search" placeholder="Find a column" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Find a column" />
        ) : null}
        <label className="check small">
          <input type="checkbox" checked={headerHist} onChange={toggleHeaderHistograms} data-testid="toggle-header-histograms" /> Histograms in grid headers
        </label>
        <button type="button" className="button button-secondary" onClick={() => setViewMode(dataset.id, 'drift')} title="Compare the distributions with another dataset (drift)" data-testid="open-drift">
          Compare…
        </button>
        <button type="button" className="button button-secondary" disabled={!!job} onClick={() => void startProfile(dataset.name, true)} data-testid="profile-recompute">
          Recompute
        </button>
      </div>
      {state.error ? (
        <EmptyState title="The profile could not be made" actions={<button type="button" className="button" onClick={() => void startProfile(dataset.name, true)}>Try again</button>}>
          <p>{state.error}</p>
        </EmptyState>
      ) : !state.profile ? (
        <EmptyState title={job ? `Profiling ${dataset.name}…` : 'Not profiled yet'} testId="profile-empty">
          <p>Every column is read once: counts, distinct values, type conformance, quantiles and histograms. {formatCount(dataset.rows)} rows.</p>
        </EmptyState>
      ) : dataset.columns.length === 0 ? (
        <EmptyState title="No columns"><p>This dataset has no columns to profile.</p></EmptyState>
      ) : (
        <>
          <div className="profile-cards" data-testid="profile-cards">
            {columns.slice(0, shown).map((c) => <ColumnCard key={c.column} c={c} rows={state.profile!.rows} datasetId={dataset.id} />)}
          </div>
          {columns.length > shown ? (
            <div className="profile-more">
              <button type="button" className="button button-secondary" onClick={() => setShown((n) => n + PAGE)}>Show {Math.min(PAGE, columns.length - shown)} more of {columns.length - shown}</button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
