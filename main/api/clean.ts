// Handlers for cleaning: operation preview and apply, history (undo, redo, jump), recipes, and facets.
import type { HistoryEntryInfo, Out } from '../../shared/api/contract';
import type { HistoryEntry } from '../core/db/repos/history';
import { applyOp, jumpTo, listHistory, previewOp, redo, undo, type OpOutcome } from '../core/clean/engine';
import { blankFacet, numericFacet, textFacet, typeFacet } from '../core/clean/facets';
import { applyRecipe, exportRecipe } from '../core/clean/recipes';
import type { Handlers } from './types';

/** A history entry as the API shows it: no physical column names or row counts of the engine. */
export function publicEntry(e: HistoryEntry): HistoryEntryInfo {
  return { seq: e.seq, description: e.description, state: e.state, op: e.op, detail: e.detail && { ...e.detail }, createdAt: e.createdAt };
}

/** An applied step as the API shows it. */
function publicStep(o: OpOutcome): HistoryStep {
  return { seq: o.seq, description: o.description, detail: { ...o.detail } };
}

type HistoryStep = Out<'ops.apply'>;

type CleanMethods =
  | 'ops.preview' | 'ops.apply' | 'history.list' | 'history.undo' | 'history.redo' | 'history.jumpTo'
  | 'recipes.export' | 'recipes.apply' | 'facets.text' | 'facets.numeric' | 'facets.blank' | 'facets.type';

export const cleanHandlers: Pick<Handlers, CleanMethods> = {
  'ops.preview': async ({ dataset, op, limit }, { ws }) => previewOp(ws, dataset, op, limit),

  'ops.apply': async ({ dataset, op }, ctx) => {
    const r = applyOp(ctx.ws, dataset, op);
    ctx.datasetsChanged(dataset);
    return publicStep(r);
  },

  'history.list': async ({ dataset }, { ws }) => listHistory(ws, dataset).map(publicEntry),

  'history.undo': async ({ dataset }, ctx) => {
    const e = undo(ctx.ws, dataset);
    if (e) ctx.datasetsChanged(dataset);
    return e && publicEntry(e);
  },

  'history.redo': async ({ dataset }, ctx) => {
    const e = redo(ctx.ws, dataset);
    if (e) ctx.datasetsChanged(dataset);
    return e && publicEntry(e);
  },

  'history.jumpTo': async ({ dataset, seq }, ctx) => {
    jumpTo(ctx.ws, dataset, seq);
    ctx.datasetsChanged(dataset);
    return listHistory(ctx.ws, dataset).map(publicEntry);
  },

  'recipes.export': async ({ dataset, rowKey }, { ws }) => exportRecipe(ws, dataset, rowKey),

  'recipes.apply': async ({ dataset, recipe, map }, ctx) => {
    const r = applyRecipe(ctx.ws, dataset, recipe, map);
    ctx.datasetsChanged(dataset);
    return r.map(publicStep);
  },

  'facets.text': async ({ dataset, column, filters, sort, limit }, { ws }) => textFacet(ws, ws.datasets.get(dataset), column, filters, sort, limit),
  'facets.numeric': async ({ dataset, column, filters, bins }, { ws }) => numericFacet(ws, ws.datasets.get(dataset), column, filters, bins),
  'facets.blank': async ({ dataset, column, filters }, { ws }) => blankFacet(ws, ws.datasets.get(dataset), column, filters),
  'facets.type': async ({ dataset, column, filters }, { ws }) => typeFacet(ws, ws.datasets.get(dataset), column, filters),
};
