// Imports one CSV/TSV/JSONL/JSON file into a new dataset: streamed, lossless, atomic.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ColumnType, TypeDetail } from '../../../shared/api/catalog';
import type { StoredDataset } from '../db/repos/datasets';
import { TidysetError, atPosition } from '../errors';
import type { JobContext } from '../jobs/context';
import { sniffFile } from '../scan/detect';
import type { Workspace } from '../workspace';
import { CsvParser } from './csvParser';
import { StreamDecoder, type TextEncoding } from './decode';
import { uniqueHeaderNames } from './header';
import { TypeInferrer } from './infer';
import { JsonRecordReader } from './jsonRecords';
import { TableWriter, physicalName } from './tableWriter';

export interface ImportOptions {
  /** Dataset name; defaults to the file name without extension (made unique). */
  name?: string;
  format?: 'csv' | 'jsonl' | 'json';
  encoding?: TextEncoding;
  delimiter?: string;
  quote?: string | null;
  header?: boolean;
  /** 'stop' (default): the first malformed record aborts and nothing is kept. 'skip': keep it in the rejects table. */
  onError?: 'stop' | 'skip';
}

export interface ImportResult {
  dataset: StoredDataset;
  /** Things the user should know that did not stop the import (renamed headers, skipped blank lines…). */
  warnings: string[];
}

const CHUNK = 1 << 20;

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
  if (!st.isFile()) throw new TidysetError('BAD_INPUT', `${abs}: not a file`, { file: abs });
  const sniffed = await sniffFile(abs);
  const format = opts.format ?? (sniffed.importable ? (sniffed.format as 'csv' | 'jsonl' | 'json') : undefined);
  if (!format) {
    throw new TidysetError('UNSUPPORTED_FILE', `${abs}: cannot import: ${sniffed.reason ?? sniffed.format}`, { file: abs });
  }
  const encoding: TextEncoding = opts.encoding ?? ((sniffed.encoding as TextEncoding | null) ?? 'utf-8');
  const onError = opts.onError ?? 'stop';
  const name = opts.name ?? ws.datasets.freeName(path.basename(abs).replace(/\.[^.]+$/, '') || 'dataset');
  if (opts.name !== undefined && ws.datasets.find(opts.name)) {
    throw new TidysetError('ALREADY_EXISTS', `a dataset named ${JSON.stringify(opts.name)} already exists; choose another --name`);
  }

  const fileName = `ds-${randomUUID()}.sqlite`;
  const temp = ws.tempPathFor(fileName);
  const warnings: string[] = [];
  const hash = createHash('sha256');
  let writer: TableWriter | undefined;
  let inferrer: TypeInferrer | undefined;
  let names: { names: string[]; originals: string[] } = { names: [], originals: [] };
  let dialect: { delimiter: string | null; quote: string | null; header: boolean | null } = { delimiter: null, quote: null, header: null };

  try {
    const decoder = new StreamDecoder(encoding, abs, onError === 'skip' ? 'replace' : 'error');
    const fail = (line: number, column: number | undefined, reason: string): never => {
      throw new TidysetError('MALFORMED_FILE', atPosition({ file: abs, line, column }, reason) +
        (onError === 'stop' ? ' (nothing was imported; use --on-error skip to import the other lines and keep this one as a reject)' : ''),
        { file: abs, line, column });
    };
    const invalidLineReason = (first: number, raw: string): string | null => {
      if (decoder.invalidLines.size === 0) return null;
      const last = first + countLines(raw) - 1;
      for (let l = first; l <= last; l++) if (decoder.invalidLines.has(l)) return `invalid ${encoding} bytes on line ${l}`;
      return null;
    };

    let consume: (text: string, final: boolean) => void;
    if (format === 'csv') {
      const delimiter = opts.delimiter ?? sniffed.delimiter ?? ',';
      const quote = opts.quote !== undefined ? opts.quote : (sniffed.quote ?? '"');
      const header = opts.header ?? sniffed.header ?? true;
      dialect = { delimiter, quote, header };
      const parser = new CsvParser({ delimiter, quote });
      let width = -1;
      let trailing = 0;
      const onRecord = (fields: string[], line: number, problem: { line: number; column: number; message: string } | null, raw: () => string) => {
        if (problem) {
          if (onError === 'stop') fail(problem.line, problem.column, problem.message);
          writer!.reject(line, raw(), `line ${problem.line}, column ${problem.column}: ${problem.message}`);
          return;
        }
        if (width === -1) {
          width = fields.length;
          names = header ? uniqueHeaderNames(fields, warnings) : { names: fields.map((_, i) => `column_${i + 1}`), originals: fields.map(() => '') };
          writer = new TableWriter(temp, width, abs);
          inferrer = new TypeInferrer(width);
          if (header) return;
        }
        const bad = decoder.invalidLines.size ? invalidLineReason(line, raw()) : null;
        if (bad) {
          writer!.reject(line, raw(), bad);
          return;
        }
        if (fields.length > width && fields.lastIndexOf('') >= width && onlyEmptyFrom(fields, width)) {
          // Trailing delimiters (`a\tb\t`) add empty fields past the header: drop them, and say so.
          fields.length = width;
          trailing++;
        }
        if (fields.length !== width) {
          const reason = `${fields.length} field${fields.length === 1 ? '' : 's'} where the ${header ? 'header has' : 'first line has'} ${width}`;
          if (onError === 'stop') fail(line, undefined, reason);
          writer!.reject(line, raw(), reason);
          return;
        }
        writer!.add(fields);
        inferrer!.addRecord(fields);
      };
      consume = (text, final) => {
        if (text.length) parser.push(text, onRecord);
        if (final) {
          parser.end(onRecord);
          if (trailing) warnings.push(`${trailing} line${trailing === 1 ? '' : 's'} ended with empty fields past the header's ${width} columns (trailing delimiters); those empty fields were dropped`);
          if (parser.blankLines) warnings.push(`${parser.blankLines} blank line${parser.blankLines === 1 ? '' : 's'} skipped`);
        }
      };
    } else {
      const reader = new JsonRecordReader(format, abs);
      const keys = new Map<string, number>();
      writer = new TableWriter(temp, 0, abs);
      inferrer = new TypeInferrer(0);
      const row: Array<string | null> = [];
      const onRecord = (flat: Map<string, string | null> | null, line: number, problem: string | null, raw: () => string) => {
        const bad = problem ?? (decoder.invalidLines.size ? invalidLineReason(line, raw()) : null);
        if (bad || !flat) {
          if (onError === 'stop') fail(line, undefined, bad ?? 'not an object');
          writer!.reject(line, raw(), bad ?? 'not an object');
          return;
        }
        let added = 0;
        for (const k of flat.keys()) if (!keys.has(k)) {
          keys.set(k, keys.size);
          added++;
        }
        if (added) {
          writer!.addColumns(added);
          inferrer!.extend(keys.size, writer!.rows);
        }
        row.length = keys.size;
        row.fill(null);
        for (const [k, v] of flat) row[keys.get(k)!] = v;
        writer!.add(row);
        inferrer!.addRecord(row);
      };
      consume = (text, final) => {
        reader.push(text, final, onRecord);
        // Column names are the keys in order of first appearance.
        if (final) names = uniqueHeaderNames([...keys.keys()], warnings);
      };
    }

    let done = 0;
    for await (const chunk of createReadStream(abs, { highWaterMark: CHUNK })) {
      if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'import cancelled');
      const buf = chunk as Buffer;
      hash.update(buf);
      consume(decoder.decode(buf), false);
      done += buf.length;
      ctx.progress(done, st.size, `${name}: ${writer?.rows ?? 0} rows`);
    }
    consume(decoder.decode(Buffer.alloc(0), true), true);
    if (!writer) {
      throw new TidysetError('MALFORMED_FILE', `${abs}: the file has no records${st.size === 0 ? ' (empty file)' : ''}`, { file: abs });
    }
    if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'import cancelled');

    const w: TableWriter = writer;
    const types = inferrer!.results();
    const sha256 = hash.digest('hex');
    w.setMeta('source_sha256', sha256);
    w.finish();
    const finalPath = ws.dataPath(fileName);
    renameSync(temp, finalPath);

    const sourceId = ws.sources.upsert({
      path: abs, size: st.size, mtimeMs: Math.floor(st.mtimeMs), sha256, format, importable: true, encoding,
      bom: sniffed.bom, delimiter: dialect.delimiter, quote: dialect.quote, header: dialect.header,
      lineCount: null, columns: names.originals.length ? names.originals : null, status: 'ok', error: null,
    });
    const columns = names.names.map((n, i) => ({
      name: n,
      originalName: names.originals[i] ?? n,
      physical: physicalName(i),
      type: (types[i]?.type ?? 'empty') as ColumnType,
      detail: (types[i]?.detail ?? null) as TypeDetail | null,
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

function onlyEmptyFrom(fields: string[], from: number): boolean {
  for (let i = from; i < fields.length; i++) if (fields[i] !== '') return false;
  return true;
}

function countLines(raw: string): number {
  let n = 1;
  for (let i = raw.indexOf('\n'); i !== -1; i = raw.indexOf('\n', i + 1)) n++;
  return n;
}
