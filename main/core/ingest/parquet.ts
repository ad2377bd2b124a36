// Reads Parquet files (or a folder of part files) into a new dataset, one row group at a time, with
// hyparquet (pure JS) and hyparquet-compressors (snappy, gzip, zstd, brotli, lz4).
//
// Values are stored as text, exactly:
// - integers (INT32, INT64, unsigned, INT96 aside) as decimal digits, also beyond 2^53 (BigInt);
// - FLOAT/DOUBLE as JavaScript's shortest round-trip text (`NaN`, `Infinity`, `-0` as such);
// - DECIMAL as exact decimal text with the column's scale (`12.340`), never through a double;
// - DATE as `YYYY-MM-DD`; TIMESTAMP as ISO 8601 with every sub-second digit the unit holds (trailing
//   zeros trimmed) and `Z` when the column is adjusted to UTC, no suffix when it is local time;
//   legacy INT96 timestamps as UTC; TIME as `HH:MM:SS[.fff…]`;
// - strings as they are; binary (BYTE_ARRAY without a string annotation) as base64;
// - nested columns (lists, structs, maps) as one column of JSON text, integers in it as digits.
// The Parquet schema decides the column types (integer, decimal, boolean, date, datetime, text).
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { open as openAsync, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { parquetMetadataAsync, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { TidysetError } from '../errors';
import { sha256File } from '../scan/hash';
import { runParquetPipeline } from './csvPipeline';
import type { TabularInput, TabularResult } from './tabular';
import { topLevel } from './parquetValues';


type FH = FileHandle;

/** The part files of a Parquet folder (`*.parquet`, sorted by name), or null when `dir` holds none. */
export function parquetParts(dir: string): string[] | null {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  const parts = names.filter((n) => /\.parquet$/i.test(n) && !n.startsWith('.') && !n.startsWith('_')).sort().map((n) => path.join(dir, n));
  return parts.length ? parts : null;
}

export function partsOf(fileOrDir: string): string[] {
  if (!statSync(fileOrDir).isDirectory()) return [fileOrDir];
  const parts = parquetParts(fileOrDir);
  if (!parts) throw new TidysetError('BAD_INPUT', `${fileOrDir}: the folder holds no .parquet files`, { file: fileOrDir });
  return parts;
}

/**
 * Rows, columns and part files of a Parquet file or folder, and the most cells (rows × columns) of any
 * one row group, from the footers only.
 */
export async function parquetInfo(fileOrDir: string): Promise<{ rows: number; columns: string[]; parts: string[]; largestGroupCells: number }> {
  const parts = partsOf(fileOrDir);
  let rows = 0;
  let columns: string[] = [];
  let largestGroupCells = 0;
  for (const part of parts) {
    const fh = await openAsync(part, 'r');
    try {
      const meta = await readMetadata(part, fh);
      rows += Number(meta.num_rows);
      const top = topLevel(meta.schema);
      if (!columns.length) columns = top.map((i) => meta.schema[i]!.name);
      for (const g of meta.row_groups) largestGroupCells = Math.max(largestGroupCells, Number(g.num_rows) * top.length);
    } finally {
      await fh.close();
    }
  }
  return { rows, columns, parts, largestGroupCells };
}

export function fileBuffer(fh: FH, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const stop = Math.min(end ?? size, size);
      const buf = Buffer.allocUnsafeSlow(Math.max(0, stop - start));
      let got = 0;
      while (got < buf.length) {
        const { bytesRead } = await fh.read(buf, got, buf.length - got, start + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + got) as ArrayBuffer;
    },
  };
}

export async function readMetadata(file: string, fh: FH): Promise<FileMetaData> {
  const { size } = await fh.stat();
  if (size < 12) throw new TidysetError('MALFORMED_FILE', `${file}: not a Parquet file (only ${size} bytes; truncated?)`, { file });
  const head = Buffer.alloc(4);
  const tail = Buffer.alloc(4);
  await fh.read(head, 0, 4, 0);
  await fh.read(tail, 0, 4, size - 4);
  if (head.toString('latin1') !== 'PAR1') throw new TidysetError('MALFORMED_FILE', `${file}: not a Parquet file (no PAR1 magic at the start)`, { file });
  if (tail.toString('latin1') !== 'PAR1') throw new TidysetError('MALFORMED_FILE', `${file}: the Parquet footer is missing (the file is truncated or still being written)`, { file });
  try {
    return await parquetMetadataAsync(fileBuffer(fh, size));
  } catch (e) {
    throw new TidysetError('MALFORMED_FILE', `${file}: the Parquet footer is corrupt (${(e as Error).message})`, { file });
  }
}

/**
 * Reads `input.file` (a .parquet file or a folder of parts) into a new table at `input.temp`: a second
 * thread decodes row group by row group (parquetDecodeWorker) while this one inserts, as for CSV.
 */
export async function readParquet(input: TabularInput): Promise<TabularResult> {
  const { largestGroupCells } = await parquetInfo(input.file);
  return runParquetPipeline(input.file, input.temp, input.size, input.ctx, input.label, decoderHeapMb(largestGroupCells));
}

/** Bytes a decoded cell takes while its row group is live: its string, its slot in a row array, the column copy hyparquet transposes from. */
const BYTES_PER_LIVE_CELL = 128;

/**
 * The decoder's old-generation cap for row groups of `cells` cells: room for one decoded group, at
 * least 192 MB. Measured on the 1M-row bench file (row groups of 122,880 rows × 12 columns): capped at
 * 192 MB the import peaked at 318 MB and ran faster than uncapped (528 MB).
 */
export function decoderHeapMb(cells: number): number {
  return Math.min(8192, Math.max(192, Math.ceil((cells * BYTES_PER_LIVE_CELL) / 2 ** 20)));
}

/** A folder's hash: SHA-256 over each part's name and SHA-256, in order. */
export async function folderHash(parts: string[]): Promise<string> {
  const hashed: Array<{ name: string; sha256: string }> = [];
  for (const p of parts) hashed.push({ name: path.basename(p), sha256: await sha256File(p) });
  return partsHash(hashed);
}

/** The hash of a Parquet folder from its parts' names and hashes (what scan and import both record). */
export function partsHash(parts: ReadonlyArray<{ name: string; sha256: string }>): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(`${p.name}\0${p.sha256}\n`);
  return h.digest('hex');
}

/** Bytes of a Parquet file or folder, for progress. */
export function parquetSize(fileOrDir: string): number {
  return partsOf(fileOrDir).reduce((s, p) => s + statSync(p).size, 0);
}
