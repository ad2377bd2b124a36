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
import { eraseSubject } from '../protect/erase/erase';
import type { EraseResult, EraseRunIn } from '../../../shared/api/erase';
import { splitDataset, type SplitResult } from '../split/splitDataset';
import type { SplitJobIn } from '../../../shared/api/split';
import { clusterColumn } from '../dedupe/spelling/cluster';
import type { ClusterParams, ClusterSummary } from '../../../shared/api/cluster';
import { runDedupeJob, type DedupeJobParams, type DedupeJobResult, type LinkJobParams } from '../dedupe/jobs';
import { profileInParallel } from '../profile/parallel';
import { runRules, storedRulesToRun } from '../profile/rules';
import { datasetSide, driftBetween } from '../profile/drift';
import type { DriftReport, RuleReport } from '../../../shared/api/profile';
import type { Rule } from '../../../shared/rules/schema';

export interface JobSpecs {
  /** With `replace`, the import takes that dataset's place once it has succeeded (re-import with other options). */
  import: { params: { file: string; options: ImportOptions; replace?: string }; result: ImportResult };
  scan: { params: { root: string; options: ScanOptions }; result: ScanResult };
  export: { params: ExportOptions; result: ExportResult };
  index: { params: { dataset: string; column: string }; result: { dataset: string; column: string } };
  clean: { params: CleanAction; result: CleanResult };
  /** Personal-data detection over a dataset's columns, stored as suggested tags. */
  detect: { params: { dataset: string }; result: DetectResult };
  erase: { params: EraseRunIn; result: EraseResult };
  split: { params: SplitJobIn; result: SplitResult };
  /** Spelling clusters of one column; the clusters themselves are stored in the workspace cache. */
  cluster: { params: ClusterParams; result: ClusterSummary };
  dedupe: { params: DedupeJobParams; result: DedupeJobResult };
  link: { params: LinkJobParams; result: DedupeJobResult };
  /** Profiles every column (or `columns`) and caches the whole-dataset profile in the catalog. */
  profile: { params: { dataset: string; columns?: string[]; fresh?: boolean }; result: { dataset: string; rows: number; columns: number; ms: number } };
  /** Runs the given rules, or the dataset's stored rules. */
  check: { params: { dataset: string; rules?: Rule[] }; result: RuleReport };
  drift: { params: { a: string; b: string; columns?: string[] }; result: DriftReport };
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
  erase: async (ws, p, ctx) => eraseSubject(ws, p, ctx),
  split: (ws, p, ctx) => splitDataset(ws, p, ctx),
  cluster: (ws, p, ctx) => clusterColumn(ws, p, ctx),
  dedupe: (ws, p, ctx) => runDedupeJob(ws, p, ctx),
  link: (ws, p, ctx) => runDedupeJob(ws, p, ctx),
  profile: async (ws, p, ctx) => {
    const r = await profileInParallel(ws, p.dataset, { columns: p.columns, fresh: p.fresh }, ctx);
    return { dataset: r.dataset, rows: r.rows, columns: r.columns.length, ms: r.ms };
  },
  check: async (ws, p) => runRules(ws, p.dataset, p.rules ? p.rules.map((rule) => ({ rule, id: null, problem: null })) : storedRulesToRun(ws, p.dataset)),
  drift: async (ws, p, ctx) => {
    const a = datasetSide(ws, p.a);
    const b = datasetSide(ws, p.b);
    try {
      return driftBetween(a, b, { columns: p.columns }, ctx);
    } finally {
      a.close?.();
      b.close?.();
    }
  },
};

/** A job of one of these kinds, as the runner runs it. */
export type KindJob<K extends JobKind = JobKind> = Job<K, JobResult<K>>;

/** Starts a job of one of these kinds: the runner, handed the kind, runs it in a worker thread. */
export function startKindJob<K extends JobKind>(kind: K, params: JobParams<K>, workspaceDir: string, title: string): KindJob<K> {
  return startJob<K, JobResult<K>>(kind, params, workspaceDir, title);
}
