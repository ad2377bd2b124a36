// Progress of the import jobs started from the scan dialog, an error panel for failures, and reject counts.
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import { toast } from '../../components/toastStore';
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

/** The engine's message without the full path it starts with (the file is named just before it). */
function messageFor(file: string, message: string): string {
  if (!message.startsWith(`${file}:`)) return message;
  const rest = message.slice(file.length + 1);
  const at = /^(\d+)(?::(\d+))?: /.exec(rest);
  return at ? `line ${at[1]}${at[2] ? `, column ${at[2]}` : ''}: ${rest.slice(at[0].length)}` : rest.trim();
}

export function ImportResults({ runs, jobById, onOpen }: Props) {
  const { list } = useDatasets();
  const [rejectsOf, setRejectsOf] = useState<string | null>(null);
  if (runs.length === 0) return null;
  const failed = runs.filter((r) => jobById.get(r.jobId)?.state === 'failed');
  const running = runs.filter((r) => (jobById.get(r.jobId)?.state ?? 'running') === 'running');
  const cancel = (ids: string[]) => {
    for (const id of ids) api['jobs.cancel']({ id }).catch((e) => toast('error', `Cannot cancel: ${errorMessage(e)}`));
  };
  // The retry hint fits only a file with malformed lines; other failures (a name taken, a file gone) say their own cause.
  const malformed = failed.filter((r) => !r.skip && jobById.get(r.jobId)?.error?.code === 'MALFORMED_FILE');

  return (
    <section className="import-results" aria-label="Imports">
      <div className="import-results-head">
        <h3>Imports</h3>
        {running.length > 1 ? (
          <button type="button" className="button button-secondary button-xs" onClick={() => cancel(running.map((r) => r.jobId))} data-testid="cancel-all-imports">
            Cancel all ({running.length})
          </button>
        ) : null}
      </div>
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
              {state === 'running' ? (
                <button type="button" className="button button-secondary button-xs" aria-label={`Cancel importing ${baseName(r.file)}`} onClick={() => cancel([r.jobId])} data-testid="cancel-import">
                  Cancel
                </button>
              ) : null}
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
                <strong>{baseName(r.file)}</strong>: <code>{messageFor(r.file, jobById.get(r.jobId)?.error?.message ?? 'failed')}</code>
              </li>
            ))}
          </ul>
          {malformed.length > 0 ? (
            <p data-testid="skip-hint">
              {malformed.map((r) => baseName(r.file)).join(', ')} {malformed.length === 1 ? 'has' : 'have'} malformed lines: tick “Skip malformed lines” and import
              again to keep the good lines and list the bad ones.
            </p>
          ) : null}
        </div>
      ) : null}
      {rejectsOf ? <RejectsDialog dataset={rejectsOf} onClose={() => setRejectsOf(null)} /> : null}
    </section>
  );
}
