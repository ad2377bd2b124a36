// What the Protection panel and the export dialog show of a dataset: each column's tag, action and a
// few values as the action writes them, the direct identifiers an export would refuse, the suggested
// quasi-identifiers and the secret's state.
import type { Protection } from '../../../shared/api/protect';
import { openDataset } from '../rows/datasetDb';
import type { Workspace } from '../workspace';
import { valueFunction } from './actions';
import { datasetTags } from './policy';
import { loadSecret, secretStatus } from './secret';
import { listTags } from './tagStore';

const EXAMPLES = 3;

/** The dataset's protection overview (see the module comment). */
export function protectionOverview(ws: Workspace, dataset: string): Protection {
  const ds = ws.datasets.get(dataset);
  const tags = new Map(datasetTags(ws, ds).map((t) => [t.column, t]));
  const status = new Map(listTags(ws, ds.name).map((r) => [r.column, r.tag?.status ?? null]));
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
        status: status.get(c.name) ?? null, action: t?.action ?? null, examples,
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

