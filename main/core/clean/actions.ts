// History actions as one serialisable request, so that the API can run a long one in a worker
// thread (a whole-column step on a million rows takes seconds) and a short one in process.
import type { HistoryEntry } from '../db/repos/history';
import { quietContext, type JobContext } from '../jobs/context';
import type { Workspace } from '../workspace';
import { applyOp, jumpTo, redo, undo, type OpOutcome } from './engine';
import { applyRecipe } from './recipes';

export type CleanAction =
  | { action: 'apply'; dataset: string; op: unknown }
  | { action: 'undo'; dataset: string }
  | { action: 'redo'; dataset: string }
  | { action: 'jumpTo'; dataset: string; seq: number }
  | { action: 'recipe'; dataset: string; recipe: unknown; map: Record<string, string> };

/** What an action did: the steps it applied, or the entry it undid or redid. */
export interface CleanResult {
  steps: OpOutcome[];
  entry: HistoryEntry | null;
}

/** Runs one history action against the workspace; a recipe reports its steps to `ctx` and stops when it cancels. */
export function runCleanAction(ws: Workspace, a: CleanAction, ctx: JobContext = quietContext): CleanResult {
  switch (a.action) {
    case 'apply':
      return { steps: [applyOp(ws, a.dataset, a.op)], entry: null };
    case 'undo':
      return { steps: [], entry: undo(ws, a.dataset) };
    case 'redo':
      return { steps: [], entry: redo(ws, a.dataset) };
    case 'jumpTo':
      jumpTo(ws, a.dataset, a.seq);
      return { steps: [], entry: null };
    case 'recipe':
      return { steps: applyRecipe(ws, a.dataset, a.recipe, a.map, ctx), entry: null };
  }
}
