// `tidyset cluster` as a child process: the exact --json shape, every method, --merge as one history
// step that undo takes back, exit codes of bad input, and Ctrl-C cancelling a long run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, ensureBuilt, jsonOut, runCli, type CliResult } from '../helpers/cli';
import { mulberry32 } from '../helpers/random';

let tmp: string;
let ws: string;
const cli = (...args: string[]): CliResult => runCli(args, ws);

function ok(r: CliResult): CliResult {
  assert.equal(r.status, 0, `exit ${r.status}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return r;
}

interface ClusterJson {
  clusters: Array<{ values: Array<{ value: string; count: number }>; suggested: string }>;
  merged?: { seq: number; description: string; changed: number };
}

const CITIES = ['New York', 'New York', 'new york', 'NEW YORK', 'Boston', 'Bostn', 'Boston', 'Müller', 'Mueller', 'Lund', ''];

before(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-cluster-cli-'));
  ws = path.join(tmp, 'ws');
  const file = path.join(tmp, 'cities.csv');
  writeFileSync(file, `id,city\n${CITIES.map((c, i) => `${i + 1},${c}`).join('\n')}\n`);
  ok(cli('import', file, '--name', 'cities'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

test('--json prints exactly {"clusters":[{"values":[{"value","count"}],"suggested"}]}', () => {
  const r = ok(cli('cluster', 'cities', '--column', 'city', '--json'));
  const out = jsonOut<ClusterJson>(r);
  assert.deepEqual(Object.keys(out), ['clusters']);
  assert.deepEqual(out.clusters, [{ values: [{ value: 'New York', count: 2 }, { value: 'NEW YORK', count: 1 }, { value: 'new york', count: 1 }], suggested: 'New York' }]);
  for (const c of out.clusters) {
    assert.deepEqual(Object.keys(c), ['values', 'suggested']);
    for (const v of c.values) assert.deepEqual(Object.keys(v), ['value', 'count']);
  }
  assert.equal(r.stdout.trim().split('\n').length, 1, 'one JSON document, nothing else on stdout');
});

test('every method runs; nearest neighbour and phonetic keys find the typos', () => {
  const found = (m: string, ...extra: string[]) => jsonOut<ClusterJson>(ok(cli('cluster', 'cities', '--column', 'city', '--method', m, ...extra, '--json'))).clusters.map((c) => c.suggested).sort();
  assert.deepEqual(found('ngram'), ['New York']);
  assert.deepEqual(found('metaphone'), ['Boston', 'Mueller', 'New York']);
  assert.deepEqual(found('cologne'), ['Boston', 'Mueller', 'New York']);
  assert.deepEqual(found('levenshtein', '--radius', '1'), ['Boston', 'New York']);
  assert.deepEqual(found('jaro-winkler', '--threshold', '0.8'), ['Boston', 'Mueller', 'New York']);
});

test('text output lists clusters with the suggested value; no clusters says so', () => {
  const r = ok(cli('cluster', 'cities', '--column', 'city'));
  assert.match(r.stdout, /1 cluster of 3 values in 4 rows/);
  assert.match(r.stdout, /→ New York/);
  const none = ok(cli('cluster', 'cities', '--column', 'id'));
  assert.match(none.stdout, /no clusters found with method fingerprint/);
});

test('--merge applies every suggested value as one massEdit step; undo restores', () => {
  const out = jsonOut<ClusterJson>(ok(cli('cluster', 'cities', '--column', 'city', '--method', 'levenshtein', '--merge', '--json')));
  assert.equal(out.merged?.changed, 3);
  const history = jsonOut<{ history: Array<{ op: { op: string } }> }>(ok(cli('history', 'cities', '--json'))).history;
  assert.deepEqual(history.map((h) => h.op.op), ['massEdit']);
  assert.deepEqual(jsonOut<ClusterJson>(ok(cli('cluster', 'cities', '--column', 'city', '--method', 'levenshtein', '--json'))).clusters, []);
  ok(cli('undo', 'cities'));
  assert.equal(jsonOut<ClusterJson>(ok(cli('cluster', 'cities', '--column', 'city', '--method', 'levenshtein', '--json'))).clusters.length, 2);
});

test('bad input exits 1 with a message naming what is wrong', () => {
  const col = cli('cluster', 'cities', '--column', 'town', '--json');
  assert.equal(col.status, 1);
  assert.match(jsonOut<{ error: { code: string; message: string } }>(col).error.message, /no column "town"/);
  const method = cli('cluster', 'cities', '--column', 'city', '--method', 'soundex');
  assert.equal(method.status, 1);
  assert.match(method.stderr, /soundex/);
  const radius = cli('cluster', 'cities', '--column', 'city', '--method', 'levenshtein', '--radius', '9');
  assert.equal(radius.status, 1);
  assert.match(radius.stderr, /--radius/);
  const ds = cli('cluster', 'nope', '--column', 'city');
  assert.equal(ds.status, 1);
  assert.match(ds.stderr, /nope/);
});

test('Ctrl-C cancels a long run: exit 130, nothing printed on stdout', async () => {
  const rnd = mulberry32(11);
  const word = () => Array.from({ length: 12 }, () => 'abcdefghij'[Math.floor(rnd() * 10)]).join('');
  const file = path.join(tmp, 'words.csv');
  writeFileSync(file, `id,w\n${Array.from({ length: 60_000 }, (_, i) => `${i},${word()}`).join('\n')}\n`);
  ok(cli('import', file, '--name', 'words'));
  const child = spawn(process.execPath, [BIN, 'cluster', 'words', '--column', 'w', '--method', 'levenshtein', '--radius', '4'], { env: { ...process.env, TIDYSET_WORKSPACE: ws } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  // The first progress line is the ready signal: the job runs.
  await new Promise<void>((resolve) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (/cluster:/.test(stderr)) resolve();
    });
  });
  child.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 130, stderr);
  assert.match(stderr, /cancel/);
  assert.equal(stdout, '');
});
