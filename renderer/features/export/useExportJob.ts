// Runs one export through `jobs.export`: asks before replacing an earlier output, follows the job's
// progress, cancels it, and hands back the files and manifest entry it wrote.
import type { Filter, Sort } from '../../../shared/api/contract';
import { api } from '../../api';
import { useJobFlow, type JobFlowPhase } from '../../app/useJobFlow';

export interface ExportRequest {
  dataset: string;
  format: 'csv' | 'jsonl' | 'parquet';
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

export type ExportPhase = JobFlowPhase<ExportRequest, ExportOutcome>;

export function useExportJob() {
  return useJobFlow<ExportRequest, ExportOutcome>({
    call: (request, force) => api['jobs.export']({ ...request, force }),
    outcome: (end) => end.outcome as unknown as ExportOutcome,
    cancelled: 'Export cancelled; nothing was written.',
    failed: 'The export failed.',
  });
}
