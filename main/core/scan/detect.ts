// Sniffs a file's format, text encoding and CSV dialect from its first bytes, never from its extension.
import { open } from 'node:fs/promises';
import { decodeText, detectEncoding, looksBinary, utf8Position } from './sniffEncoding';
import { sniffJson } from './sniffJson';
import { sniffCsv } from './sniffCsv';

export type FileFormat =
  | 'csv' | 'jsonl' | 'json' | 'parquet' | 'xlsx' | 'sqlite' | 'image' | 'binary' | 'empty' | 'unknown';

/** Text encodings we report; each is a label accepted by Node's TextDecoder. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What sniffing found out about one file. */
export interface Sniffed {
  format: FileFormat;
  /** csv, jsonl and json (array of objects) are importable; everything else is not. */
  importable: boolean;
  /** null for non-text formats. */
  encoding: TextEncoding | null;
  /** A byte order mark is present (UTF-8, UTF-16 LE or UTF-16 BE). */
  bom: boolean;
  /** csv only: the field delimiter. */
  delimiter: string | null;
  /** csv only: '"' unless single quotes clearly enclose fields that contain the delimiter. */
  quote: string | null;
  /** csv only: whether the first record looks like a header row. */
  header: boolean | null;
  /** csv: the first record's fields, trimmed of surrounding spaces; jsonl/json: keys of the first object. */
  columns: string[] | null;
  /** Why the file is not importable, for people; null when it is importable. */
  reason: string | null;
  /** What the user should know about how the file will be read (encoding fallback, a doubtful delimiter…). */
  notes: string[];
  /** The note about the encoding among `notes`, if any (it does not apply when the user names the encoding). */
  encodingNote: string | null;
  /** The note about the delimiter among `notes`, if any (it does not apply when the user names the delimiter). */
  dialectNote: string | null;
}

/** Default sample size for sniffFile: 1 MiB. */
export const DEFAULT_SAMPLE_BYTES = 1024 * 1024;

interface Signature {
  format: FileFormat;
  reason: string;
  test: (b: Buffer) => boolean;
}

const startsWith = (b: Buffer, bytes: number[], at = 0): boolean =>
  b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

// A bare "BM" is common at the start of text ("BMW,…"), so BMP also needs a zero reserved field
// and a known DIB header size.
function isBmp(b: Buffer): boolean {
  if (b.length < 18 || !startsWith(b, ascii('BM'))) return false;
  return b.readUInt32LE(6) === 0 && [12, 40, 52, 56, 64, 108, 124].includes(b.readUInt32LE(14));
}

const SIGNATURES: Signature[] = [
  { format: 'parquet', reason: '', test: (b) => startsWith(b, ascii('PAR1')) },
  { format: 'sqlite', reason: '', test: (b) => startsWith(b, [...ascii('SQLite format 3'), 0]) },
  { format: 'image', reason: 'PNG image', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { format: 'image', reason: 'JPEG image', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { format: 'image', reason: 'GIF image', test: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { format: 'image', reason: 'WebP image', test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { format: 'image', reason: 'BMP image', test: isBmp },
  { format: 'image', reason: 'TIFF image', test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  { format: 'binary', reason: 'PDF document', test: (b) => startsWith(b, ascii('%PDF-')) },
  { format: 'binary', reason: 'gzip archive', test: (b) => startsWith(b, [0x1f, 0x8b]) },
  { format: 'binary', reason: '', test: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
];

/** An OLE2 compound file: an encrypted (password-protected) .xlsx, an old .xls, or another legacy Office file. */
function ole2Reason(head: Buffer): string {
  if (head.includes(Buffer.from('EncryptedPackage', 'utf16le'))) return 'password-protected (encrypted) Excel workbook: remove the password in Excel (File → Info → Protect Workbook) and save it again';
  if (head.includes(Buffer.from('Workbook', 'utf16le')) || head.includes(Buffer.from('Book', 'utf16le'))) return 'old Excel 97–2003 workbook (.xls): not supported; save it as .xlsx';
  return 'legacy Office file (OLE2, e.g. .xls or .doc): not supported';
}

// Office Open XML packages are ZIPs; the member names sit in clear text in the local headers,
// so the first few KiB tell a workbook from a document.
function sniffZip(head: Buffer): { format: FileFormat; reason: string } {
  const names = head.subarray(0, 64 * 1024).toString('latin1');
  if (names.includes('xl/')) return { format: 'xlsx', reason: '' };
  if (names.includes('word/')) return { format: 'binary', reason: 'Word document (ZIP archive)' };
  if (names.includes('ppt/')) return { format: 'binary', reason: 'PowerPoint presentation (ZIP archive)' };
  if (names.includes('[Content_Types].xml')) return { format: 'xlsx', reason: '' };
  return { format: 'binary', reason: 'ZIP archive' };
}

function result(format: FileFormat, fields: Partial<Sniffed> = {}): Sniffed {
  return {
    format,
    importable: false,
    encoding: null,
    bom: false,
    delimiter: null,
    quote: null,
    header: null,
    columns: null,
    reason: null,
    notes: [],
    encodingNote: null,
    dialectNote: null,
    ...fields,
  };
}

/** NUL bytes are looked for in this many first bytes. */
const NUL_PROBE_BYTES = 8192;

function countNuls(b: Buffer): { count: number; first: number } {
  let count = 0;
  const first = b.indexOf(0);
  for (let i = first; i !== -1; i = b.indexOf(0, i + 1)) count++;
  return { count, first };
}

/** Sniffs a file from its first bytes. `head` is the first N bytes (N up to 1 MiB), `truncated` says whether the file is longer than head. */
export function sniffBuffer(head: Buffer, truncated: boolean): Sniffed {
  if (head.length === 0) {
    return truncated ? result('unknown', { reason: 'no bytes sampled' }) : result('empty', { reason: 'empty file (0 bytes)' });
  }
  for (const sig of SIGNATURES) {
    if (!sig.test(head)) continue;
    if (sig.format === 'parquet' || sig.format === 'sqlite') return result(sig.format, { importable: true });
    if (sig.format === 'binary' && sig.reason === '') return result('binary', { reason: ole2Reason(head) });
    return result(sig.format, { reason: sig.reason });
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    const zip = sniffZip(head);
    return zip.format === 'xlsx' ? result('xlsx', { importable: true }) : result(zip.format, { reason: zip.reason });
  }

  const enc = detectEncoding(head, truncated);
  // One stray NUL byte in otherwise clean text is a bad byte to point at, not proof of a binary file.
  const nul = enc.encoding === 'utf-16le' || enc.encoding === 'utf-16be' ? { count: 0, first: -1 } : countNuls(head.subarray(0, NUL_PROBE_BYTES));
  const probe = nul.count === 1 ? Buffer.from(head).fill(0x20, nul.first, nul.first + 1) : head;
  const text = decodeText(probe, enc.encoding, truncated);
  if (nul.count > 1 || looksBinary(probe, text, enc.encoding)) {
    if (nul.count === 0) return result('binary', { reason: 'binary file' });
    const at = utf8Position(head, nul.first);
    return result('binary', { reason: `binary file (${nul.count} NUL bytes in the first ${NUL_PROBE_BYTES / 1024} KiB, the first at line ${at.line}, column ${at.column})` });
  }
  const notes = enc.note ? [enc.note] : [];
  if (nul.count === 1) {
    const at = utf8Position(head, nul.first);
    notes.push(`a NUL byte at line ${at.line}, column ${at.column}: importing stops there, or keeps that line aside with --on-error skip`);
  }
  const base = { encoding: enc.encoding, bom: enc.bom, notes, encodingNote: enc.note ?? null };
  if (text.trim() === '') {
    return result('empty', { ...base, reason: enc.bom && text === '' ? 'file contains only a byte order mark' : 'file contains only whitespace' });
  }

  const json = sniffJson(text, truncated);
  if (json?.kind === 'invalid') return result('unknown', { ...base, reason: json.reason });
  if (json) {
    return result(json.kind, { ...base, importable: json.importable, columns: json.columns, reason: json.reason, notes: json.note ? [...base.notes, json.note] : base.notes });
  }
  const csv = sniffCsv(text, truncated);
  return result('csv', {
    ...base,
    importable: true,
    delimiter: csv.delimiter,
    quote: csv.quote,
    header: csv.header,
    columns: csv.columns,
    notes: csv.note ? [...base.notes, csv.note] : base.notes,
    dialectNote: csv.note ?? null,
  });
}

/** Reads the first `sampleBytes` (default 1 MiB) of the file and sniffs it. Throws the fs error (ENOENT, EACCES…) unchanged. */
export async function sniffFile(path: string, sampleBytes: number = DEFAULT_SAMPLE_BYTES): Promise<Sniffed> {
  const limit = Math.max(1, Math.floor(sampleBytes));
  const fh = await open(path, 'r');
  try {
    // One byte more than the sample tells us whether the file goes on, without trusting fstat
    // (which reports 0 for pipes and some virtual files).
    const buf = Buffer.alloc(limit + 1);
    let filled = 0;
    while (filled < buf.length) {
      const { bytesRead } = await fh.read(buf, filled, buf.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const truncated = filled > limit;
    return sniffBuffer(buf.subarray(0, Math.min(filled, limit)), truncated);
  } finally {
    await fh.close();
  }
}
