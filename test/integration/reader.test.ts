// Heavy reads run off the request thread: while a page sorted by an unindexed column (a full sort of
// 300,000 rows) or a facet is computed, cheap calls — app.info, an unsorted page — answer first.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { JobInfo, Reply } from '../../shared/api/contract';
import { httpHarness, inProcessHarness, jobEnded, tempDir, type Harness } from './harness';

const ROWS = 300_000;
let dir: string;
let file: string;

before(() => {
  dir = tempDir('tidyset-reader-');
  file = path.join(dir, 'big.csv');
  const lines = ['id,name,score'];
  // Names in a scrambled order, so that sorting them is real work.
  for (let i = 0; i < ROWS; i++) lines.push(`${i},name-${((i * 7919) % ROWS).toString(36)}-${i % 97},${(i * 31) % 1000}`);
  writeFileSync(file, lines.join('\n') + '\n');
});

function suite(make: () => Promise<Harness>): void {
  let h: Harness;
  before(async () => {
    h = await make();
    const r = await h.call('jobs.import', { files: [{ path: file, options: { name: 'big' } }] });
    assert.ok(r.ok, JSON.stringify(r));
    const end = (await h.waitFor(jobEnded((r.value as JobInfo[])[0]!.id))).payload as JobInfo;
    assert.equal(end.state, 'done', JSON.stringify(end.error));
    // Start the reader thread (as the app and serve mode do at start-up), so what follows is steady state.
    assert.ok((await h.call('facets.blank', { dataset: 'big', column: 'score' })).ok);
  });
  after(() => h.close());

  /** Starts a call and records when it finished, by name. */
  function timed(order: string[], name: string, method: string, input: unknown): Promise<Reply<unknown>> {
    const t0 = performance.now();
    return h.call(method, input).then((r) => {
      order.push(name);
      assert.ok(r.ok, `${name}: ${JSON.stringify(r)}`);
      times.set(name, performance.now() - t0);
      return r;
    });
  }
  const times = new Map<string, number>();

  test('app.info and an unsorted page answer before a first sort on an unindexed column', async (t) => {
    const order: string[] = [];
    const heavy = timed(order, 'sort', 'rows.page', { dataset: 'big', offset: 0, limit: 100, sort: [{ column: 'name', dir: 'desc' }] });
    // Let the heavy call reach the server first, then ask for cheap ones.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const info = timed(order, 'info', 'app.info', {});
    const page = timed(order, 'page', 'rows.page', { dataset: 'big', offset: 5000, limit: 100 });
    await Promise.all([heavy, info, page]);
    t.diagnostic(`sort ${times.get('sort')!.toFixed(0)} ms; app.info ${times.get('info')!.toFixed(1)} ms; unsorted page ${times.get('page')!.toFixed(1)} ms`);
    assert.equal(order.at(-1), 'sort', `finished in the order ${order.join(', ')}`);
    const rows = ((await heavy) as unknown as { value: { rows: string[][] } }).value.rows;
    assert.ok(rows[0]![1]! >= rows[99]![1]!, 'the heavy page is sorted descending');
  });

  test('a facet over the whole column does not hold up app.info either', async () => {
    const order: string[] = [];
    const heavy = timed(order, 'facet', 'facets.text', { dataset: 'big', column: 'name', filters: [{ kind: 'text', column: 'name', op: 'contains', value: '-1' }] });
    await new Promise<void>((resolve) => setImmediate(resolve));
    const info = timed(order, 'info', 'app.info', {});
    await Promise.all([heavy, info]);
    assert.deepEqual(order, ['info', 'facet']);
  });

  test('the reader sees changes: a cell edit shows in the next sorted page', async () => {
    const first = await h.call('rows.page', { dataset: 'big', offset: 0, limit: 1, sort: [{ column: 'name', dir: 'desc' }] });
    assert.ok(first.ok);
    const rid = (first.value as { rids: number[] }).rids[0]!;
    assert.ok((await h.call('cells.update', { dataset: 'big', rid, column: 'name', value: 'aaa-now-first' })).ok);
    const again = await h.call('rows.page', { dataset: 'big', offset: 0, limit: 1, sort: [{ column: 'name', dir: 'asc' }] });
    assert.ok(again.ok);
    assert.equal((again.value as { rows: string[][] }).rows[0]![1], 'aaa-now-first');
    const desc = await h.call('rows.page', { dataset: 'big', offset: 0, limit: 1, sort: [{ column: 'name', dir: 'desc' }] });
    assert.ok(desc.ok);
    assert.notEqual((desc.value as { rids: number[] }).rids[0], rid, 'the cached order was rebuilt after the edit');
  });
}

describe('reader thread: in-process dispatch', () => suite(inProcessHarness));
describe('reader thread: loopback HTTP', () => suite(() => httpHarness()));
