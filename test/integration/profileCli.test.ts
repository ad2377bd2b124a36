// `tidyset profile|rules|check|drift`: the JSON shapes of the issue and the exit codes (check exits 1
// when a blocking rule fails, 0 when only warnings fail; bad rules exit 1 naming the problem).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, jsonOut, runCli } from '../helpers/cli';

let dir: string;
let ws: string;

before(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'tidyset-profile-cli-'));
  ws = path.join(dir, 'ws');
  const rows = (shift: number) => ['id,score,city,when', ...Array.from({ length: 200 }, (_, i) => `${i + 1},${(i % 50) + shift},${['Lund', 'Umeå', 'Malmö'][i % 3]},2024-01-${String((i % 28) + 1).padStart(2, '0')}`)].join('\n') + '\n';
  writeFileSync(path.join(dir, 'a.csv'), rows(0));
  writeFileSync(path.join(dir, 'b.csv'), rows(40).replace(/Lund/g, 'Kiruna'));
  for (const n of ['a', 'b']) assert.equal(runCli(['import', path.join(dir, `${n}.csv`), '--name', n], ws).status, 0);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('profile --json: rows and per column count, missing, empty, distinct, top, min, max, mean, std, quantiles, histogram', () => {
  const r = runCli(['profile', 'a', '--json'], ws);
  assert.equal(r.status, 0, r.stderr);
  const p = jsonOut<{ rows: number; columns: Array<Record<string, unknown>> }>(r);
  assert.equal(p.rows, 200);
  const score = p.columns.find((c) => c.column === 'score')!;
  for (const k of ['column', 'type', 'count', 'missing', 'empty', 'distinct', 'top', 'min', 'max', 'mean', 'std', 'quantiles', 'histogram']) assert.ok(k in score, k);
  assert.deepEqual([score.type, score.count, score.missing, score.empty, score.distinct, score.min, score.max], ['integer', 200, 0, 0, 50, 0, 49]);
  assert.equal(typeof score.mean, 'number');
  assert.deepEqual(Object.keys(score.quantiles as object), ['p1', 'p5', 'p25', 'p50', 'p75', 'p95', 'p99']);
  assert.deepEqual(Object.keys((score.histogram as object[])[0]!), ['from', 'to', 'count']);
  assert.deepEqual((score.top as Array<{ value: string; count: number }>)[0], { value: '0', count: 4 });
  const only = jsonOut<{ columns: Array<{ column: string }> }>(runCli(['profile', 'a', '--columns', 'city', '--json'], ws));
  assert.deepEqual(only.columns.map((c) => c.column), ['city']);
  const bad = runCli(['profile', 'a', '--columns', 'nope'], ws);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /no column "nope"/);
});

test('rules --add/--list/--suggest and check --json in the rules file order; exit 1 only when a blocking rule fails', () => {
  assert.equal(runCli(['rules', 'a', '--add', '{"rule":"notNull","column":"city"}'], ws).status, 0);
  assert.equal(runCli(['rules', 'a', '--add', '{"tidysetRules":1,"rules":[{"rule":"range","column":"score","min":0,"max":40}]}'], ws).status, 0);
  const listed = jsonOut<{ rules: Array<{ rule: unknown }> }>(runCli(['rules', 'a', '--list', '--json'], ws));
  assert.deepEqual(listed.rules.map((r) => r.rule), [{ rule: 'notNull', column: 'city' }, { rule: 'range', column: 'score', min: 0, max: 40 }]);
  const warn = runCli(['check', 'a', '--json'], ws);
  assert.equal(warn.status, 0, 'warnings do not fail the check');
  const report = jsonOut<{ rules: Array<{ rule: unknown; passed: boolean; failing: number; share: number }> }>(warn);
  assert.deepEqual(report.rules.map((r) => [r.passed, r.failing, r.share]), [[true, 0, 0], [false, 36, 0.18]]);
  const file = path.join(dir, 'rules.json');
  const given = [{ rule: 'unique', columns: ['id'] }, { rule: 'allowed', column: 'city', values: ['Lund', 'Umeå'], severity: 'block' }, { rule: 'rows', min: 1, max: 1000 }];
  writeFileSync(file, JSON.stringify({ tidysetRules: 1, rules: given }));
  const blocked = runCli(['check', 'a', '--rules', file, '--json'], ws);
  assert.equal(blocked.status, 1, 'a blocking rule failed');
  const b = jsonOut<{ rules: Array<{ rule: unknown; passed: boolean; failing: number }> }>(blocked);
  assert.deepEqual(b.rules.map((r) => r.rule), given, 'rule objects as given, in file order');
  assert.deepEqual(b.rules.map((r) => [r.passed, r.failing]), [[true, 0], [false, 66], [true, 0]]);
  writeFileSync(file, '{"tidysetRules":1,"rules":[{"rule":"range","column":"score"}]}');
  const invalid = runCli(['check', 'a', '--rules', file], ws);
  assert.equal(invalid.status, 1);
  assert.match(invalid.stderr, /rules\.json: rules\.0.*min or max/);
  const s = jsonOut<{ suggestions: Array<{ rule: { rule: string } }> }>(runCli(['rules', 'b', '--suggest', '--json'], ws));
  assert.ok(s.suggestions.some((x) => x.rule.rule === 'unique'));
});

test('drift --json: one entry per column with test, statistic, psi and flag', () => {
  const r = runCli(['drift', 'a', 'b', '--json'], ws);
  assert.equal(r.status, 0, r.stderr);
  const d = jsonOut<{ columns: Array<{ column: string; test: string; statistic: number; psi: number; flag: string }> }>(r);
  assert.deepEqual(d.columns.map((c) => c.column), ['id', 'score', 'city', 'when']);
  for (const c of d.columns) for (const k of ['column', 'test', 'statistic', 'psi', 'flag']) assert.ok(k in c, k);
  const by = Object.fromEntries(d.columns.map((c) => [c.column, c]));
  assert.deepEqual([by.id!.test, by.id!.flag, by.when!.flag], ['ks', 'none', 'none']);
  assert.deepEqual([by.score!.test, by.score!.flag, by.city!.test, by.city!.flag], ['ks', 'major', 'js', 'major']);
  assert.equal(runCli(['drift', 'a', 'nope'], ws).status, 1);
});
