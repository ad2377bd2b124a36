// Clusters the spellings of one column (OpenRefine's "cluster and edit"): distinct values with counts,
// then key collision or nearest neighbour, clusters sorted by size with the most frequent value
// suggested; the result is stored in the workspace cache and paged from there.
import { createHash } from 'node:crypto';
import type { Cluster, ClusterParams, ClusterSummary } from '../../../../shared/api/cluster';
import { TidysetError } from '../../errors';
import type { JobContext } from '../../jobs/context';
import type { Workspace } from '../../workspace';
import { cached, columnOf, dataVersion, distinctValues, writeCache, type DistinctValues } from './distinct';
import { KEY_CHARS, keyerOf, type KeyMethod } from './keys';
import { jaroWinklerPairs, levenshteinPairs, NN_MAX_CHARS, starGroups } from './nearest';

/** A stored result: its summary and every cluster. */
export interface ClusterResult {
  summary: ClusterSummary;
  clusters: Cluster[];
  /** The dataset file and physical column it was computed from (names may change since). */
  source: { file: string; physical: string };
}

const KEY_METHODS = new Set<string>(['fingerprint', 'ngram', 'metaphone', 'cologne']);

/** The result id of these parameters at this data version (parameters a method ignores are left out). */
function resultId(version: string, p: ClusterParams): string {
  const own = p.method === 'levenshtein' ? p.radius : p.method === 'jaro-winkler' ? p.threshold : p.method === 'ngram' ? p.ngram : null;
  return createHash('sha256').update(JSON.stringify([version, p.method, own])).digest('hex').slice(0, 32);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Groups of value indices (into `d.values`) whose keys collide; values with an empty key take no part. */
async function keyGroups(d: DistinctValues, method: KeyMethod, ngram: number, ctx: JobContext): Promise<number[][]> {
  const keyer = await keyerOf(method, ngram);
  const byKey = new Map<string, number[]>();
  const n = d.values.length;
  for (let i = 0; i < n; i++) {
    if ((i & 4095) === 0) {
      if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'cancelled');
      ctx.progress(i, n, 'computing keys');
    }
    const k = keyer.key(d.values[i]!);
    if (k === '') continue;
    const g = byKey.get(k);
    if (g) g.push(i);
    else byKey.set(k, [i]);
  }
  return [...byKey.values()].filter((g) => g.length > 1);
}

/** The comparison form of a value for nearest neighbour: lower case, NFC, spaces trimmed and collapsed. */
export function nearForm(v: string): string {
  return v.normalize('NFC').toLowerCase().trim().replace(/\s+/gu, ' ');
}

/** Groups of value indices within the radius or above the threshold of each other's group centre. */
function nearGroups(d: DistinctValues, p: ClusterParams, ctx: JobContext, notes: string[]): number[][] {
  // Values with one form (differing in case or spacing only) are compared once, as that form.
  const formIds = new Map<string, number>();
  const forms: string[] = [];
  const weights: number[] = [];
  const members: number[][] = [];
  for (let i = 0; i < d.values.length; i++) {
    const f = nearForm(d.values[i]!);
    if (f === '') continue;
    let id = formIds.get(f);
    if (id === undefined) {
      formIds.set(f, (id = forms.length));
      forms.push(f);
      weights.push(0);
      members.push([]);
    }
    weights[id]! += d.counts[i]!;
    members[id]!.push(i);
  }
  const long = forms.filter((f) => f.length > NN_MAX_CHARS).length;
  if (long) notes.push(`${plural(long, 'value')} longer than ${NN_MAX_CHARS} characters ${long === 1 ? 'was' : 'were'} left out of nearest-neighbour comparison`);
  const progress = (done: number, total: number) => ctx.progress(done, total, 'comparing values');
  const edges = p.method === 'levenshtein' ? levenshteinPairs(forms, p.radius, progress, ctx.isCancelled) : jaroWinklerPairs(forms, p.threshold, progress, ctx.isCancelled);
  const grouped = new Uint8Array(forms.length);
  const groups = starGroups(weights, edges).map((g) => {
    g.forEach((f) => (grouped[f] = 1));
    return g.flatMap((f) => members[f]!);
  });
  // Forms alone but spelled several ways (case, spacing) are clusters too.
  for (let f = 0; f < forms.length; f++) if (!grouped[f] && members[f]!.length > 1) groups.push(members[f]!);
  return groups;
}

/** How tidy a spelling looks, to break a tie in counts: clean spacing first, then mixed case over all caps or none. */
function tidiness(v: string): number {
  const spaced = v === v.trim().replace(/\s+/gu, ' ') ? 2 : 0;
  const mixed = v !== v.toUpperCase() && v !== v.toLowerCase() ? 1 : 0;
  return spaced + mixed;
}

/** The most frequent value (the first of `values`, ordered by count); among equally frequent ones, the tidiest. */
function suggestion(values: ReadonlyArray<{ value: string; count: number }>): string {
  let best = values[0]!;
  for (const v of values) if (v.count === best.count && tidiness(v.value) > tidiness(best.value)) best = v;
  return best.value;
}

function toClusters(d: DistinctValues, groups: number[][]): Cluster[] {
  const clusters = groups.map((g) => {
    // d.values is ordered by count descending, then value: index order is the display order.
    const ids = [...g].sort((a, b) => a - b);
    const values = ids.map((i) => ({ value: d.values[i]!, count: d.counts[i]! }));
    return { values, suggested: suggestion(values), rows: values.reduce((s, v) => s + v.count, 0) };
  });
  clusters.sort((a, b) => b.values.length - a.values.length || b.rows - a.rows || (a.suggested < b.suggested ? -1 : a.suggested > b.suggested ? 1 : 0));
  return clusters.map(({ values, suggested }) => ({ values, suggested }));
}

/**
 * Clusters the spellings of a column. Reuses a stored result of the same parameters at the same data
 * version, else the stored distinct values, else reads them; stores what it computed.
 */
export async function clusterColumn(ws: Workspace, p: ClusterParams, ctx: JobContext): Promise<ClusterSummary> {
  const started = performance.now();
  const ds = ws.datasets.get(p.dataset);
  const c = columnOf(ds, p.column);
  const where = p.where ?? [];
  const version = dataVersion(ws, ds, c, where);
  const id = resultId(version, p);
  const hit = cached<ClusterResult>(ws, `result-${id}.json`);
  if (hit?.summary) return { ...hit.summary, dataset: ds.name, column: c.name, reused: 'result', seconds: (performance.now() - started) / 1000 };

  ctx.progress(0, 1, 'counting distinct values');
  const { distinct: d, reused } = distinctValues(ws, ds, c, version, ctx, where);
  if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'cancelled');
  const notes: string[] = [];
  const rows = d.counts.reduce((s, n) => s + n, 0);
  if (d.values.length === 0) notes.push(`column ${JSON.stringify(c.name)} has no non-blank values to cluster`);
  else if (d.values.length === 1) notes.push(`column ${JSON.stringify(c.name)} has one distinct value only (in ${plural(rows, 'row')}): nothing to cluster`);
  const cut = d.values.filter((v) => v.length > KEY_CHARS).length;
  if (cut && KEY_METHODS.has(p.method)) notes.push(`${plural(cut, 'value')} longer than ${KEY_CHARS.toLocaleString('en-US')} characters ${cut === 1 ? 'was' : 'were'} keyed on ${cut === 1 ? 'its' : 'their'} first ${KEY_CHARS.toLocaleString('en-US')} characters and length`);

  const groups = d.values.length < 2 ? [] : KEY_METHODS.has(p.method) ? await keyGroups(d, p.method as KeyMethod, p.ngram, ctx) : nearGroups(d, p, ctx, notes);
  const clusters = toClusters(d, groups);
  const summary: ClusterSummary = {
    id, dataset: ds.name, column: c.name, method: p.method, radius: p.radius, threshold: p.threshold, ngram: p.ngram,
    distinct: d.values.length, rows, blank: d.blank, clusters: clusters.length,
    values: clusters.reduce((s, k) => s + k.values.length, 0),
    clusteredRows: clusters.reduce((s, k) => s + k.values.reduce((t, v) => t + v.count, 0), 0),
    seconds: (performance.now() - started) / 1000, reused: reused ? 'values' : 'none', notes,
  };
  writeCache(ws, `result-${id}.json`, { summary, clusters, source: { file: ds.file, physical: c.physical } } satisfies ClusterResult);
  ctx.progress(1, 1, `${plural(clusters.length, 'cluster')} found`);
  return summary;
}

/** A stored result by id (NOT_FOUND once the cache has dropped it, or for another dataset or column). */
export function readClusterResult(ws: Workspace, dataset: string, column: string, id: string): ClusterResult {
  if (!/^[0-9a-f]{16,64}$/.test(id)) throw new TidysetError('BAD_INPUT', `${JSON.stringify(id)} is not a cluster result id`);
  const r = cached<ClusterResult>(ws, `result-${id}.json`);
  const ds = ws.datasets.get(dataset);
  const c = columnOf(ds, column);
  if (!r?.summary || r.source?.file !== ds.file || r.source.physical !== c.physical) {
    throw new TidysetError('NOT_FOUND', `no stored clusters ${id} for column ${JSON.stringify(column)} of dataset ${JSON.stringify(ds.name)}; cluster the column again`);
  }
  return { ...r, summary: { ...r.summary, dataset: ds.name, column: c.name } };
}
