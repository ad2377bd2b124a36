// Exports a whole dataset to CSV (RFC 4180) or JSON Lines, atomically, with a manifest of hashes.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { APP_VERSION } from '../version';
import { TidysetError } from '../errors';
import type { JobContext } from '../jobs/context';
import { openDataset, selectList } from '../rows/datasetDb';
import type { Workspace } from '../workspace';

export interface ExportOptions {
  dataset: string;
  format: 'csv' | 'jsonl';
  /** Output folder; created if missing. */
  outDir: string;
  /** Replace existing output files. */
  force?: boolean;
}

export interface ExportedFile {
  path: string;
  format: 'csv' | 'jsonl';
  rows: number;
  bytes: number;
  sha256: string;
}

export interface ExportResult {
  files: ExportedFile[];
  manifest: string;
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

/** Quotes a CSV field when it holds a delimiter, quote or line break, or starts/ends with a space or tab. */
export function csvField(v: string | null): string {
  if (v === null || v === '') return v === '' ? '""' : '';
  if (/[",\r\n]/.test(v) || /^[ \t]|[ \t]$/.test(v)) return `"${v.replace(/"/g, '""')}"`;
  return v;
}

/** Writes `file` through a temporary sibling and renames it into place (never a half-written file). */
function writeAtomically(file: string, fill: (w: HashingWriter) => void): { bytes: number; sha256: string } {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    const w = new HashingWriter(fd);
    fill(w);
    w.flush();
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, file);
    return { bytes: w.bytes, sha256: w.digest() };
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Exports the dataset; refuses to overwrite existing files unless `force`. */
export async function exportDataset(ws: Workspace, opts: ExportOptions, ctx: JobContext): Promise<ExportResult> {
  const ds = ws.datasets.get(opts.dataset);
  const outDir = path.resolve(opts.outDir);
  mkdirSync(outDir, { recursive: true });
  const safe = ds.name.replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'dataset';
  const file = path.join(outDir, `${safe}.${opts.format}`);
  const manifestPath = path.join(outDir, 'manifest.json');
  for (const f of [file, manifestPath]) {
    if (existsSync(f) && !opts.force) throw new TidysetError('ALREADY_EXISTS', `${f} already exists; use --force to overwrite it`, { file: f });
  }
  const db = openDataset(ws, ds);
  let rows = 0;
  let written: { bytes: number; sha256: string };
  try {
    const names = ds.columns.map((c) => c.name);
    const stmt = db.prepare(`SELECT ${selectList(ds)} FROM rows ORDER BY _rid`).raw(true);
    const step = Math.max(1, Math.floor(ds.rows / 200));
    written = writeAtomically(file, (w) => {
      if (opts.format === 'csv') w.write(names.map(csvField).join(',') + '\r\n');
      const keys = names.map((n) => JSON.stringify(n) + ':');
      for (const r of stmt.iterate() as IterableIterator<Array<string | null>>) {
        if (opts.format === 'csv') {
          let line = '';
          for (let i = 0; i < r.length; i++) line += (i ? ',' : '') + csvField(r[i]!);
          // An empty line would be read back as a blank line and the row lost; CSV has no NULL anyway.
          w.write((line === '' && names.length === 1 ? '""' : line) + '\r\n');
        } else {
          // Every key on every line, NULL as null: an absent key would drop a column that is all NULL
          // and reorder columns whose first value is NULL when the export is imported again.
          let obj = '{';
          for (let i = 0; i < names.length; i++) {
            const v = r[i];
            obj += (i ? ',' : '') + keys[i] + (v === null || v === undefined ? 'null' : JSON.stringify(v));
          }
          w.write(obj + '}\n');
        }
        rows++;
        if (rows % step === 0) {
          if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'export cancelled');
          ctx.progress(rows, ds.rows, `${ds.name}: ${rows} rows`);
        }
      }
    });
  } finally {
    db.close();
  }
  const exported: ExportedFile = { path: path.basename(file), format: opts.format, rows, ...written };
  const manifest = {
    app: 'tidyset',
    appVersion: APP_VERSION,
    createdAt: new Date().toISOString(),
    dataset: { name: ds.name, rows: ds.rows, columns: ds.columns.map((c) => ({ name: c.name, type: c.type })) },
    files: [exported],
    sources: ds.source.path ? [{ path: ds.source.path, sha256: ds.source.sha256, size: ds.source.size }] : [],
  };
  writeAtomically(manifestPath, (w) => w.write(JSON.stringify(manifest, null, 2) + '\n'));
  ctx.progress(rows, ds.rows, `${ds.name}: done`);
  return { files: [{ ...exported, path: file }], manifest: manifestPath };
}
