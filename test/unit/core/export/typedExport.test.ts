// Tests typed JSON Lines export of a dataset (2^53 + 1, long decimals, nulls, misfits counted in the
// manifest), the row/column selection, the recipe in the manifest, and several datasets in one folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyOp } from '../../../../main/core/clean/engine';
import { applyRecipe } from '../../../../main/core/clean/recipes';
import { exportDataset } from '../../../../main/core/export/exportDataset';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { readRows } from '../../../../main/core/rows/datasetDb';
import { TidysetError } from '../../../../main/core/errors';
import { Workspace } from '../../../../main/core/workspace';

let tmp: string;
let ws: Workspace;
let n = 0;
const out = () => path.join(tmp, `out-${++n}`);
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

// id: integer with 2^53 + 1 and an 'N/A' misfit; amount: decimal with 30 digits, '.5', an empty cell;
// ok: boolean spellings and a misfit; note: text with an empty value.
const rowsOf = (k: number) => Array.from({ length: k }, (_, i) => `${i + 10},${i}.25,yes,n${i}`).join('\n');
const TYPED = 'id,amount,ok,note\n9007199254740993,123456789.123456789012345678901234,TRUE,\nN/A,.5,No,x\n3,,maybe,""\n' + rowsOf(300) + '\n';

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-typed-'));
  ws = Workspace.open(path.join(tmp, 'ws'));
  writeFileSync(path.join(tmp, 'typed.csv'), TYPED);
  writeFileSync(path.join(tmp, 'comma.csv'), 'k;v\na;1,5\nb;-0,25\nc;\n');
  await importFile(ws, path.join(tmp, 'typed.csv'), { name: 'typed' }, quietContext);
  await importFile(ws, path.join(tmp, 'comma.csv'), { name: 'comma' }, quietContext);
});
after(() => {
  ws.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('typed JSONL: exact big integers and long decimals, booleans, null for empty typed cells, "" in text, misfits as strings', async () => {
  const ds = ws.datasets.get('typed');
  assert.deepEqual(ds.columns.map((c) => c.type), ['integer', 'decimal', 'boolean', 'text']);
  const r = await exportDataset(ws, { dataset: 'typed', format: 'jsonl', outDir: out() }, quietContext);
  const l = lines(r.files[0]!.path);
  assert.equal(l[0], '{"id":9007199254740993,"amount":123456789.123456789012345678901234,"ok":true,"note":""}');
  assert.equal(l[1], '{"id":"N/A","amount":0.5,"ok":false,"note":"x"}');
  assert.equal(l[2], '{"id":3,"amount":null,"ok":"maybe","note":""}');
  assert.equal(l[3], '{"id":10,"amount":0.25,"ok":true,"note":"n0"}');
  assert.equal(l.length, 303);
  for (const line of l) JSON.parse(line);
  assert.deepEqual(r.files[0]!.misfits, { id: 1, amount: 0, ok: 1 });
  const m = JSON.parse(readFileSync(r.manifest, 'utf8'));
  assert.deepEqual(m.exports[0].files[0].misfits, { id: 1, amount: 0, ok: 1 });
});

test('a decimal-comma column writes JSON numbers with a dot', async () => {
  const r = await exportDataset(ws, { dataset: 'comma', format: 'jsonl', outDir: out() }, quietContext);
  assert.deepEqual(lines(r.files[0]!.path), ['{"k":"a","v":1.5}', '{"k":"b","v":-0.25}', '{"k":"c","v":null}']);
});

test('filters, sort and a column subset: exactly the matching rows, in the grid\'s order, with the chosen columns in the chosen order', async () => {
  const r = await exportDataset(ws, {
    dataset: 'typed', format: 'csv', outDir: out(), columns: ['note', 'id'],
    filters: [{ kind: 'number', column: 'id', min: 100, max: 104 }], sort: [{ column: 'id', dir: 'desc' }],
  }, quietContext);
  assert.equal(readFileSync(r.files[0]!.path, 'utf8'), 'note,id\r\nn94,104\r\nn93,103\r\nn92,102\r\nn91,101\r\nn90,100\r\n');
  assert.equal(r.files[0]!.rows, 5);
  assert.deepEqual(r.entry.selection, { rows: 5, columns: ['note', 'id'], filters: [{ kind: 'number', column: 'id', min: 100, max: 104 }], sort: [{ column: 'id', dir: 'desc' }] });
});

test('unknown or repeated columns are refused before anything is written', async () => {
  const dir = out();
  await assert.rejects(exportDataset(ws, { dataset: 'typed', format: 'csv', outDir: dir, columns: ['nope'] }, quietContext), (e: unknown) => e instanceof TidysetError && e.code === 'NOT_FOUND');
  await assert.rejects(exportDataset(ws, { dataset: 'typed', format: 'csv', outDir: dir, columns: ['id', 'id'] }, quietContext), (e: unknown) => e instanceof TidysetError && e.code === 'BAD_INPUT');
  await assert.rejects(exportDataset(ws, { dataset: 'typed', format: 'csv', outDir: dir, columns: [] }, quietContext), (e: unknown) => e instanceof TidysetError && e.code === 'BAD_INPUT');
});

test('the manifest carries the applied history as a recipe that replays to the exported values', async () => {
  writeFileSync(path.join(tmp, 'people.csv'), 'name,city\n  ann ,lund\nbo,malmö\n');
  await importFile(ws, path.join(tmp, 'people.csv'), { name: 'people' }, quietContext);
  applyOp(ws, 'people', { op: 'trim', column: 'name' });
  applyOp(ws, 'people', { op: 'case', column: 'city', mode: 'upper' });
  const r = await exportDataset(ws, { dataset: 'people', format: 'jsonl', outDir: out() }, quietContext);
  const recipe = JSON.parse(readFileSync(r.manifest, 'utf8')).exports[0].recipe;
  assert.deepEqual(recipe.operations.map((o: { op: string }) => o.op), ['trim', 'case']);
  // Replay on a fresh import of the source: the same values as the export.
  await importFile(ws, path.join(tmp, 'people.csv'), { name: 'people-replay' }, quietContext);
  applyRecipe(ws, 'people-replay', recipe);
  const replay = ws.datasets.get('people-replay');
  assert.deepEqual(readRows(ws, replay, 0, 10).rows, lines(r.files[0]!.path).map((l) => Object.values(JSON.parse(l))));
});

test('several datasets in one folder: one manifest lists them all; --force replaces only its own entry and never takes another dataset\'s file', async () => {
  const dir = out();
  await exportDataset(ws, { dataset: 'typed', format: 'jsonl', outDir: dir }, quietContext);
  await exportDataset(ws, { dataset: 'comma', format: 'jsonl', outDir: dir }, quietContext);
  await exportDataset(ws, { dataset: 'comma', format: 'csv', outDir: dir }, quietContext);
  const names = () => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).exports.map((e: { dataset: { name: string }; files: Array<{ path: string }> }) => `${e.dataset.name}:${e.files[0]!.path}`);
  assert.deepEqual(names(), ['typed:typed.jsonl', 'comma:comma.jsonl', 'comma:comma.csv']);
  await assert.rejects(exportDataset(ws, { dataset: 'typed', format: 'jsonl', outDir: dir }, quietContext), (e: unknown) => e instanceof TidysetError && e.code === 'ALREADY_EXISTS');
  await exportDataset(ws, { dataset: 'typed', format: 'jsonl', outDir: dir, force: true, columns: ['id'] }, quietContext);
  assert.deepEqual(names(), ['comma:comma.jsonl', 'comma:comma.csv', 'typed:typed.jsonl']);
  assert.equal(lines(path.join(dir, 'typed.jsonl'))[0], '{"id":9007199254740993}');
  // A dataset whose file name collides with another dataset's entry ('a b' and 'a_b' both write a_b.jsonl) is refused, with force too.
  writeFileSync(path.join(tmp, 'ab.csv'), 'a\n1\n');
  await importFile(ws, path.join(tmp, 'ab.csv'), { name: 'a_b' }, quietContext);
  await importFile(ws, path.join(tmp, 'ab.csv'), { name: 'a b' }, quietContext);
  await exportDataset(ws, { dataset: 'a_b', format: 'jsonl', outDir: dir }, quietContext);
  await assert.rejects(exportDataset(ws, { dataset: 'a b', format: 'jsonl', outDir: dir, force: true }, quietContext), (e: unknown) => {
    assert.ok(e instanceof TidysetError && e.code === 'ALREADY_EXISTS');
    assert.match(e.message, /export of dataset "a_b"/);
    return true;
  });
  assert.deepEqual(names(), ['comma:comma.jsonl', 'comma:comma.csv', 'typed:typed.jsonl', 'a_b:a_b.jsonl']);
  assert.deepEqual(readdirSync(dir).sort(), ['a_b.jsonl', 'comma.csv', 'comma.jsonl', 'manifest.json', 'typed.jsonl']);
});

test('a version-1 manifest (one dataset) is read as one entry and kept when another dataset is exported beside it', async () => {
  const dir = out();
  const first = await exportDataset(ws, { dataset: 'comma', format: 'csv', outDir: dir }, quietContext);
  const v1 = { app: 'tidyset', appVersion: '0.0.9', createdAt: '2026-01-01T00:00:00.000Z', dataset: first.entry.dataset, files: first.entry.files, sources: first.entry.sources };
  writeFileSync(first.manifest, JSON.stringify(v1));
  await exportDataset(ws, { dataset: 'typed', format: 'csv', outDir: dir }, quietContext);
  const m = JSON.parse(readFileSync(first.manifest, 'utf8'));
  assert.deepEqual(m.exports.map((e: { dataset: { name: string } }) => e.dataset.name), ['comma', 'typed']);
  assert.deepEqual(m.exports[0].files, first.entry.files);
});

test('storage-order exports read in batches: every matching row once, in row-id order, across batch boundaries', async () => {
  writeFileSync(path.join(tmp, 'many.csv'), 'n\n' + Array.from({ length: 10_000 }, (_, i) => String(i + 1)).join('\n') + '\n');
  await importFile(ws, path.join(tmp, 'many.csv'), { name: 'many' }, quietContext);
  const all = await exportDataset(ws, { dataset: 'many', format: 'csv', outDir: out() }, quietContext);
  assert.deepEqual(readFileSync(all.files[0]!.path, 'utf8').split('\r\n').slice(1, -1).map(Number), Array.from({ length: 10_000 }, (_, i) => i + 1));
  const some = await exportDataset(ws, { dataset: 'many', format: 'jsonl', outDir: out(), filters: [{ kind: 'number', column: 'n', min: 100, max: 9000 }] }, quietContext);
  assert.deepEqual(lines(some.files[0]!.path).map((l) => JSON.parse(l).n), Array.from({ length: 8901 }, (_, i) => i + 100));
});
