// Re-imports a dataset's source file with other options and puts the result in its place, or leaves it as it was.
import type { ImportOptions, ImportResult } from '../ingest/importFile';
import { importFile } from '../ingest/importFile';
import type { JobContext } from '../jobs/context';
import type { Workspace } from '../workspace';
import { replaceDataset } from './deleteDataset';
import { recipeTags, restoreRecipeTags } from '../protect/tagStore';

/**
 * Imports `file` as a new dataset under a temporary name, then swaps it in for `dataset` (the old one,
 * its history included, goes in the same catalog transaction). A failed or cancelled import changes
 * nothing: the old dataset stays as it was. Column descriptions and units carry over by column name, and so do the personal-data tags the user
 * confirmed (with their export actions).
 */
export async function reimportDataset(ws: Workspace, dataset: string, file: string, opts: ImportOptions, ctx: JobContext): Promise<ImportResult> {
  const old = ws.datasets.get(dataset);
  const temp = ws.datasets.freeName(`${old.name}.reimport`);
  const r = await importFile(ws, file, { ...opts, name: temp }, ctx);
  const tags = recipeTags(ws, ws.datasets.get(old.id));
  let fresh = replaceDataset(ws, ws.datasets.get(old.id), r.dataset);
  const kept = tags.filter((t) => fresh.columns.some((x) => x.name === t.column));
  if (kept.length) restoreRecipeTags(ws, fresh.name, kept);
  for (const c of old.columns) {
    if ((c.description || c.unit) && fresh.columns.some((x) => x.name === c.name)) {
      fresh = ws.datasets.updateColumn(fresh.id, c.name, { description: c.description, unit: c.unit });
    }
  }
  const warnings = r.warnings.map((w) => w.split(JSON.stringify(temp)).join(JSON.stringify(old.name)));
  return { dataset: fresh, warnings };
}
