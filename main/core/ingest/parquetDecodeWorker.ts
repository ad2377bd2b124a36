// The decoding half of a Parquet import, run in its own thread as the CSV parser is: reads each part
// file row group by row group with hyparquet, turns every value into its exact text (parquetValues),
// and hands rows to the inserting thread in packed batches (one string plus start, end and a flag per
// field; flag 2 marks a missing value), waiting for an ack per batch so memory stays flat.
import { open as openAsync } from 'node:fs/promises';
import path from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { parquetRead } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { ColumnType, TypeDetail } from '../../../shared/api/catalog';
import { TidysetError } from '../errors';
import { sha256File } from '../scan/hash';
import type { ParserMessage } from './csvParseWorker';
import type { ParquetDecodeParams } from './csvPipeline';
import { uniqueHeaderNames } from './header';
import { fileBuffer, folderHash, partsOf, readMetadata } from './parquet';
import { PARSERS, TYPE_OF, planOf, sameSchema, text, type Plan } from './parquetValues';

export type { ParquetDecodeParams };

const BATCH_ROWS = 4096;
const MAX_IN_FLIGHT = 4;
const EMPTY: unknown[] = [];

/** Decodes `p.file`, posting ParserMessages to `port`. */
export async function runParquetDecoder(p: ParquetDecodeParams, port: MessagePort): Promise<void> {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  port.on('message', (m: { t: string }) => {
    if (m.t !== 'ack') return;
    inFlight--;
    wake?.();
    wake = null;
  });
  const post = (m: ParserMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
  try {
    const parts = partsOf(p.file);
    const warnings: string[] = [];
    let first: Plan | undefined;
    const counts: Array<{ nonEmpty: number; empty: number }> = [];
    let width = 0;
    let offsets = new Int32Array(0);
    let pieces: string[] = [];
    let at = 0;
    let k = 0;
    let count = 0;
    let bytes = 0;
    const flush = async () => {
      if (count === 0) return;
      const buf = offsets.slice(0, k);
      post({ t: 'rows', text: pieces.join(''), offsets: buf, count, width }, [buf.buffer as ArrayBuffer]);
      inFlight++;
      pieces = [];
      at = k = count = 0;
      while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((r) => (wake = r));
    };
    for (const part of parts) {
      const fh = await openAsync(part, 'r');
      try {
        const { size } = await fh.stat();
        const meta = await readMetadata(part, fh);
        const plan = planOf(meta);
        if (!first) {
          first = plan;
          width = plan.names.length;
          for (let i = 0; i < width; i++) counts.push({ nonEmpty: 0, empty: 0 });
          offsets = new Int32Array(3 * BATCH_ROWS * width);
          post({ t: 'header', ...uniqueHeaderNames(plan.names, warnings), width });
        } else if (!sameSchema(first, plan)) {
          throw new TidysetError('MALFORMED_FILE', `${part}: its columns differ from ${parts[0]} (${plan.names.join(', ')} vs ${first.names.join(', ')}); a Parquet folder must hold one schema`, { file: part });
        }
        const buffer = fileBuffer(fh, size);
        const kinds = plan.kinds;
        let rowStart = 0;
        for (const [g, group] of meta.row_groups.entries()) {
          const n = Number(group.num_rows);
          // A whole row group at once: DuckDB and Spark write a group's column as few large pages, so
          // reading a group in slices decodes the same pages again (measured: twice as slow, no less memory).
          let rows: unknown[][] = [];
          try {
            await parquetRead({
              file: buffer, metadata: plan.metadata, compressors, parsers: PARSERS, utf8: false, rowStart, rowEnd: rowStart + n,
              rowFormat: 'array', onComplete: (r: unknown[][]) => { rows = r; },
            });
          } catch (e) {
            throw new TidysetError('MALFORMED_FILE', `${part}: row group ${g + 1} of ${meta.row_groups.length} (rows ${rowStart + 1}–${rowStart + n}) cannot be read: ${(e as Error).message}`, { file: part });
          }
          for (let r = 0; r < rows.length; r++) {
            const row = rows[r]!;
            // Let the decoded row go as soon as it is packed, so the group's values die as the batches go out.
            rows[r] = EMPTY;
            for (let c = 0; c < width; c++) {
              const v = text(row[c], kinds[c]!);
              if (v === null) {
                offsets[k++] = at;
                offsets[k++] = at;
                offsets[k++] = 2;
                counts[c]!.empty++;
              } else {
                offsets[k++] = at;
                at += v.length;
                offsets[k++] = at;
                offsets[k++] = 0;
                pieces.push(v);
                if (v === '') counts[c]!.empty++;
                else counts[c]!.nonEmpty++;
              }
            }
            if (++count === BATCH_ROWS) await flush();
          }
          rows = [];
          rowStart += n;
          bytes += group.columns.reduce((s, c) => s + Number(c.meta_data?.total_compressed_size ?? 0), 0);
          post({ t: 'progress', bytes });
        }
      } finally {
        await fh.close();
      }
    }
    if (!first) throw new TidysetError('MALFORMED_FILE', `${p.file}: no Parquet data`, { file: p.file });
    await flush();
    const types = first.kinds.map((kind, i): { type: ColumnType; detail: TypeDetail } => {
      const c = counts[i]!;
      return { type: c.nonEmpty === 0 ? 'empty' : TYPE_OF[kind.k], detail: { nonEmpty: c.nonEmpty, empty: c.empty } };
    });
    if (parts.length > 1) warnings.push(`${parts.length} part files read as one dataset: ${parts.map((f) => path.basename(f)).join(', ')}`);
    const sha256 = parts.length === 1 ? await sha256File(parts[0]!) : await folderHash(parts);
    post({ t: 'end', types, sha256, warnings });
  } catch (e) {
    const te = e instanceof TidysetError ? e : null;
    post({ t: 'fail', code: te?.code ?? 'INTERNAL', message: e instanceof Error ? e.message : String(e) });
  }
}
