// Tests export: exact CSV (RFC 4180) and JSONL bytes, atomic writes, the manifest, and import → export → import round trips.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportDataset, type ExportOptions } from '../../../../main/core/export/exportDataset';
import { jsonEncoder } from '../../../../main/core/export/jsonValues';
import { importFile } from '../../../../main/core/ingest/importFile';
import type { JobContext } from '../../../../main/core/jobs/context';
import { quietContext } from '../../../../main/core/jobs/context';
import type { StoredDataset } from '../../../../main/core/db/repos/datasets';
import { readRows } from '../../../../main/core/rows/datasetDb';
import { TidysetError } from '../../../../main/core/errors';
import { Workspace } from '../../../../main/core/workspace';
import pkg from '../../../../package.json';

const DATA = process.env.TIDYSET_DATA_DIR ?? path.resolve(__dirname, '../../../../../shared/data');
const FIXTURES = path.resolve(__dirname, '../../../fixtures/ingest');

let tmp: string;
let ws: Workspace;
let tricky: StoredDataset;
let trickyFile: string;

// Quotes, a delimiter, \n and \r\n inside values, leading and trailing spaces and tabs, empty values.
const TRICKY_CSV =
  'id,text,spaces,empty\n' +
  '1,"a ""quoted"" word",plain,\n' +
  '2,"comma, inside"," lead",""\n' +
  '3,"line\nbreak","trail ",x\n' +
  '4,"crlf\r\ninside","\ttab",y\n';

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-export-'));
  ws = Workspace.open(path.join(tmp, 'ws'));
  trickyFile = path.join(tmp, 'tricky.csv');
  writeFileSync(trickyFile, TRICKY_CSV);
  tricky = (await importFile(ws, trickyFile, { header: true }, quietContext)).dataset;
});
after(() => {
  ws.close();
  rmSync(tmp, { recursive: true, force: true });
});

let outCount = 0;
const outDir = (): string => path.join(tmp, `out-${++outCount}`);

function run(opts: Partial<ExportOptions> & { dataset: string }, ctx: JobContext = quietContext) {
  return exportDataset(ws, { format: 'csv', outDir: outDir(), ...opts }, ctx);
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const allRows = (ds: StoredDataset) => readRows(ws, ds, 0, ds.rows + 1).rows;

test('CSV export is RFC 4180: CRLF line ends, quotes doubled, fields with delimiters, breaks or edge spaces quoted', async () => {
  const r = await run({ dataset: tricky.name });
  assert.equal(path.basename(r.files[0]!.path), 'tricky.csv');
  assert.equal(
    readFileSync(r.files[0]!.path, 'utf8'),
    'id,text,spaces,empty\r\n' +
      '1,"a ""quoted"" word",plain,""\r\n' +
      '2,"comma, inside"," lead",""\r\n' +
      '3,"line\nbreak","trail ",x\r\n' +
      '4,"crlf\r\ninside","\ttab",y\r\n',
  );
  assert.equal(r.files[0]!.rows, 4);
});

test('JSONL export: one object per line, typed values (id is an integer column), keys in column order', async () => {
  const r = await run({ dataset: tricky.name, format: 'jsonl' });
  assert.equal(path.basename(r.files[0]!.path), 'tricky.jsonl');
  const lines = readFileSync(r.files[0]!.path, 'utf8').split('\n');
  assert.equal(lines.pop(), '', 'ends with a line break');
  assert.deepEqual(lines.map((l) => JSON.parse(l)), [
    { id: 1, text: 'a "quoted" word', spaces: 'plain', empty: '' },
    { id: 2, text: 'comma, inside', spaces: ' lead', empty: '' },
    { id: 3, text: 'line\nbreak', spaces: 'trail ', empty: 'x' },
    { id: 4, text: 'crlf\r\ninside', spaces: '\ttab', empty: 'y' },
  ]);
  assert.deepEqual(Object.keys(JSON.parse(lines[0]!)), ['id', 'text', 'spaces', 'empty']);
});

test('the manifest lists rows, columns, each output file with its real SHA-256 and size, source hashes, the recipe and the app version', async () => {
  const r = await run({ dataset: tricky.name });
  const m = JSON.parse(readFileSync(r.manifest, 'utf8'));
  assert.equal(path.basename(r.manifest), 'manifest.json');
  assert.equal(m.app, 'tidyset');
  assert.equal(m.appVersion, pkg.version);
  assert.equal(m.manifestVersion, 2);
  assert.equal(m.exports.length, 1);
  const e = m.exports[0];
  assert.ok(!Number.isNaN(Date.parse(e.createdAt)));
  assert.equal(e.dataset.name, tricky.name);
  assert.equal(e.dataset.rows, 4);
  assert.deepEqual(e.dataset.columns, tricky.columns.map((c) => ({ name: c.name, type: c.type })));
  assert.deepEqual(e.selection, { rows: 4, columns: ['id', 'text', 'spaces', 'empty'], filters: [], sort: [] });
  assert.equal(e.files.length, 1);
  const out = r.files[0]!.path;
  assert.deepEqual(e.files[0], { path: 'tricky.csv', format: 'csv', rows: 4, bytes: statSync(out).size, sha256: sha256(out) });
  assert.deepEqual(e.sources, [{ path: trickyFile, sha256: sha256(trickyFile), size: statSync(trickyFile).size }]);
  assert.equal(e.recipe.tidysetRecipe, 1);
  assert.deepEqual(e.recipe.operations, []);
  assert.deepEqual(r.entry, e);
});

test('export is atomic: only the output and the manifest are in the folder, no temporary file', async () => {
  const dir = outDir();
  await exportDataset(ws, { dataset: tricky.name, format: 'csv', outDir: dir }, quietContext);
  assert.deepEqual(readdirSync(dir).sort(), ['manifest.json', 'tricky.csv']);
});

test('an existing output is refused without force and left as it was; with force it is replaced', async () => {
  const dir = outDir();
  const out = path.join(dir, 'tricky.csv');
  await exportDataset(ws, { dataset: tricky.name, format: 'csv', outDir: dir }, quietContext);
  writeFileSync(out, 'old content');
  await assert.rejects(exportDataset(ws, { dataset: tricky.name, format: 'csv', outDir: dir }, quietContext), (e: unknown) => {
    assert.ok(e instanceof TidysetError);
    assert.equal(e.code, 'ALREADY_EXISTS');
    assert.ok(e.message.startsWith(`${out} already exists`), e.message);
    assert.match(e.message, /--force/);
    return true;
  });
  assert.equal(readFileSync(out, 'utf8'), 'old content');
  const r = await exportDataset(ws, { dataset: tricky.name, format: 'csv', outDir: dir, force: true }, quietContext);
  assert.match(readFileSync(out, 'utf8'), /^id,text,spaces,empty\r\n/);
  assert.equal(JSON.parse(readFileSync(r.manifest, 'utf8')).exports[0].files[0].sha256, sha256(out));
  assert.deepEqual(readdirSync(dir).sort(), ['manifest.json', 'tricky.csv']);
});

test('an export cancelled midway leaves neither a partial output nor a temporary file', async () => {
  const many = path.join(tmp, 'many.csv');
  writeFileSync(many, 'n,word\n' + Array.from({ length: 2000 }, (_, i) => `${i},w${i}\n`).join(''));
  const ds = (await importFile(ws, many, {}, quietContext)).dataset;
  let checks = 0;
  const cancelLater: JobContext = { progress: () => {}, isCancelled: () => ++checks > 3 };
  const dir = outDir();
  await assert.rejects(exportDataset(ws, { dataset: ds.name, format: 'jsonl', outDir: dir }, cancelLater), (e: unknown) => {
    assert.ok(e instanceof TidysetError);
    assert.equal(e.code, 'CANCELLED');
    return true;
  });
  assert.ok(checks > 3, 'the export did check for cancellation');
  assert.deepEqual(readdirSync(dir), []);
});

test('an unknown dataset is NOT_FOUND', async () => {
  await assert.rejects(run({ dataset: 'no-such-dataset' }), (e: unknown) => e instanceof TidysetError && e.code === 'NOT_FOUND');
});

/** Exports `ds` as `format`, imports the export, and returns the new dataset. */
async function roundTrip(ds: StoredDataset, format: 'csv' | 'jsonl'): Promise<StoredDataset> {
  const r = await run({ dataset: ds.name, format });
  return (await importFile(ws, r.files[0]!.path, { name: `${ds.name}-again-${format}-${outCount}`, header: format === 'csv' ? true : undefined }, quietContext)).dataset;
}

/**
 * The values a typed JSON Lines export carries: in typed columns '' is null, numbers are their JSON
 * literals and booleans true/false; misfits and text are unchanged.
 */
function typedView(ds: StoredDataset): Array<Array<string | null>> {
  const enc = ds.columns.map((c) => jsonEncoder(c.type, c.detail));
  return allRows(ds).map((r) => r.map((v, i) => {
    const j = JSON.parse(enc[i]!(v).json) as unknown;
    return j === null ? null : typeof j === 'string' ? j : enc[i]!(v).json;
  }));
}

for (const format of ['csv', 'jsonl'] as const) {
  test(`round trip through ${format}: import → export → import gives identical columns and values`, async () => {
    const again = await roundTrip(tricky, format);
    assert.deepEqual(again.columns.map((c) => c.name), tricky.columns.map((c) => c.name));
    assert.deepEqual(allRows(again), allRows(tricky));
    assert.deepEqual(again.columns.map((c) => c.type), tricky.columns.map((c) => c.type));
  });

  test(`round trip through ${format} of real files with embedded line breaks, padding and odd dialects`, async () => {
    for (const rel of ['dedupe-csv-example/csv_example_messy_input.csv', 'febrl/dataset1.csv', 'dedupe-restaurant/restaurant-1.csv', 'openrefine-testdata/example-utf16be-bom.tsv']) {
      const ds = (await importFile(ws, path.join(DATA, rel), { name: `${rel}-${format}` }, quietContext)).dataset;
      const again = await roundTrip(ds, format);
      assert.deepEqual(again.columns.map((c) => c.name), ds.columns.map((c) => c.name), rel);
      assert.equal(again.rows, ds.rows, rel);
      assert.deepEqual(allRows(again), format === 'csv' ? allRows(ds) : typedView(ds), rel);
    }
  });
}

test('round trip through JSONL of a dataset imported from JSONL with NULLs keeps NULL, "", column order and all-NULL columns', async () => {
  const file = path.join(tmp, 'nulls.jsonl');
  // Column b is NULL in the first record (its position must survive); column c is NULL everywhere.
  writeFileSync(file, '{"a": 1, "b": null, "c": null}\n{"a": 2, "b": "", "c": null}\n{"b": "x", "a": null}\n');
  const ds = (await importFile(ws, file, {}, quietContext)).dataset;
  assert.deepEqual(ds.columns.map((c) => c.name), ['a', 'b', 'c']);
  const again = await roundTrip(ds, 'jsonl');
  assert.deepEqual(again.columns.map((c) => c.name), ['a', 'b', 'c']);
  assert.deepEqual(allRows(again), [['1', null, null], ['2', '', null], [null, 'x', null]]);
  // The nested fixture too: dotted names, raw numbers and arrays survive.
  const nested = (await importFile(ws, path.join(FIXTURES, 'nested.jsonl'), { name: 'nested-rt' }, quietContext)).dataset;
  const nestedAgain = await roundTrip(nested, 'jsonl');
  assert.deepEqual(nestedAgain.columns.map((c) => c.name), nested.columns.map((c) => c.name));
  assert.deepEqual(allRows(nestedAgain), allRows(nested));
});

test('round trip through CSV of a dataset with NULLs: values survive, NULL comes back as "" (CSV has no NULL)', async () => {
  const file = path.join(tmp, 'nulls-csv.jsonl');
  writeFileSync(file, '{"a": "1", "b": null}\n{"a": "", "b": "y"}\n');
  const ds = (await importFile(ws, file, {}, quietContext)).dataset;
  const r = await run({ dataset: ds.name, format: 'csv' });
  assert.equal(readFileSync(r.files[0]!.path, 'utf8'), 'a,b\r\n1,\r\n"",y\r\n');
  const again = (await importFile(ws, r.files[0]!.path, { name: 'nulls-csv-again', header: true }, quietContext)).dataset;
  assert.deepEqual(allRows(again), [['1', ''], ['', 'y']]);
});

test('a one-column dataset with NULL and "" values keeps every row through CSV', async () => {
  const file = path.join(tmp, 'one-col.jsonl');
  writeFileSync(file, '{"v": "a"}\n{"v": null}\n{"v": ""}\n{"v": "b"}\n');
  const ds = (await importFile(ws, file, {}, quietContext)).dataset;
  const again = await roundTrip(ds, 'csv');
  assert.equal(again.rows, 4);
  assert.deepEqual(allRows(again), [['a'], [''], [''], ['b']]);
});
