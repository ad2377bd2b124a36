// The personal-data protection a split applies as it writes, through the protect capability: the
// columns' export actions compiled into a row transform, and the refusal to write direct
// identifiers as they are unless allowed.
import { refuseDirect, type ColumnProtection } from '../protect/actions';
import { protectionFor } from '../protect/policy';
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import type { Workspace } from '../workspace';
import type { OutColumn } from './writers';

export interface Protection {
  /** The columns as written. */
  columns: OutColumn[];
  /** Per written column, the stored column it copies unchanged, or null when an action rewrites it. */
  sources: Array<StoredColumn | null>;
  /** Turns a stored row (all columns, display order) into the written row. */
  apply(row: ReadonlyArray<string | null>): ReadonlyArray<string | null>;
  /** What the manifest and the datasheet say: each column's tag and action. */
  report: { columns: ColumnProtection[]; allowDirect: boolean };
}

/**
 * The protection of a split of the whole dataset. Direct identifiers kept as they are are refused
 * (DIRECT_IDENTIFIER, naming them) unless `allowDirect`. `createSecret`: as protect's policy.
 */
export function protectionOf(ws: Workspace, ds: StoredDataset, allowDirect: boolean, createSecret = true): Protection {
  const p = protectionFor(ws, ds, ds.columns, { createSecret });
  refuseDirect(p.directKept, allowDirect, ds.name);
  if (p.outColumns.length === 0) throw new TidysetError('BAD_INPUT', 'every column is dropped by its personal-data action; nothing would be written');
  const sources = p.outColumns.map((c) => (c.action.action === 'keep' ? ds.columns[c.source]! : null));
  return {
    columns: p.outColumns.map((c, i) => ({ name: c.name, type: c.type, detail: sources[i]?.detail ?? null })),
    sources,
    apply: p.identity ? (row) => row : (row) => p.transform(row),
    report: { columns: p.columns.filter((c) => c.kind !== null && c.kind !== 'none'), allowDirect: allowDirect && p.directKept.length > 0 },
  };
}
