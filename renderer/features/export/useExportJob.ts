// Runs one export through `jobs.export`: asks before replacing an earlier output, follows the job's
// progress, cancels it, and hands back the files and manifest entry it wrote.
import { useState } from 'react';
import type { Filter, JobInfo, Sort } from '../../../shared/api/contract';
import { api, ApiError, errorMessage } from '../../api';
import { putJob, useJobs, whenJobEnds } from '../../app/useJobs';

export interface ExportRequest {
  dataset: string;
  format: 'csv' | 'jsonl';
  out: string;
  columns?: string[];
  filters?: Filter[];
  sort?: Sort[];
  /** The user confirmed writing direct identifiers as they are. */
  allowDirect?: boolean;
}

export interface ExportedFileInfo {
  path: string;
  format: string;
  rows: number;
  bytes: number;
  sha256: string;
  misfits?: Record<string, number>;
}

/** What the dialog shows once an export is done (the job's outcome). */
export interface ExportOutcome {
  manifest: string;
  files: ExportedFileInfo[];
  entry: {
    createdAt: string;
    selection: { rows: number; columns: string[]; filters: Filter[]; sort: Sort[] };
    recipe: { operations: unknown[] } & Record<string, unknown>;
    /** The personal-data action of every chosen column. */
    protection?: { columns: Array<{ column: string; action: string; category: string | null }>; allowDirect: boolean; pseudonymKey?: string | null };
  };
}

export type ExportPhase =
  | { phase: 'form'; note: string | null; error: string | null }
  | { phase: 'confirm'; message: string; request: ExportRequest }
  | { phase: 'running'; jobId: string }
  | { phase: 'done'; outcome: ExportOutcome };

export function useExportJob() {
  const [state, setState] = useState<ExportPhase>({ phase: 'form', note: null, error: null });
  const jobs = useJobs();
  const job: JobInfo | undefined = state.phase === 'running' ? jobs.find((j) => j.id === state.jobId) : undefined;

  const start = async (request: ExportRequest, force = false): Promise<void> => {
    let info: JobInfo;
    try {
      info = await api['jobs.export']({ ...request, force });
    } catch (e) {
      // The engine's overwrite refusal: ask, then retry with force. Anything else is an error to show.
      if (e instanceof ApiError && e.code === 'ALREADY_EXISTS' && !force) setState({ phase: 'confirm', message: e.message, request });
      else setState({ phase: 'form', note: null, error: errorMessage(e) });
      return;
    }
    putJob(info);
    setState({ phase: 'running', jobId: info.id });
    const end = await whenJobEnds(info);
    if (end.state === 'done') setState({ phase: 'done', outcome: end.outcome as unknown as ExportOutcome });
    else if (end.state === 'cancelled') setState({ phase: 'form', note: 'Export cancelled; nothing was written.', error: null });
    else if (end.error?.code === 'ALREADY_EXISTS' && !force) setState({ phase: 'confirm', message: end.error.message, request });
    else setState({ phase: 'form', note: null, error: end.error?.message ?? 'The export failed.' });
  };

  const cancel = () => {
    if (state.phase === 'running') void api['jobs.cancel']({ id: state.jobId }).catch(() => undefined);
  };
  const back = () => setState({ phase: 'form', note: null, error: null });

  return { state, job, start, cancel, back };
}
