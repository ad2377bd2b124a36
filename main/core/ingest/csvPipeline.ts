// The inserting half of a CSV (or Parquet) import: runs the parser in a second thread and writes its
// batches, so that parsing and SQLite inserts overlap on two cores. A batch is one string plus three
// numbers per field (start, end, flag): flag 1 = undo doubled quotes, flag 2 = a missing value (null).
import { rmSync } from 'node:fs';
import { spawnWorker } from '../jobs/spawn';
import { TidysetError } from '../errors';
import type { ErrorCode } from '../errors';
import type { JobContext } from '../jobs/context';
import type { ColumnType, TypeDetail } from '../../../shared/api/catalog';
import type { CsvParseParams, ParserMessage } from './csvParseWorker';
import { TableWriter } from './tableWriter';

/** What the Parquet decoding thread is started with (its code: parquetDecodeWorker). */
export interface ParquetDecodeParams {
  role: 'parquet-decode';
  file: string;
}

export interface PipelineResult {
  writer: TableWriter;
  names: string[];
  originals: string[];
  types: Array<{ type: ColumnType; detail: TypeDetail }>;
  sha256: string;
  warnings: string[];
}

/** Parses `params.file` in a worker and writes it into a new table file at `temp`. */
export function runCsvPipeline(params: Omit<CsvParseParams, 'role'>, temp: string, size: number, ctx: JobContext, label: string): Promise<PipelineResult> {
  return runPipeline({ ...params, role: 'csv-parse' }, temp, size, ctx, label);
}

/**
 * Decodes a Parquet file or folder in a worker and writes it into a new table file at `temp`. With
 * `heapMb` the decoder's old generation is capped there (V8 grows a heap lazily towards its limit, so
 * an uncapped decoder holds far more than one row group needs); should the cap prove too small the
 * decoder runs again uncapped, from the start, and the result says so.
 */
export async function runParquetPipeline(file: string, temp: string, size: number, ctx: JobContext, label: string, heapMb?: number): Promise<PipelineResult & { uncappedRetry?: true }> {
  if (heapMb === undefined) return runPipeline({ role: 'parquet-decode', file }, temp, size, ctx, label);
  try {
    return await runPipeline({ role: 'parquet-decode', file }, temp, size, ctx, label, { maxOldGenerationSizeMb: heapMb });
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw e;
    // The first attempt's table file goes; the second writes a new one in its place.
    for (const x of ['', '-wal', '-shm', '-journal']) rmSync(`${temp}${x}`, { force: true });
    return { ...(await runPipeline({ role: 'parquet-decode', file }, temp, size, ctx, label)), uncappedRetry: true };
  }
}

function runPipeline(params: CsvParseParams | ParquetDecodeParams, temp: string, size: number, ctx: JobContext, label: string, limits: { maxOldGenerationSizeMb?: number } = {}): Promise<PipelineResult> {
  const what = params.role === 'csv-parse' ? 'CSV parser' : 'Parquet decoder';
  const quote = params.role === 'csv-parse' ? params.quote ?? '' : '';
  return new Promise<PipelineResult>((resolve, reject) => {
    const worker = spawnWorker(params, limits);
    let writer: TableWriter | undefined;
    let names: string[] = [];
    let originals: string[] = [];
    let width = 0;
    let done = false;
    const early: Array<{ line: number; raw: string; reason: string }> = [];
    const finish = (e: unknown, r?: PipelineResult) => {
      if (done) return;
      done = true;
      void worker.terminate();
      if (e) {
        writer?.abort();
        reject(e);
      } else resolve(r!);
    };
    worker.on('message', (m: ParserMessage) => {
      if (done) return;
      try {
        switch (m.t) {
          case 'header':
            names = m.names;
            originals = m.originals;
            width = m.width;
            writer = new TableWriter(temp, width, params.file);
            for (const r of early.splice(0)) writer.reject(r.line, r.raw, r.reason);
            break;
          case 'rows': {
            if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'import cancelled');
            const row: Array<string | null> = new Array(width);
            const { text, offsets } = m;
            let k = 0;
            for (let r = 0; r < m.count; r++) {
              for (let i = 0; i < width; i++, k += 3) {
                const flag = offsets[k + 2];
                const v = flag === 2 ? null : text.slice(offsets[k]!, offsets[k + 1]!);
                row[i] = flag === 1 ? v!.split(quote + quote).join(quote) : v;
              }
              writer!.add(row);
            }
            worker.postMessage({ t: 'ack' });
            break;
          }
          case 'reject':
            // A malformed line before the header's line has no table to go to yet: keep it for later.
            if (writer) writer.reject(m.line, m.raw, m.reason);
            else early.push(m);
            break;
          case 'progress':
            if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'import cancelled');
            ctx.progress(m.bytes, size, `${label}: ${writer?.rows ?? 0} rows`);
            break;
          case 'fail':
            throw new TidysetError(m.code as ErrorCode, m.message, { file: params.file, line: m.line, column: m.column });
          case 'end':
            if (!writer) throw new TidysetError('MALFORMED_FILE', `${params.file}: the file has no records${size === 0 ? ' (empty file)' : ''}`, { file: params.file });
            finish(null, { writer, names, originals, types: m.types, sha256: m.sha256, warnings: m.warnings });
            break;
        }
      } catch (e) {
        finish(e);
      }
    });
    worker.on('error', (e) => finish(e));
    worker.on('exit', (code) => finish(new TidysetError('INTERNAL', `the ${what} thread exited (code ${code}) before finishing`)));
  });
}
