// Pairwise precision, recall and F1 of the unsupervised default on the data with ground truth in
// shared/data, and after simulated review labels (the active-learning order, labels from the truth).
// The truth columns are never compared: a real dataset does not have them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../../main/core/ingest/importFile';
import { quietContext } from '../../main/core/jobs/context';
import type { StoredDataset } from '../../main/core/db/repos/datasets';
import type { Workspace } from '../../main/core/workspace';
import { loadRecords, sampleColumns } from '../../main/core/dedupe/records';
import { suggest } from '../../main/core/dedupe/suggest';
import { run, type RunOutput } from '../../main/core/dedupe/run';
import { predictedPairs, reviewLoop } from '../../main/core/dedupe/evaluate';

export interface QualityCase {
  name: string;
  files: string[];
  /** Columns holding the truth (never compared) and the key column per file. */
  truthColumns: string[];
  keys: string[];
  /** Entity of a record from its key (and its truth column values). */
  entity?: (key: string, truth: Array<string | null>) => string;
  /** Link truth as a file of key pairs (header, then a_key,b_key). */
  pairsFile?: string;
}

const febrlEntity = (k: string) => /rec-(\d+)/.exec(k)?.[1] ?? k;
const byTruth = (_k: string, t: Array<string | null>) => (t[0] ?? '').trim();

export const QUALITY_CASES: QualityCase[] = [
  { name: 'febrl1', files: ['febrl/dataset1.csv'], truthColumns: [], keys: ['rec_id'], entity: febrlEntity },
  { name: 'febrl2', files: ['febrl/dataset2.csv'], truthColumns: [], keys: ['rec_id'], entity: febrlEntity },
  { name: 'febrl3', files: ['febrl/dataset3.csv'], truthColumns: [], keys: ['rec_id'], entity: febrlEntity },
  { name: 'febrl4 (link)', files: ['febrl/dataset4a.csv', 'febrl/dataset4b.csv'], truthColumns: [], keys: ['rec_id', 'rec_id'], entity: febrlEntity },
  { name: 'fodors-zagat (link)', files: ['fodors-zagat/fodors.csv', 'fodors-zagat/zagats.csv'], truthColumns: [], keys: ['id', 'id'], pairsFile: 'fodors-zagat/matches_fodors_zagats.csv' },
  { name: 'abt-buy (link)', files: ['abt-buy/AbtBuy_Abt.csv', 'abt-buy/AbtBuy_Buy.csv'], truthColumns: [], keys: ['unique_id', 'unique_id'], entity: (k) => k.trim() },
  { name: 'dedupe-csv-example', files: ['dedupe-csv-example/csv_example_input_with_true_ids.csv'], truthColumns: ['True Id'], keys: ['Id'], entity: byTruth },
  { name: 'dedupe-restaurant', files: ['dedupe-restaurant/restaurant-nophone-training.csv'], truthColumns: ['unique_id'], keys: ['unique_id'], entity: byTruth },
  { name: 'splink-fake-1000', files: ['splink-fake-1000/fake_1000.csv'], truthColumns: ['cluster'], keys: ['unique_id'], entity: byTruth },
];

export interface QualityRow {
  name: string;
  records: number;
  columns: string[];
  comparisons: number;
  truePairs: number;
  precision: number;
  recall: number;
  f1: number;
  /** After 50 labels from the truth, in the active-learning order. */
  labelled: { precision: number; recall: number; f1: number } | null;
  seconds: number;
}

interface Side {
  ds: StoredDataset;
  keys: string[];
  entities: string[];
}

async function load(ws: Workspace, dataDir: string, file: string, key: string, c: QualityCase): Promise<Side> {
  const { dataset: ds } = await importFile(ws, path.join(dataDir, file), {}, quietContext);
  const rec = loadRecords(ws, ds, c.truthColumns, key);
  const keys = rec.keys!.map((k) => (k ?? '').trim());
  const entities = keys.map((k, i) => (c.entity ? c.entity(k, rec.values.map((v) => v[i] ?? null)) : k));
  return { ds, keys, entities };
}

function truthPairs(c: QualityCase, dataDir: string, sides: Side[]): Set<string> {
  const out = new Set<string>();
  if (c.pairsFile) {
    const [a, b] = sides as [Side, Side];
    const ia = new Map(a.keys.map((k, i) => [k, i]));
    const ib = new Map(b.keys.map((k, i) => [k, i]));
    const lines = readFileSync(path.join(dataDir, c.pairsFile), 'utf8').trim().split(/\r?\n/).slice(1);
    for (const l of lines) {
      const [x, y] = l.split(',').map((s) => s.trim());
      const i = ia.get(x!);
      const j = ib.get(y!);
      if (i !== undefined && j !== undefined) out.add(`${i},${j + a.keys.length}`);
    }
    return out;
  }
  const ents = sides.flatMap((s) => s.entities);
  const offsetB = sides.length === 2 ? sides[0]!.keys.length : null;
  const groups = new Map<string, number[]>();
  ents.forEach((e, i) => {
    if (!e) return;
    let g = groups.get(e);
    if (!g) groups.set(e, (g = []));
    g.push(i);
  });
  for (const g of groups.values()) {
    for (let x = 0; x < g.length; x++) {
      for (let y = x + 1; y < g.length; y++) {
        if (offsetB !== null && (g[x]! < offsetB) === (g[y]! < offsetB)) continue;
        out.add(`${g[x]},${g[y]}`);
      }
    }
  }
  return out;
}

function prf(pred: Set<string>, truth: Set<string>): { precision: number; recall: number; f1: number } {
  let tp = 0;
  for (const p of pred) if (truth.has(p)) tp++;
  const precision = pred.size ? tp / pred.size : 0;
  const recall = truth.size ? tp / truth.size : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Runs one case: the default config (suggested from the data, truth columns left out), then 50 labels. */
export async function runQualityCase(ws: Workspace, dataDir: string, c: QualityCase, labels = 50): Promise<QualityRow> {
  const sides: Side[] = [];
  for (let k = 0; k < c.files.length; k++) sides.push(await load(ws, dataDir, c.files[k]!, c.keys[k]!, c));
  const a = sides[0]!;
  const b = sides[1];
  const names = a.ds.columns.map((x) => x.name).filter((n) => !c.truthColumns.includes(n));
  const sample = sampleColumns(ws, a.ds).filter((_, k) => !c.truthColumns.includes(a.ds.columns[k]!.name));
  const sg = suggest(names, sample, c.keys[0]);
  const config = sg.config;
  const compared = config.comparisons.map((x) => x.column);
  const t0 = performance.now();
  const recA = loadRecords(ws, a.ds, compared);
  const recB = b ? loadRecords(ws, b.ds, compared) : undefined;
  const out: RunOutput = run(config, recA, recB, quietContext);
  const seconds = (performance.now() - t0) / 1000;
  const truth = truthPairs(c, dataDir, sides);
  const pred = predictedPairs(out, config, config.threshold);
  const base = prf(pred, truth);
  let labelled: QualityRow['labelled'] = null;
  if (labels > 0) {
    const after = reviewLoop(out, config, labels, (i, j) => truth.has(`${Math.min(i, j)},${Math.max(i, j)}`));
    labelled = prf(predictedPairs(after, config, config.threshold), truth);
  }
  return { name: c.name, records: out.n, columns: compared, comparisons: out.comparisons, truePairs: truth.size, ...base, labelled, seconds };
}
