// Handler that starts export jobs (jobs.export): the same engine function as `tidyset export`.
import path from 'node:path';
import { checkExport, type ExportOptions } from '../core/export/exportDataset';
import type { HandlerContext, Handlers, ParsedIn } from './types';

/**
 * The absolute destination folder of an export: the one place an export's path is resolved, so a
 * face's confinement (serve mode's data roots) is checked here before anything is written.
 */
export function resolveExportDestination(out: string, ctx: HandlerContext): string {
  return ctx.paths.check(path.resolve(out), 'write');
}

/** The job parameters of a jobs.export call. */
function exportOptions(input: ParsedIn<'jobs.export'>, outDir: string): ExportOptions {
  const { dataset, format, columns, filters, sort, force, allowDirect } = input;
  return { dataset, format, outDir, force, columns, filters, sort, allowDirect };
}

export const exportHandlers: Pick<Handlers, 'jobs.export'> = {
  'jobs.export': async (input, ctx) => {
    const opts = exportOptions(input, resolveExportDestination(input.out, ctx));
    // Fail fast (unknown dataset or column, an output that needs force) instead of a job that fails at once.
    checkExport(ctx.ws, opts);
    const ds = ctx.ws.datasets.get(opts.dataset);
    return ctx.jobs.start('export', { ...opts, dataset: ds.name }, `Export ${ds.name} (${opts.format.toUpperCase()})`);
  },
};
