// Runs a dedupe or link change to a dataset (resolve, add the linked key) as a history step the way
// every other change runs: the dataset marked busy, the list, grid and history reloaded after, and a
// toast that offers Undo.
import { refreshDatasets } from '../../app/useDatasets';
import { toast } from '../../components/toastStore';
import { dataChanged, getUi, patchUi } from '../clean/datasetUi';
import { reportError, undoStep } from '../clean/operations';

export interface StepReply {
  seq: number;
  description: string;
  detail: { changed: number };
}

export async function runHistoryStep(datasetId: number, label: string, fn: () => Promise<StepReply>): Promise<StepReply> {
  const busy = getUi(datasetId).busy;
  if (busy) throw new Error(`Wait until “${busy}” has finished`);
  patchUi(datasetId, { busy: label });
  try {
    const step = await fn();
    toast('info', step.description, undefined, { label: 'Undo', run: () => void undoStep(datasetId).catch(reportError) });
    return step;
  } finally {
    await refreshDatasets();
    dataChanged(datasetId);
    patchUi(datasetId, { busy: null });
  }
}
