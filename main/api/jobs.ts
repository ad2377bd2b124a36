// Handlers that start, list and cancel background jobs (scan, import, the bundled sample, index builds).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { TidysetError } from '../core/errors';
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

export const jobHandlers: Pick<Handlers, 'jobs.scan' | 'jobs.import' | 'jobs.importSample' | 'jobs.buildIndex' | 'jobs.list' | 'jobs.cancel'> = {
  'jobs.scan': async ({ root, includeHidden }, { jobs, paths }) => {
    const abs = paths.check(root, 'read');
    // The walk follows symbolic links; `within` keeps it from following one out of the data roots.
    return jobs.start('scan', { root: abs, options: { includeHidden, within: paths.list() } }, `Scan ${abs}`);
  },

  'jobs.import': async ({ files }, { jobs, paths }) => {
    // Every path is checked before any job starts: one forbidden file refuses the whole call.
    const checked = files.map(({ path: file, options }) => ({ abs: paths.check(file, 'read'), options }));
    return checked.map(({ abs, options }) => jobs.start('import', { file: abs, options }, `Import ${path.basename(abs)}`));
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
