// Spelling clusters through both faces (in-process dispatcher and loopback HTTP): jobs.cluster runs a
// job of kind cluster, cluster.results pages its clusters, cluster.merge writes one massEdit step
// that history lists and undo takes back.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { JobInfo, Reply } from '../../shared/api/contract';
import type { ClusterPage, ClusterSummary } from '../../shared/api/cluster';
import { httpHarness, inProcessHarness, jobEnded, tempDir, type Harness } from './harness';

const CITIES = ['New York', 'New York', 'new york', 'York, New', 'Boston', 'Boston', 'boston', 'Chicago', 'Denver', 'denver '];

function clusterSuite(make: () => Promise<Harness>): void {
  let h: Harness;
  let dir: string;
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = (await h.call(method, input)) as Reply<T>;
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value;
  };
  const finished = async (job: JobInfo) => (await h.waitFor(jobEnded(job.id))).payload as JobInfo;
  const code = (c: string) => (e: unknown) => (e as { code: string }).code === c;

  before(async () => {
    h = await make();
    dir = tempDir('tidyset-cluster-api-');
    const file = path.join(dir, 'cities.csv');
    writeFileSync(file, `id,city\n${CITIES.map((c, i) => `${i + 1},"${c}"`).join('\n')}\n`);
    const [job] = await call<JobInfo[]>('jobs.import', { files: [{ path: file, options: { name: 'cities' } }] });
    assert.equal((await finished(job!)).state, 'done');
  });
  after(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('jobs.cluster runs a cluster job whose outcome is the summary; cluster.results pages the clusters', async () => {
    const job = await call<JobInfo>('jobs.cluster', { dataset: 'cities', column: 'city', method: 'fingerprint' });
    assert.equal(job.kind, 'cluster');
    assert.equal(job.cancellable, true);
    const end = await finished(job);
    assert.equal(end.state, 'done', JSON.stringify(end.error));
    const summary = end.outcome as unknown as ClusterSummary;
    assert.equal(summary.clusters, 3);
    assert.equal(summary.distinct, 8);
    const page = await call<ClusterPage>('cluster.results', { dataset: 'cities', column: 'city', id: summary.id, limit: 2 });
    assert.equal(page.total, 3);
    assert.equal(page.clusters.length, 2);
    assert.deepEqual(page.clusters[0], { values: [{ value: 'New York', count: 2 }, { value: 'York, New', count: 1 }, { value: 'new york', count: 1 }], suggested: 'New York' });
    const rest = await call<ClusterPage>('cluster.results', { dataset: 'cities', column: 'city', id: summary.id, offset: 2 });
    assert.deepEqual(rest.clusters.map((c) => c.suggested), ['Denver']);
  });

  test('cluster.merge is one massEdit history step; undo restores the values', async () => {
    const step = await call<{ seq: number; description: string; detail: { changed: number } }>('cluster.merge', {
      dataset: 'cities', column: 'city', merges: [{ values: ['New York', 'new york', 'York, New'], to: 'New York' }, { values: ['Boston', 'boston'], to: 'Boston' }],
    });
    assert.equal(step.detail.changed, 3);
    const history = await call<Array<{ seq: number; state: string; op: { op: string; edits: unknown[] } }>>('history.list', { dataset: 'cities' });
    assert.equal(history.length, 1);
    assert.equal(history[0]!.op.op, 'massEdit');
    assert.equal(history[0]!.op.edits.length, 2);
    const facet = await call<{ values: Array<{ value: string; count: number }> }>('facets.text', { dataset: 'cities', column: 'city' });
    assert.deepEqual(facet.values.slice(0, 2), [{ value: 'New York', count: 4 }, { value: 'Boston', count: 3 }]);
    await call('history.undo', { dataset: 'cities' });
    const back = await call<{ values: Array<{ value: string; count: number }> }>('facets.text', { dataset: 'cities', column: 'city', sort: 'value' });
    assert.deepEqual(back.values.map((v) => v.value).sort(), [...new Set(CITIES)].sort());
  });

  test('bad input: unknown column NOT_FOUND, bad method or radius VALIDATION, nothing to merge BAD_INPUT, unknown result NOT_FOUND', async () => {
    await assert.rejects(call('jobs.cluster', { dataset: 'cities', column: 'nope' }), code('NOT_FOUND'));
    await assert.rejects(call('jobs.cluster', { dataset: 'cities', column: 'city', method: 'soundex' }), code('VALIDATION'));
    await assert.rejects(call('jobs.cluster', { dataset: 'cities', column: 'city', method: 'levenshtein', radius: 9 }), code('VALIDATION'));
    await assert.rejects(call('cluster.merge', { dataset: 'cities', column: 'city', merges: [{ values: ['Boston'], to: 'Boston' }] }), code('BAD_INPUT'));
    await assert.rejects(call('cluster.results', { dataset: 'cities', column: 'city', id: '0123456789abcdef0123456789abcdef' }), code('NOT_FOUND'));
    await assert.rejects(call('cluster.results', { dataset: 'cities', column: 'city', id: '../x' }), code('VALIDATION'));
  });
}

describe('spelling clusters in process', () => clusterSuite(inProcessHarness));
describe('spelling clusters over loopback HTTP', () => clusterSuite(() => httpHarness()));
