// manifest.json of an export folder: one entry per exported file, for every dataset exported there,
// with rows, hashes, the selection, the sources and the replayable recipe.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Filter, Sort } from '../../../shared/api/filters';
import type { Recipe } from '../../../shared/ops/schema';
import type { PdAction, PdCategory, PdKind } from '../../../shared/api/personal';
import { TidysetError } from '../errors';
import type { ColumnProtection } from '../protect/actions';
import { APP_VERSION } from '../version';

export const MANIFEST = 'manifest.json';
export const MANIFEST_VERSION = 2;

export interface ExportedFile {
  /** File name inside the export folder. */
  path: string;
  format: 'csv' | 'jsonl';
  rows: number;
  bytes: number;
  sha256: string;
  /** JSON Lines only: per typed column, the values that did not fit its type and were written as strings. */
  misfits?: Record<string, number>;
}

export interface ManifestEntry {
  dataset: { name: string; rows: number; columns: Array<{ name: string; type: string }> };
  createdAt: string;
  /** Which rows and columns were written: the grid's filters and sort, or all rows in storage order. */
  selection: { rows: number; columns: string[]; filters: Filter[]; sort: Sort[] };
  files: ExportedFile[];
  sources: Array<{ path: string; sha256: string | null; size: number | null }>;
  /** The dataset's applied history as a recipe (`tidyset apply` replays it on the source). */
  recipe: Recipe;
  /**
   * The personal-data action of every chosen column (kind and category from its tag, null when
   * untagged); `allowDirect` when direct identifiers were written as they are on the user's say-so;
   * `pseudonymKey` the fingerprint of the secret that made the pseudonyms (null when none were made).
   */
  protection?: { columns: ColumnProtection[]; allowDirect: boolean; pseudonymKey: string | null };
  /** The personal-data tags of the exported columns (kind, category, whether the user confirmed it, export action). */
  personalData?: ManifestTag[];
}

export interface ManifestTag {
  column: string;
  kind: PdKind;
  category: PdCategory;
  status: 'suggested' | 'confirmed';
  action: PdAction | null;
}

export interface Manifest {
  app: 'tidyset';
  appVersion: string;
  manifestVersion: number;
  updatedAt: string;
  exports: ManifestEntry[];
}

/** Reads the folder's manifest (a version-1 manifest of one dataset becomes one entry); null if there is none. */
export function readManifest(dir: string): Manifest | null {
  const file = path.join(dir, MANIFEST);
  if (!existsSync(file)) return null;
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new TidysetError('MALFORMED_FILE', `${file} is not valid JSON (${(e as Error).message}); move it away or export into another folder`);
  }
  if (Array.isArray(m.exports)) return m as unknown as Manifest;
  if (m.dataset && Array.isArray(m.files)) {
    const old = m as unknown as Omit<ManifestEntry, 'selection' | 'recipe'> & { recipe?: Recipe };
    const entry = { ...old, selection: { rows: old.dataset.rows, columns: old.dataset.columns.map((c) => c.name), filters: [], sort: [] } } as ManifestEntry;
    return { app: 'tidyset', appVersion: String(m.appVersion ?? ''), manifestVersion: MANIFEST_VERSION, updatedAt: String(m.createdAt ?? ''), exports: [entry] };
  }
  throw new TidysetError('MALFORMED_FILE', `${file} is not a Tidyset export manifest; move it away or export into another folder`);
}

/** The entry that lists `file`, if any. */
export function entryOf(m: Manifest | null, file: string): ManifestEntry | undefined {
  return m?.exports.find((e) => e.files.some((f) => f.path === file));
}

/**
 * The manifest with `entry` added: entries of the same dataset that listed the same files are
 * replaced, every other entry is kept. Returns the files that no kept entry lists any more.
 */
export function mergeManifest(m: Manifest | null, entry: ManifestEntry): { manifest: Manifest; dropped: string[] } {
  const names = new Set(entry.files.map((f) => f.path));
  const kept: ManifestEntry[] = [];
  const dropped: string[] = [];
  for (const e of m?.exports ?? []) {
    if (e.files.some((f) => names.has(f.path))) {
      if (e.dataset.name !== entry.dataset.name) throw new TidysetError('INTERNAL', `refusing to drop the entry of dataset ${e.dataset.name}`);
      dropped.push(...e.files.map((f) => f.path).filter((p) => !names.has(p)));
    } else kept.push(e);
  }
  kept.push(entry);
  return { manifest: { app: 'tidyset', appVersion: APP_VERSION, manifestVersion: MANIFEST_VERSION, updatedAt: entry.createdAt, exports: kept }, dropped };
}
