// Handlers of the "Export splits" dialog: preview and leakage (in the reader thread), the split job,
// and reading a written split's manifest and datasheet back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DATASHEET, SPLIT_MANIFEST, readSplitManifest } from '../core/split/manifest';
import { checkOutDir } from '../core/split/splitDataset';
import { verifySplit } from '../core/split/verify';
import { resolveExportDestination } from './export';
import type { Handlers } from './types';

export const splitHandlers: Pick<Handlers, 'split.preview' | 'split.leakage' | 'jobs.split' | 'split.read'> = {
  'split.preview': async (input, ctx) => ctx.reader.run({ kind: 'split.preview', dataset: input.dataset, input }),
  'split.leakage': async (input, ctx) => ctx.reader.run({ kind: 'split.leakage', dataset: input.dataset, input }),
  'jobs.split': async (input, ctx) => {
    const out = resolveExportDestination(input.out, ctx);
    const ds = ctx.ws.datasets.get(input.dataset);
    checkOutDir(out, input.force); // answer at once instead of a job that fails at once
    return ctx.jobs.start('split', { ...input, dataset: ds.name, out }, `Split ${ds.name} (${input.format.toUpperCase()})`);
  },
  'split.read': async (input, ctx) => {
    const dir = ctx.paths.check(path.resolve(input.dir), 'read');
    const file = path.join(dir, SPLIT_MANIFEST);
    const manifest = readSplitManifest(file) as unknown as Record<string, unknown>;
    const datasheet = readFileSync(path.join(dir, DATASHEET), 'utf8');
    return { manifest, datasheet, verify: await verifySplit(file, false) };
  },
};

