// Drift between the parts of a split, for its manifest and datasheet: every part after the first
// compared with the first (train) by the profile's drift tests (main/core/profile/drift.ts), each side
// reading the dataset file in row-id order and keeping the rows the split gave to its part.
import type { DriftReport } from '../../../shared/api/profile';
import type { Db } from '../db/open';
import type { StoredDataset } from '../db/repos/datasets';
import { quietContext, type JobContext } from '../jobs/context';
import { driftBetween, type DriftSide } from '../profile/drift';

const CHUNK = 65536;

/** A drift report without its timing, so that two runs of a split write the same manifest. */
export type PartDrift = Omit<DriftReport, 'ms'>;

/**
 * The side of part `part`: the rows at positions i (in row-id order) with `assignment[i] === part`.
 * `db` is the dataset's open connection; the side reads it on each scan.
 */
function partSide(db: Db, ds: StoredDataset, assignment: ArrayLike<number>, part: number, name: string, rows: number): DriftSide {
  return {
    name,
    rows,
    columns: ds.columns.map((c) => ({ name: c.name, type: c.type })),
    scan(names, onChunk, ctx) {
      const physical = names.map((n) => ds.columns.find((c) => c.name === n)!.physical);
      const stmt = db.prepare(`SELECT ${physical.join(', ')} FROM rows ORDER BY _rid`).raw(true);
      let chunk: Array<Array<string | null>> = names.map(() => []);
      let filled = 0;
      let i = 0;
      for (const r of stmt.iterate() as IterableIterator<Array<string | null>>) {
        if (assignment[i++] === part) {
          for (let c = 0; c < names.length; c++) chunk[c]!.push(r[c]!);
          if (++filled === CHUNK) {
            onChunk(chunk);
            if (ctx.isCancelled()) return;
            chunk = names.map(() => []);
            filled = 0;
          }
        }
      }
      if (filled) onChunk(chunk);
    },
  };
}

/** Drift of every part after the first against the first; [] for a split of one part. */
export function partDrift(db: Db, ds: StoredDataset, assignment: ArrayLike<number>, parts: Array<{ name: string; rows: number }>, ctx: JobContext = quietContext): PartDrift[] {
  if (parts.length < 2 || ds.columns.length === 0) return [];
  const ref = partSide(db, ds, assignment, 0, parts[0]!.name, parts[0]!.rows);
  return parts.slice(1).map((p, k) => {
    const { ms: _ms, ...report } = driftBetween(ref, partSide(db, ds, assignment, k + 1, p.name, p.rows), {}, ctx);
    return report;
  });
}
