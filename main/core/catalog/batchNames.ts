// Dataset names for a batch of imports: unique within the batch as well as against the catalog.
import path from 'node:path';
import { TidysetError } from '../errors';

/** One file of a batch and the name the user asked for, if any. */
export interface BatchFile {
  path: string;
  name?: string;
}

/** The name a file gets by default: its base name without the extension. */
export function defaultDatasetName(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, '') || 'dataset';
}

/**
 * Picks a name for every file, in order. Names asked for are checked first (taken in the catalog,
 * by a running import or twice in the batch: ALREADY_EXISTS naming the file); the others get their
 * file's base name, or `base-2`, `base-3`, … when that is taken by the catalog, a running import or
 * an earlier file of the batch (records.csv + records.jsonl → records, records-2).
 */
export function planBatchNames(files: readonly BatchFile[], taken: (name: string) => boolean): string[] {
  const used = new Map<string, string>();
  for (const f of files) {
    if (f.name === undefined) continue;
    const name = f.name.trim();
    if (!name) throw new TidysetError('BAD_INPUT', `${f.path}: a dataset name cannot be blank`, { file: f.path });
    if (taken(name)) throw new TidysetError('ALREADY_EXISTS', `${f.path}: a dataset named ${JSON.stringify(name)} already exists; choose another name`, { file: f.path });
    const other = used.get(name);
    if (other !== undefined) {
      throw new TidysetError('ALREADY_EXISTS', `${f.path}: the name ${JSON.stringify(name)} is also asked for ${other} in this batch; choose another name`, { file: f.path });
    }
    used.set(name, f.path);
  }
  return files.map((f) => {
    if (f.name !== undefined) return f.name.trim();
    const base = defaultDatasetName(f.path);
    let name = base;
    for (let i = 2; taken(name) || used.has(name); i++) name = `${base}-${i}`;
    used.set(name, f.path);
    return name;
  });
}
