// Scans a folder into the catalog: finds data files, sniffs and hashes them, marks duplicates, and on a
// rescan re-reads only files whose size or modification time changed.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Source } from '../../../shared/api/catalog';
import { TidysetError } from '../errors';
import type { JobContext } from '../jobs/context';
import type { Workspace } from '../workspace';
import { sniffFile } from './detect';
import { describeParts, fileParts } from '../ingest/parts';
import { parquetParts, partsHash } from '../ingest/parquet';
import { hashAndCountLines } from './hash';
import { walkFiles, type WalkEntry } from './walk';

export interface ScanOptions {
  /** Descend into folders and files whose name starts with a dot. */
  includeHidden?: boolean;
  /** Real paths the scan must stay in: symbolic links out of them are not followed (see WalkOptions.within). */
  within?: string[];
}

export interface ScanResult {
  root: string;
  /** Every file below root as the catalog now has it, by path. */
  files: Source[];
  counts: { found: number; added: number; changed: number; unchanged: number; removed: number; unreadable: number; duplicates: number };
}

/** Walks `root`, records every file in the catalog's sources, and returns what it found. */
export async function scanFolder(ws: Workspace, root: string, opts: ScanOptions, ctx: JobContext): Promise<ScanResult> {
  const abs = path.resolve(root);
  const counts = { found: 0, added: 0, changed: 0, unchanged: 0, removed: 0, unreadable: 0, duplicates: 0 };
  const entries: WalkEntry[] = [];
  const seen = new Set<number>();
  const cancelled = () => {
    if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'scan cancelled');
  };

  try {
    statSync(abs);
  } catch (e) {
    throw new TidysetError('BAD_INPUT', `${abs}: cannot scan: ${describeFsError(e)}`, { file: abs });
  }
  // Phase 1: list files (cheap), so that phase 2 can report progress in bytes.
  for await (const e of walkFiles(abs, { includeHidden: opts.includeHidden ?? false, isCancelled: ctx.isCancelled, within: opts.within })) {
    cancelled();
    if ('error' in e) {
      counts.unreadable++;
      seen.add(recordUnreadable(ws, e.path, e.error));
      continue;
    }
    entries.push(e);
    if (entries.length % 200 === 0) ctx.progress(0, 0, `listing: ${entries.length} files`);
  }
  cancelled();

  // Phase 2: sniff and hash what is new or changed.
  const totalBytes = entries.reduce((s, e) => s + e.size, 0);
  let doneBytes = 0;
  for (const e of entries) {
    cancelled();
    counts.found++;
    const old = ws.sources.findByPath(e.path);
    if (old && old.size === e.size && old.mtimeMs === Math.floor(e.mtimeMs) && old.status !== 'unreadable') {
      ws.sources.touch(old.id);
      seen.add(old.id);
      counts.unchanged++;
      doneBytes += e.size;
      ctx.progress(doneBytes, totalBytes, path.relative(abs, e.path) || path.basename(e.path));
      continue;
    }
    try {
      const sniffed = await sniffFile(e.path);
      const base = doneBytes;
      const { sha256, lines } = await hashAndCountLines(e.path, ctx.isCancelled, (n) =>
        ctx.progress(base + n, totalBytes, path.relative(abs, e.path) || path.basename(e.path)),
      );
      let status: 'ok' | 'unsupported' | 'recognised' = sniffed.importable ? 'ok' : sniffed.format === 'binary' || sniffed.format === 'unknown' || sniffed.format === 'empty' ? 'unsupported' : 'recognised';
      // Workbooks, databases and Parquet files: what they hold (sheets, tables, rows), or why they cannot be read.
      let columns = sniffed.columns;
      if (sniffed.importable && (sniffed.format === 'xlsx' || sniffed.format === 'sqlite' || sniffed.format === 'parquet')) {
        try {
          const parts = await fileParts(e.path);
          const said = describeParts(parts);
          if (said) sniffed.notes.push(said);
          columns = parts.columns ?? columns;
        } catch (err) {
          if (!(err instanceof TidysetError)) throw err;
          status = 'unsupported';
          sniffed.importable = false;
          sniffed.reason = err.message.startsWith(e.path) ? err.message.slice(e.path.length).replace(/^[:,]\s*/, '') : err.message;
        }
      }
      const id = ws.sources.upsert({
        path: e.path, size: e.size, mtimeMs: Math.floor(e.mtimeMs), sha256, format: sniffed.format,
        importable: sniffed.importable, encoding: sniffed.encoding, bom: sniffed.bom, delimiter: sniffed.delimiter,
        quote: sniffed.quote, header: sniffed.header, lineCount: sniffed.encoding ? lines : null, columns,
        status, error: sniffed.reason, notes: sniffed.notes,
      });
      seen.add(id);
      if (old) counts.changed++;
      else counts.added++;
    } catch (err) {
      if (err instanceof TidysetError && err.code === 'CANCELLED') throw err;
      if ((err as Error).message === 'cancelled') throw new TidysetError('CANCELLED', 'scan cancelled');
      counts.unreadable++;
      seen.add(recordUnreadable(ws, e.path, describeFsError(err), e));
    }
    doneBytes += e.size;
    ctx.progress(doneBytes, totalBytes, path.relative(abs, e.path) || path.basename(e.path));
  }

  await recordParquetFolders(ws, abs, seen);
  counts.removed = ws.sources.removeMissing(seen, abs);
  ws.sources.markDuplicates();
  const files = ws.sources.list(abs);
  counts.duplicates = files.filter((f) => f.duplicateOf !== null).length;
  return { root: abs, files, counts };
}

function recordUnreadable(ws: Workspace, file: string, reason: string, e?: WalkEntry): number {
  return ws.sources.upsert({
    path: file, size: e?.size ?? 0, mtimeMs: Math.floor(e?.mtimeMs ?? 0), sha256: null, format: 'unknown', importable: false,
    encoding: null, bom: false, delimiter: null, quote: null, header: null, lineCount: null, columns: null,
    status: 'unreadable', error: reason,
  });
}

function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const what: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'operation not permitted', ENOENT: 'file vanished during the scan',
    EISDIR: 'is a folder', EIO: 'input/output error',
  };
  return e.code ? `${what[e.code] ?? e.message} (${e.code})` : String(e.message ?? err);
}

/**
 * A folder of Parquet part files (as Spark and DuckDB write them) is also listed as one importable
 * source, so that the scan table offers to import it as one dataset; its hash is the parts' hashes'.
 */
async function recordParquetFolders(ws: Workspace, root: string, seen: Set<number>): Promise<void> {
  const byDir = new Map<string, Source[]>();
  for (const s of ws.sources.list(root)) {
    if (s.format === 'parquet' && s.importable && s.sha256 && seen.has(s.id)) byDir.set(path.dirname(s.path), [...(byDir.get(path.dirname(s.path)) ?? []), s]);
  }
  for (const [dir, files] of byDir) {
    const parts = parquetParts(dir);
    if (!parts || parts.length < 2 || parts.length !== files.length) continue;
    const byPath = new Map(files.map((f) => [f.path, f]));
    if (!parts.every((p) => byPath.has(p))) continue;
    const ordered = parts.map((p) => byPath.get(p)!);
    let notes: string[];
    let columns: string[] | null = null;
    try {
      const info = await fileParts(dir);
      columns = info.columns;
      notes = [`Parquet part files imported as one dataset: ${describeParts(info) ?? `${parts.length} parts`}`];
    } catch (err) {
      if (!(err instanceof TidysetError)) throw err;
      continue;
    }
    const st = statSync(dir);
    seen.add(ws.sources.upsert({
      path: dir, size: ordered.reduce((n, f) => n + f.size, 0), mtimeMs: Math.floor(Math.max(st.mtimeMs, ...ordered.map((f) => f.mtimeMs))),
      sha256: partsHash(ordered.map((f) => ({ name: path.basename(f.path), sha256: f.sha256! }))), format: 'parquet', importable: true,
      encoding: null, bom: false, delimiter: null, quote: null, header: null, lineCount: null, columns, status: 'ok', error: null, notes,
    }));
  }
}
