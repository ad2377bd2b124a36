// Drift between this dataset (the reference) and another: per column the test that fits its type,
// PSI with its flag (PSI ≥ 0.1 moderate, ≥ 0.25 major), the missing shares, new categories, and the
// two distributions overlaid. Runs as a background job with progress and Cancel.
import { useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import type { JobInfo } from '../../../shared/api/contract';
import type { DriftReport } from '../../../shared/api/profile';
import { api, errorMessage } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ProgressBar } from '../../components/ProgressBar';
import { formatCount } from '../../components/format';
import { useDatasets } from '../../app/useDatasets';
import { putJob, useJobs, whenJobEnds } from '../../app/useJobs';
import { Bars } from './Bars';
import { setViewMode } from './profileStore';
import './profile.css';

const p1 = (x: number) => `${(x * 100).toFixed(1)} %`;

export function DriftView({ dataset }: { dataset: Dataset }) {
  const others = useDatasets().list.filter((d) => d.id !== dataset.id);
  const [other, setOther] = useState(others[0]?.name ?? '');
  const [job, setJob] = useState<JobInfo | null>(null);
  const [report, setReport] = useState<DriftReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const live = useJobs().find((j) => j.id === job?.id) ?? job;

  const run = async () => {
    setError(null);
    setReport(null);
    try {
      const j = await api['jobs.drift']({ a: dataset.name, b: other });
      putJob(j);
      setJob(j);
      const end = await whenJobEnds(j);
      setJob(null);
      if (end.state === 'done') setReport((end.outcome as { report: DriftReport }).report);
      else if (end.state === 'failed') setError(end.error?.message ?? 'the comparison failed');
    } catch (e) {
      setJob(null);
      setError(errorMessage(e));
    }
  };

  if (!others.length) {
    return (
      <div className="profile-view data-grid">
        <div className="profile-bar">
          <button type="button" className="button button-secondary button-small" onClick={() => setViewMode(dataset.id, 'profile')}>← Profile</button>
        </div>
        <EmptyState title="Nothing to compare with" testId="drift-empty">
          <p>Drift compares this dataset with another one — import a second dataset (another period, or a split part) to compare.</p>
        </EmptyState>
      </div>
    );
  }
  const flagged = report?.columns.filter((c) => c.flag !== 'none').length ?? 0;
  return (
    <div className="profile-view data-grid" data-testid="drift-view">
      <div className="profile-bar">
        <button type="button" className="button button-secondary button-small" onClick={() => setViewMode(dataset.id, 'profile')} data-testid="drift-back">← Profile</button>
        <label className="small">
          Compare <strong>{dataset.name}</strong> with{' '}
          <select className="input input-small" value={other} onChange={(e) => setOther(e.target.value)} data-testid="drift-other" aria-label="Dataset to compare with">
            {others.map((d) => <option key={d.id} value={d.name}>{d.name}</option>)}
          </select>
        </label>
        <button type="button" className="button" onClick={() => void run()} disabled={!!job || !other} data-testid="drift-run">Compare</button>
        {live ? (
          <span className="profile-progress" role="status">
            <ProgressBar done={live.done} total={live.total} label="Comparing" />
            <span className="small">{live.message}</span>
            <button type="button" className="button button-secondary button-small" onClick={() => void api['jobs.cancel']({ id: live.id })}>Cancel</button>
          </span>
        ) : null}
        <div className="spacer" />
        <span className="legend small"><span className="swatch swatch-a" /> {dataset.name} <span className="swatch swatch-b" /> {report?.b.name ?? other}</span>
      </div>
      {error ? <p className="error-text" role="alert">{error}</p> : null}
      {!report && !job ? (
        <EmptyState title="Compare two datasets">
          <p>For every column both have: Kolmogorov–Smirnov and PSI for numbers and dates, Jensen–Shannon distance and PSI for categories, the change in missing values and the categories that appear or vanish. PSI ≥ 0.1 is flagged moderate, ≥ 0.25 major.</p>
        </EmptyState>
      ) : null}
      {report ? (
        <>
          <p className="small muted" data-testid="drift-summary">
            {formatCount(report.a.rows)} rows of {report.a.name} against {formatCount(report.b.rows)} rows of {report.b.name}: {flagged ? `${flagged} of ${report.columns.length} columns drifted` : `no drift in ${report.columns.length} columns`}.
          </p>
          <div className="profile-cards">
            {report.columns.map((c) => (
              <article key={c.column} className={`profile-card drift-card drift-${c.flag}`} data-testid="drift-card" data-column={c.column} data-flag={c.flag}>
                <header className="profile-card-head">
                  <h3 title={c.column}>{c.column}</h3>
                  <span className={`flag flag-${c.flag}`}>{c.flag === 'none' ? 'stable' : `${c.flag} drift`}</span>
                </header>
                <Bars fluid a={c.bins.map((b) => b.a)} b={c.bins.map((b) => b.b)} labels={c.bins.map((b) => `${b.label}: ${p1(b.a)} → ${p1(b.b)}`)} testId="drift-histogram" ariaLabel={`${c.column} in both datasets`} />
                <dl className="profile-numbers small">
                  <div><dt>{c.test === 'ks' ? 'KS D' : 'JS distance'}</dt><dd>{c.statistic.toFixed(4)}</dd></div>
                  <div><dt>PSI</dt><dd>{c.psi.toFixed(4)}</dd></div>
                  {c.pValue !== null ? <div><dt>p</dt><dd>{c.pValue < 1e-4 ? '< 0.0001' : c.pValue.toFixed(4)}</dd></div> : null}
                  <div className="wide"><dt>missing</dt><dd>{p1(c.missingA)} → {p1(c.missingB)}</dd></div>
                </dl>
                {c.newInB.length ? <p className="small">New in {report.b.name}: {c.newInB.slice(0, 5).map((v) => `“${v}”`).join(', ')}{c.newInB.length > 5 ? '…' : ''}</p> : null}
                {c.unseenInB.length ? <p className="small muted">Not in {report.b.name}: {c.unseenInB.slice(0, 5).map((v) => `“${v}”`).join(', ')}{c.unseenInB.length > 5 ? '…' : ''}</p> : null}
              </article>
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}
