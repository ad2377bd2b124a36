// Handlers for cleaning: operation preview and apply, history (undo, redo, jump), recipes, and facets.
import type { HistoryEntryInfo, JobInfo, Out } from '../../shared/api/contract';
import type { HistoryEntry } from '../core/db/repos/history';
import { runCleanAction, type CleanAction, type CleanResult } from '../core/clean/actions';
import { listHistory, type OpOutcome } from '../core/clean/engine';
import { exportRecipe } from '../core/clean/recipes';
import { writerFree } from '../core/clean/writer';
import { describeOp } from '../core/clean/describe';
import type { HandlerContext, Handlers } from './types';

/** A history entry as the API shows it: no physical column names or row counts of the engine. */
export function publicEntry(e: HistoryEntry): HistoryEntryInfo {
  return { seq: e.seq, description: e.description, state: e.state, op: e.op, detail: e.detail && { ...e.detail }, createdAt: e.createdAt };
}

/** An applied step as the API shows it. */
function publicStep(o: OpOutcome): HistoryStep {
  return { seq: o.seq, description: o.description, detail: { ...o.detail } };
}

type HistoryStep = Out<'ops.apply'>;

/** Datasets at or above this many rows run history actions in a worker thread (seconds of work). */
const IN_PROCESS_ROWS = Number(process.env.TIDYSET_OPS_IN_PROCESS_ROWS ?? 200_000);
const queues = new Map<number, Promise<unknown>>();

/**
 * Runs a history action: one at a time per dataset (two steps racing would each finish from the
 * column list before the other), in this thread for small datasets, in a worker for large ones so
 * that the grid keeps paging meanwhile. Exported for cell edits, which take the same path.
 */
export function runClean(ctx: HandlerContext, a: CleanAction, title: string): Promise<CleanResult> {
  const id = ctx.ws.datasets.get(a.dataset).id;
  const work = async () => {
    const ds = ctx.ws.datasets.get(a.dataset);
    // A dataset another process is changing would make this thread wait for its lease: a worker waits instead.
    const inProcess = ds.rows < IN_PROCESS_ROWS && writerFree(ctx.ws, ds);
    const r = inProcess ? runCleanAction(ctx.ws, a) : await ctx.jobs.run('clean', a, `${title} — ${ds.name}`);
    ctx.datasetsChanged(a.dataset);
    return r;
  };
  const next = (queues.get(id) ?? Promise.resolve()).then(work, work);
  queues.set(id, next.catch(() => undefined));
  return next;
}

/**
 * Starts a history action as a job in its dataset's queue (after the action before it) and answers with
 * the job's info once it runs; the dataset is reported changed when the job ends, however it ends.
 */
function startClean(ctx: HandlerContext, a: CleanAction, title: string): Promise<JobInfo> {
  const ds = ctx.ws.datasets.get(a.dataset);
  const started = (queues.get(ds.id) ?? Promise.resolve()).then(() => ctx.jobs.start('clean', a, `${title} — ${ds.name}`));
  const ended = started.then((info) => ctx.jobs.settled(info.id)).finally(() => ctx.datasetsChanged(a.dataset));
  queues.set(ds.id, ended.catch(() => undefined));
  return started;
}

type CleanMethods =
  | 'jobs.applyRecipe' | 'ops.preview' | 'ops.apply' | 'history.list' | 'history.undo' | 'history.redo' | 'history.jumpTo'
  | 'recipes.export' | 'recipes.apply' | 'facets.text' | 'facets.numeric' | 'facets.blank' | 'facets.type';

export const cleanHandlers: Pick<Handlers, CleanMethods> = {
  // Previews and facets read the whole column: the reader thread runs them, off the request thread.
  'ops.preview': async ({ dataset, op, limit }, { reader }) => reader.run({ kind: 'ops.preview', dataset, input: { op, limit } }),

  'ops.apply': async ({ dataset, op }, ctx) => {
    const r = await runClean(ctx, { action: 'apply', dataset, op }, describeOp(op));
    return publicStep(r.steps[0]!);
  },

  'history.list': async ({ dataset }, { ws }) => listHistory(ws, dataset).map(publicEntry),

  'history.undo': async ({ dataset }, ctx) => {
    const { entry } = await runClean(ctx, { action: 'undo', dataset }, 'Undo');
    return entry && publicEntry(entry);
  },

  'history.redo': async ({ dataset }, ctx) => {
    const { entry } = await runClean(ctx, { action: 'redo', dataset }, 'Redo');
    return entry && publicEntry(entry);
  },

  'history.jumpTo': async ({ dataset, seq }, ctx) => {
    await runClean(ctx, { action: 'jumpTo', dataset, seq }, `Go to step ${seq}`);
    return listHistory(ctx.ws, dataset).map(publicEntry);
  },

  'recipes.export': async ({ dataset, rowKey }, { ws }) => exportRecipe(ws, dataset, rowKey),

  'recipes.apply': async ({ dataset, recipe, map }, ctx) => {
    const r = await runClean(ctx, { action: 'recipe', dataset, recipe, map }, 'Apply recipe');
    return r.steps.map(publicStep);
  },

  'jobs.applyRecipe': async ({ dataset, recipe, map }, ctx) => startClean(ctx, { action: 'recipe', dataset, recipe, map }, 'Apply recipe'),

  'facets.text': async (input, { ws, reader }) => reader.run({ kind: 'facets.text', ds: ws.datasets.get(input.dataset), input }),
  'facets.numeric': async (input, { ws, reader }) => reader.run({ kind: 'facets.numeric', ds: ws.datasets.get(input.dataset), input }),
  'facets.blank': async (input, { ws, reader }) => reader.run({ kind: 'facets.blank', ds: ws.datasets.get(input.dataset), input }),
  'facets.type': async (input, { ws, reader }) => reader.run({ kind: 'facets.type', ds: ws.datasets.get(input.dataset), input }),
};
