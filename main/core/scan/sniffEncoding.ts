// Guesses the text encoding of a file's first bytes and tells text from binary.
import type { TextEncoding } from '../ingest/decode';
import { isUtf8 as isUtf8Fast } from 'node:buffer';
import { decodeWindows1252, utf8SequenceLength } from '../ingest/decode';

/** The guessed encoding and whether a byte order mark announced it. */
export interface EncodingGuess {
  encoding: TextEncoding;
  bom: boolean;
  /** What the user should know about the choice (a fallback, or invalid bytes in a UTF-8 file). */
  note?: string;
}

/** Counts of multi-byte UTF-8 sequences in a sample: valid ones, invalid bytes, and where the first invalid one is. */
export interface Utf8Evidence {
  valid: number;
  invalid: number;
  /** Byte offset of the first invalid byte, or -1. */
  firstInvalid: number;
}

/** Weighs the sample's bytes as UTF-8. A multi-byte sequence cut off by the end of a truncated sample is not counted. */
export function utf8Evidence(head: Buffer, truncated: boolean): Utf8Evidence {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  const n = head.length;
  for (let i = 0; i < n; ) {
    const c = head[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(head, i);
    if (len > 0) {
      valid++;
      i += len;
      continue;
    }
    // A lead byte whose sequence the sample cut off is not evidence either way.
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    if (truncated && need > 1 && i + need > n) break;
    invalid++;
    if (firstInvalid === -1) firstInvalid = i;
    i++;
  }
  return { valid, invalid, firstInvalid };
}

/** 1-based line and column (UTF-16 units of the line's text, as the parsers count) of byte `offset` in UTF-8 text. */
export function utf8Position(head: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = head.indexOf(10); i !== -1 && i < offset; i = head.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let text = head.subarray(lineStart, offset).toString('utf8');
  if (lineStart === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { line, column: text.length + 1 };
}

const UTF16_PROBE_BYTES = 4096;
const BINARY_PROBE_CHARS = 8192;

// Share of NULs in one byte lane that marks ASCII-range UTF-16, and the most the other lane may hold.
const UTF16_NUL_LANE = 0.3;
const UTF16_OTHER_LANE = 0.05;
const MAX_CONTROL_SHARE = 0.1;

function utf16WithoutBom(head: Buffer): TextEncoding | null {
  const n = Math.min(head.length, UTF16_PROBE_BYTES) & ~1;
  const pairs = n / 2;
  if (pairs === 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  if (oddNul / pairs >= UTF16_NUL_LANE && evenNul / pairs <= UTF16_OTHER_LANE) return 'utf-16le';
  if (evenNul / pairs >= UTF16_NUL_LANE && oddNul / pairs <= UTF16_OTHER_LANE) return 'utf-16be';
  return null;
}

function isUtf8(head: Buffer, truncated: boolean): boolean {
  try {
    // stream: true lets a multi-byte sequence cut off by the sample end pass as valid.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: truncated });
    return true;
  } catch {
    return false;
  }
}

/**
 * Guesses the encoding: a BOM wins; then UTF-16 by the pattern of NUL bytes in even/odd
 * positions; then UTF-8 by evidence: text with at least as many valid multi-byte sequences as
 * invalid bytes is UTF-8 (its invalid bytes are errors, noted here with the first one's place);
 * only text with invalid bytes that outnumber the valid sequences (typically none valid) is read as
 * windows-1252, and the note says so.
 */
export function detectEncoding(head: Buffer, truncated: boolean): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bom: false };
  if (isUtf8Fast(head) || isUtf8(head, truncated)) return { encoding: 'utf-8', bom: false };
  const ev = utf8Evidence(head, truncated);
  if (ev.invalid === 0) return { encoding: 'utf-8', bom: false };
  const sample = truncated ? ` in the first ${formatSample(head.length)}` : '';
  if (ev.valid >= ev.invalid) {
    const at = utf8Position(head, ev.firstInvalid);
    return {
      encoding: 'utf-8', bom: false,
      note: `UTF-8 with ${ev.invalid} invalid byte${ev.invalid === 1 ? '' : 's'}${sample} (first at line ${at.line}, column ${at.column}): ` +
        'importing stops there, or keeps such lines aside with --on-error skip',
    };
  }
  return {
    encoding: 'windows-1252', bom: false,
    note: ev.valid === 0
      ? `read as Windows-1252: the file has bytes that are not UTF-8${sample} and no valid multi-byte UTF-8 sequence`
      : `read as Windows-1252: ${ev.invalid} bytes that are not UTF-8${sample} outnumber its ${ev.valid} valid multi-byte UTF-8 sequence${ev.valid === 1 ? '' : 's'}`,
  };
}

function formatSample(bytes: number): string {
  return bytes >= 1 << 20 ? `${Math.round(bytes / (1 << 20))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/**
 * Decodes the head to a string without its BOM. When the sample is truncated, a trailing
 * partial character is dropped rather than turned into U+FFFD.
 */
export function decodeText(head: Buffer, encoding: TextEncoding, truncated: boolean): string {
  // Node's own windows-1252 decoder is Latin-1 in 0x80–0x9F (nodejs/node#60888): use the table.
  if (encoding === 'windows-1252') return decodeWindows1252(head);
  return new TextDecoder(encoding).decode(head, { stream: truncated });
}

/**
 * True when the bytes are not text: any NUL byte near the start of a non-UTF-16 file, or more
 * than 10% control characters (C0 other than tab/newline/CR/FF/VT/SUB, DEL, C1, U+FFFD) in the
 * first 8K characters.
 */
export function looksBinary(head: Buffer, text: string, encoding: TextEncoding): boolean {
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be') {
    const probe = head.subarray(0, BINARY_PROBE_CHARS);
    if (probe.includes(0)) return true;
  }
  const n = Math.min(text.length, BINARY_PROBE_CHARS);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      // tab, LF, VT, FF, CR, and SUB (the DOS end-of-file marker) occur in real text files
      if (c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1a) control++;
    } else if ((c >= 0x7f && c <= 0x9f) || c === 0xfffd) {
      control++;
    }
  }
  return control / n > MAX_CONTROL_SHARE;
}
