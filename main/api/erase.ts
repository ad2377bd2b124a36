// Handlers for erasing a data subject: the search (in the reader thread: it scans every dataset), the
// erase job, and the audit and export logs.
import type { EraseSearchOut } from '../../shared/api/erase';
import { AuditLog, exportsOf } from '../core/protect/audit';
import { resumeErasures } from '../core/protect/erase/erase';
import { datasetsInScope } from '../core/protect/erase/search';
import { TidysetError } from '../core/errors';
import type { Handlers } from './types';

export const eraseHandlers: Pick<Handlers, 'erase.search' | 'jobs.erase' | 'audit.list'> = {
  'erase.search': async (input, ctx) => ctx.reader.run<EraseSearchOut>({ kind: 'erase.search', input }),
  'jobs.erase': async (input, ctx) => {
    // Fail fast on a dataset or column that does not exist, before a job starts.
    datasetsInScope(ctx.ws, { datasets: input.datasets, column: input.column });
    const info = await ctx.jobs.start('erase', input, 'Erase a data subject');
    void ctx.jobs.settled(info.id).finally(() => ctx.datasetsChanged(null));
    return info;
  },
  'audit.list': async (_input, ctx) => {
    // An erasure a killed process left is finished first; if a writer holds one of its datasets, the
    // list shows it unfinished and the next look (or erasure) finishes it.
    try {
      resumeErasures(ctx.ws);
    } catch (e) {
      if (!(e instanceof TidysetError && e.code === 'DATASET_BUSY')) throw e;
    }
    return { entries: new AuditLog(ctx.ws.catalog).list(), exports: exportsOf(ctx.ws.catalog, null) };
  },
};
