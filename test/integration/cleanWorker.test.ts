// History actions on large datasets run in a worker thread: the same results through the API, one
// at a time per dataset, with the grid answering meanwhile. (The row threshold is lowered to 0 here.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Harness } from './harness';

process.env.TIDYSET_OPS_IN_PROCESS_ROWS = '0';
let h: Harness;
let people: string;

before(async () => {
  const { inProcessHarness, FIXTURES, jobEnded } = await import('./harness');
  h = await inProcessHarness();
  people = path.join(FIXTURES, 'people.csv');
  const r = await h.call('jobs.import', { files: [{ path: people, options: { name: 'p' } }] });
  assert.ok(r.ok);
  const [job] = (r as { value: Array<{ id: string }> }).value;
  await h.waitFor(jobEnded(job!.id));
});
after(() => h.close());

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await h.call(method, input);
  assert.ok(r.ok, JSON.stringify(r));
  return (r as { value: T }).value;
}

test('apply, undo, redo and a cell edit go through clean jobs and keep their order', async () => {
  const page = () => ok<{ rows: Array<Array<string | null>> }>('rows.page', { dataset: 'p', offset: 0, limit: 5 });
  const before = (await page()).rows;
  const ds = await ok<{ columns: Array<{ name: string }> }>('datasets.get', { dataset: 'p' });
  const col = ds.columns[1]!.name;
  // Several actions at once: they run one after another, in the order they were asked for.
  const [step, edit] = await Promise.all([
    ok<{ seq: number }>('ops.apply', { dataset: 'p', op: { op: 'case', column: col, mode: 'upper' } }),
    ok<unknown>('cells.update', { dataset: 'p', rid: 1, column: col, value: 'edited' }),
  ]);
  assert.equal(step.seq, 1);
  assert.ok(edit);
  const after = (await page()).rows;
  assert.equal(after[0]![1], 'edited');
  assert.equal(after[1]![1], before[1]![1]!.toUpperCase());
  const history = await ok<Array<{ seq: number; state: string }>>('history.list', { dataset: 'p' });
  assert.deepEqual(history.map((e) => [e.seq, e.state]), [[1, 'done'], [2, 'done']]);
  await ok('history.undo', { dataset: 'p' });
  await ok('history.undo', { dataset: 'p' });
  assert.deepEqual((await page()).rows, before);
  await ok('history.jumpTo', { dataset: 'p', seq: 2 });
  assert.equal((await page()).rows[0]![1], 'edited');
  const jobs = await ok<Array<{ kind: string; state: string }>>('jobs.list', {});
  assert.ok(jobs.filter((j) => j.kind === 'clean').length >= 5, 'the actions ran as clean jobs');
  assert.ok(jobs.every((j) => j.state !== 'failed'));
});

test('an error in a worker comes back with its code', async () => {
  const r = await h.call('ops.apply', { dataset: 'p', op: { op: 'replace', column: 'nope', find: 'a', replace: 'b' } });
  assert.equal(r.ok, false);
  assert.equal((r as { error: { code: string } }).error.code, 'NOT_FOUND');
});
