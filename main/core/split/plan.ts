// A split's plan: the dataset's row keys, the strategy's assignment of rows to parts, and the
// summary per part (rows, groups, class balance, time range) that the preview and manifest show.
import type { SplitPreview, SplitSpec } from '../../../shared/api/split';
import type { Db } from '../db/open';
import type { StoredDataset } from '../db/repos/datasets';
import { TidysetError } from '../errors';
import type { Workspace } from '../workspace';
import { openDataset } from '../rows/datasetDb';
import { CLUSTER_COLUMN, columnOf, loadKeys, parseGap, type LoadedKeys } from './keys';
import { checkShares, foldShares, targetCounts, type Shares } from './shares';
import { EXCLUDED, assignParts, type Assignment } from './strategies';

export interface SplitPlan {
  ds: StoredDataset;
  shares: Shares;
  keys: LoadedKeys;
  assignment: Assignment;
  gapValue: number;
  preview: SplitPreview;
}

/** Classes listed per part before the rest are summed as "other classes". */
const TOP_CLASSES = 50;

/** The shares of a spec: its folds, or its named parts. */
export function sharesOf(spec: SplitSpec): Shares {
  const shares: Shares = spec.folds !== undefined ? foldShares(spec.folds) : { unit: spec.unit, parts: spec.parts.map((p) => ({ ...p })) };
  checkShares(shares);
  return shares;
}

function checkCombination(spec: SplitSpec): void {
  if (spec.time !== undefined && (spec.stratify !== undefined || spec.group !== undefined)) {
    throw new TidysetError('BAD_INPUT', 'a chronological split (--time) cannot also be stratified or grouped: time decides every part');
  }
  if (spec.time !== undefined && spec.folds !== undefined) throw new TidysetError('BAD_INPUT', '--folds cannot be combined with --time (folds of a time series are not a chronological split)');
  if (spec.gap !== undefined && spec.time === undefined) throw new TidysetError('BAD_INPUT', '--gap needs --time');
}

/** Plans the split of a dataset (reading its file); nothing is written. */
export function planSplit(ws: Workspace, spec: SplitSpec, db?: Db): SplitPlan {
  const ds = ws.datasets.get(spec.dataset);
  checkCombination(spec);
  const shares = sharesOf(spec);
  const gapValue = spec.gap !== undefined ? parseGap(spec.gap, ['integer', 'decimal'].includes(columnOf(ds, spec.time!, '--time').type)) : 0;
  const own = db ?? openDataset(ws, ds);
  let keys: LoadedKeys;
  try {
    keys = loadKeys(own, ds, { stratify: spec.stratify, group: spec.group, time: spec.time });
  } finally {
    if (!db) own.close();
  }
  if (keys.n === 0) throw new TidysetError('BAD_INPUT', `dataset ${JSON.stringify(ds.name)} has no rows to split`);
  if (keys.classOf) checkClasses(keys, shares.parts.length, spec.stratify!);
  const placeable = keys.timeOf ? keys.n - countNaN(keys.timeOf) : keys.n;
  if (keys.timeOf && placeable === 0) {
    throw new TidysetError('BAD_INPUT', `no value of time column ${JSON.stringify(spec.time)} reads as a date, datetime or number (for example ${keys.unparseableSamples.map((s) => JSON.stringify(s)).join(', ')})`);
  }
  const targets = targetCounts(shares, placeable);
  const assignment = assignParts(keys, targets, spec.seed, gapValue);
  for (let p = 0; p < targets.length; p++) {
    if (assignment.rows[p] === 0) throw new TidysetError('BAD_INPUT', `part ${JSON.stringify(shares.parts[p]!.name)} would be empty`);
  }
  return { ds, shares, keys, assignment, gapValue, preview: summarise(ds, spec, shares, keys, assignment) };
}

function countNaN(a: Float64Array): number {
  let c = 0;
  for (const v of a) if (Number.isNaN(v)) c++;
  return c;
}

/**
 * Refuses a stratify column that is not a label: when classes too small to reach every part hold
 * more than half the rows (an id, a free-text or a 100,000-class column), shares cannot be kept.
 */
function checkClasses(k: LoadedKeys, parts: number, column: string): void {
  const counts = new Int32Array(k.classLabels!.length);
  for (let i = 0; i < k.n; i++) counts[k.classOf![i]!]!++;
  let rareRows = 0;
  for (const c of counts) if (c < parts) rareRows += c;
  if (rareRows * 2 > k.n) {
    throw new TidysetError('BAD_INPUT', `column ${JSON.stringify(column)} has ${counts.length} distinct values among ${k.n} rows, and classes with fewer rows than the ${parts} parts hold ${rareRows} of them: ` +
      'stratifying by it cannot keep class shares. Stratify by a label column with fewer classes, or keep its values together with --group');
  }
}

/** A time for people: ISO text for date columns (epoch ms), the number for numeric ones. */
export function showTime(t: number, numeric: boolean): number | string {
  if (numeric) return t;
  const iso = new Date(t).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function summarise(ds: StoredDataset, spec: SplitSpec, shares: Shares, k: LoadedKeys, a: Assignment): SplitPreview {
  const P = shares.parts.length;
  const numericTime = spec.time !== undefined && ['integer', 'decimal'].includes(columnOf(ds, spec.time, '--time').type);
  const groupSets = k.groupOf ? shares.parts.map(() => new Set<number>()) : null;
  const C = k.classLabels?.length ?? 0;
  const classCounts = C ? new Float64Array(P * C) : null;
  const total = C ? new Float64Array(C) : null;
  const tmin = new Float64Array(P).fill(Infinity);
  const tmax = new Float64Array(P).fill(-Infinity);
  for (let i = 0; i < k.n; i++) {
    const p = a.part[i]!;
    if (total) total[k.classOf![i]!]!++;
    if (p === EXCLUDED) continue;
    if (groupSets) groupSets[p]!.add(k.groupOf![i]!);
    if (classCounts) classCounts[p * C + k.classOf![i]!]!++;
    if (k.timeOf) {
      const t = k.timeOf[i]!;
      if (t < tmin[p]!) tmin[p] = t;
      if (t > tmax[p]!) tmax[p] = t;
    }
  }
  // Classes in order of their whole-dataset count, so every part lists them alike.
  const order = total ? Array.from({ length: C }, (_, c) => c).sort((x, y) => total[y]! - total[x]! || x - y) : [];
  const classList = (count: (c: number) => number) => {
    const top = order.slice(0, TOP_CLASSES).map((c) => ({ label: k.classLabels![c]!, rows: count(c) }));
    const rest = order.slice(TOP_CLASSES).reduce((s, c) => s + count(c), 0);
    return order.length > TOP_CLASSES ? [...top, { label: `(${order.length - TOP_CLASSES} other classes)`, rows: rest }] : top;
  };
  const notes: string[] = [];
  if (a.rareClasses.length) {
    notes.push(`${a.rareClasses.length} class${a.rareClasses.length > 1 ? 'es have' : ' has'} fewer rows than there are parts and cannot be in every part: ` +
      a.rareClasses.slice(0, 10).map((r) => `${r.label === null ? '(missing)' : JSON.stringify(r.label)} (${r.rows})`).join(', ') + (a.rareClasses.length > 10 ? ', …' : ''));
  }
  if (k.ungroupedRows) notes.push(`${k.ungroupedRows} rows have no value in group column ${JSON.stringify(spec.group)}: each is a group of its own`);
  if (k.groupSource === 'clusters') notes.push(`no ${CLUSTER_COLUMN} column: groups are clusters of rows that are equal after normalising case and whitespace (${k.groupCount} groups)`);
  if (a.excluded.unparseableTime) {
    notes.push(`${a.excluded.unparseableTime} rows have a value in ${JSON.stringify(spec.time)} that is not a date, datetime or number (for example ${k.unparseableSamples.slice(0, 3).map((s) => JSON.stringify(s)).join(', ')}): they are left out of every part`);
  }
  if (a.excluded.gap) notes.push(`${a.excluded.gap} rows fall inside the ${spec.gap} gap after a cut-off and are left out`);
  return {
    strategy: a.strategy,
    rows: k.n,
    parts: shares.parts.map((p, i) => ({
      name: p.name,
      rows: a.rows[i]!,
      groups: groupSets ? groupSets[i]!.size : null,
      classes: classCounts ? classList((c) => classCounts[i * C + c]!) : null,
      timeRange: k.timeOf && a.rows[i]! > 0 ? { from: showTime(tmin[i]!, numericTime), to: showTime(tmax[i]!, numericTime) } : null,
    })),
    excluded: a.excluded,
    rareClasses: a.rareClasses,
    notes,
    classes: total ? classList((c) => total[c]!) : null,
  };
}
