// The reloader behind the tag store: a reload asked for while one runs must not be dropped, since the
// running one may have read the data from before the change (a detection ending mid-load).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createReloader } from '../../../renderer/app/reloader';

/** A load whose calls wait until released, recording the value each one read. */
function gatedSource() {
  let value = 0;
  const reads: number[] = [];
  const gates: (() => void)[] = [];
  const load = async (_key: string) => {
    const seen = value;
    await new Promise<void>((resolve) => gates.push(resolve));
    reads.push(seen);
  };
  return { load, reads, set: (v: number) => (value = v), release: () => gates.shift()?.(), pending: () => gates.length };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('createReloader', () => {
  test('a call during a load runs the load once more, and reads what changed', async () => {
    const src = gatedSource();
    const reload = createReloader(src.load);
    const first = reload('a');
    src.set(1); // the change lands while the first load is in flight
    const second = reload('a');
    const third = reload('a');
    src.release();
    await tick();
    assert.equal(src.pending(), 1, 'one more load, not one per call');
    src.release();
    await Promise.all([first, second, third]);
    assert.deepEqual(src.reads, [0, 1]);
  });

  test('keys load independently; a call after a load ended starts a new one', async () => {
    const src = gatedSource();
    const reload = createReloader(src.load);
    const a = reload('a');
    const b = reload('b');
    assert.equal(src.pending(), 2);
    src.release();
    src.release();
    await Promise.all([a, b]);
    assert.deepEqual(src.reads, [0, 0]);
    const again = reload('a');
    assert.equal(src.pending(), 1);
    src.release();
    await again;
    assert.equal(src.reads.length, 3);
  });

  test('a failing load rejects its callers and leaves the key free for the next call', async () => {
    let fail = true;
    const reload = createReloader(async () => {
      if (fail) throw new Error('gone');
    });
    await assert.rejects(reload('a'), /gone/);
    fail = false;
    await reload('a');
  });
});
