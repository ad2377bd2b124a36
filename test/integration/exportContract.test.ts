// jobs.export through both faces (in-process dispatcher and loopback HTTP): the same engine path as
// `tidyset export`, with a column subset, filters and sort, the overwrite refusal and force.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { JobInfo } from '../../shared/api/contract';
import { FIXTURES, httpHarness, inProcessHarness, replies, tempDir, type Harness } from './harness';

function exportSuite(make: () => Promise<Harness>): void {
  let h: Harness;
  let out: string;
  const { call, finished, detected } = replies(() => h);

  before(async () => {
    h = await make();
    out = tempDir('tidyset-export-api-');
    const [job] = await call<JobInfo[]>('jobs.import', { files: [{ path: path.join(FIXTURES, 'people.csv'), options: { name: 'people' } }] });
    assert.equal((await finished(job!)).state, 'done');
    // Detection tags `name` a direct identifier, which export would refuse: these tests are about export
    // itself, so the user's answer here is "not personal" (protection has its own suite).
    await detected('people');
    await call('tags.set', { dataset: 'people', column: 'name', kind: 'none', category: 'none' });
  });
  after(async () => {
    await h.close();
    rmSync(out, { recursive: true, force: true });
  });

  test('jobs.export writes the filtered, sorted rows and chosen columns; the outcome lists files with sizes and the manifest entry', async () => {
    // Detection after the import tags `name` as a direct identifier: these exports confirm writing it as it is.
    const job = await call<JobInfo>('jobs.export', {
      dataset: 'people', format: 'jsonl', out, columns: ['name', 'age'],
      filters: [{ kind: 'number', column: 'age', min: 30, max: null }], sort: [{ column: 'age', dir: 'desc' }],
    });
    assert.equal(job.kind, 'export');
    const end = await finished(job);
    assert.equal(end.state, 'done', JSON.stringify(end.error));
    const files = end.outcome?.files as Array<{ path: string; rows: number; bytes: number; sha256: string }>;
    assert.equal(files[0]!.path, path.join(out, 'people.jsonl'));
    const lines = readFileSync(files[0]!.path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { name: string; age: number });
    assert.equal(files[0]!.rows, lines.length);
    assert.equal(files[0]!.bytes, readFileSync(files[0]!.path).length);
    assert.ok(lines.length > 1);
    assert.deepEqual(Object.keys(lines[0]!), ['name', 'age']);
    for (const l of lines) assert.ok(typeof l.age === 'number' && l.age >= 30, JSON.stringify(l));
    assert.deepEqual(lines.map((l) => l.age), [...lines.map((l) => l.age)].sort((a, b) => b - a));
    const entry = end.outcome?.entry as { recipe: { tidysetRecipe: number }; selection: { rows: number } };
    assert.equal(entry.selection.rows, lines.length);
    assert.equal(entry.recipe.tidysetRecipe, 1);
    assert.equal(end.outcome?.manifest, path.join(out, 'manifest.json'));
  });

  test('a second export is refused at once with ALREADY_EXISTS, and goes through with force', async () => {
    await assert.rejects(call('jobs.export', { dataset: 'people', format: 'jsonl', out }), (e: unknown) => (e as { code: string }).code === 'ALREADY_EXISTS');
    const end = await finished(await call<JobInfo>('jobs.export', { dataset: 'people', format: 'jsonl', out, force: true }));
    assert.equal(end.state, 'done', JSON.stringify(end.error));
    assert.equal(readFileSync(path.join(out, 'people.jsonl'), 'utf8').trim().split('\n').length, readFileSync(path.join(FIXTURES, 'people.csv'), 'utf8').trim().split('\n').length - 1);
  });

  test('unknown columns are NOT_FOUND and bad input a VALIDATION error, before any job starts', async () => {
    await assert.rejects(call('jobs.export', { dataset: 'people', format: 'csv', out, columns: ['nope'] }), (e: unknown) => (e as { code: string }).code === 'NOT_FOUND');
    await assert.rejects(call('jobs.export', { dataset: 'people', format: 'xml', out }), (e: unknown) => (e as { code: string }).code === 'VALIDATION');
    await assert.rejects(call('jobs.export', { dataset: 'people', format: 'csv', out, columns: [] }), (e: unknown) => (e as { code: string }).code === 'VALIDATION');
  });
}

describe('jobs.export in process', () => exportSuite(inProcessHarness));
describe('jobs.export over loopback HTTP', () => exportSuite(() => httpHarness()));
