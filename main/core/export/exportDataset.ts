// Exports a dataset (all rows, or the grid's filter and sort, and a choice of columns) to CSV
// (RFC 4180) or typed JSON Lines, as a unit with a manifest of hashes and the replayable recipe.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Filter, Sort } from '../../../shared/api/filters';
import { exportRecipe } from '../clean/recipes';
import type { Db } from '../db/open';
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import type { JobContext } from '../jobs/context';
import { openDataset } from '../rows/datasetDb';
import { registerFunctions, sortKey, whereClause } from '../rows/query';
import type { Workspace } from '../workspace';
import { refuseDirect, type CompiledProtection, type OutColumn } from '../protect/actions';
import { protectionFor } from '../protect/policy';
import { secretStatus } from '../protect/secret';
import { ExportUnit, killPoint } from './exportUnit';
import { planParquet } from '../split/parquetPlan';
import { openSink, writeTextFile, type OutColumn as SinkColumn, type OutFormat } from '../split/writers';
import { entryOf, MANIFEST, mergeManifest, readManifest, type ExportedFile, type Manifest, type ManifestEntry } from './manifest';

export type { ExportedFile, ManifestEntry } from './manifest';
export { csvField } from '../split/writers';

export interface ExportOptions {
  dataset: string;
  format: OutFormat;
  /** Output folder; created if missing. */
  outDir: string;
  /** Replace this dataset's earlier output of the same name. */
  force?: boolean;
  /** Columns to write, in this order (default: all, in display order). */
  columns?: string[];
  /** Only the rows these filters match (the grid's filters). */
  filters?: Filter[];
  /** Row order (the grid's sort); default storage order. */
  sort?: Sort[];
  /** Write columns tagged as direct identifiers whose action is keep (`--allow-direct`); refused otherwise. */
  allowDirect?: boolean;
}

export interface ExportResult {
  /** The written files, with absolute paths. */
  files: ExportedFile[];
  /** Absolute path of manifest.json. */
  manifest: string;
  /** This export's entry in the manifest. */
  entry: ManifestEntry;
}

/** The columns to write: all, or the named ones in the given order (NOT_FOUND / BAD_INPUT otherwise). */
function pickColumns(ds: StoredDataset, names: string[] | undefined): StoredColumn[] {
  if (names === undefined) return ds.columns;
  if (names.length === 0) throw new TidysetError('BAD_INPUT', 'choose at least one column to export');
  const seen = new Set<string>();
  return names.map((n) => {
    const c = ds.columns.find((x) => x.name === n);
    if (!c) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no column ${JSON.stringify(n)}`);
    if (seen.has(n)) throw new TidysetError('BAD_INPUT', `column ${JSON.stringify(n)} is listed twice`);
    seen.add(n);
    return c;
  });
}

/** The columns an export writes once its actions are applied (BAD_INPUT when every one is dropped). */
function outputColumns(p: CompiledProtection): OutColumn[] {
  if (p.outColumns.length === 0) throw new TidysetError('BAD_INPUT', 'every chosen column is dropped by its personal-data action; nothing would be written');
  return p.outColumns;
}

/** Rows fetched per step when the export is in storage order. */
const BATCH = 4096;

/**
 * The rows to write, in order. In storage order they come in batches of row ids (one crossing into
 * SQLite per batch instead of one per row); a sort needs one ordered statement, read row by row.
 */
export function* rowSource(db: Db, select: string, where: { sql: string; params: unknown[] }, order: string, sorted: boolean): Generator<Array<string | null>> {
  if (sorted) {
    yield* db.prepare(`SELECT ${select} FROM rows WHERE ${where.sql} ORDER BY ${order}`).raw(true).iterate(...where.params) as IterableIterator<Array<string | null>>;
    return;
  }
  const page = db.prepare(`SELECT _rid, ${select} FROM rows WHERE ${where.sql} AND _rid > ? ORDER BY _rid LIMIT ${BATCH}`).raw(true);
  let last = 0;
  for (;;) {
    const rows = page.all(...where.params, last) as Array<Array<string | number | null>>;
    for (const r of rows) yield r.slice(1) as Array<string | null>;
    if (rows.length < BATCH) return;
    last = rows[rows.length - 1]![0] as number;
  }
}

/** The file name of a dataset's export: its name with anything but letters, digits, '.', '_' and '-' replaced. */
export function exportFileName(dataset: string, format: OutFormat): string {
  return `${dataset.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '_') || 'dataset'}.${format}`;
}

/** Why writing `target` for `dataset` is refused (ALREADY_EXISTS), or null. */
function conflictOf(m: Manifest | null, dataset: string, target: string, force: boolean): TidysetError | null {
  const owner = entryOf(m, path.basename(target));
  if (owner && owner.dataset.name !== dataset) {
    return new TidysetError('ALREADY_EXISTS', `${target} is the export of dataset ${JSON.stringify(owner.dataset.name)} (listed in ${MANIFEST}); export into another folder`, { file: target });
  }
  if ((owner || existsSync(target)) && !force) {
    return new TidysetError('ALREADY_EXISTS', `${target} already exists; use --force to overwrite it`, { file: target });
  }
  return null;
}

/**
 * Checks an export before it starts (the API answers at once instead of starting a job that fails):
 * the dataset, columns and filter columns exist, and the output would not be refused. The export
 * itself checks again under the folder lock.
 */
export function checkExport(ws: Workspace, opts: ExportOptions): void {
  const ds = ws.datasets.get(opts.dataset);
  const protection = protectionFor(ws, ds, pickColumns(ds, opts.columns), { createSecret: false });
  refuseDirect(protection.directKept, opts.allowDirect ?? false, ds.name);
  outputColumns(protection);
  whereClause(ds, opts.filters ?? []);
  for (const s of opts.sort ?? []) pickColumns(ds, [s.column]);
  const outDir = path.resolve(opts.outDir);
  const conflict = conflictOf(readManifest(outDir), ds.name, path.join(outDir, exportFileName(ds.name, opts.format)), opts.force ?? false);
  if (conflict) throw conflict;
}

/**
 * Exports the dataset into `outDir`. Refuses (ALREADY_EXISTS) to replace an existing file unless
 * `force`, and always refuses to replace a file that another dataset's manifest entry lists.
 */
export async function exportDataset(ws: Workspace, opts: ExportOptions, ctx: JobContext): Promise<ExportResult> {
  const ds = ws.datasets.get(opts.dataset);
  const cols = pickColumns(ds, opts.columns);
  // The personal-data actions of the chosen columns, before anything is written.
  const protection = protectionFor(ws, ds, cols, { createSecret: true });
  refuseDirect(protection.directKept, opts.allowDirect ?? false, ds.name);
  const outCols = outputColumns(protection);
  const filters = opts.filters ?? [];
  const sort = opts.sort ?? [];
  const where = whereClause(ds, filters); // checks the filter columns before anything is written
  const keys = sort.map((s) => `${sortKey(pickColumns(ds, [s.column])[0]!)} ${s.dir === 'desc' ? 'DESC' : 'ASC'}`);
  // The grid's order: its sort keys, ties by row id in the first key's direction.
  const order = keys.length ? `${keys.join(', ')}, _rid ${sort[0]!.dir === 'desc' ? 'DESC' : 'ASC'}` : '_rid';
  const outDir = path.resolve(opts.outDir);
  const name = exportFileName(ds.name, opts.format);
  const target = path.join(outDir, name);

  const unit = ExportUnit.begin(outDir);
  try {
    const before = readManifest(outDir);
    const conflict = conflictOf(before, ds.name, target, opts.force ?? false);
    if (conflict) throw conflict;
    const db = openDataset(ws, ds);
    let rows = 0;
    let written: { bytes: number; sha256: string; misfits?: Record<string, number> };
    let asText: Record<string, number> | undefined;
    try {
      registerFunctions(db);
      const total = filters.length ? (db.prepare(`SELECT count(*) AS n FROM rows WHERE ${where.sql}`).get(...where.params) as { n: number }).n : ds.rows;
      const select = cols.length ? cols.map((c) => c.physical).join(', ') : 'NULL';
      // A column an action rewrites loses its inferred detail (and, for Parquet, is planned as text).
      const kept = outCols.map((c) => (c.action.action === 'keep' ? cols[c.source]! : null));
      const out: SinkColumn[] = outCols.map((c, i) => ({ name: c.name, type: c.type, detail: kept[i]?.detail ?? null }));
      if (opts.format === 'parquet') {
        const plan = planParquet(db, kept, out.map((c) => c.name));
        out.forEach((c, i) => (c.parquet = plan.kinds[i]));
        asText = plan.asText;
      }
      const source = rowSource(db, select, where, order, keys.length > 0);
      const step = Math.max(1, Math.floor(total / 200));
      const protect = protection.transform;
      const identity = protection.identity;
      const killMidWrite = process.env.TIDYSET_TEST_EXPORT_KILL_AT === 'write';
      const sink = openSink(unit.staged(name), opts.format, out);
      try {
        for (const raw of source) {
          sink.write(identity ? raw : protect(raw));
          rows++;
          if (rows % step === 0) {
            if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'export cancelled');
            ctx.progress(rows, total, `${ds.name}: ${rows} of ${total} rows`);
            if (killMidWrite && rows >= total / 2) {
              sink.flush();
              killPoint('write');
            }
          }
        }
        written = sink.finish();
      } catch (e) {
        sink.abort();
        throw e;
      }
    } finally {
      db.close();
    }
    const { misfits, ...hashes } = written;
    const file: ExportedFile = { path: name, format: opts.format, rows, ...hashes };
    if (misfits) file.misfits = misfits;
    if (asText) file.asText = asText;
    const entry: ManifestEntry = {
      dataset: { name: ds.name, rows: ds.rows, columns: ds.columns.map((c) => ({ name: c.name, type: c.type })) },
      createdAt: new Date().toISOString(),
      selection: { rows, columns: outCols.map((c) => c.name), filters, sort },
      files: [file],
      sources: ds.source.path ? [{ path: ds.source.path, sha256: ds.source.sha256, size: ds.source.size }] : [],
      recipe: exportRecipe(ws, ds.name),
      protection: {
        columns: protection.columns,
        allowDirect: (opts.allowDirect ?? false) && protection.directKept.length > 0,
        // Which key made the pseudonyms (its fingerprint, never the key): exports under one key join.
        pseudonymKey: protection.needsSecret ? (secretStatus(ws).current?.fingerprint ?? null) : null,
      },
    };
    const { manifest, dropped } = mergeManifest(before, entry);
    writeTextFile(unit.staged(MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'export cancelled');
    unit.commit([name, MANIFEST], dropped);
    ctx.progress(rows, rows, `${ds.name}: done`);
    return { files: [{ ...file, path: target }], manifest: path.join(outDir, MANIFEST), entry };
  } catch (e) {
    unit.abort();
    throw e;
  }
}
