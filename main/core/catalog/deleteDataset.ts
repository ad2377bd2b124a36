// Deletes a dataset (its catalog entry, history and file) and replaces one dataset by a re-import of it.
import { rmSync } from 'node:fs';
import type { StoredDataset } from '../db/repos/datasets';
import { closeDataset } from '../rows/query';
import type { Workspace } from '../workspace';

/** What deleting a dataset takes away, for a confirmation. */
export interface DeleteImpact {
  name: string;
  rows: number;
  columns: number;
  /** Applied and undone history steps that go with it. */
  historySteps: number;
}

/** Counts what deleting `ds` removes. */
export function deleteImpact(ws: Workspace, ds: StoredDataset): DeleteImpact {
  const row = ws.catalog.prepare<[number], { n: number }>('SELECT count(*) AS n FROM history WHERE dataset_id = ?').get(ds.id);
  return { name: ds.name, rows: ds.rows, columns: ds.columns.length, historySteps: row?.n ?? 0 };
}

/** Removes the files of a dataset that is no longer in the catalog (missing files are fine). */
export function removeDatasetFiles(ws: Workspace, ds: StoredDataset): void {
  closeDataset(ws, ds);
  const file = ws.dataPath(ds.file);
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    try {
      rmSync(file + suffix, { force: true });
    } catch {
      // Still open elsewhere (Windows): the next workspace open removes it as an orphan.
    }
  }
}

/**
 * Deletes a dataset: the catalog row (its columns and history cascade) first, then its file, so a
 * crash between the two leaves an orphan file that the next open removes, never a dangling entry.
 */
export function deleteDataset(ws: Workspace, ds: StoredDataset): DeleteImpact {
  const impact = deleteImpact(ws, ds);
  closeDataset(ws, ds);
  ws.datasets.remove(ds.id);
  removeDatasetFiles(ws, ds);
  return impact;
}

/**
 * Puts the freshly imported dataset `fresh` in the place of `old`: in one catalog transaction the
 * old entry (with its history) goes and the new one takes its name; then the old file is removed.
 * Returns the new dataset under the old name.
 */
export function replaceDataset(ws: Workspace, old: StoredDataset, fresh: StoredDataset): StoredDataset {
  ws.datasets.swap(old.id, fresh.id);
  removeDatasetFiles(ws, old);
  return ws.datasets.get(fresh.id);
}
