// What the reviewer decided about a cluster or pair: from the labels stored with its pairs, or from a
// decision just taken that the next reload has not reflected yet.
import type { Cluster, Pair } from '../../../shared/api/dedupe';
import type { Decision } from './reviewTypes';

export function decisionOfPairs(pairs: readonly Pair[]): Decision {
  if (pairs.length === 0 || pairs.some((p) => p.label === null)) {
    return pairs.some((p) => p.label === 'nonMatch') ? 'split' : null;
  }
  if (pairs.every((p) => p.label === 'match')) return 'match';
  return pairs.every((p) => p.label === 'nonMatch') ? 'nonmatch' : 'split';
}

export function decisionOf(c: Cluster, pending: ReadonlyMap<string, Decision>, key: string): Decision {
  return pending.get(key) ?? decisionOfPairs(c.pairs);
}

/**
 * The pair whose weights are shown for member `focus`: the one it forms with the first member, else
 * its best-scored pair inside the cluster.
 */
export function focusPair(c: Cluster, focus: number): Pair | null {
  const first = c.members[0]?.rid;
  const rid = c.members[focus]?.rid;
  if (first === undefined || rid === undefined) return null;
  const direct = c.pairs.find((p) => (p.a === first && p.b === rid) || (p.a === rid && p.b === first));
  if (direct) return direct;
  return c.pairs.filter((p) => p.a === rid || p.b === rid).sort((x, y) => y.score - x.score)[0] ?? null;
}

/** Weights of a pair by column name. */
export function weightsOf(p: Pair | null): Map<string, number> {
  return new Map((p?.weights ?? []).map((w) => [w.column, w.weight]));
}
