// Batch naming, deleting a dataset (with what goes) and the atomic re-import, against a real workspace in a temp folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planBatchNames } from '../../../../main/core/catalog/batchNames';
import { deleteDataset, deleteImpact } from '../../../../main/core/catalog/deleteDataset';
import { reimportDataset } from '../../../../main/core/catalog/reimport';
import { applyOp } from '../../../../main/core/clean/engine';
import { TidysetError } from '../../../../main/core/errors';
import { importFile } from '../../../../main/core/ingest/importFile';
import { previewFile } from '../../../../main/core/ingest/preview';
import { quietContext } from '../../../../main/core/jobs/context';
import { readRows } from '../../../../main/core/rows/datasetDb';
import { Workspace } from '../../../../main/core/workspace';

let tmp: string;
let ws: Workspace;
before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-catalog-'));
  ws = Workspace.open(path.join(tmp, 'ws'));
});
after(() => {
  ws.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('planBatchNames: same base names in a batch get -2, -3; names taken in the catalog are skipped; asked-for names are checked', () => {
  const taken = new Set(['gt']);
  const names = planBatchNames(
    [{ path: '/a/gt.csv' }, { path: '/b/gt.csv' }, { path: '/a/records.csv' }, { path: '/a/records.jsonl' }, { path: '/c/x.csv', name: 'gt-3' }],
    (n) => taken.has(n),
  );
  assert.deepEqual(names, ['gt-2', 'gt-4', 'records', 'records-2', 'gt-3']);
  assert.throws(() => planBatchNames([{ path: '/a/x.csv', name: 'gt' }], (n) => taken.has(n)), (e: unknown) =>
    e instanceof TidysetError && e.code === 'ALREADY_EXISTS' && /^\/a\/x\.csv: a dataset named "gt" already exists/.test(e.message));
  assert.throws(() => planBatchNames([{ path: '/a/x.csv', name: 'n' }, { path: '/b/y.csv', name: 'n' }], () => false),
    /\/b\/y\.csv: the name "n" is also asked for \/a\/x\.csv in this batch/);
});

test('deleteDataset removes the catalog entry, its history and its file, and reports what went', async () => {
  const f = path.join(tmp, 'people.csv');
  writeFileSync(f, 'id,name\n1,ann\n2,bo\n3,cy\n');
  const { dataset } = await importFile(ws, f, { name: 'people' }, quietContext);
  applyOp(ws, 'people', { op: 'case', column: 'name', mode: 'upper' });
  const file = ws.dataPath(dataset.file);
  assert.ok(existsSync(file));
  assert.deepEqual(deleteImpact(ws, ws.datasets.get('people')), { name: 'people', rows: 3, columns: 2, historySteps: 1 });
  deleteDataset(ws, ws.datasets.get('people'));
  assert.equal(ws.datasets.find('people'), undefined);
  assert.equal(existsSync(file), false);
  assert.equal(ws.catalog.prepare('SELECT count(*) AS n FROM history WHERE dataset_id = ?').get(dataset.id) !== undefined, true);
  assert.equal((ws.catalog.prepare('SELECT count(*) AS n FROM history WHERE dataset_id = ?').get(dataset.id) as { n: number }).n, 0);
});

test('reimportDataset replaces a wrongly read dataset under its name; a failing re-import leaves it as it was', async () => {
  const f = path.join(tmp, 'hash.txt');
  writeFileSync(f, 'id#name\n1#ann\n2#bo\n');
  const first = await importFile(ws, f, { name: 'hashy', delimiter: ',' }, quietContext);
  assert.equal(first.dataset.columns.length, 1);
  ws.datasets.update(first.dataset.id, { description: 'keep me' });
  const r = await reimportDataset(ws, 'hashy', f, { delimiter: '#' }, quietContext);
  assert.equal(r.dataset.name, 'hashy');
  assert.equal(r.dataset.description, 'keep me');
  assert.deepEqual(r.dataset.columns.map((c) => c.name), ['id', 'name']);
  assert.deepEqual(readRows(ws, r.dataset, 0, 10).rows, [['1', 'ann'], ['2', 'bo']]);
  assert.equal(existsSync(ws.dataPath(first.dataset.file)), false, 'the old file is gone');
  assert.deepEqual(ws.datasets.list().filter((d) => d.name.startsWith('hashy')).map((d) => d.name), ['hashy']);

  // Header row on, a ragged file, --on-error stop: the re-import fails and hashy stays as it was.
  writeFileSync(f, 'id#name\n1#ann#extra\n');
  await assert.rejects(reimportDataset(ws, 'hashy', f, { delimiter: '#' }, quietContext), (e: unknown) => e instanceof TidysetError && e.code === 'MALFORMED_FILE');
  const still = ws.datasets.get('hashy');
  assert.equal(still.id, r.dataset.id);
  assert.deepEqual(readRows(ws, still, 0, 10).rows, [['1', 'ann'], ['2', 'bo']]);
  assert.deepEqual(ws.datasets.list().filter((d) => d.name.startsWith('hashy')).map((d) => d.name), ['hashy']);
});

test('previewFile: the first rows split as the options say, a one-column reading is flagged, only the start of a big file is read', async () => {
  const f = path.join(tmp, 'semi.csv');
  writeFileSync(f, 'a;b;c\n' + Array.from({ length: 50 }, (_, i) => `${i};x${i};"q;${i}"`).join('\n') + '\n');
  const semi = await previewFile(f, { delimiter: ';' });
  assert.deepEqual(semi.columns, ['a', 'b', 'c']);
  assert.equal(semi.rows.length, 10);
  assert.deepEqual(semi.rows[0], ['0', 'x0', 'q;0']);
  const comma = await previewFile(f, { delimiter: ',' });
  assert.deepEqual(comma.columns, ['a;b;c']);
  assert.match(comma.notes.join('\n'), /every line reads as one column; the lines all contain ";"/);
  const noHeader = await previewFile(f, { delimiter: ';', header: false });
  assert.deepEqual(noHeader.columns, ['column_1', 'column_2', 'column_3']);
  assert.deepEqual(noHeader.rows[0], ['a', 'b', 'c']);

  const big = path.join(tmp, 'big.csv');
  writeFileSync(big, 'n,v\n' + '1,2\n'.repeat(2_000_000));
  const t = Date.now();
  const p = await previewFile(big, {});
  assert.deepEqual(p.columns, ['n', 'v']);
  assert.equal(p.rows.length, 10);
  assert.ok(Date.now() - t < 2000, 'reads only the first 64 KB');
});
