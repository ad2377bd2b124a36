// Serve's request thread never waits for another process's lease: a change to a dataset someone else
// is writing goes to a worker thread, so the server keeps answering while the change waits its turn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { tryLease } from '../../main/core/lock/lease';
import { Workspace } from '../../main/core/workspace';
import { FIXTURES, inProcessHarness, jobEnded, type Harness } from './harness';

let h: Harness;

before(async () => {
  h = await inProcessHarness();
  const r = await h.call('jobs.import', { files: [{ path: path.join(FIXTURES, 'people.csv'), options: { name: 'p' } }] });
  assert.ok(r.ok, JSON.stringify(r));
  await h.waitFor(jobEnded((r as { value: Array<{ id: string }> }).value[0]!.id));
});
after(() => h.close());

test('a small change to a dataset whose lease another writer holds waits in a worker, not on the request thread', async () => {
  // Another writer (as a CLI process would) holds the dataset's lease.
  const ws = Workspace.open(h.workspace, { maintenance: false });
  const file = ws.datasets.get('p').file;
  const lease = tryLease(ws.lockPath(file), 'a test standing in for another process', 0);
  ws.catalog.close();
  assert.ok(lease, 'the test holds the lease');
  const ds = (await h.call('datasets.get', { dataset: 'p' })) as { ok: true; value: { rows: number; columns: Array<{ name: string }> } };
  assert.ok(ds.value.rows < 200_000, 'a dataset small enough to be changed on the request thread when free');
  const order: string[] = [];
  const apply = h.call('ops.apply', { dataset: 'p', op: { op: 'case', column: ds.value.columns[1]!.name, mode: 'upper' } }).then((r) => {
    order.push('apply');
    return r;
  });
  // Were the change made on this thread, it would block here until the lease timed out.
  const info = await h.call('app.info', {});
  order.push('info');
  assert.ok(info.ok);
  assert.deepEqual(order, ['info'], 'the server answered while the change waited for the lease');
  lease!.release();
  const r = await apply;
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal((r as { value: { seq: number } }).value.seq, 1);
  const jobs = (await h.call('jobs.list', {})) as { ok: true; value: Array<{ kind: string; state: string }> };
  assert.ok(jobs.value.some((j) => j.kind === 'clean' && j.state === 'done'), 'the change ran as a clean job');
});
