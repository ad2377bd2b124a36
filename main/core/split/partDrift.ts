// Drift between the parts of a split, for its manifest and datasheet: every part after the first
// compared with the first (train) by the profile's drift tests (main/core/profile/drift.ts), each side
// reading the dataset file in row-id order and keeping the rows the split gave to its part. A read for
// the first part also keeps the later parts' rows of the same columns in memory (up to MAX_CELLS
// cells), so those parts are not read again: a split of three parts reads the file twice, not four times.
import type { DriftReport } from '../../../shared/api/profile';
import type { Db } from '../db/open';
import type { StoredDataset } from '../db/repos/datasets';
import { quietContext, type JobContext } from '../jobs/context';
import { driftBetween, type DriftSide } from '../profile/drift';

const CHUNK = 65536;
const PAGE = 8192;
/** Cells of later parts kept from a read of the first part, at most. */
const MAX_CELLS = 8_000_000;

/** A drift report without its timing, so that two runs of a split write the same manifest. */
export type PartDrift = Omit<DriftReport, 'ms'>;

type Chunk = Array<Array<string | null>>;

/** Reads the dataset's rows for the parts' sides, keeping later parts' chunks from reads of the first. */
class PartScanner {
  /** Per column list: the chunks kept per part, and the parts already kept once (not kept again). */
  private readonly kept = new Map<string, { chunks: Map<number, Chunk[]>; done: Set<number> }>();

  constructor(private readonly db: Db, private readonly ds: StoredDataset, private readonly assignment: ArrayLike<number>, private readonly keepable: Set<number>) {}

  scan(part: number, names: string[], onChunk: (values: Chunk) => void, ctx: JobContext): void {
    const key = names.join('\u0000');
    let entry = this.kept.get(key);
    if (!entry) this.kept.set(key, (entry = { chunks: new Map(), done: new Set() }));
    const mine = entry.chunks.get(part);
    if (mine) {
      entry.chunks.delete(part);
      for (const c of mine) {
        onChunk(c);
        if (ctx.isCancelled()) return;
      }
      return;
    }
    // Parts to keep from this read: later parts not kept before for these columns.
    const keep: Array<{ chunks: Chunk[]; chunk: Chunk; filled: number } | null> = [];
    if (part === 0) {
      for (const p of this.keepable) {
        if (entry.done.has(p)) continue;
        entry.done.add(p);
        keep[p] = { chunks: [], chunk: names.map(() => []), filled: 0 };
      }
    }
    const physical = names.map((n) => this.ds.columns.find((c) => c.name === n)!.physical);
    // Pages of rows by row id (all() per page costs less than a row-by-row iterate()); cell c is r[c + 1].
    const page = this.db.prepare(`SELECT _rid, ${physical.join(', ')} FROM rows WHERE _rid > ? ORDER BY _rid LIMIT ${PAGE}`).raw(true);
    const assignment = this.assignment;
    const width = names.length;
    let chunk: Chunk = names.map(() => []);
    let filled = 0;
    let i = 0;
    let last = -Infinity;
    for (;;) {
      const rows = page.all(last) as Array<Array<string | null>>;
      for (let j = 0; j < rows.length; j++) {
        const r = rows[j]!;
        const p = assignment[i++]!;
        if (p === part) {
          for (let c = 0; c < width; c++) chunk[c]!.push(r[c + 1]!);
          if (++filled === CHUNK) {
            onChunk(chunk);
            if (ctx.isCancelled()) return;
            chunk = names.map(() => []);
            filled = 0;
          }
        } else {
          const k = keep[p];
          if (!k) continue;
          for (let c = 0; c < width; c++) k.chunk[c]!.push(r[c + 1]!);
          if (++k.filled === CHUNK) {
            k.chunks.push(k.chunk);
            k.chunk = names.map(() => []);
            k.filled = 0;
          }
        }
      }
      if (rows.length < PAGE) break;
      last = rows[rows.length - 1]![0] as unknown as number;
    }
    if (filled) onChunk(chunk);
    keep.forEach((k, p) => {
      if (!k) return;
      if (k.filled) k.chunks.push(k.chunk);
      entry.chunks.set(p, k.chunks);
    });
  }
}

/**
 * The side of part `part`: the rows at positions i (in row-id order) with `assignment[i] === part`.
 * The scanner reads the dataset's open connection on each scan (or hands over rows it kept).
 */
function partSide(scanner: PartScanner, ds: StoredDataset, part: number, name: string, rows: number): DriftSide {
  return {
    name,
    rows,
    columns: ds.columns.map((c) => ({ name: c.name, type: c.type })),
    scan: (names, onChunk, ctx) => scanner.scan(part, names, onChunk, ctx),
  };
}

/** Drift of every part after the first against the first; [] for a split of one part. */
export function partDrift(db: Db, ds: StoredDataset, assignment: ArrayLike<number>, parts: Array<{ name: string; rows: number }>, ctx: JobContext = quietContext): PartDrift[] {
  if (parts.length < 2 || ds.columns.length === 0) return [];
  // The later parts whose cells fit in MAX_CELLS, in order (a batch holds at most all the columns).
  const keepable = new Set<number>();
  let cells = 0;
  for (let k = 1; k < parts.length; k++) {
    cells += parts[k]!.rows * ds.columns.length;
    if (cells > MAX_CELLS) break;
    keepable.add(k);
  }
  const scanner = new PartScanner(db, ds, assignment, keepable);
  const ref = partSide(scanner, ds, 0, parts[0]!.name, parts[0]!.rows);
  return parts.slice(1).map((p, k) => {
    const { ms: _ms, ...report } = driftBetween(ref, partSide(scanner, ds, k + 1, p.name, p.rows), {}, ctx);
    return report;
  });
}
