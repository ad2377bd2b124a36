// Hashes files with SHA-256 in streamed chunks, cancellable between chunks.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** Read size per chunk: 1 MiB keeps syscalls few without holding much memory. */
const CHUNK_BYTES = 1024 * 1024;
const LF = 0x0a;

/** SHA-256 and physical line count of one file. */
export interface HashAndLines {
  /** Lowercase hex. */
  sha256: string;
  /** Number of LF bytes, plus one if the file is non-empty and does not end with LF; 0 for an empty file. */
  lines: number;
}

async function streamFile(
  path: string,
  isCancelled: (() => boolean) | undefined,
  onChunk: (chunk: Buffer, doneBytes: number) => void,
): Promise<void> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    let done = 0;
    for (;;) {
      if (isCancelled?.()) throw new Error('cancelled');
      const { bytesRead } = await fh.read(buf, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      done += bytesRead;
      onChunk(buf.subarray(0, bytesRead), done);
    }
  } finally {
    await fh.close();
  }
}

/** Streams the file through SHA-256 (64 KiB+ chunks); returns lowercase hex. Rejects with an Error whose message is 'cancelled' if isCancelled() becomes true between chunks. */
export async function sha256File(path: string, isCancelled?: () => boolean): Promise<string> {
  const hash = createHash('sha256');
  await streamFile(path, isCancelled, (chunk) => hash.update(chunk));
  return hash.digest('hex');
}

/**
 * Like sha256File, and in the same pass counts physical lines by LF bytes (for UTF-16 text this
 * is approximate: any code unit with a 0x0A byte counts). `onProgress` gets the bytes read so far
 * after each chunk. Rejects with Error('cancelled') like sha256File.
 */
export async function hashAndCountLines(
  path: string,
  isCancelled?: () => boolean,
  onProgress?: (doneBytes: number) => void,
): Promise<HashAndLines> {
  const hash = createHash('sha256');
  let lines = 0;
  let last = -1;
  await streamFile(path, isCancelled, (chunk, done) => {
    hash.update(chunk);
    for (let i = chunk.indexOf(LF); i >= 0; i = chunk.indexOf(LF, i + 1)) lines++;
    last = chunk[chunk.length - 1]!;
    onProgress?.(done);
  });
  if (last >= 0 && last !== LF) lines++;
  return { sha256: hash.digest('hex'), lines };
}
