// Grid paging: keyset pages from anchors equal plain OFFSET pages, in every order and filter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workspace } from '../../../../main/core/workspace';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext } from '../../../../main/core/jobs/context';
import { buildIndex, indexName, pageRows, sortKey, readCell } from '../../../../main/core/rows/query';
import { applyOp } from '../../../../main/core/clean/engine';
import { openDb } from '../../../../main/core/db/open';
import type { Filter, Sort } from '../../../../shared/api/contract';

let dir: string;
let ws: Workspace;
const N = 9_137;

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-query-'));
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const names = ['anna', 'Anna', 'bo', 'Cecilia', 'david', '', 'Émile', 'zoë'];
  const lines = ['id,name,qty,when'];
  for (let i = 1; i <= N; i++) {
    const q = rnd() < 0.1 ? '' : String(Math.floor(rnd() * 50) - 10);
    const d = `20${String(10 + Math.floor(rnd() * 15))}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
    lines.push(`${i},${names[Math.floor(rnd() * names.length)]},${q},${d}`);
  }
  const file = path.join(dir, 'data.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  ws = Workspace.open(path.join(dir, 'ws'));
  await importFile(ws, file, { name: 'd' }, quietContext);
});

after(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

function reference(sort: Sort[], filters: Filter[], offset: number, limit: number): number[] {
  const ds = ws.datasets.get('d');
  // The same order through a plain OFFSET query (slow but obviously right).
  const db = openDb(ws.dataPath(ds.file), { readonly: true });
  try {
    db.function('tidyset_date', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : null));
    const col = (n: string) => ds.columns.find((c) => c.name === n)!;
    const order = sort.length ? sort.map((s) => `${sortKey(col(s.column))} ${s.dir}`).join(', ') + `, _rid ${sort[0]!.dir}` : '_rid';
    const where = filters.length ? filters.map((f) => (f.kind === 'text' ? `${col(f.column).physical} LIKE '%${f.value}%'` : '1')).join(' AND ') : '1';
    return db.prepare(`SELECT _rid FROM rows WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).pluck().all(limit, offset) as number[];
  } finally {
    db.close();
  }
}

const cases: Array<{ sort: Sort[]; filters: Filter[] }> = [
  { sort: [], filters: [] },
  { sort: [{ column: 'name', dir: 'asc' }], filters: [] },
  { sort: [{ column: 'name', dir: 'desc' }], filters: [] },
  { sort: [{ column: 'qty', dir: 'asc' }], filters: [] },
  { sort: [{ column: 'qty', dir: 'desc' }], filters: [{ kind: 'text', column: 'name', op: 'contains', value: 'a' }] },
  { sort: [], filters: [{ kind: 'text', column: 'name', op: 'contains', value: 'n' }] },
  { sort: [{ column: 'name', dir: 'asc' }, { column: 'qty', dir: 'desc' }], filters: [] },
];

test('pages from anchors equal OFFSET pages at every kind of offset, with and without the sort index', async () => {
  for (const indexed of [false, true]) {
    if (indexed) for (const c of ['name', 'qty']) await buildIndex(ws, { dataset: 'd', column: c }, quietContext);
    for (const { sort, filters } of cases) {
      for (const offset of [0, 1, 1999, 2000, 2001, 4321, 6000, N - 100, N - 5]) {
        const got = pageRows(ws, ws.datasets.get('d'), { dataset: 'd', offset, limit: 100, sort, filters });
        assert.deepEqual(got.rids, reference(sort, filters, offset, 100), `${JSON.stringify({ sort, filters, offset, indexed })}`);
      }
    }
  }
});

test('the sort index is used by page queries (EXPLAIN QUERY PLAN)', () => {
  const ds = ws.datasets.get('d');
  const name = ds.columns.find((c) => c.name === 'name')!;
  const db = openDb(ws.dataPath(ds.file), { readonly: true });
  try {
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT _rid FROM rows WHERE ${sortKey(name)} > ? ORDER BY ${sortKey(name)}, _rid LIMIT 100`).all('b') as Array<{ detail: string }>;
    assert.match(plan.map((p) => p.detail).join(' '), new RegExp(`SEARCH rows USING COVERING INDEX ${indexName(name)}`));
  } finally {
    db.close();
  }
  assert.deepEqual(pageRows(ws, ds, { dataset: 'd', offset: 0, limit: 1, sort: [{ column: 'name', dir: 'asc' }], filters: [] }).unindexed, []);
  assert.deepEqual(pageRows(ws, ds, { dataset: 'd', offset: 0, limit: 1, sort: [{ column: 'when', dir: 'asc' }], filters: [] }).unindexed, ['when']);
});

test('numbers sort as numbers, missing and empty first', () => {
  const ds = ws.datasets.get('d');
  assert.equal(ds.columns.find((c) => c.name === 'qty')!.type, 'integer');
  const page = pageRows(ws, ds, { dataset: 'd', offset: 0, limit: 1000, sort: [{ column: 'qty', dir: 'asc' }], filters: [{ kind: 'blank', column: 'qty', blank: false }] });
  const values = page.rows.map((r) => Number(r[2]));
  assert.deepEqual(values, [...values].sort((a, b) => a - b));
  assert.equal(values[0], -10);
});

test('filters: text, blank, number range and date range count and select the right rows', () => {
  const ds = ws.datasets.get('d');
  const all = pageRows(ws, ds, { dataset: 'd', offset: 0, limit: 1000, sort: [], filters: [] });
  assert.equal(all.total, N);
  const eq = pageRows(ws, ds, { dataset: 'd', offset: 0, limit: 1000, sort: [], filters: [{ kind: 'text', column: 'name', op: 'equals', value: 'Anna' }] });
  assert.ok(eq.total > 0 && eq.rows.every((r) => r[1] === 'Anna'));
  const range = pageRows(ws, ds, { dataset: 'd', offset: 0, limit: 1000, sort: [], filters: [{ kind: 'number', column: 'qty', min: 0, max: 5 }] });
  assert.ok(range.total > 0 && range.rows.every((r) => Number(r[2]) >= 0 && Number(r[2]) <= 5 && r[2] !== ''));
  const dates = pageRows(ws, ds, { dataset: 'd', offset: 0, limit: 1000, sort: [], filters: [{ kind: 'date', column: 'when', from: '2020-01-01', to: '2021-12-31' }] });
  assert.ok(dates.total > 0 && dates.rows.every((r) => r[3]! >= '2020' && r[3]! < '2022'));
  const blank = pageRows(ws, ds, { dataset: 'd', offset: 0, limit: 1000, sort: [], filters: [{ kind: 'blank', column: 'name', blank: true }] });
  assert.ok(blank.total > 0 && blank.rows.every((r) => r[1] === ''));
  const like = pageRows(ws, ds, { dataset: 'd', offset: 0, limit: 10, sort: [], filters: [{ kind: 'text', column: 'name', op: 'contains', value: '%' }] });
  assert.equal(like.total, 0, 'LIKE wildcards in the filter value are literal');
});

test('a cell edit (from another connection) is seen by the next page and invalidates cached counts', () => {
  const ds = ws.datasets.get('d');
  const before = pageRows(ws, ds, { dataset: 'd', offset: 0, limit: 10, sort: [], filters: [{ kind: 'text', column: 'name', op: 'equals', value: 'Zed' }] });
  assert.equal(before.total, 0);
  applyOp(ws, 'd', { op: 'editCell', column: 'name', rid: 5, value: 'Zed' });
  assert.equal(readCell(ws, ds, 5, 'name'), 'Zed');
  const after = pageRows(ws, ds, { dataset: 'd', offset: 0, limit: 10, sort: [], filters: [{ kind: 'text', column: 'name', op: 'equals', value: 'Zed' }] });
  assert.deepEqual(after.rids, [5]);
  assert.throws(() => applyOp(ws, 'd', { op: 'editCell', column: 'name', rid: N + 10, value: 'x' }), /no row/);
  assert.throws(() => applyOp(ws, 'd', { op: 'editCell', column: 'nope', rid: 1, value: 'x' }), /no column/);
});

test('text filters: non-ASCII matching ignores case; equals and startsWith use the sort index', async () => {
  const ds = ws.datasets.get('d');
  const fold = pageRows(ws, ds, { dataset: 'd', offset: 0, limit: 10, sort: [], filters: [{ kind: 'text', column: 'name', op: 'contains', value: 'ÉMI' }] });
  assert.ok(fold.total > 0 && fold.rows.every((r) => r[1] === 'Émile'));
  const prefix = pageRows(ws, ds, { dataset: 'd', offset: 0, limit: 1000, sort: [], filters: [{ kind: 'text', column: 'name', op: 'startsWith', value: 'an' }] });
  assert.ok(prefix.total > 0 && prefix.rows.every((r) => /^an/i.test(r[1]!)), 'startsWith is case-insensitive like LIKE');
  const eq = pageRows(ws, ds, { dataset: 'd', offset: 0, limit: 1000, sort: [], filters: [{ kind: 'text', column: 'name', op: 'equals', value: 'anna' }] });
  assert.ok(eq.total > 0 && eq.rows.every((r) => r[1] === 'anna'), 'equals stays exact');
  const name = ds.columns.find((c) => c.name === 'name')!;
  const db = openDb(ws.dataPath(ds.file), { readonly: true });
  try {
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM rows WHERE ${sortKey(name)} = ? AND ${name.physical} = ?`).all('a', 'a') as Array<{ detail: string }>;
    assert.match(plan.map((p) => p.detail).join(' '), new RegExp(`USING (COVERING )?INDEX ${indexName(name)}`));
  } finally {
    db.close();
  }
});
