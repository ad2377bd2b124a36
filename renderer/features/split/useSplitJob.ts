// Runs one split through `jobs.split`: asks before replacing a folder that holds files, follows the
// job's progress, cancels it, and hands back the folder and manifest it wrote.
import { useState } from 'react';
import type { In, JobInfo } from '../../../shared/api/contract';
import { api, ApiError, errorMessage } from '../../api';
import { putJob, useJobs, whenJobEnds } from '../../app/useJobs';

export type SplitRequest = In<'jobs.split'>;

export type SplitPhase =
  | { phase: 'form'; note: string | null; error: string | null }
  | { phase: 'confirm'; message: string; request: SplitRequest }
  | { phase: 'running'; jobId: string }
  | { phase: 'done'; dir: string };

export function useSplitJob() {
  const [state, setState] = useState<SplitPhase>({ phase: 'form', note: null, error: null });
  const jobs = useJobs();
  const job: JobInfo | undefined = state.phase === 'running' ? jobs.find((j) => j.id === state.jobId) : undefined;

  const start = async (request: SplitRequest, force = false): Promise<void> => {
    let info: JobInfo;
    try {
      info = await api['jobs.split']({ ...request, force });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ALREADY_EXISTS' && !force) setState({ phase: 'confirm', message: e.message, request });
      else setState({ phase: 'form', note: null, error: errorMessage(e) });
      return;
    }
    putJob(info);
    setState({ phase: 'running', jobId: info.id });
    const end = await whenJobEnds(info);
    if (end.state === 'done') setState({ phase: 'done', dir: String((end.outcome as { dir?: unknown } | null)?.dir ?? request.out) });
    else if (end.state === 'cancelled') setState({ phase: 'form', note: 'Split cancelled; nothing was written.', error: null });
    else setState({ phase: 'form', note: null, error: end.error?.message ?? 'The split failed.' });
  };
  const cancel = () => {
    if (state.phase === 'running') void api['jobs.cancel']({ id: state.jobId }).catch(() => undefined);
  };
  const back = () => setState({ phase: 'form', note: null, error: null });
  return { state, job, start, cancel, back };
}
