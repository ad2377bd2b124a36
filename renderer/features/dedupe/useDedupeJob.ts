// Runs a dedupe or link job: starts it, follows its progress, cancels it, and hands back the result id
// once it is done (or the reason it is not).
import { useState } from 'react';
import type { JobInfo } from '../../../shared/api/contract';
import type { DedupeConfigInput } from '../../../shared/api/dedupe';
import { api, errorMessage } from '../../api';
import { putJob, useJobs, whenJobEnds } from '../../app/useJobs';

export type RunState = { phase: 'idle'; note: string | null; error: string | null } | { phase: 'running'; jobId: string };

export interface RunRequest {
  dataset: string;
  datasetB?: string;
  config: DedupeConfigInput;
}

export function useDedupeJob(onDone: (result: string) => void) {
  const [state, setState] = useState<RunState>({ phase: 'idle', note: null, error: null });
  const jobs = useJobs();
  const job: JobInfo | undefined = state.phase === 'running' ? jobs.find((j) => j.id === state.jobId) : undefined;

  const start = async (req: RunRequest): Promise<void> => {
    let info: JobInfo;
    try {
      info = req.datasetB
        ? await api['jobs.link']({ dataset: req.dataset, datasetB: req.datasetB, config: req.config })
        : await api['jobs.dedupe']({ dataset: req.dataset, config: req.config });
    } catch (e) {
      setState({ phase: 'idle', note: null, error: errorMessage(e) });
      return;
    }
    putJob(info);
    setState({ phase: 'running', jobId: info.id });
    const end = await whenJobEnds(info);
    const result = typeof end.outcome?.result === 'string' ? end.outcome.result : null;
    if (end.state === 'done' && result) {
      setState({ phase: 'idle', note: null, error: null });
      onDone(result);
    } else if (end.state === 'cancelled') setState({ phase: 'idle', note: 'Cancelled; nothing was kept.', error: null });
    else setState({ phase: 'idle', note: null, error: end.error?.message ?? 'The run failed.' });
  };

  const cancel = () => {
    if (state.phase === 'running') void api['jobs.cancel']({ id: state.jobId }).catch(() => undefined);
  };

  return { state, job, start, cancel };
}
