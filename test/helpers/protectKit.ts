// Test helpers for export protection: import a CSV text as a dataset and tag its columns the way the
// detection code stores tags (TagsRepo, by physical name).
import type { StoredDataset } from '../../main/core/db/repos/datasets';
import { TagsRepo } from '../../main/core/db/repos/tags';
import { importFile } from '../../main/core/ingest/importFile';
import { quietContext } from '../../main/core/jobs/context';
import type { Workspace } from '../../main/core/workspace';
import type { PdAction, PdCategory, PdKind } from '../../shared/api/personal';
import type { ImportKit } from './importKit';

/** Imports `csv` (with a header row) as dataset `name`. */
export async function importCsv(kit: ImportKit, ws: Workspace, name: string, csv: string): Promise<StoredDataset> {
  return (await importFile(ws, kit.write(`${name}.csv`, csv), { name, header: true }, quietContext)).dataset;
}

/** Tags a column (confirmed), with an export action or none. */
export function tagColumn(ws: Workspace, dataset: string, column: string, kind: PdKind, category: PdCategory, action: PdAction | null = null): void {
  const ds = ws.datasets.get(dataset);
  const c = ds.columns.find((x) => x.name === column);
  if (!c) throw new Error(`no column ${column} in ${dataset}`);
  new TagsRepo(ws.catalog).upsert(ds.id, { physical: c.physical, kind, category, confidence: 1, evidence: null, status: 'confirmed', action });
  if (action) new TagsRepo(ws.catalog).setAction(ds.id, c.physical, action);
}
