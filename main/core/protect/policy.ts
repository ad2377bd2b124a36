// A dataset's protection policy as the engine uses it: its personal-data tags with their export
// actions by display name (the catalog keys them by physical name), and the compiled protection of
// an export's columns with the secret loaded only when a column is pseudonymised.
import type { StoredColumn, StoredDataset } from '../db/repos/datasets';
import type { Workspace } from '../workspace';
import { compileProtection, tagsNeedSecret, type CompiledProtection, type ProtectTag } from './actions';
import { loadSecret } from './secret';
import { listTags } from './tagStore';

/** The dataset's tags by display name (tags of columns that are gone are left out). */
export function datasetTags(ws: Workspace, ds: StoredDataset): ProtectTag[] {
  return listTags(ws, ds.name).flatMap(({ column, tag }) => (tag ? [{ column, kind: tag.kind, category: tag.category, action: tag.action }] : []));
}

/**
 * The protection of an export of these columns. With `createSecret`, the workspace's first
 * pseudonym creates its secret; without, a check that needs the secret and finds none passes
 * (the export itself creates it). A missing or corrupt secret after one was recorded throws.
 */
export function protectionFor(ws: Workspace, ds: StoredDataset, cols: readonly StoredColumn[], opts: { createSecret: boolean }): CompiledProtection {
  const tags = datasetTags(ws, ds);
  const needs = tagsNeedSecret(tags, cols.map((c) => c.name));
  const secret = needs ? loadSecret(ws, { create: opts.createSecret }) : null;
  if (needs && !secret) {
    // A check before the secret exists: compile with a throwaway key to validate the rest.
    return compileProtection(cols, tags, Buffer.alloc(32));
  }
  return compileProtection(cols, tags, secret);
}
