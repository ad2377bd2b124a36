// The kinds of background job, their parameters and results, and the functions that run them.
import type { Workspace } from '../workspace';
import type { JobContext } from './context';
import { startJob, type Job } from './runner';
import { importFile, type ImportOptions, type ImportResult } from '../ingest/importFile';
import { exportDataset, type ExportOptions, type ExportResult } from '../export/exportDataset';
import { buildIndex } from '../rows/query';
import { runCleanAction, type CleanAction, type CleanResult } from '../clean/actions';
import { reimportDataset } from '../catalog/reimport';
import { scanFolder, type ScanOptions, type ScanResult } from '../scan/scan';
import { detectDataset, type DetectResult } from '../protect/detect/detectDataset';

export interface JobSpecs {
  /** With `replace`, the import takes that dataset's place once it has succeeded (re-import with other options). */
  import: { params: { file: string; options: ImportOptions; replace?: string }; result: ImportResult };
  scan: { params: { root: string; options: ScanOptions }; result: ScanResult };
  export: { params: ExportOptions; result: ExportResult };
  index: { params: { dataset: string; column: string }; result: { dataset: string; column: string } };
  clean: { params: CleanAction; result: CleanResult };
  /** Personal-data detection over a dataset's columns, stored as suggested tags. */
  detect: { params: { dataset: string }; result: DetectResult };
}
export type JobKind = keyof JobSpecs;
export type JobParams<K extends JobKind> = JobSpecs[K]['params'];
export type JobResult<K extends JobKind> = JobSpecs[K]['result'];

export const jobHandlers: { [K in JobKind]: (ws: Workspace, params: JobParams<K>, ctx: JobContext) => Promise<JobResult<K>> } = {
  import: (ws, p, ctx) => (p.replace === undefined ? importFile(ws, p.file, p.options, ctx) : reimportDataset(ws, p.replace, p.file, p.options, ctx)),
  scan: (ws, p, ctx) => scanFolder(ws, p.root, p.options, ctx),
  export: (ws, p, ctx) => exportDataset(ws, p, ctx),
  index: (ws, p, ctx) => buildIndex(ws, p, ctx),
  clean: async (ws, p, ctx) => runCleanAction(ws, p, ctx),
  detect: (ws, p, ctx) => detectDataset(ws, p, ctx),
};

/** A job of one of these kinds, as the runner runs it. */
export type KindJob<K extends JobKind = JobKind> = Job<K, JobResult<K>>;

/** Starts a job of one of these kinds: the runner, handed the kind, runs it in a worker thread. */
export function startKindJob<K extends JobKind>(kind: K, params: JobParams<K>, workspaceDir: string, title: string): KindJob<K> {
  return startJob<K, JobResult<K>>(kind, params, workspaceDir, title);
}
