// Clustering a column end to end in the engine: each method on a small dataset, the cache (switching
// methods reuses the distinct values, the same run reuses the result), merge as one undoable massEdit
// step in the recipe, and bad input (all blank, one value a million times, 10 MB values, mixed
// scripts, one row).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workspace } from '../../../../../main/core/workspace';
import { importFile } from '../../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../../main/core/jobs/context';
import { applyOp, listHistory, undo } from '../../../../../main/core/clean/engine';
import { exportRecipe } from '../../../../../main/core/clean/recipes';
import { readRows } from '../../../../../main/core/rows/datasetDb';
import { clusterColumn, readClusterResult } from '../../../../../main/core/dedupe/spelling/cluster';
import { mergeOp } from '../../../../../main/core/dedupe/spelling/merge';
import { ClusterParamsSchema, type ClusterMethod } from '../../../../../shared/api/cluster';

let dir: string;
let ws: Workspace;

async function load(name: string, csv: string): Promise<void> {
  const file = path.join(dir, `${name}.csv`);
  writeFileSync(file, csv);
  await importFile(ws, file, { name }, quietContext);
}

function csv(column: string, values: string[]): string {
  return `id,${column}\n${values.map((v, i) => `${i + 1},"${v.replace(/"/g, '""')}"`).join('\n')}\n`;
}

async function run(dataset: string, column: string, method: ClusterMethod, extra: Record<string, number> = {}) {
  const summary = await clusterColumn(ws, ClusterParamsSchema.parse({ dataset, column, method, ...extra }), quietContext);
  return { summary, clusters: readClusterResult(ws, dataset, column, summary.id).clusters };
}

const CITIES = ['New York', 'New York', 'New York', 'new york', 'York, New', 'NEW YORK', 'Boston', 'Boston', 'Bostn', 'Chicago', 'Chicagoo', 'Müller', 'Mueller', 'Mueller', 'Zürich', 'Zurich', ''];

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-cluster-'));
  ws = Workspace.open(path.join(dir, 'ws'));
  await load('cities', csv('city', CITIES));
});
after(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

test('each method finds its clusters, largest first, most frequent value suggested', async () => {
  const table: Array<[ClusterMethod, Record<string, number>, string[][]]> = [
    ['fingerprint', {}, [['New York', 'NEW YORK', 'York, New', 'new york'], ['Zurich', 'Zürich']]],
    ['ngram', {}, [['New York', 'NEW YORK', 'new york'], ['Zurich', 'Zürich']]],
    ['metaphone', {}, [['New York', 'NEW YORK', 'York, New', 'new york'], ['Mueller', 'Müller'], ['Boston', 'Bostn'], ['Chicago', 'Chicagoo'], ['Zurich', 'Zürich']]],
    ['cologne', {}, [['New York', 'NEW YORK', 'York, New', 'new york'], ['Mueller', 'Müller'], ['Boston', 'Bostn'], ['Chicago', 'Chicagoo'], ['Zurich', 'Zürich']]],
    ['levenshtein', { radius: 1 }, [['New York', 'NEW YORK', 'new york'], ['Boston', 'Bostn'], ['Zurich', 'Zürich'], ['Chicago', 'Chicagoo']]],
    // mueller / müller: Jaro-Winkler 0.80, under the threshold of 0.9.
    ['jaro-winkler', { threshold: 0.9 }, [['New York', 'NEW YORK', 'new york'], ['Boston', 'Bostn'], ['Zurich', 'Zürich'], ['Chicago', 'Chicagoo']]],
    ['jaro-winkler', { threshold: 0.8 }, [['New York', 'NEW YORK', 'new york'], ['Boston', 'Bostn'], ['Mueller', 'Müller'], ['Zurich', 'Zürich'], ['Chicago', 'Chicagoo']]],
  ];
  for (const [method, extra, want] of table) {
    const { summary, clusters } = await run('cities', 'city', method, extra);
    const got = clusters.map((c) => c.values.map((v) => v.value));
    const norm = (gs: string[][]) => gs.map((g) => [...g].sort().join('|')).sort();
    assert.deepEqual(norm(got), norm(want), method);
    assert.deepEqual(got[0]!.slice().sort(), want[0]!.slice().sort(), `${method}: the largest cluster first`);
    for (const c of clusters) {
      assert.equal(c.suggested, c.values[0]!.value, `${method}: the most frequent value is suggested`);
      for (let i = 1; i < c.values.length; i++) assert.ok(c.values[i - 1]!.count >= c.values[i]!.count);
    }
    assert.equal(summary.clusters, clusters.length);
    assert.equal(summary.distinct, 12);
    assert.equal(summary.blank, 1);
  }
});

test('cluster sizes: counts add up, largest cluster first', async () => {
  const { clusters, summary } = await run('cities', 'city', 'fingerprint');
  assert.deepEqual(clusters[0]!.values.map((v) => [v.value, v.count]).slice(0, 1), [['New York', 3]]);
  assert.equal(summary.clusteredRows, 6 + 2);
  assert.ok(clusters.every((c, i) => i === 0 || clusters[i - 1]!.values.length >= c.values.length));
});

test('switching methods reuses the distinct values; the same run reuses the result; a change recomputes', async () => {
  await load('reuse', csv('city', CITIES));
  const first = await run('reuse', 'city', 'fingerprint');
  assert.equal(first.summary.reused, 'none');
  assert.equal((await run('reuse', 'city', 'levenshtein')).summary.reused, 'values');
  assert.equal((await run('reuse', 'city', 'fingerprint')).summary.reused, 'result');
  applyOp(ws, 'reuse', { op: 'trim', column: 'city' });
  assert.equal((await run('reuse', 'city', 'fingerprint')).summary.reused, 'none');
});

test('merging writes one massEdit step; undo restores every cell; the recipe holds it', async () => {
  await load('merge', csv('city', CITIES));
  const before = readRows(ws, ws.datasets.get('merge'), 0, 100).rows.map((r) => r[1]);
  const { clusters } = await run('merge', 'city', 'fingerprint');
  const op = mergeOp('city', clusters.map((c) => ({ values: c.values.map((v) => v.value), to: c.suggested })));
  const step = applyOp(ws, 'merge', op);
  assert.equal(step.detail.changed, 3 + 1);
  const after = readRows(ws, ws.datasets.get('merge'), 0, 100).rows.map((r) => r[1]);
  assert.deepEqual(after.slice(0, 6), Array(6).fill('New York'));
  assert.deepEqual(after.slice(14, 16), ['Zurich', 'Zurich']);
  const h = listHistory(ws, 'merge');
  assert.equal(h.length, 1);
  assert.equal((h[0]!.op as { op: string }).op, 'massEdit');
  assert.equal(exportRecipe(ws, 'merge').operations[0]!.op, 'massEdit');
  // After the merge the fingerprint finds nothing more to merge.
  assert.equal((await run('merge', 'city', 'fingerprint')).clusters.length, 0);
  undo(ws, 'merge');
  assert.deepEqual(readRows(ws, ws.datasets.get('merge'), 0, 100).rows.map((r) => r[1]), before);
});

test('with the grid\'s filters: only the matching rows are clustered, and the merge changes only them', async () => {
  await load('scoped', csv('city', CITIES));
  // Rows 1–8 only (ids as text: the filter is the grid's own kind).
  const where = [{ kind: 'in' as const, column: 'id', values: ['1', '2', '3', '4', '5', '6', '7', '8'] }];
  const summary = await clusterColumn(ws, ClusterParamsSchema.parse({ dataset: 'scoped', column: 'city', method: 'fingerprint', where }), quietContext);
  const clusters = readClusterResult(ws, 'scoped', 'city', summary.id).clusters;
  assert.equal(summary.distinct, 5, 'New York ×3, new york, York New, NEW YORK, Boston ×2 — in rows 1–8');
  assert.equal(summary.rows, 8);
  assert.deepEqual(clusters.map((c) => c.values.map((v) => v.value).sort()), [['NEW YORK', 'New York', 'York, New', 'new york']]);
  const all = await clusterColumn(ws, ClusterParamsSchema.parse({ dataset: 'scoped', column: 'city', method: 'fingerprint' }), quietContext);
  assert.notEqual(all.id, summary.id, 'the filtered run is a result of its own');
  assert.equal(all.distinct, 12);
  // Zürich/Zurich (rows 15–16) cluster in the whole column; a filtered merge of both clusters leaves them alone.
  const op = mergeOp('city', [{ values: ['new york', 'NEW YORK', 'York, New'], to: 'New York' }, { values: ['Zürich'], to: 'Zurich' }], where);
  assert.deepEqual(op.where, where);
  const step = applyOp(ws, 'scoped', op);
  assert.equal(step.detail.changed, 3);
  const after = readRows(ws, ws.datasets.get('scoped'), 0, 100).rows.map((r) => r[1]);
  assert.deepEqual(after.slice(0, 6), Array(6).fill('New York'));
  assert.deepEqual(after.slice(14, 16), ['Zürich', 'Zurich'], 'outside the filter: untouched');
});

test('mergeOp leaves out values equal to their target and refuses a value in two merges', () => {
  assert.deepEqual(mergeOp('c', [{ values: ['a', 'A'], to: 'a' }]).edits, [{ from: ['A'], to: 'a' }]);
  assert.throws(() => mergeOp('c', [{ values: ['a'], to: 'a' }]), /nothing to merge/);
  assert.throws(() => mergeOp('c', [{ values: ['a', 'b'], to: 'a' }, { values: ['b', 'c'], to: 'c' }]), /in two clusters/);
});

test('bad input: an all-blank column says so and finds nothing', async () => {
  await load('blank', csv('city', ['', '', '   ', '']));
  const { summary, clusters } = await run('blank', 'city', 'fingerprint');
  assert.equal(clusters.length, 0);
  // A cell of spaces is a value (not blank) whose key is empty: it clusters with nothing.
  assert.equal(summary.blank, 3);
  const all = await run('blank', 'city', 'levenshtein');
  assert.equal(all.clusters.length, 0);
  await load('empty', csv('city', ['', '']));
  const e = await run('empty', 'city', 'jaro-winkler');
  assert.deepEqual(e.clusters, []);
  assert.match(e.summary.notes.join(' '), /no non-blank values/);
});

test('bad input: one value repeated a million times is one distinct value, at once', async () => {
  const file = path.join(dir, 'million.csv');
  writeFileSync(file, 'id,city\n' + Array.from({ length: 1_000_000 }, (_, i) => `${i},Lund`).join('\n') + '\n');
  await importFile(ws, file, { name: 'million' }, quietContext);
  for (const m of ['fingerprint', 'levenshtein', 'jaro-winkler'] as const) {
    const { summary, clusters } = await run('million', 'city', m);
    assert.equal(clusters.length, 0, m);
    assert.equal(summary.rows, 1_000_000);
    assert.match(summary.notes.join(' '), /one distinct value only/);
  }
});

test('bad input: 10 MB values are keyed on their start and length, and left out of nearest neighbour', async () => {
  const big = 'x'.repeat(10 * 1024 * 1024);
  await load('big', csv('text', [big, big.toUpperCase(), `${big}y`, 'short one', 'Short One']));
  const key = await run('big', 'text', 'fingerprint');
  const sets = key.clusters.map((c) => c.values.map((v) => v.value.length).sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
  assert.deepEqual(sets, [[9, 9], [big.length, big.length]]);
  assert.match(key.summary.notes.join(' '), /keyed on their first 2,000 characters/);
  const near = await run('big', 'text', 'levenshtein');
  // The two long values equal but for case are one comparison form (no distance computed); "…y" is compared with nothing.
  assert.deepEqual(near.clusters.map((c) => c.values.map((v) => v.value.length).sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!), [[9, 9], [big.length, big.length]]);
  assert.match(near.summary.notes.join(' '), /left out of nearest-neighbour/);
});

test('bad input: mixed scripts cluster within their script and never on an empty key', async () => {
  await load('scripts', csv('city', ['Москва', 'москва', 'МОСКВА', 'Київ', '東京', '東京 ', 'Αθήνα', 'ΑΘΗΝΑ', 'Athens', '!!!', '???']));
  const { clusters } = await run('scripts', 'city', 'fingerprint');
  const got = clusters.map((c) => c.values.map((v) => v.value).sort());
  assert.deepEqual(got.sort(), [['МОСКВА', 'Москва', 'москва'], ['ΑΘΗΝΑ', 'Αθήνα'], ['東京', '東京 ']].sort());
  const phon = await run('scripts', 'city', 'metaphone');
  assert.ok(!phon.clusters.some((c) => c.values.some((v) => v.value === '!!!')), 'punctuation-only values have no key');
  assert.ok(!phon.clusters.some((c) => c.values.some((v) => v.value === 'Київ') && c.values.some((v) => v.value.startsWith('Моск'))));
});

test('bad input: a dataset of one row has nothing to cluster', async () => {
  await load('one', csv('city', ['Lund']));
  const { clusters, summary } = await run('one', 'city', 'cologne');
  assert.equal(clusters.length, 0);
  assert.equal(summary.distinct, 1);
});

test('an unknown column is NOT_FOUND by name; a result of another column is not handed out', async () => {
  await assert.rejects(() => run('cities', 'nope', 'fingerprint'), /has no column "nope"/);
  const { summary } = await run('cities', 'city', 'fingerprint');
  assert.throws(() => readClusterResult(ws, 'cities', 'id', summary.id), /no stored clusters/);
  assert.throws(() => readClusterResult(ws, 'cities', 'city', '../../x'), /not a cluster result id/);
});

test('cancel stops a run with CANCELLED', async () => {
  await load('cancel', csv('city', Array.from({ length: 9000 }, (_, i) => `town ${i}`)));
  await assert.rejects(() => clusterColumn(ws, ClusterParamsSchema.parse({ dataset: 'cancel', column: 'city', method: 'levenshtein' }), { progress: () => undefined, isCancelled: () => true }), /cancelled/);
});
