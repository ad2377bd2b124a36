// Buffered, hashing output to a file descriptor: what every export writer writes through.
import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';

/** Buffers output and writes it in large blocks to a file descriptor, hashing as it goes. */
export class HashingWriter {
  private parts: string[] = [];
  private pending = 0;
  private readonly hash = createHash('sha256');
  bytes = 0;
  constructor(private readonly fd: number) {}
  write(s: string): void {
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending >= 1 << 20) this.flush();
  }
  /** Writes bytes at once (after any buffered text). */
  writeBytes(buf: Uint8Array): void {
    this.flush();
    this.emit(buf);
  }
  flush(): void {
    if (!this.parts.length) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.pending = 0;
    this.emit(buf);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
  private emit(buf: Uint8Array): void {
    this.hash.update(buf);
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    this.bytes += buf.length;
  }
}
