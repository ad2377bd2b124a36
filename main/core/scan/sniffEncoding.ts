// Guesses the text encoding of a file's first bytes and tells text from binary.
import type { TextEncoding } from '../ingest/decode';
import { decodeWindows1252 } from '../ingest/decode';

/** The guessed encoding and whether a byte order mark announced it. */
export interface EncodingGuess {
  encoding: TextEncoding;
  bom: boolean;
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
 * positions; then valid UTF-8; otherwise windows-1252 (a superset of Latin-1 for text).
 */
export function detectEncoding(head: Buffer, truncated: boolean): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bom: false };
  return { encoding: isUtf8(head, truncated) ? 'utf-8' : 'windows-1252', bom: false };
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
