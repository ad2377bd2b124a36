// Tests streamed SHA-256 hashing against known digests, node's crypto and the data folder's SHA256SUMS.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hashAndCountLines, sha256File } from '../../../../main/core/scan/hash';

const DATA = process.env.TIDYSET_DATA_DIR ?? path.resolve(__dirname, '../../../../../shared/data');
let dir = '';
const tmp = (name: string): string => path.join(dir, name);
// Larger than several read chunks, with a length that is not a multiple of any power of two.
const BIG_BYTES = 3 * 1024 * 1024 + 12345;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tidyset-hash-'));
  await writeFile(tmp('abc.txt'), 'abc');
  await writeFile(tmp('empty.txt'), '');
  const big = Buffer.alloc(BIG_BYTES);
  for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 11)) & 0xff;
  await writeFile(tmp('big.bin'), big);
  await writeFile(tmp('lines.txt'), 'a\nb\nc');
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('known SHA-256 digests of small files', async () => {
  assert.equal(await sha256File(tmp('abc.txt')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(await sha256File(tmp('empty.txt')), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

test('a multi-chunk file hashes like crypto over the whole buffer', async () => {
  const want = createHash('sha256').update(readFileSync(tmp('big.bin'))).digest('hex');
  assert.equal(await sha256File(tmp('big.bin')), want);
});

test('every shared data file matches crypto and the SHA256SUMS list', async () => {
  const sums = readFileSync(path.join(DATA, 'SHA256SUMS'), 'utf8').trim().split('\n');
  assert.ok(sums.length > 30);
  for (const line of sums) {
    const [sum, rel] = line.split(/\s+\*?/) as [string, string];
    const file = path.join(DATA, rel);
    const got = await sha256File(file);
    assert.equal(got, sum, rel);
    assert.equal(got, createHash('sha256').update(readFileSync(file)).digest('hex'), rel);
  }
});

test('cancellation rejects with "cancelled", before the first chunk or between chunks', async () => {
  await assert.rejects(sha256File(tmp('abc.txt'), () => true), { message: 'cancelled' });
  let polls = 0;
  await assert.rejects(sha256File(tmp('big.bin'), () => ++polls > 2), { message: 'cancelled' });
  assert.equal(polls, 3);
});

test('fs errors are passed through', async () => {
  await assert.rejects(sha256File(tmp('missing.bin')), { code: 'ENOENT' });
});

test('hashAndCountLines counts physical lines, reports progress and hashes the same', async () => {
  const seen: number[] = [];
  const r = await hashAndCountLines(tmp('lines.txt'), undefined, (n) => seen.push(n));
  assert.equal(r.lines, 3);
  assert.equal(r.sha256, createHash('sha256').update('a\nb\nc').digest('hex'));
  assert.deepEqual(seen, [5]);
  assert.equal((await hashAndCountLines(tmp('empty.txt'))).lines, 0);
  const febrl = await hashAndCountLines(path.join(DATA, 'febrl/dataset1.csv'));
  assert.equal(febrl.lines, 1001);
  const progress: number[] = [];
  const big = await hashAndCountLines(tmp('big.bin'), undefined, (n) => progress.push(n));
  assert.equal(progress.at(-1), BIG_BYTES);
  assert.ok(progress.length >= 4);
  assert.equal(big.sha256, await sha256File(tmp('big.bin')));
  await assert.rejects(hashAndCountLines(tmp('big.bin'), () => true), { message: 'cancelled' });
});
