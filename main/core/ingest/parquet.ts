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
import { readdirSync, statSync } from 'node:fs';
import { open as openAsync, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { parquetMetadataAsync, parquetRead, type AsyncBuffer, type FileMetaData, type SchemaElement } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { ColumnType, TypeDetail } from '../../../shared/api/catalog';
import { TidysetError } from '../errors';
import { sha256File } from '../scan/hash';
import { uniqueHeaderNames } from './header';
import { TableWriter } from './tableWriter';
import type { TabularInput, TabularResult } from './tabular';

type FH = FileHandle;

/** How one top-level column's raw values become text. */
type Kind =
  | { k: 'int' } | { k: 'float' } | { k: 'bool' } | { k: 'string' } | { k: 'binary' }
  | { k: 'decimal'; scale: number } | { k: 'date' } | { k: 'timestamp'; unit: bigint; digits: number; utc: boolean }
  | { k: 'time'; unit: bigint; digits: number } | { k: 'nested' } | { k: 'other' };

interface Plan {
  names: string[];
  kinds: Kind[];
  /** Metadata with the annotations this reader formats itself taken off, so hyparquet hands over raw values. */
  metadata: FileMetaData;
}

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

function partsOf(fileOrDir: string): string[] {
  if (!statSync(fileOrDir).isDirectory()) return [fileOrDir];
  const parts = parquetParts(fileOrDir);
  if (!parts) throw new TidysetError('BAD_INPUT', `${fileOrDir}: the folder holds no .parquet files`, { file: fileOrDir });
  return parts;
}

/** Rows, columns and part files of a Parquet file or folder, from the footers only. */
export async function parquetInfo(fileOrDir: string): Promise<{ rows: number; columns: string[]; parts: string[] }> {
  const parts = partsOf(fileOrDir);
  let rows = 0;
  let columns: string[] = [];
  for (const part of parts) {
    const fh = await openAsync(part, 'r');
    try {
      const meta = await readMetadata(part, fh);
      rows += Number(meta.num_rows);
      if (!columns.length) columns = topLevel(meta.schema).map((i) => meta.schema[i]!.name);
    } finally {
      await fh.close();
    }
  }
  return { rows, columns, parts };
}

function fileBuffer(fh: FH, size: number): AsyncBuffer {
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

async function readMetadata(file: string, fh: FH): Promise<FileMetaData> {
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

/** Indexes (in the flat schema list) of the root's children. */
function topLevel(schema: SchemaElement[]): number[] {
  const out: number[] = [];
  let i = 1;
  const skip = (at: number): number => {
    let next = at + 1;
    for (let c = 0; c < (schema[at]!.num_children ?? 0); c++) next = skip(next);
    return next;
  };
  for (let c = 0; c < (schema[0]?.num_children ?? 0); c++) {
    out.push(i);
    i = skip(i);
  }
  return out;
}

const UNITS = { MILLIS: [1000n, 3], MICROS: [1_000_000n, 6], NANOS: [1_000_000_000n, 9] } as const;

function kindOf(el: SchemaElement): Kind {
  if (el.num_children) return { k: 'nested' };
  const lt = el.logical_type;
  const ct = el.converted_type;
  if (ct === 'DECIMAL' || lt?.type === 'DECIMAL') return { k: 'decimal', scale: el.scale ?? 0 };
  if (lt?.type === 'TIMESTAMP') {
    const [unit, digits] = UNITS[lt.unit as keyof typeof UNITS] ?? UNITS.MILLIS;
    return { k: 'timestamp', unit, digits, utc: lt.isAdjustedToUTC !== false };
  }
  if (ct === 'TIMESTAMP_MILLIS') return { k: 'timestamp', unit: 1000n, digits: 3, utc: true };
  if (ct === 'TIMESTAMP_MICROS') return { k: 'timestamp', unit: 1_000_000n, digits: 6, utc: true };
  if (lt?.type === 'TIME') {
    const [unit, digits] = UNITS[lt.unit as keyof typeof UNITS] ?? UNITS.MILLIS;
    return { k: 'time', unit, digits };
  }
  if (ct === 'TIME_MILLIS') return { k: 'time', unit: 1000n, digits: 3 };
  if (ct === 'TIME_MICROS') return { k: 'time', unit: 1_000_000n, digits: 6 };
  if (ct === 'DATE' || lt?.type === 'DATE') return { k: 'date' };
  if (el.type === 'INT96') return { k: 'timestamp', unit: 1_000_000_000n, digits: 9, utc: true };
  if (ct === 'UTF8' || ct === 'ENUM' || ct === 'JSON' || lt?.type === 'STRING' || lt?.type === 'ENUM' || lt?.type === 'JSON' || lt?.type === 'UUID') return { k: 'string' };
  if (el.type === 'BOOLEAN') return { k: 'bool' };
  if (el.type === 'INT32' || el.type === 'INT64') return { k: 'int' };
  if (el.type === 'FLOAT' || el.type === 'DOUBLE' || lt?.type === 'FLOAT16') return { k: 'float' };
  if (el.type === 'BYTE_ARRAY' || el.type === 'FIXED_LEN_BYTE_ARRAY') return { k: 'binary' };
  return { k: 'other' };
}

function planOf(meta: FileMetaData): Plan {
  const schema = meta.schema.map((e) => ({ ...e }));
  const idx = topLevel(schema);
  const kinds = idx.map((i) => kindOf(schema[i]!));
  idx.forEach((i, c) => {
    const k = kinds[c]!.k;
    // Take off what we format ourselves; hyparquet then hands over the physical value.
    if (k === 'decimal' || k === 'timestamp' || k === 'time' || k === 'date') {
      const el = schema[i]!;
      delete el.converted_type;
      delete el.logical_type;
    }
    if (k === 'string') {
      const el = schema[i]!;
      if (el.converted_type === 'JSON' || el.logical_type?.type === 'JSON') {
        el.converted_type = 'UTF8';
        el.logical_type = { type: 'STRING' };
      }
    }
  });
  return { names: idx.map((i) => schema[i]!.name), kinds, metadata: { ...meta, schema } };
}

const TYPE_OF: Record<Kind['k'], ColumnType> = {
  int: 'integer', float: 'decimal', decimal: 'decimal', bool: 'boolean', date: 'date', timestamp: 'datetime',
  string: 'text', binary: 'text', time: 'text', nested: 'text', other: 'text',
};

const pad = (n: number | bigint, w: number) => String(n).padStart(w, '0');

function isoDate(days: number): string {
  const d = new Date(days * 86_400_000);
  const y = d.getUTCFullYear();
  return `${y < 0 ? '-' + pad(-y, 6) : y > 9999 ? '+' + y : pad(y, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

function fraction(rest: bigint, digits: number): string {
  if (rest === 0n) return '';
  return '.' + pad(rest, digits).replace(/0+$/, '');
}

function isoTimestamp(v: bigint, unit: bigint, digits: number, utc: boolean): string {
  let secs = v / unit;
  let rest = v % unit;
  if (rest < 0n) {
    rest += unit;
    secs -= 1n;
  }
  const days = secs >= 0n ? secs / 86400n : -((-secs + 86399n) / 86400n);
  const tod = Number(secs - days * 86400n);
  return `${isoDate(Number(days))}T${pad(Math.floor(tod / 3600), 2)}:${pad(Math.floor(tod / 60) % 60, 2)}:${pad(tod % 60, 2)}${fraction(rest, digits)}${utc ? 'Z' : ''}`;
}

function timeOfDay(v: bigint, unit: bigint, digits: number): string {
  const secs = Number(v / unit);
  return `${pad(Math.floor(secs / 3600), 2)}:${pad(Math.floor(secs / 60) % 60, 2)}:${pad(secs % 60, 2)}${fraction(v % unit, digits)}`;
}

function unscaled(raw: unknown): bigint {
  if (typeof raw === 'bigint') return raw;
  if (typeof raw === 'number') return BigInt(raw);
  const bytes = raw as Uint8Array;
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  if (bytes.length && bytes[0]! & 0x80) v -= 1n << BigInt(bytes.length * 8);
  return v;
}

function decimalText(raw: unknown, scale: number): string {
  const v = unscaled(raw);
  if (scale <= 0) return (v * 10n ** BigInt(-scale)).toString();
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function floatText(v: number): string {
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

/** JSON text of a nested value: BigInts as digits, bytes as base64, dates as ISO. */
function jsonText(v: unknown): string {
  const json = JSON.stringify(v, (_k, x: unknown) => {
    if (typeof x === 'bigint') return `\u0000big:${x.toString()}`;
    if (x instanceof Uint8Array) return Buffer.from(x).toString('base64');
    return x;
  });
  return json.replace(/"\\u0000big:(-?\d+)"/g, '$1');
}

function text(raw: unknown, kind: Kind): string | null {
  if (raw === null || raw === undefined) return null;
  switch (kind.k) {
    case 'decimal': return decimalText(raw, kind.scale);
    case 'date': return isoDate(Number(raw));
    case 'timestamp': return raw instanceof Date ? raw.toISOString() : typeof raw === 'string' ? raw : isoTimestamp(BigInt(raw as number | bigint), kind.unit, kind.digits, kind.utc);
    case 'time': return timeOfDay(BigInt(raw as number | bigint), kind.unit, kind.digits);
    case 'bool': return raw ? 'true' : 'false';
    case 'float': return floatText(Number(raw));
    case 'int': return String(raw);
    case 'binary': return raw instanceof Uint8Array ? Buffer.from(raw).toString('base64') : String(raw);
    case 'nested': return jsonText(raw);
    default: return typeof raw === 'string' ? raw : raw instanceof Uint8Array ? Buffer.from(raw).toString('base64') : typeof raw === 'object' ? jsonText(raw) : String(raw);
  }
}

/** Legacy INT96 timestamps reach us through hyparquet's parser; keep every nanosecond. */
const PARSERS = {
  timestampFromNanoseconds: (n: bigint) => isoTimestamp(n, 1_000_000_000n, 9, true),
  timestampFromMicroseconds: (n: bigint) => isoTimestamp(n, 1_000_000n, 6, true),
  timestampFromMilliseconds: (n: bigint) => isoTimestamp(BigInt(n), 1000n, 3, true),
  dateFromDays: (d: number) => isoDate(d),
};

function sameSchema(a: Plan, b: Plan): boolean {
  return a.names.length === b.names.length && a.names.every((n, i) => n === b.names[i] && a.kinds[i]!.k === b.kinds[i]!.k);
}

/** Reads `input.file` (a .parquet file or a folder of parts) into a new table at `input.temp`. */
export async function readParquet(input: TabularInput): Promise<TabularResult> {
  const { ctx, label } = input;
  const parts = partsOf(input.file);
  const warnings: string[] = [];
  let writer: TableWriter | undefined;
  let first: Plan | undefined;
  const counts: Array<{ nonEmpty: number; empty: number }> = [];
  let done = 0;
  try {
    for (const part of parts) {
      const fh = await openAsync(part, 'r');
      try {
        const { size } = await fh.stat();
        const meta = await readMetadata(part, fh);
        const plan = planOf(meta);
        if (!first) {
          first = plan;
          writer = new TableWriter(input.temp, plan.names.length, input.file);
          for (let i = 0; i < plan.names.length; i++) counts.push({ nonEmpty: 0, empty: 0 });
        } else if (!sameSchema(first, plan)) {
          throw new TidysetError('MALFORMED_FILE', `${part}: its columns differ from ${parts[0]} (${plan.names.join(', ')} vs ${first.names.join(', ')}); a Parquet folder must hold one schema`, { file: part });
        }
        const w = writer!;
        const buffer = fileBuffer(fh, size);
        let rowStart = 0;
        for (const [g, group] of meta.row_groups.entries()) {
          if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'import cancelled');
          const n = Number(group.num_rows);
          let rows: unknown[][] = [];
          try {
            await parquetRead({
              file: buffer, metadata: plan.metadata, compressors, parsers: PARSERS, utf8: false, rowStart, rowEnd: rowStart + n,
              rowFormat: 'array', onComplete: (r: unknown[][]) => { rows = r; },
            });
          } catch (e) {
            if (e instanceof TidysetError) throw e;
            throw new TidysetError('MALFORMED_FILE', `${part}: row group ${g + 1} of ${meta.row_groups.length} (rows ${rowStart + 1}–${rowStart + n}) cannot be read: ${(e as Error).message}`, { file: part });
          }
          const kinds = plan.kinds;
          const out: Array<string | null> = new Array(kinds.length);
          for (const row of rows) {
            for (let c = 0; c < kinds.length; c++) {
              const v = text(row[c], kinds[c]!);
              out[c] = v;
              if (v === null || v === '') counts[c]!.empty++;
              else counts[c]!.nonEmpty++;
            }
            w.add(out);
          }
          rowStart += n;
          const bytes = group.columns.reduce((s, c) => s + Number(c.meta_data?.total_compressed_size ?? 0), 0);
          done += bytes;
          ctx.progress(Math.min(done, input.size), input.size, `${label}: ${w.rows.toLocaleString('en-US')} rows`);
        }
      } finally {
        await fh.close();
      }
    }
    if (!first || !writer) throw new TidysetError('MALFORMED_FILE', `${input.file}: no Parquet data`, { file: input.file });
    const named = uniqueHeaderNames(first.names, warnings);
    const types = first.kinds.map((k, i): { type: ColumnType; detail: TypeDetail } => {
      const c = counts[i]!;
      return { type: c.nonEmpty === 0 ? 'empty' : TYPE_OF[k.k], detail: { nonEmpty: c.nonEmpty, empty: c.empty } };
    });
    if (parts.length > 1) warnings.push(`${parts.length} part files read as one dataset: ${parts.map((p) => path.basename(p)).join(', ')}`);
    const sha256 = parts.length === 1 ? await sha256File(parts[0]!) : await folderHash(parts);
    return { writer, names: named.names, originals: named.originals, types, sha256, warnings };
  } catch (e) {
    writer?.abort();
    throw e;
  }
}

/** A folder's hash: SHA-256 over each part's name and SHA-256, in order. */
async function folderHash(parts: string[]): Promise<string> {
  const { createHash } = await import('node:crypto');
  const h = createHash('sha256');
  for (const p of parts) h.update(`${path.basename(p)}\0${await sha256File(p)}\n`);
  return h.digest('hex');
}

/** Bytes of a Parquet file or folder, for progress. */
export function parquetSize(fileOrDir: string): number {
  return partsOf(fileOrDir).reduce((s, p) => s + statSync(p).size, 0);
}
