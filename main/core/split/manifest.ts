// manifest.json of a split folder: what was split (sources with hashes, the recipe, dedupe and
// protection settings), how (strategy, seed, shares), what was written (per part: file, hash, rows,
// bytes, class balance) and the leakage report. Only `createdAt` varies between identical runs.
import type { PartDrift } from './partDrift';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LeakageReport, SplitPreview } from '../../../shared/api/split';
import type { Recipe } from '../../../shared/ops/schema';
import { TidysetError } from '../errors';

export const SPLIT_MANIFEST = 'manifest.json';
export const DATASHEET = 'DATASHEET.md';
export const SPLIT_MANIFEST_VERSION = 1;

export interface ListedFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface SplitManifest {
  app: 'tidyset';
  kind: 'split';
  manifestVersion: number;
  appVersion: string;
  /** The one time in the output: verify and reproducibility checks ignore it. */
  createdAt: string;
  dataset: { name: string; rows: number; columns: Array<{ name: string; type: string }> };
  sources: Array<{ path: string; sha256: string | null; size: number | null; format: string; encoding: string | null; delimiter: string | null; quote: string | null; header: boolean | null }>;
  /** The dataset's applied history (`tidyset apply` replays it on the source; verify --rebuild does). */
  recipe: Recipe;
  dedupe: { clusterColumn: string | null; clustersComputed: boolean; groups: number | null };
  /** Each tagged column's kind, category and action (CLI spelling: keep, drop, mask:4, hash, generalise:year, suppress). */
  protection: { columns: Array<{ column: string; kind: string | null; category: string | null; action: string }>; allowDirect: boolean };
  split: {
    strategy: SplitPreview['strategy'];
    seed: number;
    prng: string;
    unit: 'percent' | 'count';
    shares: Array<{ part: string; share: number | null }>;
    folds: number | null;
    stratify: string | null;
    group: string | null;
    time: string | null;
    gap: string | null;
    format: 'csv' | 'jsonl' | 'parquet';
    rowOrder: string;
  };
  excluded: SplitPreview['excluded'];
  rareClasses: SplitPreview['rareClasses'];
  notes: string[];
  parts: Array<ListedFile & { name: string; file: string; rows: number; groups: number | null; classBalance: SplitPreview['parts'][number]['classes']; timeRange: SplitPreview['parts'][number]['timeRange'] }>;
  /** Parquet: typed columns written as text, with how many values did not fit their type. */
  asText: Record<string, number>;
  leakage: LeakageReport;
  /** Drift of each part after the first against the first (train): per column the test, statistic, PSI and flag. */
  drift?: PartDrift[];
  /** Every file of the folder that verify checks (the parts and DATASHEET.md). */
  files: ListedFile[];
}

/** Reads a split manifest (BAD_INPUT / MALFORMED_FILE naming the file when it is not one). */
export function readSplitManifest(file: string): SplitManifest {
  if (!existsSync(file)) throw new TidysetError('NOT_FOUND', `${file} does not exist`);
  let m: Partial<SplitManifest>;
  try {
    m = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new TidysetError('MALFORMED_FILE', `${file} is not valid JSON (${(e as Error).message})`, { file });
  }
  if (m.app !== 'tidyset' || m.kind !== 'split' || !Array.isArray(m.files)) throw new TidysetError('MALFORMED_FILE', `${file} is not the manifest of a Tidyset split`, { file });
  for (const f of m.files) {
    if (typeof f?.path !== 'string' || path.basename(f.path) !== f.path || f.path.startsWith('.')) throw new TidysetError('MALFORMED_FILE', `${file}: file entry ${JSON.stringify(f?.path)} is not a file name in the folder`, { file });
  }
  return m as SplitManifest;
}
