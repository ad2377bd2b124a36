// Exports a dataset (all rows, or the grid's filter and sort, and a choice of columns) to CSV
// (RFC 4180) or typed JSON Lines, as a unit with a manifest of hashes and the replayable recipe.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Filter, Sort } from '../../../shared/api/filters';
import { exportRecipe } from '../clean/recipes';
import { tagsByColumn } from '../protect/tagStore';
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
import { jsonEncoder } from './jsonValues';
import { entryOf, MANIFEST, mergeManifest, readManifest, type ExportedFile, type Manifest, type ManifestEntry } from './manifest';

export type { ExportedFile, ManifestEntry } from './manifest';

export interface ExportOptions {
  dataset: string;
  format: 'csv' | 'jsonl';
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

/** Buffers output and writes it in large blocks, hashing as it goes. */
class HashingWriter {
  private parts: string[] = [];
  private pending = 0;
  private readonly hash = createHash('sha256');
  bytes = 0;
  constructor(private readonly fd: number) {}
  write(s: string): void {
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending >= 1 << 20) this.flush();
  }
  flush(): void {
    if (!this.parts.length) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.pending = 0;
    this.hash.update(buf);
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    this.bytes += buf.length;
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

const NEEDS_QUOTES = /[",\r\n]|^[ \t]|[ \t]$/;

/** Quotes a CSV field when it holds a delimiter, quote or line break, or starts/ends with a space or tab. */
export function csvField(v: string | null): string {
  if (v === null || v === '') return v === '' ? '""' : '';
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Writes a new file durably (fsynced before it is closed). */
function writeFile(file: string, fill: (w: HashingWriter) => void): { bytes: number; sha256: string } {
  const fd = openSync(file, 'wx');
  try {
    const w = new HashingWriter(fd);
    fill(w);
    w.flush();
    fsyncSync(fd);
    return { bytes: w.bytes, sha256: w.digest() };
  } finally {
    closeSync(fd);
  }
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
function* rowSource(db: Db, select: string, where: { sql: string; params: unknown[] }, order: string, sorted: boolean): Generator<Array<string | null>> {
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
export function exportFileName(dataset: string, format: 'csv' | 'jsonl'): string {
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
    let written: { bytes: number; sha256: string };
    const misfits = outCols.map(() => 0);
    try {
      registerFunctions(db);
      const total = filters.length ? (db.prepare(`SELECT count(*) AS n FROM rows WHERE ${where.sql}`).get(...where.params) as { n: number }).n : ds.rows;
      const select = cols.length ? cols.map((c) => c.physical).join(', ') : 'NULL';
      const source = rowSource(db, select, where, order, keys.length > 0);
      const step = Math.max(1, Math.floor(total / 200));
      const names = outCols.map((c) => c.name);
      const protect = protection.transform;
      const identity = protection.identity;
      const killMidWrite = process.env.TIDYSET_TEST_EXPORT_KILL_AT === 'write';
      written = writeFile(unit.staged(name), (w) => {
        if (opts.format === 'csv') w.write(names.map(csvField).join(',') + '\r\n');
        const keysJson = names.map((n) => JSON.stringify(n) + ':');
        const enc = outCols.map((c) => jsonEncoder(c.type, c.action.action === 'keep' ? (cols[c.source]!.detail ?? null) : null));
        for (const raw of source) {
          const r = identity ? raw : protect(raw);
          if (opts.format === 'csv') {
            let line = '';
            for (let i = 0; i < outCols.length; i++) line += (i ? ',' : '') + csvField(r[i]!);
            // An empty line would be read back as a blank line and the row lost; CSV has no NULL anyway.
            w.write((line === '' && outCols.length === 1 ? '""' : line) + '\r\n');
          } else {
            // Every key on every line, NULL as null: an absent key would drop a column that is all NULL
            // and reorder columns whose first value is NULL when the export is imported again.
            let obj = '{';
            for (let i = 0; i < outCols.length; i++) {
              const v = enc[i]!(r[i]);
              if (v.misfit) misfits[i]!++;
              obj += (i ? ',' : '') + keysJson[i] + v.json;
            }
            w.write(obj + '}\n');
          }
          rows++;
          if (rows % step === 0) {
            if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'export cancelled');
            ctx.progress(rows, total, `${ds.name}: ${rows} of ${total} rows`);
            if (killMidWrite && rows >= total / 2) {
              w.flush();
              killPoint('write');
            }
          }
        }
      });
    } finally {
      db.close();
    }
    const file: ExportedFile = { path: name, format: opts.format, rows, ...written };
    if (opts.format === 'jsonl') {
      file.misfits = Object.fromEntries(outCols.flatMap((c, i) => (['integer', 'decimal', 'boolean', 'date', 'datetime'].includes(c.type) ? [[c.name, misfits[i]!]] : [])));
    }
    const personalData = tagsByColumn(ws, ds).filter((t) => cols.some((c) => c.name === t.column));
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
      ...(personalData.length ? { personalData } : {}),
    };
    const { manifest, dropped } = mergeManifest(before, entry);
    writeFile(unit.staged(MANIFEST), (w) => w.write(JSON.stringify(manifest, null, 2) + '\n'));
    if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'export cancelled');
    unit.commit([name, MANIFEST], dropped);
    ctx.progress(rows, rows, `${ds.name}: done`);
    return { files: [{ ...file, path: target }], manifest: path.join(outDir, MANIFEST), entry };
  } catch (e) {
    unit.abort();
    throw e;
  }
}
