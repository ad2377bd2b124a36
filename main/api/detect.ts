// Handlers of personal-data detection and tags: run detection (a job), list a dataset's tags, confirm
// or change one, set its export action, and search tags across datasets.
import { listTags, searchTags, setTag, setTagAction } from '../core/protect/tagStore';
import type { Handlers } from './types';

export const detectHandlers: Pick<Handlers, 'jobs.detect' | 'tags.list' | 'tags.set' | 'tags.setAction' | 'tags.search'> = {
  'jobs.detect': async ({ dataset }, { ws, jobs }) => {
    const ds = ws.datasets.get(dataset);
    return jobs.start('detect', { dataset: ds.name }, `Detect personal data in ${ds.name}`);
  },
  'tags.list': async ({ dataset }, { ws }) => listTags(ws, dataset),
  'tags.set': async ({ dataset, column, kind, category, action }, ctx) => {
    const tag = setTag(ctx.ws, dataset, column, kind, category, action);
    ctx.datasetsChanged(ctx.ws.datasets.get(dataset).name);
    return tag;
  },
  'tags.setAction': async ({ dataset, column, action }, ctx) => {
    const tag = setTagAction(ctx.ws, dataset, column, action);
    ctx.datasetsChanged(ctx.ws.datasets.get(dataset).name);
    return tag;
  },
  'tags.search': async (q, { ws }) => searchTags(ws, q),
};
