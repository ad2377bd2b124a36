// The dedupe and link methods end to end through the in-process dispatcher: suggest, blocking, the
// job, summary and curve, clusters by uncertainty, labels, split, re-fit, uncertain pairs, resolve as
// undoable history steps, and a link with its table and key column. Real data from shared/data.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { contract, type JobInfo, type Method } from '../../shared/api/contract';
import { inProcessHarness, jobEnded, tempDir, type Harness } from './harness';

const DATA = process.env.TIDYSET_DATA_DIR ?? path.resolve(__dirname, '../../../shared/data');
let h: Harness;
let dir = '';

async function ok<T = unknown>(method: Method, input: unknown = {}): Promise<T> {
  const r = await h.call(method, input);
  assert.equal(r.ok, true, `${method} failed: ${JSON.stringify(r)}`);
  const value = (r as { value: unknown }).value;
  const parsed = contract[method].output.safeParse(value);
  assert.ok(parsed.success, `${method} output does not match the contract: ${parsed.success ? '' : parsed.error.message}`);
  return value as T;
}

async function finished(job: JobInfo): Promise<JobInfo> {
  const end = (await h.waitFor(jobEnded(job.id))).payload as JobInfo;
  assert.equal(end.state, 'done', JSON.stringify(end.error));
  return end;
}

async function importData(rel: string, name: string): Promise<void> {
  const file = path.join(dir, path.basename(rel));
  copyFileSync(path.join(DATA, rel), file);
  const [job] = await ok<JobInfo[]>('jobs.import', { files: [{ path: file, options: { name } }] });
  await finished(job!);
}

before(async () => {
  h = await inProcessHarness();
  dir = tempDir('tidyset-dedupe-');
  await importData('febrl/dataset1.csv', 'febrl1');
  await importData('fodors-zagat/fodors.csv', 'fodors');
  await importData('fodors-zagat/zagats.csv', 'zagats');
});
after(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

test('dedupe: suggest, blocking, job, review, re-fit and resolve as undoable steps', async () => {
  const s = await ok<{ config: { comparisons: Array<{ column: string }>; key?: string }; key: string | null; columns: Array<{ column: string; role: string; suggested: boolean }> }>('dedupe.suggest', { dataset: 'febrl1' });
  assert.equal(s.key, 'rec_id');
  assert.ok(!s.config.comparisons.some((c) => c.column === 'rec_id'), 'the key is not compared');
  assert.ok(s.config.comparisons.some((c) => c.column === 'surname'));
  const report = await ok<{ keys: Array<{ key: string; blocks: number }>; pairs: number }>('dedupe.blocking', { dataset: 'febrl1', config: s.config });
  assert.ok(report.keys.length > 3 && report.pairs > 1000);

  const job = await ok<JobInfo>('jobs.dedupe', { dataset: 'febrl1', config: s.config });
  assert.equal(job.kind, 'dedupe');
  const end = await finished(job);
  const result = (end.outcome as { result: string }).result;
  const sum = await ok<{ curve: Array<{ threshold: number; pairs: number; clusters: number }>; current: boolean; comparisons: number }>('dedupe.summary', { result });
  assert.equal(sum.current, true);
  const at5 = sum.curve.find((p) => p.threshold === 0.5)!;
  assert.ok(at5.clusters >= 450 && at5.clusters <= 520, `about 500 clusters at 0.5: ${at5.clusters}`);
  assert.ok(sum.curve[0]!.pairs >= sum.curve.at(-1)!.pairs, 'fewer pairs at a higher threshold');

  const page = await ok<{ total: number; clusters: Array<{ id: number; size: number; uncertainty: number; members: Array<{ rid: number; key: string | null }>; pairs: Array<{ a: number; b: number; weights: unknown[] }> }> }>('dedupe.clusters', { result, threshold: 0.5, limit: 5 });
  assert.equal(page.total, at5.clusters);
  const first = page.clusters[0]!;
  assert.ok(first.uncertainty >= page.clusters.at(-1)!.uncertainty, 'least sure first');
  assert.ok(first.members.every((m) => m.key?.startsWith('rec-')));
  assert.ok(first.pairs[0]!.weights.length === s.config.comparisons.length);

  const unsure = await ok<Array<{ a: number; b: number; recordA: { values: unknown[] } }>>('dedupe.uncertain', { result, limit: 3 });
  assert.equal(unsure.length, 3);
  const counts = await ok<{ match: number; nonMatch: number }>('dedupe.label', { result, a: unsure[0]!.a, b: unsure[0]!.b, label: 'nonMatch' });
  assert.deepEqual(counts, { match: 0, nonMatch: 1 });
  const rids = first.members.map((m) => m.rid);
  const afterSplit = await ok<{ nonMatch: number }>('dedupe.split', { result, members: rids, apart: [rids[0]] });
  assert.ok(afterSplit.nonMatch >= 1);
  const refit = await ok<{ model: { labelled: number }; labels: { nonMatch: number } }>('dedupe.refit', { result });
  assert.ok(refit.model.labelled >= 1);
  const again = await ok<{ total: number; clusters: Array<{ members: Array<{ rid: number }> }> }>('dedupe.clusters', { result, threshold: 0.5, limit: 200, order: 'size' });
  assert.ok(!again.clusters.some((c) => c.members.some((m) => m.rid === rids[0]) && c.members.some((m) => m.rid === rids[1])), 'the split records are apart now');

  const step = await ok<{ seq: number; detail: { changed: number } }>('dedupe.resolve', { result, threshold: 0.5, mode: 'addColumn' });
  assert.ok(step.detail.changed > 900);
  const ds = await ok<{ columns: Array<{ name: string }>; rows: number }>('datasets.get', { dataset: 'febrl1' });
  assert.ok(ds.columns.some((c) => c.name === 'cluster_id'));
  const history = await ok<Array<{ description: string }>>('history.list', { dataset: 'febrl1' });
  assert.match(history.at(-1)!.description, /cluster ids/);
  // The step replays as a recipe on another copy of the data: recomputed with the step's model.
  const recipe = await ok('recipes.export', { dataset: 'febrl1' });
  await importData('febrl/dataset1.csv', 'febrl1-copy');
  await ok('recipes.apply', { dataset: 'febrl1-copy', recipe });
  const ids = async (name: string) => {
    const d = await ok<{ columns: Array<{ name: string }> }>('datasets.get', { dataset: name });
    const col = d.columns.findIndex((c) => c.name === 'cluster_id');
    const page = await ok<{ rows: Array<Array<string | null>> }>('rows.page', { dataset: name, offset: 0, limit: 1000 });
    return new Set(page.rows.map((r) => r[col])).size;
  };
  const replayed = await ids('febrl1-copy');
  const original = await ids('febrl1');
  assert.ok(Math.abs(replayed - original) <= 5, `replayed ${replayed} cluster ids, original ${original}`);
  await ok('history.undo', { dataset: 'febrl1' });
  const undone = await ok<{ columns: Array<{ name: string }> }>('datasets.get', { dataset: 'febrl1' });
  assert.ok(!undone.columns.some((c) => c.name === 'cluster_id'));
  // The result is current again after the undo: keep one per cluster uses its clusters.
  const keep = await ok<{ detail: { changed: number } }>('dedupe.resolve', { result, threshold: 0.5, mode: 'keepOne', rules: [{ column: 'given_name', rule: 'longest' }] });
  const kept = await ok<{ rows: number }>('datasets.get', { dataset: 'febrl1' });
  assert.equal(kept.rows, 1000 - keep.detail.changed);
  assert.ok(kept.rows >= 490 && kept.rows <= 560, `about 500 records survive: ${kept.rows}`);
  await ok('history.undo', { dataset: 'febrl1' });
  assert.equal((await ok<{ rows: number }>('datasets.get', { dataset: 'febrl1' })).rows, 1000);
  const listed = await ok<Array<{ id: string; current: boolean }>>('dedupe.results', { dataset: 'febrl1' });
  assert.ok(listed.some((r) => r.id === result && r.current), JSON.stringify(listed));
});

test('link: fodors to zagats, the link table and the key column', async () => {
  const s = await ok<{ config: { comparisons: Array<{ column: string; columnB?: string }> } }>('dedupe.suggest', { dataset: 'fodors', datasetB: 'zagats' });
  assert.ok(s.config.comparisons.every((c) => c.columnB));
  const end = await finished(await ok<JobInfo>('jobs.link', { dataset: 'fodors', datasetB: 'zagats', config: s.config }));
  const result = (end.outcome as { result: string }).result;
  const pairs = await ok<{ total: number; pairs: Array<{ recordA: { values: unknown[] }; recordB: { values: unknown[] } }> }>('dedupe.linkPairs', { result, threshold: 0.5, limit: 5 });
  assert.ok(pairs.total >= 100 && pairs.total <= 125, `about 112 links: ${pairs.total}`);
  const out = path.join(dir, 'links.csv');
  const exp = await ok<{ pairs: number }>('dedupe.linkExport', { result, threshold: 0.5, out, keyA: 'id', keyB: 'id' });
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.equal(lines[0], 'a_key,b_key,score');
  assert.equal(lines.length - 1, exp.pairs);
  const step = await ok<{ detail: { changed: number } }>('dedupe.linkAddKey', { result, threshold: 0.5, keyB: 'id', column: 'zagat_id' });
  assert.equal(step.detail.changed, pairs.total);
  const ds = await ok<{ columns: Array<{ name: string }> }>('datasets.get', { dataset: 'fodors' });
  assert.ok(ds.columns.some((c) => c.name === 'zagat_id'));
});
