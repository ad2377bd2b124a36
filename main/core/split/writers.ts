// The one writer path of every export (plain `tidyset export` and splits): CSV (RFC 4180, UTF-8),
// typed JSON Lines and Parquet, each a sink that takes rows of stored values and writes a new file
// durably (created exclusively, fsynced), hashing its bytes as they go.
import { closeSync, fsyncSync, openSync } from 'node:fs';
import type { ColumnType, TypeDetail } from '../../../shared/api/catalog';
import { jsonEncoder } from '../export/jsonValues';
import { HashingWriter } from './hashingWriter';
import { ParquetSink, type ParquetColumn } from './parquetSink';

export type OutFormat = 'csv' | 'jsonl' | 'parquet';

/** A column as written: its name, inferred type (for JSONL and Parquet) and, for Parquet, its physical kind. */
export interface OutColumn {
  name: string;
  type: ColumnType;
  detail: TypeDetail | null;
  /** Parquet only: how the column is stored (parquetPlan.ts decides it from the type and the values). */
  parquet?: ParquetColumn['kind'];
}

export interface WrittenFile {
  bytes: number;
  sha256: string;
  /** JSON Lines: per typed column, the values that did not fit its type and were written as strings. */
  misfits?: Record<string, number>;
}

/** Takes rows (values in column order; null is missing) and writes them. */
export interface TableSink {
  write(row: ReadonlyArray<string | null>): void;
  /** Writes out what is buffered (the crash tests kill a writer with data on disk). */
  flush(): void;
  /** Flushes, fsyncs and closes; the file is complete. */
  finish(): WrittenFile;
  /** Closes without finishing (the caller removes the file). */
  abort(): void;
}

const NEEDS_QUOTES = /[",\r\n]|^[ \t]|[ \t]$/;

/** Quotes a CSV field when it holds a delimiter, quote or line break, or starts/ends with a space or tab. */
export function csvField(v: string | null): string {
  if (v === null || v === '') return v === '' ? '""' : '';
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Opens a new file (refusing to replace one) and the sink of its format. */
export function openSink(file: string, format: OutFormat, cols: OutColumn[]): TableSink {
  const fd = openSync(file, 'wx');
  const w = new HashingWriter(fd);
  let closed = false;
  const close = () => {
    if (!closed) closeSync(fd);
    closed = true;
  };
  let body: { write(row: ReadonlyArray<string | null>): void; end(): Record<string, number> | undefined };
  try {
    body = format === 'csv' ? csvBody(w, cols) : format === 'jsonl' ? jsonlBody(w, cols) : parquetBody(w, cols);
  } catch (e) {
    close();
    throw e;
  }
  return {
    write: (row) => body.write(row),
    flush: () => w.flush(),
    finish() {
      try {
        const misfits = body.end();
        w.flush();
        fsyncSync(fd);
        return { bytes: w.bytes, sha256: w.digest(), ...(misfits ? { misfits } : {}) };
      } finally {
        close();
      }
    },
    abort: close,
  };
}

/** Writes a small text file durably (manifests, datasheets) and returns its size and hash. */
export function writeTextFile(file: string, text: string): WrittenFile {
  const fd = openSync(file, 'wx');
  try {
    const w = new HashingWriter(fd);
    w.write(text);
    w.flush();
    fsyncSync(fd);
    return { bytes: w.bytes, sha256: w.digest() };
  } finally {
    closeSync(fd);
  }
}

function csvBody(w: HashingWriter, cols: OutColumn[]) {
  w.write(cols.map((c) => csvField(c.name)).join(',') + '\r\n');
  const single = cols.length === 1;
  return {
    write(r: ReadonlyArray<string | null>) {
      let line = '';
      for (let i = 0; i < cols.length; i++) line += (i ? ',' : '') + csvField(r[i]!);
      // An empty line would be read back as a blank line and the row lost; CSV has no NULL anyway.
      w.write((line === '' && single ? '""' : line) + '\r\n');
    },
    end: () => undefined,
  };
}

const TYPED = new Set<ColumnType>(['integer', 'decimal', 'boolean', 'date', 'datetime']);

function jsonlBody(w: HashingWriter, cols: OutColumn[]) {
  const keysJson = cols.map((c) => JSON.stringify(c.name) + ':');
  const enc = cols.map((c) => jsonEncoder(c.type, c.detail));
  const misfits = cols.map(() => 0);
  return {
    write(r: ReadonlyArray<string | null>) {
      // Every key on every line, NULL as null: an absent key would drop a column that is all NULL
      // and reorder columns whose first value is NULL when the export is imported again.
      let obj = '{';
      for (let i = 0; i < cols.length; i++) {
        const v = enc[i]!(r[i]);
        if (v.misfit) misfits[i]!++;
        obj += (i ? ',' : '') + keysJson[i] + v.json;
      }
      w.write(obj + '}\n');
    },
    end: () => Object.fromEntries(cols.flatMap((c, i) => (TYPED.has(c.type) ? [[c.name, misfits[i]!]] : []))),
  };
}

function parquetBody(w: HashingWriter, cols: OutColumn[]) {
  const sink = new ParquetSink(w, cols.map((c) => ({ name: c.name, kind: c.parquet ?? 'string', decimalComma: c.detail?.decimalSeparator === ',' })));
  return {
    write: (r: ReadonlyArray<string | null>) => sink.write(r),
    end: () => {
      sink.finish();
      return undefined;
    },
  };
}
