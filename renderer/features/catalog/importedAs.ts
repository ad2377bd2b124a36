// Which scanned files were imported already: the latest dataset made from each path, and whether the file changed since.
import type { Dataset, Source } from '../../../shared/api/catalog';

export interface ImportedAs {
  /** The newest dataset imported from this path. */
  name: string;
  /** The file's content differs from what that dataset was imported from. */
  changed: boolean;
}

/** For each scanned source that some dataset came from: the latest such dataset and whether the file changed. */
export function importedAs(sources: readonly Source[], datasets: readonly Dataset[]): Map<string, ImportedAs> {
  const latest = new Map<string, Dataset>();
  for (const d of datasets) {
    const p = d.source.path;
    if (!p) continue;
    const prev = latest.get(p);
    if (!prev || d.createdAt > prev.createdAt || (d.createdAt === prev.createdAt && d.id > prev.id)) latest.set(p, d);
  }
  const out = new Map<string, ImportedAs>();
  for (const s of sources) {
    const d = latest.get(s.path);
    if (d) out.set(s.path, { name: d.name, changed: s.sha256 !== null && d.source.sha256 !== null && s.sha256 !== d.source.sha256 });
  }
  return out;
}

/** The files ticked by default: importable, not a duplicate, and not already imported unchanged. */
export function defaultSelection(sources: readonly Source[], datasets: readonly Dataset[]): Set<string> {
  const done = importedAs(sources, datasets);
  return new Set(sources.filter((s) => s.importable && s.duplicateOf === null && !(done.get(s.path) && !done.get(s.path)!.changed)).map((s) => s.path));
}
