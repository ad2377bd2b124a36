// The parsing half of a CSV import, run in its own thread: reads, decodes, parses and type-checks
// the file, and hands rows to the inserting thread in packed batches (one string plus field lengths).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import type { ColumnType, TypeDetail } from '../../../shared/api/catalog';
import { TidysetError, atPosition } from '../errors';
import { CsvParser, type CsvLimits, type SyntaxProblem } from './csvParser';
import { StreamDecoder, innerBomWarning, type TextEncoding } from './decode';
import { uniqueHeaderNames } from './header';
import { TypeInferrer } from './infer';

export interface CsvParseParams {
  role: 'csv-parse';
  file: string;
  encoding: TextEncoding;
  delimiter: string;
  quote: string | null;
  header: boolean;
  onError: 'stop' | 'skip';
  limits?: Partial<CsvLimits>;
}

export type ParserMessage =
  | { t: 'header'; names: string[]; originals: string[]; width: number }
  | { t: 'rows'; text: string; offsets: Int32Array; count: number; width: number }
  | { t: 'reject'; line: number; raw: string; reason: string }
  | { t: 'progress'; bytes: number }
  | { t: 'fail'; code: string; message: string; line?: number; column?: number }
  | { t: 'end'; types: Array<{ type: ColumnType; detail: TypeDetail }>; sha256: string; warnings: string[] };

/** Rows per batch, and batches in flight before the parser waits for the inserter. */
const BATCH_ROWS = 4096;
const MAX_IN_FLIGHT = 4;

/** Parses `p.file`, posting ParserMessages to `port`; waits for an `ack` per batch to keep memory flat. */
export async function runCsvParser(p: CsvParseParams, port: MessagePort): Promise<void> {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const onAck = (m: { t: string }) => {
    if (m.t === 'ack') {
      inFlight--;
      wake?.();
      wake = null;
    }
  };
  port.on('message', onAck);
  const post = (m: ParserMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);

  const warnings: string[] = [];
  const hash = createHash('sha256');
  const decoder = new StreamDecoder(p.encoding, p.file, p.onError === 'skip' ? 'replace' : 'error');
  const parser = new CsvParser({ delimiter: p.delimiter, quote: p.quote }, 'offsets', p.limits);
  let width = -1;
  let trailing = 0;
  let inferrer: TypeInferrer | undefined;
  // The accepted rows of the current parser run: (start, end, unescape) per field, into parser.text.
  let out = new Int32Array(0);
  let nOut = 0;
  let count = 0;
  let outText = '';
  // Whether the parser's current text holds a NUL (checked once per text, not per record).
  let nulChecked: string | null = null;
  let textHasNul = false;

  const fail = (line: number, column: number | undefined, reason: string): never => {
    throw new TidysetError('MALFORMED_FILE', atPosition({ file: p.file, line, column }, reason) +
      ' (nothing was imported)', { file: p.file, line, column });
  };
  const reject = (line: number, raw: string, reason: string) => post({ t: 'reject', line, raw, reason });
  const flush = () => {
    if (count === 0) return;
    const buf = out.slice(0, nOut);
    post({ t: 'rows', text: outText, offsets: buf, count, width }, [buf.buffer as ArrayBuffer]);
    inFlight++;
    nOut = 0;
    count = 0;
  };
  const invalidLine = (first: number, raw: string): string | null => {
    let last = first;
    for (let i = raw.indexOf('\n'); i !== -1; i = raw.indexOf('\n', i + 1)) last++;
    for (let l = first; l <= last; l++) if (decoder.invalidLines.has(l)) return `invalid ${p.encoding} bytes on line ${l}`;
    return null;
  };

  const onRecord = (fields: string[], line: number, problem: SyntaxProblem | null, raw: () => string) => {
    if (problem) {
      // The header names the columns: a malformed one cannot be set aside, whatever onError says.
      if (p.onError === 'stop' || (width === -1 && p.header)) fail(problem.line, problem.column, width === -1 && p.header ? `the header line is malformed: ${problem.message}` : problem.message);
      return reject(line, raw(), `line ${problem.line}, column ${problem.column}: ${problem.message}`);
    }
    if (parser.text !== nulChecked) {
      nulChecked = parser.text;
      textHasNul = nulChecked.includes('\0');
    }
    if (textHasNul) {
      const text = raw();
      const k = text.indexOf('\0');
      if (k !== -1) {
        // A NUL is no character of a text file: name where it is, and let skip set the line aside.
        const before = text.slice(0, k);
        const nl = before.match(/\r\n|\r|\n/g)?.length ?? 0;
        const at = { line: line + nl, column: k - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) };
        const reason = 'NUL byte (U+0000): a stray byte, or not a text file';
        if (p.onError === 'stop' || (width === -1 && p.header)) fail(at.line, at.column, reason);
        return reject(line, text, `line ${at.line}, column ${at.column}: ${reason}`);
      }
    }
    if (width === -1) {
      width = fields.length;
      const values = fieldValues(fields.length);
      const named = p.header ? uniqueHeaderNames(values, warnings) : { names: values.map((_, i) => `column_${i + 1}`), originals: values.map(() => '') };
      post({ t: 'header', ...named, width });
      inferrer = new TypeInferrer(width);
      out = new Int32Array(3 * BATCH_ROWS * width);
      if (p.header) return;
    }
    if (decoder.invalidLines.size) {
      const bad = invalidLine(line, raw());
      if (bad) return reject(line, raw(), bad);
    }
    if (fields.length > width && onlyEmptyFrom(parser.offsets!, parser.recordBase, width, fields.length)) {
      // Trailing delimiters (`a\tb\t`) add empty fields past the header: drop them, and say so.
      fields.length = width;
      trailing++;
    }
    if (fields.length !== width) {
      const reason = `${fields.length} field${fields.length === 1 ? '' : 's'} where the ${p.header ? 'header has' : 'first line has'} ${width}`;
      if (p.onError === 'stop') fail(line, undefined, reason);
      return reject(line, raw(), reason);
    }
    if (parser.text !== outText) {
      flush();
      outText = parser.text;
    }
    const o = parser.offsets!;
    const inf = inferrer!;
    let k = parser.recordBase;
    for (let i = 0; i < width; i++, k += 3) {
      const start = o[k]!;
      const end = o[k + 1]!;
      out[nOut++] = start;
      out[nOut++] = end;
      out[nOut++] = o[k + 2]!;
      if (inf.needsValue(i)) inf.addValue(i, fieldValue(k));
      else inf.count(i, start === end);
    }
    if (++count === BATCH_ROWS) flush();
  };
  /** The text of the field whose offsets start at k (only for type inference and header names). */
  const fieldValue = (k: number): string => {
    const o = parser.offsets!;
    const t = parser.text.slice(o[k]!, o[k + 1]!);
    return o[k + 2] && p.quote ? t.split(p.quote + p.quote).join(p.quote) : t;
  };
  const fieldValues = (n: number): string[] => Array.from({ length: n }, (_, i) => fieldValue(parser.recordBase + 3 * i));

  try {
    let bytes = 0;
    for await (const chunk of createReadStream(p.file, { highWaterMark: 1 << 20 })) {
      const buf = chunk as Buffer;
      hash.update(buf);
      parser.push(decoder.decode(buf), onRecord);
      flush();
      bytes += buf.length;
      post({ t: 'progress', bytes });
      while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((r) => (wake = r));
    }
    const rest = decoder.decode(Buffer.alloc(0), true);
    if (rest) parser.push(rest, onRecord);
    parser.end(onRecord);
    flush();
    if (trailing) warnings.push(`${trailing} line${trailing === 1 ? '' : 's'} ended with empty fields past the header's ${width} columns (trailing delimiters); those empty fields were dropped`);
    if (decoder.innerBoms) warnings.push(innerBomWarning(decoder.innerBoms, decoder.firstInnerBom));
    if (parser.blankLines) warnings.push(`${parser.blankLines} blank line${parser.blankLines === 1 ? '' : 's'} skipped`);
    post({ t: 'end', types: inferrer?.results() ?? [], sha256: hash.digest('hex'), warnings });
  } catch (e) {
    const te = e instanceof TidysetError ? e : null;
    post({ t: 'fail', code: te?.code ?? 'INTERNAL', message: e instanceof Error ? e.message : String(e), line: te?.position?.line, column: te?.position?.column });
  } finally {
    // Stop listening so that the thread can end once its messages are out.
    port.off('message', onAck);
  }
}

/** Whether fields `from`…`count-1` of the record at `base` are all empty. */
function onlyEmptyFrom(offsets: Int32Array, base: number, from: number, count: number): boolean {
  for (let i = from; i < count; i++) if (offsets[base + 3 * i] !== offsets[base + 3 * i + 1]) return false;
  return true;
}
