// Terminal escape injection: show, datasets, rejects and scan print control characters from cell values
// and file names visibly (\x1b), while --json keeps them exact.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ensureBuilt, jsonOut, runCli } from '../helpers/cli';

const TITLE = '\x1b]0;owned\x07';
const CLEAR = '\x1b[2J';
let tmp: string;
let ws: string;
let data: string;
let file: string;

before(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-esc-'));
  ws = path.join(tmp, 'ws');
  data = path.join(tmp, 'data');
  mkdirSync(data);
  file = path.join(data, `evil${CLEAR}.csv`);
  writeFileSync(file, `id,name\n1,${TITLE}Ann\n2,"bad"x\n3,Bo${CLEAR}\n`);
});
after(() => rmSync(tmp, { recursive: true, force: true }));

const noEscape = (s: string, what: string) => assert.ok(!s.includes('\x1b') && !s.includes('\x07'), `${what} printed a raw control character: ${JSON.stringify(s)}`);

test('scan, import, datasets, show and rejects escape controls in human output', () => {
  const scan = runCli(['scan', data], ws);
  assert.equal(scan.status, 0, scan.stderr);
  noEscape(scan.stdout, 'scan');
  assert.match(scan.stdout, /evil\\x1b\[2J\.csv/);

  const imp = runCli(['import', file, '--name', `n${CLEAR}`, '--on-error', 'skip'], ws);
  assert.equal(imp.status, 0, imp.stderr);
  noEscape(imp.stdout, 'import');
  assert.match(imp.stdout, /n\\x1b\[2J/);

  const list = runCli(['datasets'], ws);
  noEscape(list.stdout, 'datasets');
  assert.match(list.stdout, /n\\x1b\[2J/);

  const show = runCli(['show', `n${CLEAR}`], ws);
  assert.equal(show.status, 0, show.stderr);
  noEscape(show.stdout, 'show');
  assert.match(show.stdout, /\\x1b\]0;owned\\x07Ann/);

  const rejects = runCli(['rejects', `n${CLEAR}`], ws);
  assert.equal(rejects.status, 0, rejects.stderr);
  noEscape(rejects.stdout, 'rejects');

  const missing = runCli(['show', `nope${CLEAR}`], ws);
  assert.notEqual(missing.status, 0);
  noEscape(missing.stderr, 'an error message');
});

test('--json keeps control characters exact', () => {
  const show = jsonOut<{ rows: Array<Array<string | null>> }>(runCli(['show', `n${CLEAR}`, '--json'], ws));
  assert.equal(show.rows[0]![1], `${TITLE}Ann`);
  const list = jsonOut<{ datasets: Array<{ name: string; source: { path: string } }> }>(runCli(['datasets', '--json'], ws));
  assert.equal(list.datasets[0]!.name, `n${CLEAR}`);
  assert.equal(list.datasets[0]!.source.path, file);
});
