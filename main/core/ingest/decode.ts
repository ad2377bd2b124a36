// Streaming byte-to-text decoding that names the line and column of the first invalid byte.
import { closeSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { CP1252_HIGH } from '../../../shared/ops/transforms/windows1252';
import { TidysetError } from '../errors';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Decodes chunks of bytes to text. Strips a leading BOM. UTF-8 is strict: in 'error' mode an invalid
 * sequence throws a MALFORMED_FILE error naming line and column; in 'replace' mode it becomes U+FFFD and
 * the line is recorded in `invalidLines` so that the records on it can be rejected.
 */
export class StreamDecoder {
  private readonly decoder: TextDecoder;
  private carry: Buffer | null = null;
  private first = true;
  /** Lines (1-based) on which invalid bytes were replaced. */
  readonly invalidLines = new Set<number>();
  /** Byte order marks (U+FEFF) found past the start of the file (kept: data stays exact), and where the first was. */
  innerBoms = 0;
  firstInnerBom: { line: number; column: number } | null = null;
  /** Bytes decoded before the current chunk, to place errors. */
  private offset = 0;
  private known: Position = { offset: 0, line: 1, col: 1 };

  constructor(
    private readonly encoding: TextEncoding,
    private readonly file: string,
    private readonly mode: 'error' | 'replace' = 'error',
  ) {
    this.decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
  }

  /** Decodes the next chunk; `final` flushes an incomplete trailing sequence. */
  decode(chunk: Buffer, final = false): string {
    let bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    if (this.encoding === 'utf-8') {
      const cut = final ? bytes.length : completeUtf8Prefix(bytes);
      if (cut < bytes.length) {
        this.carry = Buffer.from(bytes.subarray(cut));
        bytes = bytes.subarray(0, cut);
      }
    } else if (this.encoding !== 'windows-1252' && bytes.length % 2 === 1 && !final) {
      this.carry = Buffer.from(bytes.subarray(bytes.length - 1));
      bytes = bytes.subarray(0, bytes.length - 1);
    }
    let text: string;
    if (this.encoding === 'utf-8') {
      // isUtf8 and toString are SIMD-backed: several times faster than a fatal TextDecoder.
      text = isUtf8(bytes) ? bytes.toString('utf8') : this.recover(bytes);
    } else if (this.encoding === 'windows-1252') {
      text = decodeWindows1252(bytes);
    } else {
      text = this.decoder.decode(bytes, { stream: !final });
    }
    let lead = 0;
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
        lead = this.encoding === 'utf-8' ? 3 : 2;
      }
    }
    if (text.includes('\uFEFF')) this.countInnerBoms(text, lead);
    this.offset += bytes.length;
    return text;
  }

  /**
   * A BOM past the start of a file (files joined with cat, say) is an invisible character inside a
   * value. It is kept, so that the data stays exact, but counted with the place of the first one so
   * that the import can say so.
   */
  private countInnerBoms(text: string, lead: number): void {
    if (this.firstInnerBom === null) {
      const k = text.indexOf('\uFEFF');
      const before = text.slice(0, k);
      const bytes = this.encoding === 'utf-8' ? Buffer.byteLength(before, 'utf8') : this.encoding === 'windows-1252' ? k : 2 * k;
      const at = this.positionAt(this.offset + lead + bytes);
      this.firstInnerBom = { line: at.line, column: at.col };
    }
    for (let i = text.indexOf('\uFEFF'); i !== -1; i = text.indexOf('\uFEFF', i + 1)) this.innerBoms++;
  }

  /** Error path only: offsets asked for only grow, so the file is read once in all. */
  private positionAt(offset: number): Position {
    try {
      this.known = positionIn(this.file, this.known, offset);
    } catch {
      /* the file vanished: keep the last known position */
    }
    return this.known;
  }

  private recover(bytes: Buffer): string {
    // Locate the first invalid sequence to name its line and column; counting the lines before this
    // chunk re-reads the file, which only happens on this error path.
    let { line, col } = this.positionAt(this.offset);
    const parts: string[] = [];
    let start = 0;
    let i = 0;
    while (i < bytes.length) {
      const len = utf8SequenceLength(bytes, i);
      if (len > 0) {
        if (bytes[i] === 0x0a) {
          line++;
          col = 1;
        } else if (!(i === 0 && this.offset === 0 && len === 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
          // Columns count UTF-16 code units, as the parsers' columns do; a leading BOM is no column.
          col += len === 4 ? 2 : 1;
        }
        i += len;
        continue;
      }
      if (this.mode === 'error') {
        throw new TidysetError(
          'MALFORMED_FILE',
          `${this.file}:${line}:${col}: invalid UTF-8 byte 0x${bytes[i]!.toString(16).toUpperCase().padStart(2, '0')}; ` +
            `the file is probably in another encoding (try windows-1252), or skip such lines`,
          { file: this.file, line, column: col },
        );
      }
      parts.push(bytes.subarray(start, i).toString('utf8'), '\uFFFD');
      this.invalidLines.add(line);
      col++;
      i++;
      start = i;
    }
    parts.push(bytes.subarray(start).toString('utf8'));
    return parts.join('');
  }
}

/** The import note for byte order marks removed from inside a file. */
export function innerBomWarning(count: number, first: { line: number; column: number } | null): string {
  const where = first ? ` (the first at line ${first.line}, column ${first.column})` : '';
  return `${count} byte order mark${count === 1 ? '' : 's'} (U+FEFF, invisible) inside the file${where}, kept in the values; ` +
    'were several files joined together? A replace operation can remove them';
}

interface Position {
  offset: number;
  line: number;
  col: number;
}

/** Line and column (in characters) of byte `offset` of the file, reading forward from a known position. */
function positionIn(file: string, from: Position, offset: number): Position {
  let line = from.line;
  let lineStart = from.offset - (from.col - 1); // only exact for ASCII before `from`; columns are best effort
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let pos = from.offset;
    while (pos < offset) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, offset - pos), pos);
      if (n <= 0) break;
      for (let i = buf.indexOf(10, 0); i !== -1 && i < n; i = buf.indexOf(10, i + 1)) {
        line++;
        lineStart = pos + i + 1;
      }
      pos += n;
    }
    const start = Math.max(lineStart, 0);
    const tail = Buffer.alloc(Math.max(0, offset - start));
    if (tail.length) readSync(fd, tail, 0, tail.length, start);
    let text = tail.toString('utf8');
    if (start === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1); // the BOM is no column
    return { offset, line, col: text.length + 1 };
  } finally {
    closeSync(fd);
  }
}

// Windows-1252 differs from ISO-8859-1 in 0x80–0x9F (€, smart quotes, dashes…). Node 20.18.3+ decodes the
// 'windows-1252' label as ISO-8859-1 there (nodejs/node#60888), so those bytes are mapped here (WHATWG index).
const CP1252_80_9F = String.fromCharCode(...CP1252_HIGH);

/** Decodes Windows-1252 bytes (a single-byte encoding: no state between chunks). */
export function decodeWindows1252(bytes: Buffer): string {
  const latin1 = bytes.toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]!);
}

/** Length of the valid UTF-8 sequence at i, or 0 if it is invalid. */
export function utf8SequenceLength(b: Buffer, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  let len: number;
  let min: number;
  if (c >= 0xc2 && c <= 0xdf) {
    len = 2;
    min = 0x80;
  } else if (c >= 0xe0 && c <= 0xef) {
    len = 3;
    min = 0x800;
  } else if (c >= 0xf0 && c <= 0xf4) {
    len = 4;
    min = 0x10000;
  } else return 0;
  if (i + len > b.length) return 0;
  let cp = c & (0xff >> (len + 1));
  for (let k = 1; k < len; k++) {
    const cc = b[i + k]!;
    if ((cc & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return len;
}

/** Length of the longest prefix that does not end inside a multi-byte sequence. */
function completeUtf8Prefix(b: Buffer): number {
  const n = b.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const c = b[n - back]!;
    if ((c & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}
