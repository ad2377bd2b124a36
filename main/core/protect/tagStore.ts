// Column tags by display name: translates to the physical names TagsRepo keys on, confirms and changes
// tags, sets actions, and searches tags across datasets. The API and CLI go through here.
import { DEFAULT_CATEGORY, type ColumnTagRow } from '../../../shared/api/detect';
import type { ColumnTag, PdAction, PdCategory, PdKind } from '../../../shared/api/personal';
import type { RecipeTag } from '../../../shared/ops/schema';
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import { TagsRepo, type StoredTag } from '../db/repos/tags';
import { TidysetError } from '../errors';
import type { Workspace } from '../workspace';

const repos = new WeakMap<Workspace, TagsRepo>();

/** The workspace's tags repository (one per open workspace). */
export function tagsOf(ws: Workspace): TagsRepo {
  let r = repos.get(ws);
  if (!r) repos.set(ws, (r = new TagsRepo(ws.catalog)));
  return r;
}

function columnOf(ds: StoredDataset, column: string): StoredColumn {
  const c = ds.columns.find((x) => x.name === column);
  if (!c) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no column ${JSON.stringify(column)}`);
  return c;
}

function toApi(column: string, t: StoredTag): ColumnTag {
  const { physical: _physical, ...rest } = t;
  return { column, ...rest };
}

/** Every column of the dataset with its tag, in column order. */
export function listTags(ws: Workspace, dataset: string): ColumnTagRow[] {
  const ds = ws.datasets.get(dataset);
  const byPhysical = new Map(tagsOf(ws).list(ds.id).map((t) => [t.physical, t]));
  return ds.columns.map((c) => {
    const t = byPhysical.get(c.physical);
    return { column: c.name, position: c.position, tag: t ? toApi(c.name, t) : null };
  });
}

/** The tag of one column, or null. */
export function getTag(ws: Workspace, dataset: string, column: string): ColumnTag | null {
  return listTags(ws, dataset).find((r) => r.column === column)?.tag ?? null;
}

/**
 * Confirms a column's tag with this kind and category (the user's decision: status `confirmed`).
 * The evidence of an earlier detection is kept; confidence becomes 1. `action` undefined keeps the action.
 */
export function setTag(ws: Workspace, dataset: string, column: string, kind: PdKind, category: PdCategory, action?: PdAction | null): ColumnTag {
  const ds = ws.datasets.get(dataset);
  const c = columnOf(ds, column);
  const repo = tagsOf(ws);
  const before = repo.list(ds.id).find((t) => t.physical === c.physical);
  ws.catalog.transaction(() => {
    repo.upsert(ds.id, { physical: c.physical, kind, category, confidence: 1, evidence: before?.evidence ?? null, status: 'confirmed', action: action ?? null });
    if (action === null) repo.setAction(ds.id, c.physical, null);
  })();
  return getTag(ws, dataset, column)!;
}

/** Sets a tagged column's export action (null clears it). */
export function setTagAction(ws: Workspace, dataset: string, column: string, action: PdAction | null): ColumnTag {
  const ds = ws.datasets.get(dataset);
  const c = columnOf(ds, column);
  if (!tagsOf(ws).setAction(ds.id, c.physical, action)) {
    throw new TidysetError('NOT_FOUND', `column ${JSON.stringify(column)} of ${JSON.stringify(ds.name)} has no personal-data tag yet; tag it first (tidyset tag ${ds.name} ${column} --kind … --category …)`);
  }
  return getTag(ws, dataset, column)!;
}

export interface TagHit {
  dataset: string;
  column: string;
  kind: PdKind;
  category: PdCategory;
  status: 'suggested' | 'confirmed';
  confidence: number;
}

/**
 * Tagged columns of every dataset that match: `kind`, `category`, `status` exactly, and `query` as a
 * case-insensitive substring of the kind, the category or the column name. Columns tagged `none`/`none`
 * match only a query or filter that asks for them.
 */
export function searchTags(ws: Workspace, q: { kind?: PdKind; category?: PdCategory; status?: 'suggested' | 'confirmed'; query?: string }): TagHit[] {
  const text = q.query?.trim().toLowerCase().replace(/[\s-]+/g, '_') ?? '';
  const hits: TagHit[] = [];
  const repo = tagsOf(ws);
  for (const ds of ws.datasets.list()) {
    const names = new Map(ds.columns.map((c) => [c.physical, c.name]));
    for (const t of repo.list(ds.id)) {
      const column = names.get(t.physical);
      if (column === undefined) continue;
      if (q.kind && t.kind !== q.kind) continue;
      if (q.category && t.category !== q.category) continue;
      if (q.status && t.status !== q.status) continue;
      if (text && !(t.kind.includes(text) || t.category.includes(text) || column.toLowerCase().includes(text))) continue;
      if (!q.kind && !q.category && !text && t.kind === 'none' && t.category === 'none') continue;
      hits.push({ dataset: ds.name, column, kind: t.kind, category: t.category, status: t.status, confidence: t.confidence });
    }
  }
  return hits;
}

/** Tags of a dataset by display name, for recipes and manifests (columns without a tag are left out). */
export function tagsByColumn(ws: Workspace, ds: StoredDataset): Array<{ column: string; kind: PdKind; category: PdCategory; status: 'suggested' | 'confirmed'; action: PdAction | null }> {
  const names = new Map(ds.columns.map((c) => [c.physical, c.name]));
  return tagsOf(ws).list(ds.id).flatMap((t) => {
    const column = names.get(t.physical);
    return column === undefined ? [] : [{ column, kind: t.kind, category: t.category, status: t.status, action: t.action }];
  });
}

/** The confirmed tags of a dataset, and any tag with an export action, as a recipe carries them. */
export function recipeTags(ws: Workspace, ds: StoredDataset): RecipeTag[] {
  return tagsByColumn(ws, ds)
    .filter((t) => t.status === 'confirmed' || t.action !== null)
    .map((t) => ({ column: t.column, kind: t.kind, category: t.category, action: t.action }));
}

/**
 * Restores a recipe's tags on a dataset (columns renamed through `map`, old → new) as confirmed tags.
 * A tag whose column the dataset does not have is an error that names it, so nothing is half applied.
 */
export function restoreRecipeTags(ws: Workspace, dataset: string, tags: readonly RecipeTag[], map: Record<string, string> = {}): void {
  const ds = ws.datasets.get(dataset);
  const missing = tags.map((t) => map[t.column] ?? t.column).filter((c) => !ds.columns.some((x) => x.name === c));
  if (missing.length) {
    throw new TidysetError('BAD_INPUT', `the recipe tags column${missing.length > 1 ? 's' : ''} ${missing.map((c) => JSON.stringify(c)).join(', ')} that ${JSON.stringify(ds.name)} does not have; map ${missing.length > 1 ? 'them' : 'it'} with --map old=new`);
  }
  ws.catalog.transaction(() => {
    for (const t of tags) setTag(ws, dataset, map[t.column] ?? t.column, t.kind, t.category, t.action);
  })();
}

export { DEFAULT_CATEGORY };
