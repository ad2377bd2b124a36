// Runs `tidyset kanon`, `tidyset secret` and `tidyset export [--allow-direct]` as child processes
// against a temp workspace whose tags are written as the detection code writes them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workspace } from '../../main/core/workspace';
import { ensureBuilt, jsonOut, runCli, type CliResult } from '../helpers/cli';
import { tagColumn } from '../helpers/protectKit';

let tmp: string;
let ws: string;

const ROWS = [
  ['1', 'Anna', '1985-07-09', 'Lund', 'flu'], ['2', 'Bo', '1985-03-01', 'Lund', 'flu'], ['3', 'Cy', '1985-11-30', 'Lund', 'asthma'],
  ['4', 'Di', '1990-01-02', 'Malmö', 'flu'], ['5', 'Ed', '1990-05-05', 'Malmö', 'flu'], ['6', 'Fa', '1971-02-02', 'Kiruna', 'gout'],
];

before(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-protect-cli-'));
  ws = path.join(tmp, 'ws');
  writeFileSync(path.join(tmp, 'patients.csv'), 'id,name,birth_date,city,diagnosis\n' + ROWS.map((r) => r.join(',')).join('\n') + '\n');
});
after(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (...args: string[]): CliResult => runCli(args, ws);
function ok(r: CliResult): CliResult {
  assert.equal(r.status, 0, `exit ${r.status}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return r;
}
function tag(fn: (w: Workspace) => void): void {
  const w = Workspace.open(ws);
  try {
    fn(w);
  } finally {
    w.close();
  }
}

interface KanonJson { k: number; classes: number; rowsBelow: number; quasi: string[]; l: number | null; after: { k: number; classes: number; rowsBelow: number; actions: Record<string, string> } }

test('tidyset kanon prints {k, classes, rowsBelow} as is and after the export actions; export refuses direct identifiers without --allow-direct', () => {
  ok(cli('import', path.join(tmp, 'patients.csv'), '--name', 'patients'));
  const raw = jsonOut<KanonJson>(ok(cli('kanon', 'patients', '--quasi', 'birth_date,city', '--k', '2', '--json')));
  assert.deepEqual([raw.k, raw.classes, raw.rowsBelow], [1, 6, 6]);
  assert.deepEqual(raw.quasi, ['birth_date', 'city']);

  tag((w) => {
    tagColumn(w, 'patients', 'name', 'person_name', 'direct');
    tagColumn(w, 'patients', 'birth_date', 'date_of_birth', 'quasi', { action: 'generalise', to: 'year' });
    tagColumn(w, 'patients', 'city', 'location', 'quasi');
  });
  const r = jsonOut<KanonJson>(ok(cli('kanon', 'patients', '--k', '2', '--sensitive', 'diagnosis', '--json')));
  assert.deepEqual(r.quasi, ['birth_date', 'city'], 'the quasi-tagged columns by default');
  assert.deepEqual([r.after.k, r.after.classes, r.after.rowsBelow], [1, 3, 1]);
  assert.deepEqual(r.after.actions, { birth_date: 'generalise:year', city: 'keep' });
  assert.equal(r.l, 1);
  const text = ok(cli('kanon', 'patients', '--k', '2')).stdout;
  assert.match(text, /birth_date: generalise:year, city: keep/);
  assert.match(text, /after actions/);

  const out = path.join(tmp, 'out');
  const refused = cli('export', 'patients', '--out', out, '--json');
  assert.equal(refused.status, 1);
  assert.equal(jsonOut<{ error: { code: string } }>(refused).error.code, 'DIRECT_IDENTIFIER');
  assert.match(refused.stderr, /column "name" is a direct identifier kept as is.*--allow-direct/);

  ok(cli('export', 'patients', '--out', out, '--allow-direct'));
  const csv = readFileSync(path.join(out, 'patients.csv'), 'utf8');
  assert.match(csv, /^id,name,birth_date,city,diagnosis\r\n1,Anna,1985,Lund,flu\r\n/);
  const entry = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')).exports[0];
  assert.equal(entry.protection.allowDirect, true);
  assert.deepEqual(entry.protection.columns.map((c: { action: string }) => c.action), ['keep', 'keep', 'generalise:year', 'keep', 'keep']);
});

test('tidyset secret shows the fingerprint, rotates, and refuses to paper over a missing secret', () => {
  tag((w) => tagColumn(w, 'patients', 'name', 'person_name', 'direct', { action: 'hash' }));
  const none = jsonOut<{ current: unknown }>(ok(cli('secret', '--json')));
  assert.equal(none.current, null);
  const out = path.join(tmp, 'out2');
  ok(cli('export', 'patients', '--out', out));
  const first = readFileSync(path.join(out, 'patients.csv'), 'utf8').split('\r\n')[1]!.split(',')[1]!;
  assert.match(first, /^ps_[0-9a-f]{20}$/);
  const s = jsonOut<{ current: { fingerprint: string } }>(ok(cli('secret', '--json')));
  const rotated = jsonOut<{ current: { fingerprint: string }; retired: Array<{ fingerprint: string; why: string }> }>(ok(cli('secret', '--rotate', '--json')));
  assert.notEqual(rotated.current.fingerprint, s.current.fingerprint);
  assert.deepEqual(rotated.retired.map((r) => [r.fingerprint, r.why]), [[s.current.fingerprint, 'rotated']]);
  rmSync(path.join(ws, 'secret', 'pseudonym-key.json'));
  const missing = cli('export', 'patients', '--out', out, '--force');
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /workspace secret .* is missing.*restore the file from a backup/);
  assert.equal(cli('secret').status, 1);
  ok(cli('secret', '--replace-lost'));
  ok(cli('export', 'patients', '--out', out, '--force'));
});
