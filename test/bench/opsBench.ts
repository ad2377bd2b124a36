// Column-operation benchmark: trim, case and replace on the 1M-row dataset and their undo, against
// the same change as one plain SQL UPDATE in SQLite; and a 1,000-step history staying responsive.
import { applyOp, listHistory, undo } from '../../main/core/clean/engine';
import { openDb } from '../../main/core/db/open';
import { numericFacet, textFacet, typeFacet } from '../../main/core/clean/facets';
import type { OpInput } from '../../shared/ops/schema';
import { benchWorkspace } from './gridBench';
import { type BenchContext, type SectionReport, fmt, machineLine, markdownTable, textTable } from './lib';

function seconds(fn: () => void): number {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
}

export async function runOpsBench(ctx: BenchContext): Promise<SectionReport> {
  const { ws, cleanup } = await benchWorkspace(ctx);
  try {
    const ds = ws.datasets.get('bench');
    const ops: Array<[string, OpInput, string]> = [
      ['trim + collapse "comment"', { op: 'trim', column: 'comment' }, "trim(%)"],
      ['upper-case "name"', { op: 'case', column: 'name', mode: 'upper' }, 'upper(%)'],
      ['replace "a"→"A" in "email"', { op: 'replace', column: 'email', find: 'a', replace: 'A' }, "replace(%, 'a', 'A')"],
    ];
    const rows: string[][] = [];
    for (const [label, op, sql] of ops) {
      let changed = 0;
      const apply = seconds(() => (changed = applyOp(ws, 'bench', op).detail.changed));
      const back = seconds(() => undo(ws, 'bench'));
      // Reference: the bare UPDATE in SQLite (no undo data, no history; ASCII-only upper()).
      const physical = ds.columns.find((c) => c.name === (op as { column: string }).column)!.physical;
      const db = openDb(ws.dataPath(ds.file));
      let raw = 0;
      try {
        db.exec('BEGIN');
        raw = seconds(() => db.exec(`UPDATE rows SET ${physical} = ${sql.replace('%', physical)}`));
        db.exec('ROLLBACK');
      } finally {
        db.close();
      }
      rows.push([label, fmt(changed), fmt(apply, 2), fmt(back, 2), fmt(raw, 2), `${fmt(apply / raw, 1)}x`]);
    }
    // Facets over the whole dataset (the facet panel's first paint).
    const facetMs: string[] = [];
    for (const [label, fn] of [
      ['text facet of "city"', () => textFacet(ws, ws.datasets.get('bench'), 'city', [])],
      ['text facet of "category"', () => textFacet(ws, ws.datasets.get('bench'), 'category', [])],
      ['numeric facet of "quantity"', () => numericFacet(ws, ws.datasets.get('bench'), 'quantity', [])],
      ['type facet of "score"', () => typeFacet(ws, ws.datasets.get('bench'), 'score', [])],
    ] as const) facetMs.push(`${label} ${fmt(seconds(fn) * 1000, 0)} ms`);
    // A long history: 1,000 cell edits, then list and undo one.
    const edits = seconds(() => {
      for (let i = 1; i <= 1000; i++) applyOp(ws, 'bench', { op: 'editCell', column: 'city', rid: i, value: `city ${i}` });
    });
    const list = seconds(() => listHistory(ws, 'bench'));
    const oneUndo = seconds(() => undo(ws, 'bench'));
    const headers = ['operation on 1M rows', 'cells changed', 'apply s', 'undo s', 'plain SQL UPDATE s', 'apply / plain'];
    const worst = Math.max(...rows.flatMap((r) => [Number(r[2]), Number(r[3])]));
    const notes = [
      `Target ≤ 2 s for each operation and its undo: ${worst <= 2 ? 'met' : 'not met'} (worst ${fmt(worst, 2)} s).`,
      `1,000 single-cell edits as history steps: ${fmt(edits, 1)} s in all (${fmt((edits * 1000) / 1000, 1)} ms each); listing the 1,000-step history ${fmt(list * 1000, 0)} ms; undoing the last ${fmt(oneUndo * 1000, 0)} ms.`,
      `Facets over all rows (target < 1 s): ${facetMs.join('; ')}.`,
      'The plain UPDATE keeps no undo data and no history; Tidyset also saves the old value of every changed cell and re-infers the column type.',
    ];
    return {
      json: { rows, notes },
      text: [`Column operations — ${fmt(ds.rows)} rows`, '', textTable(headers, rows), '', ...notes].join('\n'),
      markdown: [`### Column operations — ${ctx.machine.date.slice(0, 10)}`, '', `Machine: ${machineLine(ctx.machine)}.`, '', markdownTable(headers, rows), '', ...notes.map((x) => `- ${x}`)].join('\n'),
    };
  } finally {
    cleanup();
  }
}
