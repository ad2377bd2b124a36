// One job in the sidebar: title, progress bar and cancel while it runs, its outcome once it ends.
import { api, errorMessage } from '../api';
import { ProgressBar } from '../components/ProgressBar';
import { formatCount } from '../components/format';
import { toast } from '../components/toastStore';
import type { JobInfo } from '../../shared/api/contract';

/** Imports, scans and exports stop at their next check; an index build or a history step is one SQLite statement that runs to its end. */
function cancellable(job: JobInfo): boolean {
  return job.cancellable ?? (job.kind !== 'index' && job.kind !== 'clean');
}

/** Counts in an engine message ("customers: 641261 rows") in the app's one number format ("641,261 rows"). */
export function formatJobMessage(message: string): string {
  return message.replace(/(^|[\s(])(\d{4,})(?= (rows?|files?|records?|lines?|bytes|of)\b)/g, (_m, pre: string, n: string) => pre + formatCount(Number(n)));
}

export function JobRow({ job }: { job: JobInfo }) {
  const cancel = () => {
    api['jobs.cancel']({ id: job.id }).catch((e) => toast('error', `Cannot cancel: ${errorMessage(e)}`));
  };
  const tone = job.state === 'failed' ? 'error' : job.state === 'done' ? 'done' : 'normal';
  const ended = job.endedAt ? new Date(job.endedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
  const note =
    job.state === 'failed' ? (job.error?.message ?? 'failed') : job.state === 'running' ? formatJobMessage(job.message) : `${job.state} ${ended}`.trim();
  return (
    <li className={`job job-${job.state}`} data-testid="job" data-job-id={job.id} data-state={job.state}>
      <div className="job-head">
        <span className="job-title" title={job.title}>
          {job.title}
        </span>
        {job.state === 'running' && cancellable(job) ? (
          <button type="button" className="icon-button" aria-label={`Cancel ${job.title}`} title="Cancel" onClick={cancel}>
            ×
          </button>
        ) : null}
      </div>
      {job.state === 'running' ? <ProgressBar done={job.done} total={job.total} label={job.title} tone={tone} /> : null}
      {note ? (
        <div className="job-note" title={note}>
          {note}
        </div>
      ) : null}
    </li>
  );
}
