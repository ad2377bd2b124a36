// Handlers that start, list and cancel background jobs (scan, import, the bundled sample, index builds).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { planBatchNames } from '../core/catalog/batchNames';
import { TidysetError } from '../core/errors';
import { closeDataset } from '../core/rows/query';
import type { JobManager } from './jobManager';
import type { Handlers } from './types';

/** Name of the bundled sample under assets/samples. */
export const SAMPLE_FILE = 'customers-messy.csv';

/**
 * Path of the bundled sample: assets/ sits two folders above both main/api (sources under tsx) and
 * dist/main (the bundle). In a packaged app the asset is unpacked next to the asar so workers can read it.
 */
export function samplePath(baseDir: string = __dirname): string {
  const p = path.join(baseDir, '..', '..', 'assets', 'samples', SAMPLE_FILE);
  const unpacked = p.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  return unpacked !== p && existsSync(unpacked) ? unpacked : p;
}

/** Names that running imports will take, per job manager: a second batch started meanwhile must not pick them. */
const reservedNames = new WeakMap<JobManager, Map<string, string>>();

function reserved(jobs: JobManager): Map<string, string> {
  let m = reservedNames.get(jobs);
  if (!m) reservedNames.set(jobs, (m = new Map()));
  return m;
}

export const jobHandlers: Pick<Handlers, 'jobs.scan' | 'jobs.import' | 'jobs.reimport' | 'jobs.importSample' | 'jobs.buildIndex' | 'jobs.list' | 'jobs.cancel'> = {
  'jobs.scan': async ({ root, includeHidden }, { jobs, paths }) => {
    const abs = paths.check(root, 'read');
    // The walk follows symbolic links; `within` keeps it from following one out of the data roots.
    return jobs.start('scan', { root: abs, options: { includeHidden, within: paths.list() } }, `Scan ${abs}`);
  },

  'jobs.import': async ({ files }, { ws, jobs, paths }) => {
    // Every path is checked before any job starts: one forbidden file refuses the whole call.
    const abs = files.map((f) => ({ path: paths.check(f.path, 'read'), name: f.options.name, options: f.options }));
    // Every file gets its name up front, unique within the batch and against the catalog and running imports.
    const running = reserved(jobs);
    const taken = new Set(running.values());
    const names = planBatchNames(abs, (n) => taken.has(n) || ws.datasets.find(n) !== undefined);
    return abs.map((f, i) => {
      const job = jobs.start('import', { file: f.path, options: { ...f.options, name: names[i]! } }, `Import ${path.basename(f.path)}`);
      running.set(job.id, names[i]!);
      void jobs.settled(job.id).finally(() => running.delete(job.id));
      return job;
    });
  },

  'jobs.reimport': async ({ dataset, options }, { ws, jobs, paths, reader }) => {
    const old = ws.datasets.get(dataset);
    if (!old.source.path) throw new TidysetError('BAD_INPUT', `dataset ${JSON.stringify(old.name)} has no source file to import again`);
    if (!existsSync(old.source.path)) throw new TidysetError('NOT_FOUND', `${old.source.path}: the source file of ${JSON.stringify(old.name)} is gone`, { file: old.source.path });
    // A dataset imported by the CLI may come from anywhere: serve reads it again only inside the data roots.
    const file = paths.check(old.source.path, 'read');
    const job = jobs.start('import', { file, options, replace: old.name }, `Re-import ${path.basename(file)}`);
    // This process (and its reader thread) may hold the old file open for paging; release it once the swap is done.
    void jobs
      .settled(job.id)
      .then(async (end) => {
        if (end.state !== 'done') return;
        closeDataset(ws, old);
        await reader.closeDataset(old.file);
      })
      // The dispatcher may have closed meanwhile (the reader with it): then nothing is left open.
      .catch(() => undefined);
    return job;
  },

  'jobs.importSample': async (_in, { jobs }) => {
    const file = samplePath();
    if (!existsSync(file)) throw new TidysetError('NOT_FOUND', `the bundled sample is missing (${file})`);
    return jobs.start('import', { file, options: {} }, 'Import sample customers');
  },

  'jobs.buildIndex': async ({ dataset, column }, { ws, jobs }) => {
    // Fail fast on an unknown dataset or column instead of starting a job that fails at once.
    const ds = ws.datasets.get(dataset);
    if (!ds.columns.some((c) => c.name === column)) {
      throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no column ${JSON.stringify(column)}`);
    }
    return jobs.start('index', { dataset: ds.name, column }, `Index ${ds.name}.${column}`);
  },

  'jobs.list': async (_in, { jobs }) => jobs.list(),

  'jobs.cancel': async ({ id }, { jobs }) => {
    jobs.cancel(id);
    return { ok: true as const };
  },
};
