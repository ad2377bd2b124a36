// A parse preview for the import options dialog: the first rows of a file split as the given options would read it.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { TidysetError } from '../errors';
import { sniffBuffer } from '../scan/detect';
import { CsvParser } from './csvParser';
import { StreamDecoder, type TextEncoding } from './decode';
import { uniqueHeaderNames } from './header';
import { JsonRecordReader } from './jsonRecords';

/** How much of the file a preview reads. */
export const PREVIEW_BYTES = 64 * 1024;
/** At most this many data rows in a preview. */
export const PREVIEW_ROWS = 10;

export interface PreviewOptions {
  format?: 'csv' | 'jsonl' | 'json' | 'parquet' | 'xlsx' | 'sqlite';
  encoding?: TextEncoding;
  delimiter?: string;
  quote?: string | null;
  header?: boolean;
}

export interface Preview {
  /** Column names as the import would make them. */
  columns: string[];
  /** Up to PREVIEW_ROWS rows, one value per column (null: the field is missing on that line). */
  rows: Array<Array<string | null>>;
  /** Things to know about this reading: one column only, syntax problems, a cut-off sample. */
  notes: string[];
  /** The options in effect (given ones, the rest as sniffed). */
  options: { format: 'csv' | 'jsonl' | 'json'; encoding: TextEncoding; delimiter: string | null; quote: string | null; header: boolean | null };
}

/** Reads the first PREVIEW_BYTES of `file` and parses its first rows with the options (sniffed where not given). */
export async function previewFile(file: string, opts: PreviewOptions): Promise<Preview> {
  const abs = path.resolve(file);
  let head: Buffer;
  let truncated: boolean;
  try {
    const fh = await open(abs, 'r');
    try {
      const buf = Buffer.alloc(PREVIEW_BYTES + 1);
      let filled = 0;
      while (filled < buf.length) {
        const { bytesRead } = await fh.read(buf, filled, buf.length - filled, null);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      truncated = filled > PREVIEW_BYTES;
      head = buf.subarray(0, Math.min(filled, PREVIEW_BYTES));
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw new TidysetError('BAD_INPUT', `${abs}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { file: abs });
  }
  const sniffed = sniffBuffer(head, truncated);
  const wanted = opts.format ?? (sniffed.importable ? sniffed.format : undefined);
  if (wanted === 'parquet' || wanted === 'xlsx' || wanted === 'sqlite') {
    throw new TidysetError('UNSUPPORTED_FILE', `${abs}: a ${wanted} file has no text preview; its sheets or tables are listed by sources.parts`, { file: abs });
  }
  const format = wanted as 'csv' | 'jsonl' | 'json' | undefined;
  if (!format) throw new TidysetError('UNSUPPORTED_FILE', `${abs}: cannot import: ${sniffed.reason ?? sniffed.format}`, { file: abs });
  const encoding: TextEncoding = opts.encoding ?? ((sniffed.encoding as TextEncoding | null) ?? 'utf-8');
  const text = new StreamDecoder(encoding, abs, 'replace').decode(head, !truncated);
  const notes: string[] = [];
  if (text.includes('\uFFFD')) notes.push(`some bytes are not valid ${encoding} (shown as �); another encoding may read them`);
  if (format === 'csv') {
    const delimiter = opts.delimiter ?? sniffed.delimiter ?? ',';
    const quote = opts.quote !== undefined ? opts.quote : (sniffed.quote ?? '"');
    const header = opts.header ?? sniffed.header ?? true;
    const p = previewCsv(text, truncated, { delimiter, quote, header }, notes);
    return { ...p, notes, options: { format, encoding, delimiter, quote, header } };
  }
  const p = previewJson(text, truncated, format, abs, notes);
  return { ...p, notes, options: { format, encoding, delimiter: null, quote: null, header: null } };
}

function previewCsv(text: string, truncated: boolean, d: { delimiter: string; quote: string | null; header: boolean }, notes: string[]) {
  const parser = new CsvParser({ delimiter: d.delimiter, quote: d.quote });
  const records: string[][] = [];
  const want = PREVIEW_ROWS + (d.header ? 1 : 0);
  let problem: string | null = null;
  const onRecord = (fields: string[], line: number, p: { line: number; column: number; message: string } | null) => {
    if (p && !problem) problem = `line ${p.line}, column ${p.column}: ${p.message}`;
    if (!p && records.length < want) records.push([...fields]);
    void line;
  };
  parser.push(text, onRecord);
  // A cut-off sample's last line may be partial: only a whole file is flushed.
  if (!truncated) parser.end(onRecord);
  if (problem) notes.push(problem);
  const width = Math.max(0, ...records.map((r) => r.length));
  const raw = d.header && records.length ? records[0]! : Array.from({ length: width }, (_, i) => `column_${i + 1}`);
  const { names } = uniqueHeaderNames(raw.length < width ? [...raw, ...Array.from({ length: width - raw.length }, () => '')] : raw, []);
  const rows = (d.header ? records.slice(1) : records).map((r) => names.map((_, i) => r[i] ?? null));
  if (names.length === 1 && records.length > 1) {
    const hint = frequentCharacter(records.map((r) => r[0] ?? ''));
    notes.push(`every line reads as one column${hint ? `; the lines all contain ${JSON.stringify(hint)} — try it as the delimiter` : ''}`);
  }
  if (records.length === 0) notes.push('no rows in the first 64 KB with these options');
  return { columns: names, rows };
}

/** The non-alphanumeric character found on every line (at least once), the one with the highest least count, if any. */
function frequentCharacter(lines: string[]): string | null {
  const counts = (s: string) => {
    const m = new Map<string, number>();
    for (const ch of s) if (!/[\p{L}\p{N}\s"'.\-]/u.test(ch)) m.set(ch, (m.get(ch) ?? 0) + 1);
    return m;
  };
  const perLine = lines.map(counts);
  let best: string | null = null;
  let bestN = 0;
  for (const ch of perLine[0]?.keys() ?? []) {
    const least = Math.min(...perLine.map((m) => m.get(ch) ?? 0));
    if (least > bestN) {
      best = ch;
      bestN = least;
    }
  }
  return best;
}

function previewJson(text: string, truncated: boolean, format: 'jsonl' | 'json', abs: string, notes: string[]) {
  const reader = new JsonRecordReader(format, abs);
  const keys = new Map<string, number>();
  const records: Array<Map<string, string | null>> = [];
  let problem: string | null = null;
  const onRecord = (flat: Map<string, string | null> | null, line: number, p: string | null) => {
    if ((p || !flat) && !problem) problem = `line ${line}: ${p ?? 'not an object'}`;
    if (!flat || p || records.length >= PREVIEW_ROWS) return;
    for (const k of flat.keys()) if (!keys.has(k)) keys.set(k, keys.size);
    records.push(flat);
  };
  try {
    reader.push(text, !truncated, onRecord);
  } catch (e) {
    if (!problem) problem = e instanceof Error ? e.message : String(e);
  }
  if (problem) notes.push(problem);
  const columns = [...keys.keys()];
  return { columns, rows: records.map((r) => columns.map((c) => (r.has(c) ? r.get(c)! : null))) };
}
