// Waits for a CLI job in a worker while a progress view shows it; Ctrl-C cancels it cleanly (twice: quit at once).
import type { Job } from '../core/jobs/runner';
import type { ProgressView } from './output';

/**
 * Resolves with the job's result. `view` is cleared before the cancel note and at the end;
 * `cancelNote` says what cancelling means for this job ("cancelling…").
 */
export async function awaitJob<T>(job: Job<string, T>, label: string, view: ProgressView, cancelNote: string): Promise<T> {
  let interrupted = 0;
  const onSigint = () => {
    if (++interrupted > 1) process.exit(130);
    view.done();
    process.stderr.write(`${label}: ${cancelNote} (Ctrl-C again to quit at once)\n`);
    job.cancel();
  };
  process.on('SIGINT', onSigint);
  try {
    return await job.result;
  } finally {
    process.off('SIGINT', onSigint);
    view.done();
  }
}
