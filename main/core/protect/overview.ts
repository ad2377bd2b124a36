// What the Protection panel and the export dialog show of a dataset: each column's tag, action and a
// few values as the action writes them, the direct identifiers an export would refuse, the suggested
// quasi-identifiers and the secret's state. Also sets a tagged column's action.
import type { PdAction } from '../../../shared/api/personal';
import type { Protection } from '../../../shared/api/protect';
import { TagsRepo } from '../db/repos/tags';
import { TidysetError } from '../errors';
import { openDataset } from '../rows/datasetDb';
import type { Workspace } from '../workspace';
import { valueFunction } from './actions';
import { datasetTags } from './policy';
import { loadSecret, secretStatus } from './secret';

const EXAMPLES = 3;

/** The dataset's protection overview (see the module comment). */
export function protectionOverview(ws: Workspace, dataset: string): Protection {
  const ds = ws.datasets.get(dataset);
  const tags = new Map(datasetTags(ws, ds).map((t) => [t.column, t]));
  const stored = new Map(new TagsRepo(ws.catalog).list(ds.id).map((t) => [t.physical, t]));
  let secret: Buffer | null = null;
  if ([...tags.values()].some((t) => t.action?.action === 'hash')) {
    try {
      secret = loadSecret(ws, { create: true });
    } catch {
      // shown through secret.problem; the examples of pseudonyms stay empty
    }
  }
  const db = openDataset(ws, ds);
  try {
    const columns = ds.columns.map((c) => {
      const t = tags.get(c.name);
      let examples: Array<{ before: string | null; after: string | null }> = [];
      if (t) {
        const values = db.prepare(`SELECT DISTINCT ${c.physical} FROM (SELECT ${c.physical} FROM rows WHERE ${c.physical} IS NOT NULL AND ${c.physical} <> '' LIMIT 200) LIMIT ${EXAMPLES}`).pluck().all() as string[];
        const a = t.action ?? { action: 'keep' as const };
        const fn = a.action === 'hash' && !secret ? null : valueFunction(a, { kind: t.kind, secret, dayFirst: true });
        examples = values.map((v) => ({ before: v, after: fn ? fn(v) : null }));
      }
      return {
        column: c.name, type: c.type, kind: t?.kind ?? null, category: t?.category ?? null,
        status: stored.get(c.physical)?.status ?? null, action: t?.action ?? null, examples,
      };
    });
    const directKept = columns.filter((c) => c.category === 'direct' && (!c.action || c.action.action === 'keep')).map((c) => c.column);
    const suggestedQuasi = columns.filter((c) => c.category === 'quasi').map((c) => c.column);
    const s = secretStatus(ws);
    return { dataset: ds.name, columns, directKept, suggestedQuasi, secret: { ok: s.ok, problem: s.problem, current: s.current, retired: s.retired } };
  } finally {
    db.close();
  }
}

/** Sets (or with null clears) the export action of a tagged column. */
export function setColumnAction(ws: Workspace, dataset: string, column: string, action: PdAction | null): void {
  const ds = ws.datasets.get(dataset);
  const c = ds.columns.find((x) => x.name === column);
  if (!c) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no column ${JSON.stringify(column)}`);
  if (!new TagsRepo(ws.catalog).setAction(ds.id, c.physical, action)) {
    throw new TidysetError('NOT_FOUND', `column ${JSON.stringify(column)} of dataset ${JSON.stringify(ds.name)} has no personal-data tag; tag it first (the Personal data panel, or tidyset tag)`);
  }
}
