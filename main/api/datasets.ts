// Handlers for the catalog's datasets and columns: list, get, update, search, delete.
import type { Dataset } from '../../shared/api/catalog';
import type { StoredDataset } from '../core/db/repos/datasets';
import { deleteDataset } from '../core/catalog/deleteDataset';
import type { Handlers } from './types';

/** A stored dataset as the API shows it: no file name, no physical column names. */
export function publicDataset(ds: StoredDataset): Dataset {
  const { file: _file, columns, ...rest } = ds;
  return { ...rest, columns: columns.map(({ physical: _physical, ...c }) => c) };
}

export const datasetHandlers: Pick<Handlers, 'datasets.list' | 'datasets.get' | 'datasets.update' | 'datasets.delete' | 'datasets.search' | 'columns.update'> = {
  'datasets.list': async (_in, { ws }) => ws.datasets.list().map(publicDataset),

  'datasets.get': async ({ dataset }, { ws }) => publicDataset(ws.datasets.get(dataset)),

  'datasets.update': async ({ dataset, name, description }, ctx) => {
    const ds = ctx.ws.datasets.get(dataset);
    const updated = ctx.ws.datasets.update(ds.id, { name, description });
    if (updated.name !== ds.name) ctx.datasetsChanged(null);
    ctx.datasetsChanged(updated.name);
    return publicDataset(updated);
  },

  'datasets.delete': async ({ dataset }, ctx) => {
    const ds = ctx.ws.datasets.get(dataset);
    // The reader thread holds its own connection to the file: close it before the file goes.
    await ctx.reader.closeDataset(ds.file);
    deleteDataset(ctx.ws, ds);
    ctx.datasetsChanged(null);
    return { ok: true as const };
  },

  'datasets.search': async ({ query }, { ws }) => ws.datasets.search(query),

  'columns.update': async ({ dataset, column, description, unit }, ctx) => {
    const ds = ctx.ws.datasets.get(dataset);
    const updated = ctx.ws.datasets.updateColumn(ds.id, column, { description, unit });
    ctx.datasetsChanged(updated.name);
    return publicDataset(updated);
  },
};
