// Scores detection on labelled columns: per-kind precision and recall over columns, the confusion
// table, and the `direct` findings on non-personal columns.
import type { Finding } from '../../shared/api/detect';
import type { PdKind } from '../../shared/api/personal';
import { DEFAULT_CATEGORY } from '../../shared/api/detect';
import { detectColumn } from '../../main/core/protect/detect/detectColumn';
import { sampleFromRows } from '../../main/core/protect/detect/sample';
import type { PdCase } from './pdCases';

export interface Judged {
  case: string;
  header: string;
  truth: PdKind;
  finding: Finding;
}

export interface Accuracy {
  judged: Judged[];
  /** truth kind → predicted kind → columns. */
  confusion: Map<PdKind, Map<PdKind, number>>;
  perKind: Array<{ kind: PdKind; tp: number; fp: number; fn: number; precision: number; recall: number }>;
  /** `direct` findings on columns whose true kind is not a direct one. */
  falseDirect: Judged[];
  ms: number;
}

/** Runs detection over a spread sample of each column as the engine samples a table. */
export function judge(cases: readonly PdCase[]): Accuracy {
  const judged: Judged[] = [];
  const t = performance.now();
  for (const c of cases) {
    // Sample as sampleDataset does: every row of small tables, blocks of 50 at 100 places otherwise.
    const n = Math.max(0, ...c.columns.map((col) => col.values.length));
    const rowIdx: number[] = [];
    if (n <= 5000) for (let i = 0; i < n; i++) rowIdx.push(i);
    else for (let b = 0; b < 100; b++) for (let i = 0; i < 50; i++) rowIdx.push(Math.floor((b * n) / 100) + i);
    const rows = rowIdx.map((i) => c.columns.map((col) => col.values[i] ?? null));
    const samples = sampleFromRows(rows, c.columns.length);
    c.columns.forEach((col, i) => {
      const finding = detectColumn(col.header, samples[i]!);
      if (col.truth !== null) judged.push({ case: c.name, header: col.header, truth: col.truth, finding });
      else if (c.negative && finding.category === 'direct') judged.push({ case: c.name, header: col.header, truth: 'none', finding });
    });
  }
  const ms = performance.now() - t;
  const confusion = new Map<PdKind, Map<PdKind, number>>();
  for (const j of judged) {
    const row = confusion.get(j.truth) ?? new Map<PdKind, number>();
    row.set(j.finding.kind, (row.get(j.finding.kind) ?? 0) + 1);
    confusion.set(j.truth, row);
  }
  const kinds = [...new Set(judged.flatMap((j) => [j.truth, j.finding.kind]))].filter((k) => k !== 'none').sort();
  const perKind = kinds.map((kind) => {
    const tp = judged.filter((j) => j.truth === kind && j.finding.kind === kind).length;
    const fp = judged.filter((j) => j.truth !== kind && j.finding.kind === kind).length;
    const fn = judged.filter((j) => j.truth === kind && j.finding.kind !== kind).length;
    return { kind, tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
  });
  const falseDirect = judged.filter((j) => j.finding.category === 'direct' && DEFAULT_CATEGORY[j.truth] !== 'direct' && cases.find((c) => c.name === j.case)?.negative);
  return { judged, confusion, perKind, falseDirect, ms };
}
