// The profile of a dataset: one read of the dataset file per batch of columns (scanColumns), every
// column's accumulator fed as the chunks pass, cached in the catalog for the history state it was
// computed at (a history step, an undo or a redo makes it stale).
import { createHash } from 'node:crypto';
import type { ColumnProfile, Profile } from '../../../shared/api/profile';
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import { ProfileCacheRepo } from '../db/repos/rules';
import { TagsRepo } from '../db/repos/tags';
import { TidysetError } from '../errors';
import { quietContext, type JobContext } from '../jobs/context';
import { openDataset } from '../rows/datasetDb';
import type { Workspace } from '../workspace';
import { ColumnAccumulator, kindOf } from './columnAccumulator';
import { ALL_ROWS, COLUMNS_PER_PASS, scanColumns } from './scanColumns';

export interface ProfileOptions {
  /** Display names of the columns to profile (default all), in dataset order. */
  columns?: string[];
  /** A page of the columns (after `columns`): for datasets with thousands of columns. */
  offset?: number;
  limit?: number;
  /** Ignore the cache. */
  fresh?: boolean;
}

/** A fingerprint of the dataset's state: its applied history (steps, undo, redo), rows and columns. */
export function datasetVersion(ws: Workspace, ds: StoredDataset): string {
  const h = ws.catalog.prepare("SELECT count(*) AS n, ifnull(group_concat(seq || ':' || state, ','), '') AS s FROM history WHERE dataset_id = ?").get(ds.id) as { n: number; s: string };
  const cols = ds.columns.map((c) => `${c.physical}=${c.name}:${c.type}`).join(',');
  return createHash('sha256').update(`${ds.file}|${ds.rows}|${cols}|${h.s}`).digest('hex').slice(0, 24);
}

/** The columns asked for, by display name; NOT_FOUND naming an unknown one. */
export function pickColumns(ds: StoredDataset, names?: string[]): StoredColumn[] {
  if (!names?.length) return ds.columns;
  return names.map((n) => {
    const c = ds.columns.find((x) => x.name === n);
    if (!c) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no column ${JSON.stringify(n)}`);
    return c;
  });
}

/**
 * Profiles a dataset (or some of its columns). The whole-dataset profile is cached per history state;
 * a cached one is returned as it is (its page cut out) unless `fresh`.
 */
export function profileDataset(ws: Workspace, dataset: string, opts: ProfileOptions = {}, ctx: JobContext = quietContext): Profile {
  const t0 = performance.now();
  const ds = ws.datasets.get(dataset);
  const version = datasetVersion(ws, ds);
  const cache = new ProfileCacheRepo(ws.catalog);
  const wanted = pickColumns(ds, opts.columns);
  const page = (p: Profile): Profile => {
    const names = new Set(wanted.map((c) => c.name));
    const cols = p.columns.filter((c) => names.has(c.column));
    const off = opts.offset ?? 0;
    return { ...p, totalColumns: cols.length, columns: cols.slice(off, opts.limit === undefined ? undefined : off + opts.limit) };
  };
  if (!opts.fresh) {
    const hit = cache.get(ds.id, version) as Profile | undefined;
    if (hit) return page(hit);
  }
  const off = opts.offset ?? 0;
  const chosen = wanted.slice(off, opts.limit === undefined ? undefined : off + opts.limit);
  const tags = new Map(safeTags(ws, ds.id).map((t) => [t.physical, t]));
  const columns: ColumnProfile[] = [];
  const db = openDataset(ws, ds);
  try {
    const passes = Math.max(1, Math.ceil(chosen.length / COLUMNS_PER_PASS));
    for (let p = 0; p < chosen.length; p += COLUMNS_PER_PASS) {
      const batch = chosen.slice(p, p + COLUMNS_PER_PASS);
      const accs = batch.map((c) => new ColumnAccumulator(kindOf(c.type), c.detail?.decimalSeparator === ',', ds.rows));
      const pass = p / COLUMNS_PER_PASS;
      scanColumns(db, batch.map((c) => c.physical), ALL_ROWS, (values) => {
        for (let i = 0; i < accs.length; i++) accs[i]!.add(values[i]!);
      }, ctx, (done, total) => ctx.progress(pass * total + done, passes * total, `profiling ${batch.length === 1 ? batch[0]!.name : `${batch.length} columns`}`));
      batch.forEach((c, i) => {
        const tag = tags.get(c.physical);
        columns.push({ column: c.name, type: c.type, ...accs[i]!.finish(), tag: tag ? { kind: tag.kind, category: tag.category, status: tag.status } : null });
      });
    }
  } finally {
    db.close();
  }
  const profile: Profile = {
    dataset: ds.name, rows: ds.rows, version, computedAt: new Date().toISOString(), ms: Math.round(performance.now() - t0),
    totalColumns: wanted.length, columns,
  };
  // Only a profile of every column is cached (a page or a subset is the CLI's quick look).
  if (chosen.length === ds.columns.length) cache.put(ds.id, version, profile);
  return profile;
}

/** The cached whole-dataset profile if it is current, else null (the UI then starts the job). */
export function cachedProfile(ws: Workspace, dataset: string): Profile | null {
  const ds = ws.datasets.get(dataset);
  return (new ProfileCacheRepo(ws.catalog).get(ds.id, datasetVersion(ws, ds)) as Profile | undefined) ?? null;
}

function safeTags(ws: Workspace, datasetId: number) {
  try {
    return new TagsRepo(ws.catalog).list(datasetId);
  } catch {
    // A tag this build cannot read (written by a newer one) must not stop the profile.
    return [];
  }
}
