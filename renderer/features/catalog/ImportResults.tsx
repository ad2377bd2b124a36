// Progress of the import jobs started from the scan dialog, an error panel for failures, and reject counts.
import { useState } from 'react';
import type { JobInfo } from '../../../shared/api/contract';
import { ProgressBar } from '../../components/ProgressBar';
import { baseName, formatCount } from '../../components/format';
import { useDatasets } from '../../app/useDatasets';
import { navigate } from '../../app/useRoute';
import { ImportWarnings } from './ImportWarnings';
import { findImported } from './importOutcome';
import { RejectsDialog } from './RejectsDialog';
import type { ImportRun } from './useScanFlow';

interface Props {
  runs: ImportRun[];
  jobById: Map<string, JobInfo>;
  onOpen: () => void;
}

export function ImportResults({ runs, jobById, onOpen }: Props) {
  const { list } = useDatasets();
  const [rejectsOf, setRejectsOf] = useState<string | null>(null);
  if (runs.length === 0) return null;
  const failed = runs.filter((r) => jobById.get(r.jobId)?.state === 'failed');

  return (
    <section className="import-results" aria-label="Imports">
      <h3>Imports</h3>
      <ul className="import-list">
        {runs.map((r) => {
          const job = jobById.get(r.jobId);
          const state = job?.state ?? 'running';
          const ds = state === 'done' && job ? findImported(job, r.file, list) : undefined;
          return (
            <li key={r.jobId} className={`import-item import-${state}`} data-testid="import-item" data-file={r.file} data-job={r.jobId} data-state={state}>
              <span className="import-file" title={r.file}>
                {baseName(r.file)}
              </span>
              {state === 'running' && job ? <ProgressBar done={job.done} total={job.total} label={`Importing ${baseName(r.file)}`} /> : null}
              {state === 'done' ? (
                <span className="import-outcome">
                  {ds ? (
                    <>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          onOpen();
                          navigate({ name: 'dataset', dataset: ds.name });
                        }}
                      >
                        {ds.name}
                      </button>{' '}
                      · {formatCount(ds.rows)} rows
                      {r.skip || ds.rejects > 0 ? (
                        <>
                          {' '}
                          · <span className={ds.rejects > 0 ? 'warn-text' : ''} data-testid="reject-count">{formatCount(ds.rejects)} rejected</span>
                          {ds.rejects > 0 ? (
                            <button type="button" className="link-button" onClick={() => setRejectsOf(ds.name)}>
                              View rejected lines
                            </button>
                          ) : null}
                        </>
                      ) : null}
                    </>
                  ) : (
                    'imported'
                  )}
                </span>
              ) : null}
              {state === 'done' && job ? <ImportWarnings job={job} /> : null}
              {state === 'failed' ? <span className="status status-error">failed</span> : null}
              {state === 'cancelled' ? <span className="status status-muted">cancelled</span> : null}
            </li>
          );
        })}
      </ul>
      {failed.length > 0 ? (
        <div className="error-panel" role="alert" data-testid="import-errors">
          <strong>
            {failed.length} import{failed.length === 1 ? '' : 's'} failed; nothing was added for {failed.length === 1 ? 'it' : 'them'}.
          </strong>
          <ul>
            {failed.map((r) => (
              <li key={r.jobId}>
                <code>{jobById.get(r.jobId)?.error?.message ?? 'failed'}</code>
              </li>
            ))}
          </ul>
          {failed.some((r) => !r.skip) ? <p>Tick “Skip malformed lines” and import again to keep the good lines and list the bad ones.</p> : null}
        </div>
      ) : null}
      {rejectsOf ? <RejectsDialog dataset={rejectsOf} onClose={() => setRejectsOf(null)} /> : null}
    </section>
  );
}
