// Handlers for a dataset's rows: pages for the grid, cell edits, and the rejected lines of its import.
import { runClean } from './clean';
import { readRejects } from '../core/rows/datasetDb';
import { pageRows } from '../core/rows/query';
import type { Handlers } from './types';

export const rowHandlers: Pick<Handlers, 'rows.page' | 'cells.update' | 'rejects.list'> = {
  'rows.page': async (q, { ws }) => pageRows(ws, ws.datasets.get(q.dataset), q),

  /** Goes through the operation engine as an editCell step, so a cell edit can be undone and replayed. */
  'cells.update': async ({ dataset, rid, column, value }, ctx) => {
    await runClean(ctx, { action: 'apply', dataset, op: { op: 'editCell', column, rid, value } }, 'Edit a cell');
    return { rid, column, value };
  },

  'rejects.list': async ({ dataset, offset, limit }, { ws }) => readRejects(ws, ws.datasets.get(dataset), offset, limit),
};
