// One contract suite, run against the in-process dispatcher and against real loopback HTTP: the two
// faces must answer every call identically (values, error codes, validation).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { contract, type JobInfo, type Method, type Reply } from '../../shared/api/contract';
import type { Dataset } from '../../shared/api/catalog';
import { FIXTURES, httpHarness, inProcessHarness, jobEnded, tempDir, type Harness } from './harness';

function contractSuite(make: () => Promise<Harness>): void {
  let h: Harness;
  const temps: string[] = [];
  const temp = (prefix: string) => {
    const d = tempDir(prefix);
    temps.push(d);
    return d;
  };

  /** Calls and asserts success; the value must also match the method's output schema. */
  async function ok<T = unknown>(method: Method, input: unknown = {}): Promise<T> {
    const r = await h.call(method, input);
    assert.equal(r.ok, true, `${method} failed: ${JSON.stringify(r)}`);
    const value = (r as { value: unknown }).value;
    const parsed = contract[method].output.safeParse(value);
    assert.ok(parsed.success, `${method} output does not match the contract: ${parsed.success ? '' : parsed.error.message}`);
    return value as T;
  }
  /** Calls and asserts the error code; returns the message. */
  async function fails(code: string, method: string, input: unknown): Promise<string> {
    const r: Reply<unknown> = await h.call(method, input);
    assert.equal(r.ok, false, `${method} should fail with ${code}: ${JSON.stringify(r)}`);
    if (r.ok) throw new Error('unreachable');
    assert.equal(r.error.code, code, `${method}: ${r.error.message}`);
    assert.ok(r.error.message.length > 0);
    return r.error.message;
  }
  async function finished(job: JobInfo): Promise<JobInfo> {
    return (await h.waitFor(jobEnded(job.id))).payload as JobInfo;
  }
  async function importFixture(file: string, options: Record<string, unknown>): Promise<JobInfo> {
    const [job] = await ok<JobInfo[]>('jobs.import', { files: [{ path: path.join(FIXTURES, file), options }] });
    assert.equal(job!.kind, 'import');
    return finished(job!);
  }

  before(async () => {
    h = await make();
  });
  after(async () => {
    await h.close();
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  });

  test('app.info names the version and workspace', async () => {
    const info = await ok<{ version: string; workspace: string; platform: string }>('app.info');
    assert.match(info.version, /^\d+\.\d+\.\d+/);
    assert.equal(info.workspace, h.workspace);
  });

  test('jobs.import runs in the background and ends with the dataset as outcome', async () => {
    const end = await importFixture('people.csv', { name: 'people' });
    assert.equal(end.state, 'done', JSON.stringify(end.error));
    assert.deepEqual(end.outcome?.dataset, 'people');
    const listed = await ok<JobInfo[]>('jobs.list');
    assert.ok(listed.some((j) => j.id === end.id && j.state === 'done'));
  });

  test('datasets.list and datasets.get show the dataset and its columns, without engine internals', async () => {
    const list = await ok<Dataset[]>('datasets.list');
    const ds = list.find((d) => d.name === 'people');
    assert.ok(ds);
    assert.equal(ds.rows, 5);
    assert.deepEqual(ds.columns.map((c) => c.name), ['id', 'name', 'city', 'age', 'joined']);
    const got = await ok<Dataset & Record<string, unknown>>('datasets.get', { dataset: 'people' });
    assert.equal(got.id, ds.id);
    assert.equal(got.file, undefined);
    assert.equal((got.columns[0] as Record<string, unknown>).physical, undefined);
    await fails('NOT_FOUND', 'datasets.get', { dataset: 'nope' });
  });

  test('rows.page pages, sorts and filters', async () => {
    const page = await ok<{ rids: number[]; rows: Array<Array<string | null>>; total: number }>('rows.page', { dataset: 'people', offset: 1, limit: 2 });
    assert.equal(page.total, 5);
    assert.equal(page.rows.length, 2);
    assert.equal(page.rows[0]![1], 'Björn Berg');
    const sorted = await ok<{ rows: Array<Array<string | null>> }>('rows.page', { dataset: 'people', offset: 0, limit: 5, sort: [{ column: 'age', dir: 'desc' }] });
    assert.equal(sorted.rows[0]![1], 'David Okafor');
    const filtered = await ok<{ total: number }>('rows.page', {
      dataset: 'people', offset: 0, limit: 10, filters: [{ kind: 'text', column: 'city', op: 'contains', value: 'l' }],
    });
    assert.equal(filtered.total, 4); // Lisboa, Malmö, Lyon, Lagos (text filters ignore ASCII case)
  });

  test('cells.update changes a cell that the next rows.page shows', async () => {
    const before = await ok<{ rids: number[] }>('rows.page', { dataset: 'people', offset: 0, limit: 1 });
    const rid = before.rids[0]!;
    const r = await ok('cells.update', { dataset: 'people', rid, column: 'city', value: 'Porto' });
    assert.deepEqual(r, { rid, column: 'city', value: 'Porto' });
    const after = await ok<{ rows: Array<Array<string | null>> }>('rows.page', { dataset: 'people', offset: 0, limit: 1 });
    assert.equal(after.rows[0]![2], 'Porto');
    await ok('cells.update', { dataset: 'people', rid, column: 'age', value: null });
    const again = await ok<{ rows: Array<Array<string | null>> }>('rows.page', { dataset: 'people', offset: 0, limit: 1 });
    assert.equal(again.rows[0]![3], null);
    await fails('NOT_FOUND', 'cells.update', { dataset: 'people', rid: 999999, column: 'city', value: 'x' });
    await fails('NOT_FOUND', 'cells.update', { dataset: 'people', rid, column: 'no such column', value: 'x' });
  });

  test('ops, history, recipes and facets: an operation and the cell edits undo and redo exactly', async () => {
    type Page = { rows: Array<Array<string | null>> };
    const firstRow = async () => (await ok<Page>('rows.page', { dataset: 'people', offset: 0, limit: 1 })).rows[0]!;
    const edits = await ok<Array<{ seq: number; state: string }>>('history.list', { dataset: 'people' });
    assert.deepEqual(edits.map((e) => e.state), ['done', 'done'], 'the two cell edits are history steps');

    const op = { op: 'case', column: 'city', mode: 'upper' };
    const preview = await ok<{ changed: number; samples: Array<{ before: string | null; after: string | null }> }>('ops.preview', { dataset: 'people', op, limit: 2 });
    assert.equal(preview.changed, 5);
    assert.equal(preview.samples.length, 2);
    assert.deepEqual([preview.samples[0]!.before, preview.samples[0]!.after], ['Porto', 'PORTO']);
    assert.equal((await firstRow())[2], 'Porto', 'preview changes nothing');
    const step = await ok<{ seq: number; detail: { changed: number } }>('ops.apply', { dataset: 'people', op });
    assert.equal(step.detail.changed, 5);
    assert.equal((await firstRow())[2], 'PORTO');
    await h.waitFor((e) => e.name === 'datasets.changed' && (e.payload as { dataset: string | null }).dataset === 'people');

    assert.equal((await ok<{ state: string }>('history.undo', { dataset: 'people' })).state, 'undone');
    assert.equal((await firstRow())[2], 'Porto');
    assert.equal((await ok<{ state: string }>('history.redo', { dataset: 'people' })).state, 'done');
    assert.equal((await ok('history.redo', { dataset: 'people' })), null);
    const none = await ok<Array<{ state: string }>>('history.jumpTo', { dataset: 'people', seq: 0 });
    assert.ok(none.every((e) => e.state === 'undone'));
    assert.deepEqual((await firstRow()).slice(2, 4), ['Lisboa', '34']);
    await ok('history.jumpTo', { dataset: 'people', seq: step.seq });
    assert.deepEqual((await firstRow()).slice(2, 4), ['PORTO', null]);
    const entry = (await ok<Array<Record<string, unknown>>>('history.list', { dataset: 'people' })).at(-1)!;
    assert.equal(entry.columnsBefore, undefined, 'engine internals stay inside');

    const recipe = await ok<{ operations: unknown[] }>('recipes.export', { dataset: 'people', rowKey: 'id' });
    assert.equal(recipe.operations.length, 3);
    await fails('BAD_INPUT', 'recipes.apply', { dataset: 'people', recipe: { nope: true } });

    const text = await ok<{ values: Array<{ value: string | null; count: number }>; total: number }>('facets.text', { dataset: 'people', column: 'city' });
    assert.equal(text.total, 5);
    assert.ok(text.values.some((v) => v.value === 'LYON' && v.count === 1));
    const blank = await ok<{ blank: number; nonBlank: number }>('facets.blank', { dataset: 'people', column: 'age' });
    assert.deepEqual(blank, { blank: 2, nonBlank: 3 });
    const numeric = await ok<{ min: number | null; max: number | null }>('facets.numeric', { dataset: 'people', column: 'age' });
    assert.deepEqual([numeric.min, numeric.max], [29, 52]);
    await ok('facets.type', { dataset: 'people', column: 'age' });
    await fails('NOT_FOUND', 'facets.text', { dataset: 'people', column: 'nope' });
  });

  test('datasets.update renames and describes; columns.update sets description and unit; search finds them', async () => {
    const renamed = await ok<Dataset>('datasets.update', { dataset: 'people', name: 'personnes', description: 'Sample of people' });
    assert.equal(renamed.name, 'personnes');
    assert.equal(renamed.description, 'Sample of people');
    await fails('NOT_FOUND', 'datasets.get', { dataset: 'people' });
    const col = await ok<Dataset>('columns.update', { dataset: 'personnes', column: 'age', description: 'Âge à l’inscription', unit: 'years' });
    const age = col.columns.find((c) => c.name === 'age')!;
    assert.deepEqual([age.description, age.unit], ['Âge à l’inscription', 'years']);
    await fails('NOT_FOUND', 'columns.update', { dataset: 'personnes', column: 'nope', unit: 'x' });

    const hits = await ok<Array<{ dataset: string; column: string | null; field: string }>>('datasets.search', { query: 'ÂGE À' });
    assert.deepEqual(hits, [{ dataset: 'personnes', column: 'age', field: 'description', text: 'Âge à l’inscription' }]);
    const byUnit = await ok<Array<{ column: string | null; field: string }>>('datasets.search', { query: 'YEARS' });
    assert.ok(byUnit.some((x) => x.column === 'age' && x.field === 'unit'));
    const byName = await ok<Array<{ column: string | null; field: string }>>('datasets.search', { query: 'sonnes' });
    assert.ok(byName.some((x) => x.column === null && x.field === 'name'));
    assert.deepEqual(await ok('datasets.search', { query: '   ' }), []);
  });

  test('rejects.list shows the lines an import with onError skip kept aside', async () => {
    const end = await importFixture('one-bad-line.csv', { name: 'bad', onError: 'skip' });
    assert.equal(end.state, 'done', JSON.stringify(end.error));
    const r = await ok<{ total: number; rejects: Array<{ line: number; raw: string; reason: string }> }>('rejects.list', { dataset: 'bad' });
    assert.equal(r.total, 1);
    assert.equal(r.rejects[0]!.line, 3);
    assert.match(r.rejects[0]!.raw, /beta/);
    const stopped = await importFixture('one-bad-line.csv', { name: 'bad-stop' });
    assert.equal(stopped.state, 'failed');
    assert.equal(stopped.error?.code, 'MALFORMED_FILE');
  });

  test('jobs.cancel stops a running import, which keeps nothing', async () => {
    const big = path.join(temp('tidyset-files-'), 'big.csv');
    const line = 'a,b,c,d,e,f,g,h\n';
    writeFileSync(big, 'c1,c2,c3,c4,c5,c6,c7,c8\n' + line.repeat(200_000));
    const [job] = await ok<JobInfo[]>('jobs.import', { files: [{ path: big, options: { name: 'big' } }] });
    // The import checks the cancel flag before its first chunk, so cancelling at once is deterministic.
    assert.deepEqual(await ok('jobs.cancel', { id: job!.id }), { ok: true });
    const end = await finished(job!);
    assert.equal(end.state, 'cancelled');
    assert.equal(end.error?.code, 'CANCELLED');
    await fails('NOT_FOUND', 'datasets.get', { dataset: 'big' });
    await fails('NOT_FOUND', 'jobs.cancel', { id: 'job-that-never-was' });
  });

  test('jobs.scan, sources.list, jobs.buildIndex and jobs.importSample', async () => {
    const root = temp('tidyset-scan-');
    copyFileSync(path.join(FIXTURES, 'people.csv'), path.join(root, 'a.csv'));
    copyFileSync(path.join(FIXTURES, 'people.csv'), path.join(root, 'b.csv'));
    const scan = await finished(await ok<JobInfo>('jobs.scan', { root }));
    assert.equal(scan.state, 'done', JSON.stringify(scan.error));
    assert.equal((scan.outcome?.counts as { found: number; duplicates: number }).found, 2);
    const sources = await ok<Array<{ path: string; duplicateOf: number | null }>>('sources.list', { root });
    assert.deepEqual(sources.map((s) => path.basename(s.path)), ['a.csv', 'b.csv']);
    assert.notEqual(sources[1]!.duplicateOf, null, 'b.csv is a byte-identical copy');

    const index = await finished(await ok<JobInfo>('jobs.buildIndex', { dataset: 'personnes', column: 'city' }));
    assert.equal(index.state, 'done', JSON.stringify(index.error));
    assert.deepEqual(index.outcome, { dataset: 'personnes', column: 'city' });
    await fails('NOT_FOUND', 'jobs.buildIndex', { dataset: 'personnes', column: 'nope' });

    const sample = await finished(await ok<JobInfo>('jobs.importSample'));
    assert.equal(sample.state, 'done', JSON.stringify(sample.error));
    const ds = await ok<Dataset>('datasets.get', { dataset: String(sample.outcome?.dataset) });
    assert.equal(ds.rows, 300);
    assert.ok(ds.columns.some((c) => c.name === 'email'));
  });

  test('fs.list lists a folder, folders first, and refuses what is not one', async () => {
    const dir = temp('tidyset-fs-');
    writeFileSync(path.join(dir, 'z.csv'), 'a\n1\n');
    writeFileSync(path.join(dir, '.hidden'), 'x');
    copyFileSync(path.join(FIXTURES, 'people.csv'), path.join(dir, 'a.csv'));
    mkdirSync(path.join(dir, 'sub'));
    const r = await ok<{ path: string; parent: string | null; entries: Array<{ name: string; dir: boolean; size: number }> }>('fs.list', { path: dir });
    assert.equal(r.path, dir);
    assert.equal(r.parent, path.dirname(dir));
    assert.deepEqual(r.entries.map((e) => [e.name, e.dir]), [['sub', true], ['a.csv', false], ['z.csv', false]]);
    assert.equal(r.entries.find((e) => e.name === 'z.csv')!.size, 4);
    assert.match(await fails('BAD_INPUT', 'fs.list', { path: path.join(dir, 'missing') }), /no such folder/);
    await fails('BAD_INPUT', 'fs.list', { path: path.join(dir, 'z.csv') });
    const first = await ok<{ path: string; parent: string | null }>('fs.list', {});
    const { roots } = await ok<{ roots: string[] }>('fs.roots');
    assert.equal(first.path, roots[0], 'no path lists the first data root');
    assert.equal(first.parent, null, 'the parent of a root is outside the roots');
  });

  test('datasets.delete removes the dataset and its file', async () => {
    const ds = await ok<Dataset>('datasets.get', { dataset: 'bad' });
    const before = readdirSync(path.join(h.workspace, 'data')).filter((f) => f.endsWith('.sqlite'));
    assert.deepEqual(await ok('datasets.delete', { dataset: 'bad' }), { ok: true });
    const after = readdirSync(path.join(h.workspace, 'data')).filter((f) => f.endsWith('.sqlite'));
    assert.equal(after.length, before.length - 1);
    assert.ok(!(await ok<Dataset[]>('datasets.list')).some((d) => d.id === ds.id));
    await fails('NOT_FOUND', 'datasets.delete', { dataset: 'bad' });
    // A dataset with a history and a cached grid connection goes too.
    await ok('rows.page', { dataset: 'personnes', offset: 0, limit: 1 });
    await ok('datasets.delete', { dataset: 'personnes' });
    await fails('NOT_FOUND', 'history.list', { dataset: 'personnes' });
    assert.ok(existsSync(path.join(h.workspace, 'catalog.sqlite')));
  });

  test('jobs.import names a batch uniquely (two people.csv, and against the catalog); sources.preview; jobs.reimport replaces in place', async () => {
    const dir = temp('tidyset-contract-batch-');
    mkdirSync(path.join(dir, 'x'));
    mkdirSync(path.join(dir, 'y'));
    writeFileSync(path.join(dir, 'x', 'twin.csv'), 'id;v\n1;a\n');
    writeFileSync(path.join(dir, 'y', 'twin.csv'), 'id;v\n2;b\n');
    const jobs = await ok<JobInfo[]>('jobs.import', { files: [{ path: path.join(dir, 'x', 'twin.csv') }, { path: path.join(dir, 'y', 'twin.csv') }] });
    const ends = await Promise.all(jobs.map(finished));
    assert.deepEqual(ends.map((e) => [e.state, e.outcome?.dataset]), [['done', 'twin'], ['done', 'twin-2']]);
    const taken = await fails('ALREADY_EXISTS', 'jobs.import', { files: [{ path: path.join(dir, 'x', 'twin.csv'), options: { name: 'twin' } }] });
    assert.match(taken, /x\/twin\.csv: a dataset named "twin" already exists/);

    const preview = await ok<{ columns: string[]; rows: string[][]; notes: string[] }>('sources.preview', { path: path.join(dir, 'x', 'twin.csv'), options: { delimiter: ',' } });
    assert.deepEqual(preview.columns, ['id;v']);
    assert.match(preview.notes.join(' '), /one column/);
    const right = await ok<{ columns: string[]; rows: string[][] }>('sources.preview', { path: path.join(dir, 'x', 'twin.csv') });
    assert.deepEqual([right.columns, right.rows], [['id', 'v'], [['1', 'a']]]);

    const re = await finished(await ok<JobInfo>('jobs.reimport', { dataset: 'twin', options: { header: false } }));
    assert.equal(re.state, 'done', JSON.stringify(re.error));
    const twin = await ok<Dataset>('datasets.get', { dataset: 'twin' });
    assert.deepEqual([twin.rows, twin.columns.map((c) => c.name)], [2, ['column_1', 'column_2']]);
    assert.deepEqual((await ok<{ rows: string[][] }>('rows.page', { dataset: 'twin', offset: 0, limit: 5 })).rows, [['id', 'v'], ['1', 'a']]);
    assert.equal((await ok<Dataset[]>('datasets.list')).filter((d) => d.name.startsWith('twin')).length, 2, 'twin and twin-2, nothing else');
  });

  test('an unknown method is UNKNOWN_METHOD, including names inherited by every object', async () => {
    for (const m of ['no.such', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) await fails('UNKNOWN_METHOD', m, {});
  });

  test('malformed inputs come back as VALIDATION naming the field', async () => {
    assert.match(await fails('VALIDATION', 'rows.page', { dataset: 'personnes', offset: '0', limit: 10 }), /offset/);
    assert.match(await fails('VALIDATION', 'rows.page', { offset: 0, limit: 10 }), /dataset/);
    assert.match(await fails('VALIDATION', 'rows.page', { dataset: 'personnes', offset: -1, limit: 10 }), /offset/);
    assert.match(await fails('VALIDATION', 'rows.page', { dataset: 'personnes', offset: 0, limit: 5000 }), /limit/);
    assert.match(await fails('VALIDATION', 'rows.page', { dataset: 'personnes', offset: 0.5, limit: 10 }), /offset/);
    assert.match(await fails('VALIDATION', 'rows.page', { dataset: 'personnes', offset: 0, limit: 10, sort: [{ column: 'age', dir: 'up' }] }), /sort\.0\.dir/);
    assert.match(await fails('VALIDATION', 'jobs.import', { files: [] }), /files/);
    assert.match(await fails('VALIDATION', 'jobs.import', { files: [{ path: 'x.csv', options: { delimiter: ';;' } }] }), /files\.0\.options\.delimiter/);
    await fails('VALIDATION', 'cells.update', { dataset: 'personnes', rid: 'one', column: 'city', value: 'x' });
    await fails('VALIDATION', 'datasets.update', { dataset: '' });
    await fails('VALIDATION', 'jobs.cancel', {});
    await fails('VALIDATION', 'app.info', null);
    await fails('VALIDATION', 'datasets.list', [1, 2]);
  });
}

describe('contract: in-process dispatch', () => contractSuite(inProcessHarness));
describe('contract: loopback HTTP', () => contractSuite(() => httpHarness()));
