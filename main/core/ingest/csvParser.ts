// Streaming, lossless CSV/TSV parser: exact field text, line numbers, and precise syntax errors.
//
// Semantics (RFC 4180 plus what real files need):
// - a record ends at an unquoted \n, \r\n or lone \r; blank lines are skipped but counted;
// - a field that starts with the quote character is quoted: it runs to the next quote not doubled,
//   keeps newlines and delimiters verbatim, and "" inside it stands for one quote;
// - a quote inside an unquoted field is kept as a literal character (common in the wild);
// - spaces or tabs between a delimiter and an opening quote, or a closing quote and the next
//   delimiter, are padding (`a, "b"`), as Python's skipinitialspace reads them;
// - text after a closing quote other than a delimiter or line end is an error, as is a quoted
//   field still open at the end of input; both name line and column, and parsing resumes at the
//   next line so that `--on-error skip` can keep going.

import {
  CR, DEFAULT_LIMITS, LF, MAX_LIMIT_BYTES, RAW_PREVIEW_CHARS, SP, TAB,
  columnOf, countLineBreaks, describeChar, findLineEnd, indexOrEnd,
  type CsvLimits, type Dialect, type RecordHandler, type SyntaxProblem,
} from './csvText';

export { DEFAULT_LIMITS, MAX_LIMIT_BYTES, type CsvLimits, type Dialect, type RecordHandler, type SyntaxProblem } from './csvText';

export class CsvParser {
  private buf = '';
  /**
   * Chunks that arrived while a record longer than them was pending: they are joined onto it only once
   * they add up to its length, so a long record is copied and rescanned O(log n) times, not once per chunk.
   */
  private parts: string[] = [];
  private partsLen = 0;
  /** Skipping the rest of an over-long unquoted line (already reported) up to its line break. */
  private skipping = false;
  /** The skipped line ended with a CR at the end of a chunk: an LF starting the next chunk belongs to it. */
  private afterCr = false;
  /** Set by field() when a field is over maxFieldBytes; emit() turns it into the record's problem. */
  private longField: { index: number; start: number; bytes: number } | null = null;
  private readonly limits: CsvLimits;
  /** Line number of buf[0]. */
  private line = 1;
  /** How far the scan of a quoted field cut off at the end of buf got (offsets from buf[0]). */
  private pending: { fieldStart: number; q: number; lines: number; hasDoubled: boolean } | null = null;
  private readonly delim: number;
  private readonly quote: number;
  /** Number of blank lines skipped so far. */
  blankLines = 0;
  /** Number of records emitted so far (including ones with problems). */
  records = 0;

  /**
   * Offsets mode: fields are not sliced into strings; each is recorded as (start, end, unescape) in
   * `offsets` from `recordBase` on, indexing `text`, and `fields` holds empty placeholders. The
   * import's parser thread uses it to hand rows over without building a string per field.
   */
  offsets: Int32Array | null = null;
  nOffsets = 0;
  recordBase = 0;
  /** The text the offsets of the records being emitted point into. */
  text = '';
  private readonly doubledQuote: string;
  private readonly quoteChar: string;

  constructor(dialect: Dialect, mode: 'strings' | 'offsets' = 'strings', limits: Partial<CsvLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    for (const [k, v] of Object.entries(this.limits)) {
      if (!Number.isInteger(v) || v < 1 || v > MAX_LIMIT_BYTES) throw new RangeError(`${k} must be an integer from 1 to ${MAX_LIMIT_BYTES}, got ${v}`);
    }
    if (mode === 'offsets') this.offsets = new Int32Array(3 * 4096);
    this.quoteChar = dialect.quote ?? '';
    this.doubledQuote = this.quoteChar + this.quoteChar;
    if (dialect.delimiter.length !== 1) throw new Error(`delimiter must be one character, got ${JSON.stringify(dialect.delimiter)}`);
    if (dialect.quote !== null && dialect.quote.length !== 1) throw new Error('quote must be one character or null');
    this.delim = dialect.delimiter.charCodeAt(0);
    this.quote = dialect.quote === null ? -1 : dialect.quote.charCodeAt(0);
  }

  /** Parses `chunk`; complete records go to `onRecord`, a trailing partial record is kept for the next call. */
  push(chunk: string, onRecord: RecordHandler): void {
    if (chunk.length === 0) return;
    if (this.afterCr) {
      this.afterCr = false;
      if (chunk.charCodeAt(0) === LF) chunk = chunk.slice(1);
    }
    if (this.skipping) {
      chunk = this.skipToLineEnd(chunk);
      if (this.skipping) return;
    }
    if (this.buf.length > 0) {
      this.parts.push(chunk);
      this.partsLen += chunk.length;
      // Wait until the new text is as long as the pending record (or would carry it past the limit).
      if (this.partsLen < this.buf.length && this.buf.length + this.partsLen <= this.limits.maxRecordBytes) return;
      chunk = this.takeParts();
    }
    this.buf = this.buf.length ? this.buf + chunk : chunk;
    this.run(false, onRecord);
  }

  /** Flushes the last record (one without a final newline) and reports an unclosed quote. */
  end(onRecord: RecordHandler): void {
    const rest = this.takeParts();
    this.afterCr = false;
    if (this.skipping) {
      this.buf = this.skipToLineEnd(rest);
      this.skipping = false;
    } else this.buf += rest;
    this.run(true, onRecord);
    this.buf = '';
    this.pending = null;
  }

  private takeParts(): string {
    const joined = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.partsLen = 0;
    return joined;
  }

  /** Drops text up to and including the next line break; returns what follows it. */
  private skipToLineEnd(chunk: string): string {
    const lf = chunk.indexOf('\n');
    const cr = chunk.indexOf('\r');
    const i = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
    if (i !== -1 && (chunk.charCodeAt(i) === LF || i + 1 < chunk.length)) {
      this.skipping = false;
      this.line++;
      return chunk.slice(chunk.charCodeAt(i) === CR && chunk.charCodeAt(i + 1) === LF ? i + 2 : i + 1);
    }
    // A CR at the very end: the LF may follow in the next chunk; keep skipping (the LF ends it).
    if (chunk.length && chunk.charCodeAt(chunk.length - 1) === CR) {
      this.skipping = false;
      this.line++;
      this.afterCr = true;
    }
    return '';
  }

  private run(final: boolean, onRecord: RecordHandler): void {
    const s = this.buf;
    this.text = s;
    this.nOffsets = 0;
    const n = s.length;
    const D = this.delim;
    const Q = this.quote;
    let pos = 0;
    let line = this.line;
    const delimChar = String.fromCharCode(D);
    const hasCr = s.indexOf('\r') !== -1;
    let nextLf = -1;
    let nextCr = -1;
    let nextDelim = -1;

    outer: while (pos < n) {
      const recStart = pos;
      const recLine = line;
      // Blank line: skip it, count it.
      let c = s.charCodeAt(pos);
      if (c === LF || c === CR) {
        if (c === CR) {
          if (pos + 1 >= n && !final) break; // cannot tell \r from \r\n yet
          if (s.charCodeAt(pos + 1) === LF) pos++;
        }
        pos++;
        line++;
        this.blankLines++;
        continue;
      }
      const fields: string[] = [];
      this.recordBase = this.nOffsets;
      this.longField = null; // a record abandoned at the end of the text starts afresh
      let fieldStart = pos;
      for (;;) {
        if (pos >= n) {
          if (!final) {
            pos = recStart;
            line = recLine;
            break outer;
          }
          this.field(fields, s, fieldStart, pos, false);
          this.emit(onRecord, fields, recLine, null, s, recStart, pos);
          break outer;
        }
        c = s.charCodeAt(pos);
        if ((c === SP || c === TAB) && pos === fieldStart && Q !== -1 && c !== D) {
          // Padding before an opening quote (`a, "b"`) belongs to the dialect, not the value.
          let p = pos + 1;
          while (p < n && (s.charCodeAt(p) === SP || s.charCodeAt(p) === TAB)) p++;
          if (p >= n && !final) {
            pos = recStart;
            line = recLine;
            break outer;
          }
          if (p < n && s.charCodeAt(p) === Q) {
            pos = fieldStart = p;
            c = Q;
          }
        }
        if (c === Q && pos === fieldStart) {
          // Quoted field.
          let q = pos + 1;
          let hasDoubled = false;
          let closed = -1;
          const hint = this.pending;
          this.pending = null;
          if (hint !== null && recStart === 0 && fieldStart === hint.fieldStart) {
            // The same field was cut off by the end of the last chunk: go on from where its scan stopped.
            q = hint.q;
            hasDoubled = hint.hasDoubled;
            line = recLine + hint.lines;
          }
          // Lines are counted up to `scanned`; the scan can resume there.
          let scanned = q;
          while (q < n) {
            const cq = s.indexOf(String.fromCharCode(Q), q);
            if (cq === -1) {
              q = n;
              break;
            }
            // Count lines inside the quoted part as we pass them.
            line += countLineBreaks(s, q, cq);
            if (cq + 1 < n && s.charCodeAt(cq + 1) === Q) {
              hasDoubled = true;
              q = scanned = cq + 2;
              continue;
            }
            if (cq + 1 >= n && !final) {
              scanned = cq;
              q = n; // the next chunk may start with the second quote of a pair
              break;
            }
            closed = cq;
            break;
          }
          if (closed === -1) {
            if (!final) {
              if (n - recStart > this.limits.maxRecordBytes) {
                // Most likely an unclosed quote; either way the record is over the limit.
                this.failUnclosed(onRecord, s, recStart, recLine, fieldStart,
                  `quoted field runs past the record limit of ${this.limits.maxRecordBytes} bytes (unclosed quote, or raise the limit, e.g. --max-record-bytes)`);
                return;
              }
              // Rescanning a long quoted field from its start on every chunk would be quadratic.
              this.pending = { fieldStart: fieldStart - recStart, q: scanned - recStart, lines: line - recLine, hasDoubled };
              pos = recStart;
              line = recLine;
              break outer;
            }
            // End of input inside quotes: report where the quote opened, resume after that line.
            const resume = this.failUnclosed(onRecord, s, recStart, recLine, fieldStart);
            if (resume !== null) {
              this.buf = s.slice(resume.pos);
              this.line = resume.line;
              this.run(true, onRecord);
            }
            return;
          }
          this.field(fields, s, fieldStart + 1, closed, hasDoubled);
          pos = closed + 1;
          // Padding after a closing quote, before the delimiter or line end.
          while (pos < n && (s.charCodeAt(pos) === SP || s.charCodeAt(pos) === TAB) && s.charCodeAt(pos) !== D) pos++;
          if (pos >= n && !final) {
            pos = recStart;
            line = recLine;
            break outer;
          }
          if (pos >= n) {
            // closed was at the very end and final is true (otherwise we waited above)
            this.emit(onRecord, fields, recLine, null, s, recStart, pos);
            break outer;
          }
          c = s.charCodeAt(pos);
          if (c === D) {
            pos++;
            fieldStart = pos;
            continue;
          }
          if (c === LF || c === CR) {
            const end = pos;
            if (c === CR) {
              if (pos + 1 >= n && !final) {
                pos = recStart;
                line = recLine;
                break outer;
              }
              if (s.charCodeAt(pos + 1) === LF) pos++;
            }
            pos++;
            line++;
            this.emit(onRecord, fields, recLine, null, s, recStart, end);
            continue outer;
          }
          // Junk after a closing quote: reject the record up to the end of its line.
          const col = columnOf(s, pos);
          const problem: SyntaxProblem = {
            line,
            column: col,
            message: `unexpected ${describeChar(s.codePointAt(pos) ?? c)} after the closing quote of field ${fields.length}`,
          };
          const eol = findLineEnd(s, pos);
          // A CR at the end of the text may be the first half of a CRLF: wait for the next chunk.
          if ((eol.end === -1 || (eol.end === n - 1 && s.charCodeAt(eol.end) === CR)) && !final) {
            pos = recStart;
            line = recLine;
            break outer;
          }
          const end = eol.end === -1 ? n : eol.end;
          this.emit(onRecord, fields, recLine, problem, s, recStart, end);
          pos = eol.end === -1 ? n : eol.next;
          line++;
          continue outer;
        }
        // Unquoted field: runs to the next delimiter or line end. indexOf (vectorised) finds them;
        // the next line break and delimiter positions are cached while the scan is behind them.
        if (nextLf < pos) nextLf = indexOrEnd(s, '\n', pos);
        if (nextCr < pos) nextCr = hasCr ? indexOrEnd(s, '\r', pos) : n;
        if (nextDelim < pos) nextDelim = indexOrEnd(s, delimChar, pos);
        const lineEnd = nextLf < nextCr ? nextLf : nextCr;
        pos = nextDelim < lineEnd ? nextDelim : lineEnd;
        if (pos >= n) continue; // handled at the top of the loop
        c = s.charCodeAt(pos);
        this.field(fields, s, fieldStart, pos, false);
        if (c === D) {
          // A delimiter at the very end: the top of the loop adds the empty last field or waits.
          pos++;
          fieldStart = pos;
          continue;
        }
        const end = pos;
        if (c === CR) {
          if (pos + 1 >= n && !final) {
            pos = recStart;
            line = recLine;
            break outer;
          }
          if (s.charCodeAt(pos + 1) === LF) pos++;
        }
        pos++;
        line++;
        this.emit(onRecord, fields, recLine, null, s, recStart, end);
        continue outer;
      }
    }
    this.buf = pos >= n ? '' : s.slice(pos);
    this.line = line;
    // (A CR at the end, waiting to be told from CRLF, is no part of the record.)
    const b = this.buf;
    if (!final && this.pending === null && b.length - (b.charCodeAt(b.length - 1) === CR ? 1 : 0) > this.limits.maxRecordBytes) this.failLongLine(onRecord);
  }

  /** The pending record (no open quote) is over the record limit: report it, and skip to its line's end. */
  private failLongLine(onRecord: RecordHandler): void {
    const s = this.buf;
    const lines = countLineBreaks(s, 0, s.length);
    this.records++;
    onRecord([], this.line, this.longRecordProblem(this.line), () => this.preview(s, 0));
    this.buf = '';
    this.line += lines;
    // The record is on its last line: drop the rest of that line as it arrives. A CR at the very end
    // already ended it (and was counted); an LF right after it belongs to it.
    if (s.charCodeAt(s.length - 1) === CR) this.afterCr = true;
    else this.skipping = true;
  }

  private field(fields: string[], s: string, start: number, end: number, doubled: boolean): void {
    // UTF-8 takes 1 to 3 bytes per UTF-16 unit: the exact count is needed only near the limit.
    const max = this.limits.maxFieldBytes;
    if (this.longField === null && (end - start) * 3 > max) {
      const bytes = end - start > max ? end - start : Buffer.byteLength(s.slice(start, end));
      if (bytes > max) this.longField = { index: fields.length, start, bytes };
    }
    const o = this.offsets;
    if (o === null) {
      const t = s.slice(start, end);
      fields.push(doubled ? t.split(this.doubledQuote).join(this.quoteChar) : t);
      return;
    }
    if (this.nOffsets + 3 > o.length) {
      const bigger = new Int32Array(o.length * 2);
      bigger.set(o);
      this.offsets = bigger;
    }
    const b = this.offsets!;
    b[this.nOffsets++] = start;
    b[this.nOffsets++] = end;
    b[this.nOffsets++] = doubled ? 1 : 0;
    fields.push('');
  }

  private emit(
    onRecord: RecordHandler,
    fields: string[],
    line: number,
    problem: SyntaxProblem | null,
    s: string,
    start: number,
    end: number,
  ): void {
    this.records++;
    const long = this.longField;
    this.longField = null;
    const max = this.limits.maxRecordBytes;
    // The record limit is checked first, so that a record read whole and one cut off while pending
    // (failLongLine) are reported alike: same line, column, message, no fields, same preview.
    if (problem === null && (end - start) * 3 > max && (end - start > max || Buffer.byteLength(s.slice(start, end)) > max)) {
      onRecord([], line, this.longRecordProblem(line), () => this.preview(s, start, end));
      return;
    }
    const given = problem;
    if (problem === null && long !== null) {
      problem = {
        line: line + countLineBreaks(s, start, long.start),
        column: columnOf(s, long.start),
        message: `field ${long.index + 1} is ${long.bytes} bytes, longer than the limit of ${this.limits.maxFieldBytes} (raise it, e.g. --max-field-bytes)`,
      };
    }
    // A record over a limit is kept in the rejects only as a preview.
    const tooLong = problem !== given;
    onRecord(fields, line, problem, () => (tooLong ? this.preview(s, start, end) : s.slice(start, end)));
  }

  private longRecordProblem(line: number): SyntaxProblem {
    return { line, column: 1, message: `record is longer than the limit of ${this.limits.maxRecordBytes} bytes (raise it, e.g. --max-record-bytes)` };
  }

  /** The start of an over-long record, for the rejects: never longer than the limit, so whole and pending reads agree. */
  private preview(s: string, start: number, end = s.length): string {
    return s.slice(start, Math.min(end, start + Math.min(RAW_PREVIEW_CHARS, this.limits.maxRecordBytes, this.limits.maxFieldBytes))) + '…';
  }

  /** Reports an unclosed quote opened at `quoteAt`; returns where parsing can resume (the line after the quote's). */
  private failUnclosed(
    onRecord: RecordHandler,
    s: string,
    recStart: number,
    recLine: number,
    quoteAt: number,
    message = 'quoted field is never closed (unclosed quote)',
  ): { pos: number; line: number } | null {
    // Earlier fields of the record may span lines: name the quote's own line and column, and resume
    // after that line rather than re-reading the record's continuation lines as records.
    const quoteLine = recLine + countLineBreaks(s, recStart, quoteAt);
    const eol = findLineEnd(s, quoteAt);
    const end = eol.end === -1 ? s.length : eol.end;
    const problem: SyntaxProblem = {
      line: quoteLine,
      column: columnOf(s, quoteAt),
      message,
    };
    this.emit(onRecord, [], recLine, problem, s, recStart, end);
    this.buf = '';
    if (eol.end === -1) return null;
    return { pos: eol.next, line: quoteLine + 1 };
  }
}
