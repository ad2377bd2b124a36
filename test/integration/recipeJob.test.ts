// Recipes as jobs and operations on filtered rows through the faces: jobs.applyRecipe reports "step n
// of N" and cancels leaving the dataset as it was; `tidyset op` takes a filter inside the op JSON;
// `tidyset apply` prints a line per step off a terminal and Ctrl-C takes every applied step back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, ROOT, ensureBuilt, jsonOut, runCli } from '../helpers/cli';
import type { JobInfo } from '../../shared/api/contract';
import { inProcessHarness, jobEnded, tempDir, type Harness } from './harness';

let h: Harness;
let tmp: string;
let csv: string;

const LUND = [{ kind: 'text', column: 'city', op: 'equals', value: 'Lund' }];
const RECIPE = {
  tidysetRecipe: 1,
  operations: [
    { op: 'trim', column: 'name' },
    { op: 'case', column: 'name', mode: 'upper', where: LUND },
    { op: 'replace', column: 'name', find: 'NAME', replace: 'N' },
  ],
};

before(async () => {
  ensureBuilt();
  tmp = tempDir('tidyset-recipejob-');
  csv = path.join(tmp, 'towns.csv');
  const lines = ['id,name,city'];
  for (let i = 1; i <= 3000; i++) lines.push(`${i}, name ${i} ,${i % 3 ? 'Lund' : 'Malmö'}`);
  writeFileSync(csv, lines.join('\n') + '\n');
  h = await inProcessHarness();
  const r = await h.call('jobs.import', { files: [{ path: csv, options: { name: 'towns' } }] });
  assert.ok(r.ok, JSON.stringify(r));
  await h.waitFor(jobEnded((r as { value: JobInfo[] }).value[0]!.id));
});
after(async () => {
  await h.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await h.call(method, input);
  assert.ok(r.ok, JSON.stringify(r));
  return (r as { value: T }).value;
}

const rows = async () => (await ok<{ rows: unknown[][] }>('rows.page', { dataset: 'towns', offset: 0, limit: 6 })).rows;

test('ops.preview under a filter answers the counts the dialog shows', async () => {
  const pv = await ok<{ matching: number; total: number; changed: number }>('ops.preview', { dataset: 'towns', op: { op: 'case', column: 'city', mode: 'upper', where: LUND } });
  assert.deepEqual([pv.matching, pv.total, pv.changed], [2000, 3000, 2000]);
});

test('jobs.applyRecipe cancelled while it waits before step 2 leaves the dataset and history as they were', async () => {
  const before = await rows();
  process.env.TIDYSET_TEST = '1';
  process.env.TIDYSET_TEST_RECIPE_PAUSE = '2';
  let job: JobInfo;
  try {
    job = await ok<JobInfo>('jobs.applyRecipe', { dataset: 'towns', recipe: RECIPE });
  } finally {
    // The worker took its copy of the environment when it started.
    delete process.env.TIDYSET_TEST_RECIPE_PAUSE;
  }
  assert.equal(job.kind, 'clean');
  await h.waitFor((e) => e.name === 'job.progress' && (e.payload as JobInfo).id === job.id && (e.payload as JobInfo).message.startsWith('step 2 of 3'));
  await ok('jobs.cancel', { id: job.id });
  const end = (await h.waitFor(jobEnded(job.id))).payload as JobInfo;
  assert.equal(end.state, 'cancelled');
  assert.deepEqual(await rows(), before);
  assert.deepEqual(await ok<unknown[]>('history.list', { dataset: 'towns' }), []);
});

test('jobs.applyRecipe runs every step with progress, and the filtered step changes the filtered rows only', async () => {
  const job = await ok<JobInfo>('jobs.applyRecipe', { dataset: 'towns', recipe: RECIPE });
  const end = (await h.waitFor(jobEnded(job.id))).payload as JobInfo;
  assert.equal(end.state, 'done', JSON.stringify(end.error));
  assert.equal(end.done, 3);
  assert.equal(end.total, 3);
  const r = await rows();
  assert.deepEqual(r.slice(0, 3).map((x) => x[1]), ['N 1', 'N 2', 'name 3']);
  const h1 = await ok<Array<{ description: string }>>('history.list', { dataset: 'towns' });
  assert.equal(h1[1]!.description, 'Upper-case “name” in the rows where “city” is “Lund”');
  await ok('history.jumpTo', { dataset: 'towns', seq: 0 });
});

test('tidyset op takes the filter inside the op JSON; a filter on a rename is refused by name', () => {
  const ws = path.join(tmp, 'cli-ws');
  assert.equal(runCli(['import', csv, '--name', 't'], ws).status, 0);
  const r = runCli(['op', 't', JSON.stringify({ op: 'case', column: 'name', mode: 'upper', where: LUND }), '--json'], ws);
  assert.equal(r.status, 0, r.stderr);
  const out = jsonOut<{ description: string; detail: { changed: number; matched: number } }>(r);
  assert.equal(out.detail.matched, 2000);
  assert.equal(out.detail.changed, 2000);
  assert.match(out.description, /in the rows where “city” is “Lund”/);
  const bad = runCli(['op', 't', JSON.stringify({ op: 'rename', column: 'name', to: 'n', where: LUND })], ws);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /rename changes the whole column, not some rows: remove "where"/);
});

test('tidyset apply prints step n of N off a terminal; Ctrl-C mid-recipe exits 130 and keeps nothing', async () => {
  const ws = path.join(tmp, 'cli-ws2');
  assert.equal(runCli(['import', csv, '--name', 't'], ws).status, 0);
  const recipeFile = path.join(tmp, 'recipe.json');
  writeFileSync(recipeFile, JSON.stringify(RECIPE));
  const done = runCli(['apply', recipeFile, '-d', 't'], ws);
  assert.equal(done.status, 0, done.stderr);
  // One plain line per step reported (a job's progress is thinned to a few messages a second, so steps
  // that take milliseconds may share one): in order, each naming its step.
  const lines = done.stderr.trim().split('\n');
  assert.equal(lines[0], 'apply: step 1 of 3: Trim and collapse whitespace in “name”');
  const steps = lines.map((l) => Number(/^apply: step (\d) of 3: /.exec(l)?.[1]));
  assert.ok(steps.every((n, i) => n > 0 && (i === 0 || n > steps[i - 1]!)), lines.join('\n'));
  assert.equal(runCli(['undo', 't', '--to', '0'], ws).status, 0);
  const before = runCli(['show', 't', '--json'], ws).stdout;

  const child = spawn(process.execPath, [BIN, 'apply', recipeFile, '-d', 't'], {
    cwd: ROOT,
    env: { ...process.env, TIDYSET_WORKSPACE: ws, TIDYSET_TEST: '1', TIDYSET_TEST_RECIPE_PAUSE: '3' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve) => {
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
      if (stderr.includes('step 3 of 3')) resolve();
    });
  });
  child.kill('SIGINT');
  assert.equal(await exited, 130, stderr);
  assert.match(stderr, /cancelling; the steps applied so far are taken back/);
  assert.match(stderr, /cancelled; nothing was kept/);
  assert.equal(runCli(['show', 't', '--json'], ws).stdout, before);
  const hist = jsonOut<{ history: Array<{ state: string }> }>(runCli(['history', 't', '--json'], ws));
  // The first run's undone steps are back as they were (the cancelled run's first step had dropped them).
  assert.deepEqual(hist.history.map((e) => e.state), ['undone', 'undone', 'undone']);
});
