// Imports one CSV/TSV/JSONL/JSON/Parquet/XLSX/SQLite file into a new dataset: streamed, lossless, atomic.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ColumnType, TypeDetail } from '../../../shared/api/catalog';
import type { StoredDataset } from '../db/repos/datasets';
import { TidysetError, atPosition } from '../errors';
import type { JobContext } from '../jobs/context';
import { killPoint } from '../lock/killPoint';
import { sniffFile } from '../scan/detect';
import type { Workspace } from '../workspace';
import { MAX_LIMIT_BYTES, type CsvLimits } from './csvParser';
import { runCsvPipeline, type PipelineResult } from './csvPipeline';
import { StreamDecoder, innerBomWarning, type TextEncoding } from './decode';
import { uniqueHeaderNames } from './header';
import { TypeInferrer } from './infer';
import { JsonRecordReader } from './jsonRecords';
import { TableWriter, physicalName } from './tableWriter';
import { parquetParts, parquetSize, readParquet } from './parquet';
import { readSqliteTable } from './sqliteTable';
import { readXlsx } from './xlsx';

export type ImportFormat = 'csv' | 'jsonl' | 'json' | 'parquet' | 'xlsx' | 'sqlite';

export interface ImportOptions {
  /** Dataset name; defaults to the file name without extension (made unique). */
  name?: string;
  format?: ImportFormat;
  /** XLSX: the sheet, by name or 1-based number (default the first). */
  sheet?: string;
  /** SQLite: the table or view (default the only one). */
  table?: string;
  encoding?: TextEncoding;
  delimiter?: string;
  quote?: string | null;
  header?: boolean;
  /** 'stop' (default): the first malformed record aborts and nothing is kept. 'skip': keep it in the rejects table. */
  onError?: 'stop' | 'skip';
  /** CSV: the longest field and record accepted, in bytes (defaults 128 MiB and 256 MiB); a longer one is a malformed record. */
  maxFieldBytes?: number;
  maxRecordBytes?: number;
}

export interface ImportResult {
  dataset: StoredDataset;
  /** Things the user should know that did not stop the import (renamed headers, skipped blank lines…). */
  warnings: string[];
}

const CHUNK = 1 << 20;

/** What reading a file produced: the filled table, column names and types, the file's hash. */
type ReaderResult = PipelineResult;

/** Imports `file` into the workspace as a new dataset. Progress is in bytes read. */
export async function importFile(ws: Workspace, file: string, opts: ImportOptions, ctx: JobContext): Promise<ImportResult> {
  const started = Date.now();
  const abs = path.resolve(file);
  let st;
  try {
    st = statSync(abs);
  } catch (e) {
    throw new TidysetError('BAD_INPUT', `${abs}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { file: abs });
  }
  const parquetFolder = st.isDirectory() && parquetParts(abs) !== null;
  if (!st.isFile() && !parquetFolder) throw new TidysetError('BAD_INPUT', `${abs}: not a file${st.isDirectory() ? ' (a folder can be imported only when it holds Parquet part files)' : ''}`, { file: abs });
  const sniffed = parquetFolder ? { ...(await sniffFile(parquetParts(abs)![0]!)), notes: [] } : await sniffFile(abs);
  const format = opts.format ?? (sniffed.importable ? (sniffed.format as ImportFormat) : undefined);
  if (!format) {
    throw new TidysetError('UNSUPPORTED_FILE', `${abs}: cannot import: ${sniffed.reason ?? sniffed.format}`, { file: abs });
  }
  const encoding: TextEncoding = opts.encoding ?? ((sniffed.encoding as TextEncoding | null) ?? 'utf-8');
  // What the sniffer doubted and the user did not settle with an option.
  const notes: string[] = [];
  if (opts.encoding === undefined && sniffed.encodingNote) notes.push(sniffed.encodingNote);
  const onError = opts.onError ?? 'stop';
  const base = path.basename(abs).replace(/\.[^.]+$/, '') || 'dataset';
  const part = format === 'xlsx' ? opts.sheet : format === 'sqlite' ? opts.table : undefined;
  const name = opts.name ?? ws.datasets.freeName(part !== undefined && !/^\d+$/.test(part) ? `${base}-${part}` : base);
  if (opts.name !== undefined && ws.datasets.find(opts.name)) {
    throw new TidysetError('ALREADY_EXISTS', `a dataset named ${JSON.stringify(opts.name)} already exists; choose another --name`);
  }

  const fileName = `ds-${randomUUID()}.sqlite`;
  const temp = ws.tempPathFor(fileName);
  const warnings: string[] = [...notes];
  let writer: TableWriter | undefined;
  let dialect: { delimiter: string | null; quote: string | null; header: boolean | null } = { delimiter: null, quote: null, header: null };

  try {
    let result: ReaderResult;
    if (format === 'csv') {
      const delimiter = opts.delimiter ?? sniffed.delimiter ?? ',';
      if (opts.delimiter === undefined && sniffed.dialectNote) warnings.push(sniffed.dialectNote);
      const quote = opts.quote !== undefined ? opts.quote : (sniffed.quote ?? '"');
      const header = opts.header ?? sniffed.header ?? true;
      dialect = { delimiter, quote, header };
      const r = await runCsvPipeline({ file: abs, encoding, delimiter, quote, header, onError, limits: csvLimits(opts) }, temp, st.size, ctx, name);
      writer = r.writer;
      result = r;
    } else if (format === 'parquet' || format === 'xlsx' || format === 'sqlite') {
      const input = { file: abs, temp, size: parquetFolder ? parquetSize(abs) : st.size, ctx, label: name, onError };
      const r = format === 'parquet' ? await readParquet(input) : format === 'xlsx' ? await readXlsx(input, opts.sheet) : await readSqliteTable(input, opts.table);
      writer = r.writer;
      result = r;
    } else {
      const r = await readJson(abs, format, encoding, onError, temp, st.size, ctx, name);
      writer = r.writer;
      result = r;
    }
    warnings.push(...result.warnings);
    if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'import cancelled');

    const w: TableWriter = writer;
    const sha256 = result.sha256;
    w.setMeta('source_sha256', sha256);
    w.finish();
    const finalPath = ws.dataPath(fileName);
    renameSync(temp, finalPath);
    killPoint('import:renamed');

    const sourceId = ws.sources.upsert({
      path: abs, size: st.size, mtimeMs: Math.floor(st.mtimeMs), sha256, format, importable: true, encoding,
      bom: sniffed.bom, delimiter: dialect.delimiter, quote: dialect.quote, header: dialect.header,
      lineCount: null, columns: result.originals.length ? result.originals : null, status: 'ok', error: null, notes: sniffed.notes,
    });
    const columns = result.names.map((n, i) => ({
      name: n,
      originalName: result.originals[i] ?? n,
      physical: physicalName(i),
      type: result.types[i]?.type ?? 'empty',
      detail: result.types[i]?.detail ?? null,
    }));
    let id: number;
    try {
      id = ws.datasets.insert({
        name, file: fileName, rows: w.rows, rejects: w.rejects, importMs: Date.now() - started,
        source: { id: sourceId, path: abs, sha256, size: st.size, format, encoding, delimiter: dialect.delimiter, quote: dialect.quote, header: dialect.header },
        columns,
      });
    } catch (e) {
      rmSync(finalPath, { force: true });
      throw e;
    }
    if (w.rejects) warnings.push(`${w.rejects} malformed record${w.rejects === 1 ? '' : 's'} kept as rejects (tidyset rejects ${JSON.stringify(name)})`);
    return { dataset: ws.datasets.get(id), warnings };
  } catch (e) {
    writer?.abort();
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(temp + suffix, { force: true });
    throw e;
  }
}

function csvLimits(opts: ImportOptions): Partial<CsvLimits> {
  const limits: Partial<CsvLimits> = {};
  for (const k of ['maxFieldBytes', 'maxRecordBytes'] as const) {
    const v = opts[k];
    if (v === undefined) continue;
    if (!Number.isInteger(v) || v < 1 || v > MAX_LIMIT_BYTES) throw new TidysetError('BAD_INPUT', `${k} must be a whole number of bytes from 1 to ${MAX_LIMIT_BYTES}, got ${v}`);
    limits[k] = v;
  }
  return limits;
}

/** Reads JSON Lines or a JSON array in this thread (objects are parsed whole; columns appear as keys do). */
async function readJson(
  abs: string, format: 'jsonl' | 'json', encoding: TextEncoding, onError: 'stop' | 'skip', temp: string, size: number, ctx: JobContext, label: string,
): Promise<ReaderResult> {
  const warnings: string[] = [];
  const hash = createHash('sha256');
  const decoder = new StreamDecoder(encoding, abs, onError === 'skip' ? 'replace' : 'error');
  const reader = new JsonRecordReader(format, abs);
  const keys = new Map<string, number>();
  const writer = new TableWriter(temp, 0, abs);
  const inferrer = new TypeInferrer(0);
  const row: Array<string | null> = [];
  try {
    const onRecord = (flat: Map<string, string | null> | null, line: number, problem: string | null, raw: () => string) => {
      const bad = problem ?? (decoder.invalidLines.has(line) ? `invalid ${encoding} bytes on line ${line}` : null);
      if (bad || !flat) {
        const reason = bad ?? 'not an object';
        if (onError === 'stop') {
          throw new TidysetError('MALFORMED_FILE', atPosition({ file: abs, line }, reason) +
            ' (nothing was imported)', { file: abs, line });
        }
        writer.reject(line, raw(), reason);
        return;
      }
      let added = 0;
      for (const k of flat.keys()) {
        if (!keys.has(k)) {
          keys.set(k, keys.size);
          added++;
        }
      }
      if (added) {
        writer.addColumns(added);
        inferrer.extend(keys.size, writer.rows);
      }
      row.length = keys.size;
      row.fill(null);
      for (const [k, v] of flat) row[keys.get(k)!] = v;
      writer.add(row);
      inferrer.addRecord(row);
    };
    let done = 0;
    for await (const chunk of createReadStream(abs, { highWaterMark: CHUNK })) {
      if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'import cancelled');
      const buf = chunk as Buffer;
      hash.update(buf);
      reader.push(decoder.decode(buf), false, onRecord);
      done += buf.length;
      ctx.progress(done, size, `${label}: ${writer.rows} rows`);
    }
    reader.push(decoder.decode(Buffer.alloc(0), true), true, onRecord);
    if (writer.rows === 0 && writer.rejects === 0) {
      throw new TidysetError('MALFORMED_FILE', `${abs}: the file has no records${size === 0 ? ' (empty file)' : ''}`, { file: abs });
    }
  } catch (e) {
    writer.abort();
    throw e;
  }
  if (decoder.innerBoms) warnings.push(innerBomWarning(decoder.innerBoms, decoder.firstInnerBom));
  const named = uniqueHeaderNames([...keys.keys()], warnings);
  return { writer, names: named.names, originals: named.originals, types: inferrer.results(), sha256: hash.digest('hex'), warnings };
}
