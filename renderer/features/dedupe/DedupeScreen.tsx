// The Find duplicates and Link screens of one dataset: set up the comparison, run it, review the
// result with the keyboard, and resolve it (or use the links) as history steps. The last result is
// stored in the workspace, so the screen reopens on its review.
import { useEffect, useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import { findDataset, useDatasets } from '../../app/useDatasets';
import { routeHref } from '../../app/useRoute';
import { DatasetNotFound } from '../../components/NotFound';
import { formatCount, formatDateTime } from '../../components/format';
import { LinkReviewPane } from './LinkReviewPane';
import { ResolveDialog } from './ResolveDialog';
import { ReviewPane } from './ReviewPane';
import { SetupPane } from './SetupPane';
import { showNewColumn } from './showResult';
import type { ThresholdCounts } from './reviewTypes';
import { useResults } from './useResults';
import { useSummary } from './useSummary';
import './dedupe.css';

type Mode = 'duplicates' | 'link';

export function DedupeScreen({ name, mode }: { name: string; mode: Mode }) {
  const { loaded, list } = useDatasets();
  const dataset = findDataset(list, name);
  if (!loaded) return <div className="screen-loading" aria-busy="true" />;
  if (!dataset) {
    return <DatasetNotFound name={name} />;
  }
  return <DedupeView dataset={dataset} datasets={list} mode={mode} />;
}

function DedupeView({ dataset, datasets, mode }: { dataset: Dataset; datasets: Dataset[]; mode: Mode }) {
  const link = mode === 'link';
  const results = useResults(dataset.name, link ? 'link' : 'dedupe');
  const [view, setView] = useState<'setup' | 'review' | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [otherName, setOtherName] = useState<string | null>(null);
  const [keyB, setKeyB] = useState<string | null>(null);

  // Open on the newest stored result, else on the setup.
  useEffect(() => {
    if (view !== null || results.list === null) return;
    const last = results.list[0];
    if (last) {
      setResult(last.id);
      setOtherName(last.datasetB);
      setView('review');
    } else setView('setup');
  }, [results.list, view]);

  const others = datasets.filter((d) => d.id !== dataset.id);
  const other = link ? (others.find((d) => d.name === otherName) ?? null) : undefined;
  const info = results.list?.find((r) => r.id === result) ?? null;
  const title = link ? 'Link records' : 'Find duplicates';

  return (
    <section className="screen dedupe-screen" data-testid="dedupe-screen" data-mode={mode} data-view={view ?? ''} data-dataset={dataset.name}>
      <header className="screen-head">
        <a href="#/" className="crumb-back" title="Catalog">
          Catalog
        </a>
        <span className="crumb-sep">/</span>
        <a href={routeHref({ name: 'dataset', dataset: dataset.name })} className="crumb-back" data-testid="back-to-dataset">
          {dataset.name}
        </a>
        <span className="crumb-sep">/</span>
        <h1>{title}</h1>
        <nav className="dedupe-steps" aria-label="Steps">
          <button type="button" className={`dedupe-step${view === 'setup' ? ' on' : ''}`} onClick={() => setView('setup')} aria-current={view === 'setup' ? 'step' : undefined} data-testid="step-setup">
            <span className="step-n">1</span>
            {link ? 'Map columns' : 'Compare'}
          </button>
          <button type="button" className={`dedupe-step${view === 'review' ? ' on' : ''}`} onClick={() => setView('review')} disabled={!result} aria-current={view === 'review' ? 'step' : undefined} data-testid="step-review">
            <span className="step-n">2</span>
            {link ? 'Review links' : 'Review'}
          </button>
        </nav>
        <span className="spacer" />
        {info && view === 'review' ? (
          <span className="screen-sub result-info" data-testid="result-info" title={`Run ${formatDateTime(info.createdAt)}`}>
            {formatCount(info.comparisons)} comparisons in {info.seconds.toFixed(1)} s · {formatDateTime(info.createdAt)}
          </span>
        ) : null}
      </header>
      {info && !info.current && view === 'review' ? (
        <div className="notice notice-warn" role="status" data-testid="result-stale">
          {dataset.name} changed after this run; the records shown may be out of date. Run it again from step 1 to compare the data as it is now.
        </div>
      ) : null}
      {results.error ? <div className="notice notice-error">{results.error}</div> : null}
      {view === 'setup' ? (
        <SetupPane
          dataset={dataset}
          other={other}
          others={link ? others : undefined}
          onPickOther={(n) => setOtherName(n || null)}
          onResult={(r, kb) => {
            setResult(r);
            setKeyB(kb);
            results.reload();
            setView('review');
          }}
        />
      ) : view === 'review' && result ? (
        link ? (
          <LinkReviewPane key={result} result={result} dataset={dataset} other={other ?? null} keyB={keyB} />
        ) : (
          <DedupeReview key={result} result={result} dataset={dataset} />
        )
      ) : (
        <div className="screen-loading" aria-busy="true" />
      )}
    </section>
  );
}

function DedupeReview({ result, dataset }: { result: string; dataset: Dataset }) {
  const summary = useSummary(result);
  const [resolving, setResolving] = useState<{ counts: ThresholdCounts | null } | null>(null);
  if (summary.error && !summary.summary) return <div className="error-panel" role="alert">{summary.error}</div>;
  if (!summary.summary) return <div className="screen-loading" aria-busy="true" />;
  return (
    <>
      <ReviewPane result={result} summary={summary} onResolve={(counts) => setResolving({ counts })} />
      {resolving ? (
        <ResolveDialog
          dataset={dataset}
          result={result}
          threshold={summary.threshold}
          counts={resolving.counts}
          onClose={() => setResolving(null)}
          onDone={(column) => showNewColumn(dataset, column)}
        />
      ) : null}
    </>
  );
}
