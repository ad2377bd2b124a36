// Random access to the members of a ZIP file (an .xlsx is one): the central directory is read from
// the end of the file, and one member is streamed out through Node's raw inflate — the whole archive
// is never held in memory.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import type { Readable } from 'node:stream';
import { TidysetError } from '../errors';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

/** The members of the ZIP at `file`, by name. */
export async function zipEntries(file: string): Promise<Map<string, ZipEntry>> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let at = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new TidysetError('MALFORMED_FILE', `${file}: not a valid ZIP archive (no end-of-archive record; truncated?)`, { file });
    const count = tail.readUInt16LE(at + 10);
    const cdSize = tail.readUInt32LE(at + 12);
    const cdOffset = tail.readUInt32LE(at + 16);
    if (cdOffset === 0xffffffff || count === 0xffff) throw new TidysetError('UNSUPPORTED_FILE', `${file}: ZIP64 workbooks (over 4 GB) are not supported`, { file });
    if (cdOffset + cdSize > size) throw new TidysetError('MALFORMED_FILE', `${file}: the ZIP directory points past the end of the file (truncated?)`, { file });
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const out = new Map<string, ZipEntry>();
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CEN) throw new TidysetError('MALFORMED_FILE', `${file}: the ZIP directory is corrupt at entry ${i + 1}`, { file });
      const flags = cd.readUInt16LE(p + 8);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
      out.set(name, {
        name, method: cd.readUInt16LE(p + 10), compressedSize: cd.readUInt32LE(p + 20), size: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42), encrypted: (flags & 1) === 1,
      });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return out;
  } finally {
    await fh.close();
  }
}

/** A stream of the uncompressed bytes of one member. */
export async function zipStream(file: string, entry: ZipEntry): Promise<Readable> {
  if (entry.encrypted) throw new TidysetError('UNSUPPORTED_FILE', `${file}: ${entry.name} is encrypted`, { file });
  if (entry.method !== 0 && entry.method !== 8) throw new TidysetError('UNSUPPORTED_FILE', `${file}: ${entry.name} uses ZIP compression method ${entry.method} (only stored and deflate are supported)`, { file });
  const fh = await open(file, 'r');
  const head = Buffer.alloc(30);
  try {
    await fh.read(head, 0, 30, entry.localOffset);
  } finally {
    await fh.close();
  }
  if (head.readUInt32LE(0) !== LOC) throw new TidysetError('MALFORMED_FILE', `${file}: the ZIP member ${entry.name} is corrupt`, { file });
  const start = entry.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  if (entry.compressedSize === 0) return createReadStream(file, { start: 0, end: -1 });
  const raw = createReadStream(file, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
  if (entry.method === 0) return raw;
  const inflate = createInflateRaw();
  raw.on('error', (e) => inflate.destroy(e));
  return raw.pipe(inflate);
}

/** The whole text of a (small) member, or null if the archive has no such member. */
export async function zipText(file: string, entries: Map<string, ZipEntry>, name: string): Promise<string | null> {
  const entry = entries.get(name);
  if (!entry) return null;
  const chunks: Buffer[] = [];
  try {
    for await (const c of await zipStream(file, entry)) chunks.push(c as Buffer);
  } catch (e) {
    if (e instanceof TidysetError) throw e;
    throw new TidysetError('MALFORMED_FILE', `${file}: the ZIP member ${name} cannot be decompressed (${(e as Error).message})`, { file });
  }
  return Buffer.concat(chunks).toString('utf8');
}
