// The CSV parser's vocabulary: dialect, problems, limits, and the small text scans it shares.

export interface Dialect {
  delimiter: string;
  /** Quote character, or null when the file uses no quoting. */
  quote: string | null;
}

export interface SyntaxProblem {
  /** 1-based line and column (in characters) where the problem is. */
  line: number;
  column: number;
  message: string;
}

/**
 * Receives each record: its fields, the 1-based line it starts on, a syntax problem (then fields
 * are partial and the record should be rejected or the import stopped), and its raw text on demand.
 */
export type RecordHandler = (fields: string[], line: number, problem: SyntaxProblem | null, raw: () => string) => void;

/** Limits on what one record may hold (UTF-8 bytes of its text); past them the record is a syntax problem. */
export interface CsvLimits {
  /** The longest field. Default 128 MiB. */
  maxFieldBytes: number;
  /** The longest record; also bounds the memory a record held across chunks takes. Default 256 MiB. */
  maxRecordBytes: number;
}

export const DEFAULT_LIMITS: CsvLimits = { maxFieldBytes: 128 * 1024 * 1024, maxRecordBytes: 256 * 1024 * 1024 };
/** The most a limit may be set to: the text held for one record must stay below V8's ~536 M-character string limit. */
export const MAX_LIMIT_BYTES = 500 * 1024 * 1024;

/** A record's raw text in a problem report is cut to this many characters. */
export const RAW_PREVIEW_CHARS = 1000;

export const LF = 10;
export const CR = 13;
export const SP = 32;
export const TAB = 9;

export function indexOrEnd(s: string, ch: string, from: number): number {
  const i = s.indexOf(ch, from);
  return i === -1 ? s.length : i;
}

export function countLineBreaks(s: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

export function findLineEnd(s: string, from: number): { end: number; next: number } {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) return { end: i, next: i + 1 };
    if (c === CR) return { end: i, next: s.charCodeAt(i + 1) === LF ? i + 2 : i + 1 };
  }
  return { end: -1, next: -1 };
}

/** 1-based column of position `pos` within its line. */
export function columnOf(s: string, pos: number): number {
  let i = pos - 1;
  while (i >= 0) {
    const c = s.charCodeAt(i);
    if (c === LF || c === CR) break;
    i--;
  }
  return pos - i;
}

export function describeChar(c: number): string {
  if (c === 32) return 'space';
  if (c === 9) return 'tab';
  if (c < 32 || c === 127) return `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return `character '${String.fromCodePoint(c)}'`;
}
