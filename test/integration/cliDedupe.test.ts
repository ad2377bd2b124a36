// `tidyset dedupe` and `tidyset link` as a person runs them: the JSON shapes of the issue (clusters with
// id, rids and keys; pairs with a, b and score; comparisons; seconds), the default columns named on
// stderr, --add-column and --keep-one as undoable history steps, the link table CSV, and errors.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ensureBuilt, jsonOut, runCli } from '../helpers/cli';

const DATA = process.env.TIDYSET_DATA_DIR ?? path.resolve(__dirname, '../../../shared/data');
let dir = '';
let ws = '';

before(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-cli-dedupe-'));
  ws = path.join(dir, 'ws');
  for (const [file, name] of [['febrl/dataset1.csv', 'febrl1'], ['fodors-zagat/fodors.csv', 'fodors'], ['fodors-zagat/zagats.csv', 'zagats']] as const) {
    const r = runCli(['import', path.join(DATA, file), '--name', name, '--json'], ws);
    assert.equal(r.status, 0, r.stderr);
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

interface DedupeJson { clusters: Array<{ id: number; rids: number[]; keys: Array<string | null> }>; pairs: number; comparisons: number; seconds: number }

test('dedupe --json: clusters with id, rids and keys; the default columns are named on stderr', () => {
  const r = runCli(['dedupe', 'febrl1', '--json'], ws);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /comparing .*surname \(jaroWinkler\).*key rec_id/);
  const out = jsonOut<DedupeJson>(r);
  assert.deepEqual(Object.keys(out).sort(), ['clusters', 'comparisons', 'pairs', 'seconds']);
  assert.ok(out.clusters.length >= 480 && out.clusters.length <= 520, `${out.clusters.length} clusters`);
  const c = out.clusters[0]!;
  assert.deepEqual(Object.keys(c).sort(), ['id', 'keys', 'rids']);
  assert.equal(c.rids.length, c.keys.length);
  // The keys are the rec_id values: the members of a cluster are the same person.
  const same = out.clusters.filter((x) => new Set(x.keys.map((k) => /rec-(\d+)/.exec(k ?? '')?.[1])).size === 1).length;
  assert.ok(same / out.clusters.length > 0.97, `${same} of ${out.clusters.length} clusters are one person`);
  assert.ok(out.comparisons > out.pairs && out.seconds > 0);
});

test('dedupe --columns --key --threshold, then --add-column and --keep-one with rules, both undoable', () => {
  const base = ['dedupe', 'febrl1', '--columns', 'given_name,surname,date_of_birth', '--key', 'rec_id', '--threshold', '0.9'];
  const add = runCli([...base, '--add-column', 'dup_id', '--json'], ws);
  assert.equal(add.status, 0, add.stderr);
  const shown = runCli(['show', 'febrl1', '--json', '--limit', '1'], ws);
  assert.ok(jsonOut<{ columns: string[] }>(shown).columns.includes('dup_id'));
  assert.equal(runCli(['undo', 'febrl1'], ws).status, 0);
  const rules = path.join(dir, 'rules.json');
  writeFileSync(rules, JSON.stringify([{ column: 'given_name', rule: 'longest' }, { column: 'suburb', rule: 'mostFrequent' }]));
  const keep = runCli([...base, '--keep-one', '--rules', rules, '--json'], ws);
  assert.equal(keep.status, 0, keep.stderr);
  const kept = jsonOut<DedupeJson & { step: { changed: number } }>(keep);
  const deleted = kept.clusters.reduce((s, c) => s + c.rids.length - 1, 0);
  assert.equal(kept.step.changed, deleted);
  const ds = jsonOut<{ datasets: Array<{ name: string; rows: number }> }>(runCli(['datasets', '--json'], ws)).datasets.find((d) => d.name === 'febrl1')!;
  assert.equal(ds.rows, 1000 - deleted);
  assert.equal(runCli(['undo', 'febrl1'], ws).status, 0);
  const back = jsonOut<{ datasets: Array<{ name: string; rows: number }> }>(runCli(['datasets', '--json'], ws)).datasets.find((d) => d.name === 'febrl1')!;
  assert.equal(back.rows, 1000);
});

test('link --json: pairs with a, b (key values) and score; --out writes a_key,b_key,score', () => {
  const out = path.join(dir, 'links.csv');
  const r = runCli(['link', 'fodors', 'zagats', '--columns', 'name,addr,city,phone', '--key-a', 'id', '--key-b', 'id', '--json', '--out', out], ws);
  assert.equal(r.status, 0, r.stderr);
  const j = jsonOut<{ pairs: Array<{ a: string; b: string; score: number }>; comparisons: number; seconds: number }>(r);
  assert.deepEqual(Object.keys(j).sort(), ['comparisons', 'pairs', 'seconds']);
  assert.deepEqual(Object.keys(j.pairs[0]!).sort(), ['a', 'b', 'score']);
  const truth = new Set(readFileSync(path.join(DATA, 'fodors-zagat/matches_fodors_zagats.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.trim()));
  const right = j.pairs.filter((p) => truth.has(`${p.a},${p.b}`)).length;
  assert.ok(right >= 100 && right / j.pairs.length >= 0.9, `${right} of ${j.pairs.length} links are right`);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.equal(lines[0], 'a_key,b_key,score');
  assert.equal(lines.length - 1, j.pairs.length);
});

test('errors: an unknown column is named; --threshold out of range; --add-column with --keep-one', () => {
  const bad = runCli(['dedupe', 'febrl1', '--columns', 'nope', '--json'], ws);
  assert.equal(bad.status, 1);
  assert.match(jsonOut<{ error: { message: string } }>(bad).error.message, /no column "nope"/);
  assert.match(runCli(['dedupe', 'febrl1', '--threshold', '2'], ws).stderr, /--threshold takes a probability/);
  assert.match(runCli(['dedupe', 'febrl1', '--add-column', 'x', '--keep-one'], ws).stderr, /not both/);
});
