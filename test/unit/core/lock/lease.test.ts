// The dataset lease: one holder across connections, worker threads and processes; it dies with its
// holder (SIGKILL), and a waiter that gives up names the holder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { acquireLease, tryLease } from '../../../../main/core/lock/lease';
import { TidysetError } from '../../../../main/core/errors';

const LEASE = path.resolve(__dirname, '../../../../main/core/lock/lease.ts');
let dir: string;
before(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-lease-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a second taker in the same thread is refused until the first releases', () => {
  const file = path.join(dir, 'locks', 'a.lock');
  const first = tryLease(file, 'first');
  assert.ok(first);
  assert.equal(tryLease(file, 'second'), null);
  assert.throws(() => acquireLease(file, 'second', 'dataset "a"', 50), (e: unknown) => e instanceof TidysetError && e.code === 'DATASET_BUSY' && /dataset "a" is being changed by first by process \d+/.test(e.message));
  first.release();
  const again = tryLease(file, 'second');
  assert.ok(again);
  again.release();
});

test('a worker thread of the same process sees the lease held', async () => {
  const file = path.join(dir, 'b.lock');
  const held = tryLease(file, 'main thread');
  assert.ok(held);
  const ask = () =>
    new Promise<string>((resolve, reject) => {
      const w = new Worker(`require('tsx/cjs'); const { parentPort, workerData } = require('node:worker_threads'); const { tryLease } = require(workerData.lease);
        const l = tryLease(workerData.file, 'worker', 0); parentPort.postMessage(l ? 'got' : 'busy'); if (l) l.release();`, { eval: true, workerData: { lease: LEASE, file } });
      w.once('message', resolve);
      w.once('error', reject);
    });
  assert.equal(await ask(), 'busy');
  held.release();
  assert.equal(await ask(), 'got');
});

test('the lease dies with its holder: a process SIGKILLed while holding it frees it', async () => {
  const file = path.join(dir, 'c.lock');
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', `const { tryLease } = require(${JSON.stringify(LEASE)}); const l = tryLease(${JSON.stringify(file)}, 'child', 0); process.stdout.write(l ? 'held\\n' : 'busy\\n'); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const first = await new Promise<string>((resolve) => child.stdout.setEncoding('utf8').once('data', (d: string) => resolve(d.trim())));
  assert.equal(first, 'held');
  assert.equal(tryLease(file, 'test', 0), null, 'held by the live child');
  child.kill('SIGKILL');
  await exited;
  const mine = tryLease(file, 'test', 0);
  assert.ok(mine, 'free once the child is dead');
  mine.release();
});
