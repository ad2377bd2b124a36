// Every change the cleaning UI makes goes through here: apply an operation, undo, redo, jump, replay a
// recipe. Each marks the dataset busy, reloads the dataset list (columns, row count) and then tells the
// grid, facets and history to reload, and says what happened in a toast.
import type { JobInfo, Out } from '../../../shared/api/contract';
import type { OpInput } from '../../../shared/ops/schema';
import { api } from '../../api';
import { datasetsStore, refreshDatasets } from '../../app/useDatasets';
import { putJob, whenJobEnds } from '../../app/useJobs';
import { dismissActionToasts, toast } from '../../components/toastStore';
import { syncFacetColumns } from '../facets/facetStore';
import { dataChanged, getUi, patchUi } from './datasetUi';
import { doneText } from './opText';

/** A dataset by id: its name is looked up at call time, so a renamed dataset is still found. */
export type DatasetId = number;

function columnsOf(id: DatasetId): string[] {
  return datasetsStore.get().list.find((x) => x.id === id)?.columns.map((c) => c.name) ?? [];
}

function nameOf(id: DatasetId): string {
  const d = datasetsStore.get().list.find((x) => x.id === id);
  if (!d) throw new Error('This dataset no longer exists');
  return d.name;
}

/** One column renamed in place (by a rename, its undo or redo): facets on it follow the new name. */
function followColumns(id: DatasetId, before: string[]): void {
  const after = columnsOf(id);
  const moved = before.length === after.length ? before.flatMap((b, i) => (b === after[i] ? [] : [i])) : [];
  const renamed = moved.length === 1 && !after.includes(before[moved[0]!]!) ? { from: before[moved[0]!]!, to: after[moved[0]!]! } : undefined;
  syncFacetColumns(id, after, renamed);
}

/** Runs one change with the dataset marked busy; refuses to start a second one meanwhile. */
export async function change<T>(id: DatasetId, label: string, fn: (name: string) => Promise<T>, opts: { grid?: boolean } = {}): Promise<T> {
  const busy = getUi(id).busy;
  if (busy) throw new Error(`Wait until “${busy}” has finished`);
  const name = nameOf(id);
  const before = columnsOf(id);
  patchUi(id, { busy: label });
  try {
    return await fn(name);
  } finally {
    // Reload the list first: the grid and the facets must know the new columns before they ask for rows.
    await refreshDatasets();
    followColumns(id, before);
    dataChanged(id, opts);
    patchUi(id, { busy: null });
  }
}

export type Step = Out<'ops.apply'>;

/** Applies an operation as a history step; the toast offers Undo. */
export async function applyOperation(id: DatasetId, op: OpInput, label = 'Applying…'): Promise<Step> {
  const step = await change(id, label, (dataset) => api['ops.apply']({ dataset, op }));
  toast('info', doneText(op, step), undefined, { label: 'Undo', run: () => void undoStep(id).catch(reportError) });
  return step;
}

export async function undoStep(id: DatasetId): Promise<void> {
  const e = await change(id, 'Undoing…', (dataset) => api['history.undo']({ dataset }));
  if (!e) toast('info', 'Nothing to undo');
  else toast('info', `Undone: ${e.description}`, undefined, { label: 'Redo', run: () => void redoStep(id).catch(reportError) });
}

export async function redoStep(id: DatasetId): Promise<void> {
  const e = await change(id, 'Redoing…', (dataset) => api['history.redo']({ dataset }));
  if (!e) toast('info', 'Nothing to redo');
  else toast('info', `Redone: ${e.description}`, undefined, { label: 'Undo', run: () => void undoStep(id).catch(reportError) });
}

/** Undoes or redoes until step `seq` is the last one applied (0: the data as imported). */
export async function jumpToStep(id: DatasetId, seq: number): Promise<void> {
  // An Undo offered earlier would now act on another step.
  dismissActionToasts();
  await change(id, seq === 0 ? 'Undoing every step…' : `Going to step ${seq}…`, (dataset) => api['history.jumpTo']({ dataset, seq }));
}

/**
 * Replays a recipe as a background job, all or nothing; `map` renames the recipe's columns (recipe name →
 * this dataset's). `onJob` gets the job as soon as it runs (its progress and Cancel); a cancelled or
 * failed replay rejects, and the dataset is as it was.
 */
export async function applyRecipe(id: DatasetId, recipe: unknown, map: Record<string, string>, onJob: (job: JobInfo) => void = () => undefined): Promise<number> {
  let before = 0;
  // An Undo or Redo offered earlier would act on steps the recipe moves past (or drops).
  dismissActionToasts();
  const end = await change(id, 'Applying recipe…', async (dataset) => {
    before = (await api['history.list']({ dataset })).filter((e) => e.state === 'done').at(-1)?.seq ?? 0;
    const job = await api['jobs.applyRecipe']({ dataset, recipe, map });
    putJob(job);
    onJob(job);
    return whenJobEnds(job);
  });
  if (end.state !== 'done') throw new Error(end.state === 'cancelled' ? 'Cancelled' : (end.error?.message ?? 'the recipe failed'));
  const n = Array.isArray(end.outcome?.steps) ? end.outcome.steps.length : 0;
  toast('info', `Applied the recipe: ${n} step${n === 1 ? '' : 's'}`, undefined, n ? { label: 'Undo all', run: () => void jumpToStep(id, before).catch(reportError) } : undefined);
  return n;
}

/** Shows a failed change in a toast (for actions started from toasts and hotkeys). */
export function reportError(e: unknown): void {
  toast('error', e instanceof Error ? e.message : String(e));
}
