// A cluster merge as the history records it: one massEdit step whose edits turn each cluster's values
// into its chosen value, so that it undoes, redoes and replays in a recipe like any mass edit.
import type { ClusterMerge } from '../../../../shared/api/cluster';
import type { Filter } from '../../../../shared/api/filters';
import type { Op } from '../../../../shared/ops/schema';
import { TidysetError } from '../../errors';

/**
 * The massEdit of these merges: a value already equal to its target is left out, a cluster left with
 * nothing to change is dropped, and a value named by two merges is refused (the result would depend on
 * their order).
 * `where`: the rows the merge applies to (those that were clustered), none for every row.
 */
export function mergeOp(column: string, merges: readonly ClusterMerge[], where?: Filter[]): Extract<Op, { op: 'massEdit' }> {
  const owner = new Map<string, number>();
  const edits: Array<{ from: string[]; to: string }> = [];
  merges.forEach((m, i) => {
    const from = [...new Set(m.values)].filter((v) => v !== m.to);
    for (const v of from) {
      const j = owner.get(v);
      if (j !== undefined && j !== i) throw new TidysetError('BAD_INPUT', `the value ${JSON.stringify(v.slice(0, 80))} is in two clusters to merge (${j + 1} and ${i + 1})`);
      owner.set(v, i);
    }
    if (from.length) edits.push({ from, to: m.to });
  });
  if (!edits.length) throw new TidysetError('BAD_INPUT', 'nothing to merge: every value already equals the value chosen for its cluster');
  return { op: 'massEdit', column, edits, ...(where?.length ? { where } : {}) };
}
