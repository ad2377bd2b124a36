// The job manager: progress throttled per job, job.end with the outcome, datasets.changed after an
// import, cancel and list — with fake jobs and mocked timers, so nothing here waits on a clock.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { mock, test } from 'node:test';
import { JobManager, type JobEvent } from '../../../main/api/jobManager';
import type { JobInfo as ApiJobInfo } from '../../../shared/api/contract';
import type { Job, JobInfo } from '../../../main/core/jobs/runner';
import { TidysetError } from '../../../main/core/errors';

class FakeJob extends EventEmitter {
  cancelled = 0;
  resolve!: (v: unknown) => void;
  reject!: (e: unknown) => void;
  readonly result = new Promise((res, rej) => {
    this.resolve = res;
    this.reject = rej;
  });
  readonly info: JobInfo;
  constructor(id: string, kind: JobInfo['kind']) {
    super();
    this.info = { id, kind, title: kind, state: 'running', done: 0, total: 0, message: '', startedAt: 'now', endedAt: null, error: null };
    this.result.catch(() => {});
  }
  cancel() {
    this.cancelled++;
  }
  progress(done: number, total: number) {
    this.info.done = done;
    this.info.total = total;
    this.emit('progress', this.info);
  }
  finish(state: 'done' | 'failed' | 'cancelled', value?: unknown) {
    this.info.state = state;
    this.info.endedAt = 'later';
    if (state === 'done') this.resolve(value);
    else {
      this.info.error = { code: state === 'cancelled' ? 'CANCELLED' : 'MALFORMED_FILE', message: state };
      this.reject(new TidysetError(this.info.error.code, state));
    }
  }
}

function setup() {
  const jobs: FakeJob[] = [];
  const start = ((kind: JobInfo['kind']) => {
    const j = new FakeJob(`j${jobs.length + 1}`, kind);
    jobs.push(j);
    return j as unknown as Job;
  }) as unknown as ConstructorParameters<typeof JobManager>[1];
  const m = new JobManager('/ws', start);
  const events: JobEvent[] = [];
  m.onEvent((e) => events.push(e));
  return { m, jobs, events };
}

test('progress is throttled to about ten events a second per job, with the latest state last', () => {
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 });
  try {
    const { m, jobs, events } = setup();
    m.start('import', { file: '/a.csv', options: {} }, 'a');
    m.start('import', { file: '/b.csv', options: {} }, 'b');
    const [a, b] = jobs as [FakeJob, FakeJob];
    for (let i = 1; i <= 50; i++) a.progress(i, 100);
    b.progress(1, 10);
    assert.deepEqual(events.map((e) => [e.name, (e.payload as JobInfo).id, (e.payload as JobInfo).done]), [
      ['job.progress', 'j1', 1],
      ['job.progress', 'j2', 1],
    ]);
    mock.timers.tick(99);
    assert.equal(events.length, 2);
    mock.timers.tick(1);
    assert.deepEqual(events.slice(2).map((e) => [(e.payload as JobInfo).id, (e.payload as JobInfo).done]), [['j1', 50]]);
    mock.timers.tick(1000);
    assert.equal(events.length, 3, 'no progress without new reports');
  } finally {
    mock.timers.reset();
  }
});

test('job.end carries the outcome; an import also announces datasets.changed', async () => {
  const { m, jobs, events } = setup();
  const info = m.start('import', { file: '/a.csv', options: {} }, 'Import a.csv');
  assert.equal(info.state, 'running');
  assert.equal(info.outcome, null);
  jobs[0]!.finish('done', { dataset: { name: 'a' }, warnings: ['w'] });
  const end = await m.settled(info.id);
  assert.equal(end.state, 'done');
  assert.deepEqual(end.outcome, { dataset: 'a', warnings: ['w'] });
  assert.deepEqual(events.map((e) => e.name), ['job.end', 'datasets.changed']);
  assert.deepEqual(events[1]!.payload, { dataset: 'a' });

  const scan = m.start('scan', { root: '/r', options: {} }, 'scan');
  jobs[1]!.finish('done', { root: '/r', files: [], counts: { found: 0 } });
  assert.deepEqual((await m.settled(scan.id)).outcome, { root: '/r', counts: { found: 0 } });
});

test('a failed job ends with its error and no outcome; a pending progress event is dropped', async () => {
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 5_000 });
  try {
    const { m, jobs, events } = setup();
    const info = m.start('import', { file: '/a.csv', options: {} }, 'a');
    jobs[0]!.progress(1, 2);
    jobs[0]!.progress(2, 2);
    jobs[0]!.finish('failed');
    await m.settled(info.id);
    mock.timers.tick(500);
    assert.deepEqual(events.map((e) => e.name), ['job.progress', 'job.end']);
    const end = events[1]!.payload as ApiJobInfo;
    assert.equal(end.state, 'failed');
    assert.deepEqual(end.error, { code: 'MALFORMED_FILE', message: 'failed' });
    assert.equal(end.outcome, null);
  } finally {
    mock.timers.reset();
  }
});

test('cancel reaches a running job only; unknown ids are NOT_FOUND; list is newest first', async () => {
  const { m, jobs } = setup();
  const a = m.start('scan', { root: '/a', options: {} }, 'a');
  const b = m.start('scan', { root: '/b', options: {} }, 'b');
  m.cancel(a.id);
  assert.equal(jobs[0]!.cancelled, 1);
  jobs[0]!.finish('cancelled');
  await m.settled(a.id);
  m.cancel(a.id);
  assert.equal(jobs[0]!.cancelled, 1, 'a finished job is left alone');
  assert.throws(() => m.cancel('nope'), (e: unknown) => e instanceof TidysetError && e.code === 'NOT_FOUND');
  assert.deepEqual(m.list().map((j) => [j.id, j.state]), [[b.id, 'running'], [a.id, 'cancelled']]);

  const all = m.cancelAll();
  assert.equal(jobs[1]!.cancelled, 1);
  jobs[1]!.finish('cancelled');
  await all;
});

test('a job says whether Cancel can stop it: recipes yes, single history steps and index builds no', () => {
  const { m } = setup();
  const recipe = m.start('clean', { action: 'recipe', dataset: 'd', recipe: {}, map: {} }, 'Apply recipe');
  const step = m.start('clean', { action: 'undo', dataset: 'd' }, 'Undo');
  const index = m.start('index', { dataset: 'd', column: 'c' }, 'Index');
  const scan = m.start('scan', { root: '/r', options: {} }, 'scan');
  assert.deepEqual([recipe, step, index, scan].map((j) => j.cancellable), [true, false, false, true]);
});
