// The flow of a dialog that writes through a job: a form, the "replace it?" question when the engine
// refuses to overwrite (ALREADY_EXISTS), the running job with progress and cancel, and its outcome.
import { useState } from 'react';
import type { JobInfo } from '../../shared/api/contract';
import { ApiError, errorMessage, api } from '../api';
import { putJob, useJobs, whenJobEnds } from './useJobs';

export type JobFlowPhase<R, O> =
  | { phase: 'form'; note: string | null; error: string | null }
  | { phase: 'confirm'; message: string; request: R }
  | { phase: 'running'; jobId: string }
  | { phase: 'done'; outcome: O };

export interface JobFlowSpec<R, O> {
  /** Starts the job (`force`: replace what is there). */
  call: (request: R, force: boolean) => Promise<JobInfo>;
  /** What the dialog shows once the job is done, from its outcome. */
  outcome: (end: JobInfo, request: R) => O;
  /** What the form says after a cancel, and after a failure without a message. */
  cancelled: string;
  failed: string;
}

export function useJobFlow<R, O>(spec: JobFlowSpec<R, O>) {
  const [state, setState] = useState<JobFlowPhase<R, O>>({ phase: 'form', note: null, error: null });
  const jobs = useJobs();
  const job: JobInfo | undefined = state.phase === 'running' ? jobs.find((j) => j.id === state.jobId) : undefined;

  const start = async (request: R, force = false): Promise<void> => {
    let info: JobInfo;
    try {
      info = await spec.call(request, force);
    } catch (e) {
      // The engine's overwrite refusal: ask, then retry with force. Anything else is an error to show.
      if (e instanceof ApiError && e.code === 'ALREADY_EXISTS' && !force) setState({ phase: 'confirm', message: e.message, request });
      else setState({ phase: 'form', note: null, error: errorMessage(e) });
      return;
    }
    putJob(info);
    setState({ phase: 'running', jobId: info.id });
    const end = await whenJobEnds(info);
    if (end.state === 'done') setState({ phase: 'done', outcome: spec.outcome(end, request) });
    else if (end.state === 'cancelled') setState({ phase: 'form', note: spec.cancelled, error: null });
    else if (end.error?.code === 'ALREADY_EXISTS' && !force) setState({ phase: 'confirm', message: end.error.message, request });
    else setState({ phase: 'form', note: null, error: end.error?.message ?? spec.failed });
  };

  const cancel = () => {
    if (state.phase === 'running') void api['jobs.cancel']({ id: state.jobId }).catch(() => undefined);
  };
  const back = () => setState({ phase: 'form', note: null, error: null });

  return { state, job, start, cancel, back };
}
