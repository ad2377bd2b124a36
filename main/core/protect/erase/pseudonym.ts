// Pseudonym search: a value like `ps_…` (an HMAC pseudonym that an export wrote under the workspace
// secret, see ../actions.ts) is turned back into the value it stands for, by hashing the values of
// every column whose export action is `hash` under the current secret. Only the workspace that holds
// the secret can do this; without the secret a pseudonym cannot be resolved, and the search says so.
import { TagsRepo } from '../../db/repos/tags';
import type { StoredDataset } from '../../db/repos/datasets';
import { TidysetError } from '../../errors';
import { openDataset } from '../../rows/datasetDb';
import type { Workspace } from '../../workspace';
import { pseudonym } from '../actions';
import { loadSecret } from '../secret';

/** What a pseudonym's lookup found: the values it stands for and where ("dataset.column"). */
export interface PseudonymHit {
  pseudonym: string;
  values: string[];
  columns: string[];
}

const PSEUDONYM = /^ps_[0-9a-f]{20}$/;

/** Whether a searched value is shaped like one of this app's pseudonyms. */
export function isPseudonym(value: string): boolean {
  return PSEUDONYM.test(value.trim().toLowerCase());
}

/**
 * The values of the pseudonymised columns of `datasets` whose pseudonym is `value`. SECRET_UNAVAILABLE
 * when the workspace has no usable secret; NOT_FOUND when no column is pseudonymised at all.
 */
export function resolvePseudonym(ws: Workspace, value: string, datasets: StoredDataset[], isCancelled?: () => boolean): PseudonymHit {
  const wanted = value.trim().toLowerCase();
  const secret = loadSecret(ws, { create: false });
  if (!secret) throw new TidysetError('SECRET_UNAVAILABLE', `${wanted} looks like a pseudonym, but this workspace has no secret to make pseudonyms with, so it cannot stand for anything here`);
  const tags = new TagsRepo(ws.catalog);
  const values = new Set<string>();
  const columns: string[] = [];
  let hashed = 0;
  for (const ds of datasets) {
    const cols = tags.list(ds.id).filter((t) => t.action?.action === 'hash').flatMap((t) => {
      const c = ds.columns.find((x) => x.physical === t.physical);
      return c ? [{ c, kind: t.kind }] : [];
    });
    if (!cols.length) continue;
    const db = openDataset(ws, ds);
    try {
      for (const { c, kind } of cols) {
        hashed++;
        let found = false;
        for (const v of db.prepare(`SELECT DISTINCT ${c.physical} FROM rows WHERE ${c.physical} IS NOT NULL`).pluck().iterate() as Iterable<string>) {
          if (pseudonym(v, secret, kind) === wanted) {
            values.add(v.trim());
            found = true;
          }
        }
        if (isCancelled?.()) throw new TidysetError('CANCELLED', 'erasure cancelled');
        if (found) columns.push(`${ds.name}.${c.name}`);
      }
    } finally {
      db.close();
    }
  }
  if (hashed === 0) throw new TidysetError('NOT_FOUND', `${wanted} looks like a pseudonym, but no column of ${datasets.length === 1 ? 'this dataset' : 'these datasets'} is pseudonymised (export action "hash"), so nothing can be matched against it`);
  return { pseudonym: wanted, values: [...values], columns };
}
