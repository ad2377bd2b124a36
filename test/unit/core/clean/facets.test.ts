// Facets: value counts, histograms (SQL path for numeric columns, JS path for text), blanks, type misfits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workspace } from '../../../../main/core/workspace';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { blankFacet, numericFacet, textFacet, typeFacet } from '../../../../main/core/clean/facets';
import { applyOp } from '../../../../main/core/clean/engine';

let dir: string;
let ws: Workspace;
const qty = [5, -3, 12, '', 7, 0, 99, '', 42, 5];

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-facets-'));
  ws = Workspace.open(path.join(dir, 'ws'));
  const lines = ['id,qty,city,mixed'];
  qty.forEach((q, i) => lines.push(`${i + 1},${q},${['Lund', 'Malmö', 'Lund', 'Umeå'][i % 4]},${i % 3 === 0 ? 'n/a' : String(i * 1.5)}`));
  const file = path.join(dir, 'f.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  await importFile(ws, file, { name: 'f' }, quietContext);
});
after(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

test('numeric facet of a number-typed column: range, bins and counts', () => {
  const ds = ws.datasets.get('f');
  assert.equal(ds.columns.find((c) => c.name === 'qty')!.type, 'integer');
  const f = numericFacet(ws, ds, 'qty', [], 4);
  assert.deepEqual([f.min, f.max, f.numeric, f.blank, f.nonNumeric], [-3, 99, 8, 2, 0]);
  assert.equal(f.bins.reduce((s, b) => s + b.count, 0), 8);
  assert.deepEqual(f.bins.map((b) => b.count), [6, 1, 0, 1]);
  const filtered = numericFacet(ws, ds, 'qty', [{ kind: 'text', column: 'city', op: 'equals', value: 'Lund' }], 4);
  assert.equal(filtered.numeric + filtered.blank, 5);
});

test('numeric facet of a text column reads numbers value by value and counts the rest', () => {
  const f = numericFacet(ws, ws.datasets.get('f'), 'mixed', [], 3);
  assert.equal(f.nonNumeric, 4, 'the four n/a values');
  assert.equal(f.numeric, 6);
  assert.equal(f.min, 1.5);
  assert.equal(f.max, 12);
});

test('text, blank and type facets', () => {
  const ds = ws.datasets.get('f');
  const t = textFacet(ws, ds, 'city', []);
  assert.deepEqual(t.values[0], { value: 'Lund', count: 5 });
  assert.equal(t.distinct, 3);
  assert.deepEqual(textFacet(ws, ds, 'city', [], 'value').values.map((v) => v.value), ['Lund', 'Malmö', 'Umeå']);
  assert.deepEqual(blankFacet(ws, ds, 'qty', []), { blank: 2, nonBlank: 8 });
  // An edit that does not fit the integer column shows up in the type facet.
  applyOp(ws, 'f', { op: 'editCell', column: 'qty', rid: 1, value: 'five' });
  const ty = typeFacet(ws, ws.datasets.get('f'), 'qty', []);
  assert.equal(ty.type, 'text', 'the column is re-inferred after a misfit');
});

test('a few misfits keep the column typed; the type facet lists them and the mismatch filter selects them', async () => {
  const lines = ['n'];
  for (let i = 0; i < 60; i++) lines.push(i === 17 ? 'N/A' : i === 40 ? 'unknown' : String(i * 3));
  const file = path.join(dir, 'misfits.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  await importFile(ws, file, { name: 'm' }, quietContext);
  const ds = ws.datasets.get('m');
  assert.equal(ds.columns[0]!.type, 'integer');
  assert.equal(ds.columns[0]!.detail?.misfits, 2);
  const ty = typeFacet(ws, ds, 'n', []);
  assert.equal(ty.mismatches, 2);
  assert.deepEqual(ty.values.map((v) => v.value).sort(), ['N/A', 'unknown']);
  const { pageRows } = await import('../../../../main/core/rows/query');
  const page = pageRows(ws, ds, { dataset: 'm', offset: 0, limit: 10, sort: [], filters: [{ kind: 'mismatch', column: 'n' }] });
  assert.deepEqual(page.rows.map((r) => r[0]), ['N/A', 'unknown']);
});
