// The personal-data protection a split applies as it writes: the columns' tags from the catalog,
// the refusal to write direct identifiers as they are (unless allowed), and the row transform.
import type { PdAction, PdCategory, PdKind } from '../../../shared/api/personal';
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import { TagsRepo } from '../db/repos/tags';
import { TidysetError } from '../errors';
import type { Workspace } from '../workspace';
import type { OutColumn } from './writers';

export interface Protection {
  /** The columns as written. */
  columns: OutColumn[];
  /** Per written column, the stored column it copies unchanged, or null when the transform makes it. */
  sources: Array<StoredColumn | null>;
  /** Turns a stored row (all columns, display order) into the written row. */
  apply(row: ReadonlyArray<string | null>): ReadonlyArray<string | null>;
  /** What the manifest and the datasheet say: each tagged column, its category and what was done to it. */
  report: { columns: Array<{ column: string; kind: PdKind; category: PdCategory; action: PdAction | null }>; allowDirect: boolean };
}

/**
 * The protection of a dataset's export. Columns tagged as direct identifiers that would be written
 * as they are (no action, or keep) are refused (BAD_INPUT, naming them) unless `allowDirect`.
 */
export function protectionOf(ws: Workspace, ds: StoredDataset, allowDirect: boolean): Protection {
  const tags = new TagsRepo(ws.catalog).list(ds.id);
  const byPhysical = new Map(tags.map((t) => [t.physical, t]));
  const tagged = ds.columns.flatMap((c) => {
    const t = byPhysical.get(c.physical);
    return t && t.kind !== 'none' ? [{ column: c.name, kind: t.kind, category: t.category, action: t.action }] : [];
  });
  const direct = tagged.filter((t) => t.category === 'direct' && (t.action === null || t.action.action === 'keep'));
  if (direct.length && !allowDirect) {
    throw new TidysetError('BAD_INPUT', `column${direct.length > 1 ? 's' : ''} ${direct.map((t) => JSON.stringify(t.column)).join(', ')} ` +
      `${direct.length > 1 ? 'are' : 'is'} tagged as direct identifier${direct.length > 1 ? 's' : ''} and would be written as ${direct.length > 1 ? 'they are' : 'it is'}: ` +
      'set an export action (drop, mask, hash, …) or pass --allow-direct to write them anyway');
  }
  const unsupported = tagged.filter((t) => t.action !== null && t.action.action !== 'keep');
  if (unsupported.length) {
    // TODO(#12): apply the export actions through protect's compileProtection once it is on main.
    throw new TidysetError('BAD_INPUT', `this build cannot yet apply the export action${unsupported.length > 1 ? 's' : ''} of ${unsupported.map((t) => JSON.stringify(t.column)).join(', ')}`);
  }
  return {
    columns: ds.columns.map((c) => ({ name: c.name, type: c.type, detail: c.detail })),
    sources: ds.columns,
    apply: (row) => row,
    report: { columns: tagged, allowDirect },
  };
}
