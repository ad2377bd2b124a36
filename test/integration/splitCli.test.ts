// `tidyset split`, `tidyset leakage` and `tidyset verify` as child processes: the exact flags, the
// manifest printed by --json, the files written, exit codes 0 and 1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, jsonOut, runCli, type CliResult } from '../helpers/cli';
import type { SplitManifest } from '../../main/core/split/manifest';
import type { LeakageReport } from '../../shared/api/split';

let tmp: string;
let ws: string;
const cli = (...args: string[]): CliResult => runCli(args, ws);

before(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-split-cli-'));
  ws = path.join(tmp, 'ws');
  const rows = Array.from({ length: 400 }, (_, i) => `${i},${i % 3 === 0 ? 'cat' : 'dog'},p${i % 97},2024-01-${String(1 + (i % 28)).padStart(2, '0')}`);
  writeFileSync(path.join(tmp, 'pets.csv'), `id,label,owner,day\n${rows.join('\n')}\n`);
  writeFileSync(path.join(tmp, 'test.csv'), 'id,label,owner,day\n1,DOG,p1,2024-01-02\n9999,cat,p5,2030-01-01\n');
  assert.equal(cli('import', path.join(tmp, 'pets.csv'), '--name', 'pets').status, 0);
  assert.equal(cli('import', path.join(tmp, 'test.csv'), '--name', 'holdout').status, 0);
});
after(() => rmSync(tmp, { recursive: true, force: true }));

function ok(r: CliResult): CliResult {
  assert.equal(r.status, 0, `exit ${r.status}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return r;
}

test('split --json prints the manifest; the folder holds the parts, manifest.json and DATASHEET.md', () => {
  const out = path.join(tmp, 'out-json');
  const m = jsonOut<SplitManifest>(ok(cli('split', 'pets', '--parts', 'train=80,val=10,test=10', '--seed', '42', '--stratify', 'label', '--group', 'owner', '--format', 'parquet', '--out', out, '--json')));
  assert.equal(m.split.strategy, 'stratified-grouped');
  assert.deepEqual(m.parts.map((p) => p.file), ['train.parquet', 'val.parquet', 'test.parquet']);
  assert.equal(m.parts.reduce((s, p) => s + p.rows, 0), 400);
  assert.equal(m.leakage.groupOverlap!.groups, 0);
  assert.deepEqual(readdirSync(out).sort(), ['DATASHEET.md', 'manifest.json', 'test.parquet', 'train.parquet', 'val.parquet']);
  for (const key of ['appVersion', 'createdAt', 'sources', 'recipe', 'dedupe', 'protection', 'split', 'parts', 'leakage']) assert.ok(key in m, key);
});

test('an existing folder is refused without --force (exit 1), replaced with it; folds write fold-1 … fold-k', () => {
  const out = path.join(tmp, 'out-force');
  ok(cli('split', 'pets', '--out', out));
  const again = cli('split', 'pets', '--out', out);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /already exists.*--force/);
  ok(cli('split', 'pets', '--folds', '4', '--out', out, '--force'));
  assert.deepEqual(readdirSync(out).sort(), ['DATASHEET.md', 'fold-1.csv', 'fold-2.csv', 'fold-3.csv', 'fold-4.csv', 'manifest.json']);
});

test('bad flags exit 1 with the reason: shares not 100, --gap without --time, a part name with ../', () => {
  const out = path.join(tmp, 'out-bad');
  for (const [args, re] of [
    [['--parts', 'train=80,test=10'], /sum to 90, not 100/],
    [['--gap', '7d'], /--gap needs --time/],
    [['--parts', '../x=50,test=50'], /not allowed/],
  ] as const) {
    const r = cli('split', 'pets', ...args, '--out', out);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, re);
  }
});

test('verify exits 0, then 1 naming the changed file; leakage A B --json reports the shared row', () => {
  const out = path.join(tmp, 'out-verify');
  ok(cli('split', 'pets', '--time', 'day', '--gap', '1d', '--out', out));
  assert.match(ok(cli('verify', path.join(out, 'manifest.json'))).stdout, /verified 4 files/);
  appendFileSync(path.join(out, 'val.csv'), '1,2,3,4\r\n');
  const bad = cli('verify', path.join(out, 'manifest.json'));
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /DIFFERS\s+val\.csv/);
  const rep = jsonOut<LeakageReport>(ok(cli('leakage', 'pets', 'holdout', '--json')));
  assert.deepEqual(rep.exactDuplicates.pairs, [{ parts: ['pets', 'holdout'], rows: 1 }]);
  const cols = jsonOut<LeakageReport>(ok(cli('leakage', 'pets', 'holdout', '--columns', 'owner', '--json')));
  assert.deepEqual(cols.columns, ['owner']);
});
