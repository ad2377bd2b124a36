// Handlers for a dataset's rows: pages for the grid, cell edits, and the rejected lines of its import.
import { runClean } from './clean';
import { readRejects } from '../core/rows/datasetDb';
import { isCheapPage, pageRows } from '../core/rows/query';
import type { Handlers } from './types';

export const rowHandlers: Pick<Handlers, 'rows.page' | 'cells.update' | 'rejects.list'> = {
  /** Index seeks answer here at once; a page that scans or sorts the table goes to the reader thread. */
  'rows.page': async (q, { ws, reader }) => {
    const ds = ws.datasets.get(q.dataset);
    return isCheapPage(ws, ds, q) ? pageRows(ws, ds, q) : reader.run({ kind: 'rows.page', ds, input: q });
  },

  /** Goes through the operation engine as an editCell step, so a cell edit can be undone and replayed. */
  'cells.update': async ({ dataset, rid, column, value }, ctx) => {
    await runClean(ctx, { action: 'apply', dataset, op: { op: 'editCell', column, rid, value } }, 'Edit a cell');
    return { rid, column, value };
  },

  'rejects.list': async ({ dataset, offset, limit }, { ws }) => readRejects(ws, ws.datasets.get(dataset), offset, limit),
};
