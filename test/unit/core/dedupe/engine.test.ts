// The dedupe engine on small inputs: similarity measures (textbook values), normalisation, blocking's
// guard, the size guard of clustering, and bad input (blank columns, one value repeated, one row,
// 10 MB values, mixed scripts) getting a clear message or a correct empty result.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DedupeConfigSchema, type DedupeConfigInput } from '../../../../shared/api/dedupe';
import { quietContext } from '../../../../main/core/jobs/context';
import { TidysetError } from '../../../../main/core/errors';
import { jaroWinkler, weightedJaccard } from '../../../../main/core/dedupe/similarity';
import { normalise, tokens } from '../../../../main/core/dedupe/normalise';
import { readDays } from '../../../../main/core/dedupe/compare';
import { clusterPairs } from '../../../../main/core/dedupe/cluster';
import { monotone } from '../../../../main/core/dedupe/model';
import { run } from '../../../../main/core/dedupe/run';
import { predictedPairs } from '../../../../main/core/dedupe/evaluate';
import { mulberry32 } from '../../../helpers/random';

const NORM = { case: true, accents: true, whitespace: true, punctuation: true, nameOrder: false };
const cfg = (c: DedupeConfigInput) => DedupeConfigSchema.parse(c);
const recs = (...cols: Array<Array<string | null>>) => ({ rids: Int32Array.from(cols[0]!, (_, i) => i + 1), values: cols });

test('Jaro-Winkler: the textbook values', () => {
  const textbook: Record<string, number> = { 'martha|marhta': 0.9611111111111111, 'dwayne|duane': 0.84, 'dixon|dicksonx': 0.8133333333333332, 'jones|johnson': 0.8323809523809523, 'a|b': 0, 'abc|abc': 1, '|x': 0 };
  const ref = (a: string, b: string) => textbook[`${a}|${b}`]!;
  for (const [a, b] of [['martha', 'marhta'], ['dwayne', 'duane'], ['dixon', 'dicksonx'], ['jones', 'johnson'], ['a', 'b'], ['abc', 'abc'], ['', 'x']]) {
    assert.ok(Math.abs(jaroWinkler(a!, b!) - ref(a!, b!)) < 1e-9, `${a} / ${b}: ${jaroWinkler(a!, b!)} vs ${ref(a!, b!)}`);
  }
});

test('normalisation: case, accents, punctuation, "Last, First", blank is missing', () => {
  assert.equal(normalise('  Müller-Lüdenscheidt, Zoë ', { ...NORM, nameOrder: true }), 'zoe muller ludenscheidt');
  assert.equal(normalise("O'Brien", NORM), 'obrien');
  assert.equal(normalise('Straße', NORM), 'strasse');
  assert.equal(normalise('   ', NORM), null);
  assert.equal(normalise('Москва', NORM), 'москва');
  assert.deepEqual(tokens('sony kdl-40v4100'), ['sony', 'kdl', '40v4100', 'kdl40v4100']);
  assert.equal(readDays('1971-06-24'), readDays('24/06/1971'));
  assert.equal(readDays('19710624'), readDays('1971-06-24'));
  assert.ok(Number.isNaN(readDays('yesterday')));
  const w = new Float64Array([1, 1, 4]);
  assert.equal(weightedJaccard(Int32Array.from([0, 2]), Int32Array.from([1, 2]), w), 4 / 6);
});

test('monotone weights: a closer level is never less evidence', () => {
  const m = [0.1, 0.3, 0.6];
  const u = [0.01, 0.01, 0.98];
  monotone(m, u);
  assert.ok(m[0]! / u[0]! >= m[1]! / u[1]! && m[1]! / u[1]! >= m[2]! / u[2]!);
  assert.ok(Math.abs(m.reduce((a, b) => a + b, 0) - 1) < 1e-9);
});

test('clusters: a chain of links stops at the size guard; a non-match decision keeps two records apart', () => {
  // 0-1-2-3-4-5 in a chain, all above the threshold.
  const a = [0, 1, 2, 3, 4];
  const b = [1, 2, 3, 4, 5];
  const s = [0.99, 0.98, 0.97, 0.96, 0.95];
  const capped = clusterPairs(6, a, b, s, 0.5, 3);
  assert.ok(Math.max(...[0, 1, 2, 3, 4, 5].map((i) => [...capped.clusterOf].filter((c) => c === capped.clusterOf[i]).length)) <= 3);
  assert.ok(capped.refused > 0);
  const apart = clusterPairs(6, a, b, s, 0.5, 50, [{ a: 0, b: 5, match: false }]);
  assert.notEqual(apart.clusterOf[0], apart.clusterOf[5]);
  const forced = clusterPairs(6, [], [], [], 0.5, 50, [{ a: 0, b: 5, match: true }]);
  assert.equal(forced.clusters, 1);
});

test('finds the duplicates of a small people table without labels', () => {
  const first = ['john', 'jon', 'mary', 'marie', 'peter', 'anna', 'lucas', 'emma', 'olivia', 'liam', 'noah', 'ava'];
  const last = ['smith', 'smith', 'jones', 'jones', 'brown', 'white', 'green', 'black', 'king', 'wright', 'scott', 'young'];
  const dob = ['1980-01-02', '1980-01-02', '1975-05-05', '1975-05-05', '1990-09-09', '1991-01-01', '1970-03-03', '1985-12-12', '1999-02-02', '2000-10-10', '1966-06-06', '1977-07-07'];
  const config = cfg({ comparisons: [{ column: 'first', kind: 'jaroWinkler' }, { column: 'last', kind: 'jaroWinkler' }, { column: 'dob', kind: 'date' }] });
  // Repeat the table with other people so that EM sees enough non-matches.
  const f: string[] = [];
  const l: string[] = [];
  const d: string[] = [];
  const rnd = mulberry32(3);
  const letters = (len: number) => Array.from({ length: len }, () => String.fromCharCode(97 + Math.floor(rnd() * 26))).join('');
  const day = () => `19${10 + Math.floor(rnd() * 89)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
  for (let k = 0; k < 30; k++) first.forEach((x, i) => {
    f.push(k === 0 ? x : letters(6));
    l.push(k === 0 ? last[i]! : letters(7));
    d.push(k === 0 ? dob[i]! : day());
  });
  const out = run(config, recs(f, l, d), undefined, quietContext);
  const pred = predictedPairs(out, config, 0.5);
  assert.ok(pred.has('0,1') && pred.has('2,3'), `found: ${[...pred].slice(0, 10).join(' ')}`);
  assert.ok(pred.size <= 4, `few false matches: ${pred.size}`);
});

test('bad input: an all-blank column says so; every column blank is a clear error', () => {
  const blank = Array.from({ length: 50 }, () => null);
  const names = Array.from({ length: 50 }, (_, i) => `name${i % 25}`);
  const out = run(cfg({ comparisons: [{ column: 'n', kind: 'jaroWinkler' }, { column: 'b', kind: 'exact' }] }), recs(names, blank), undefined, quietContext);
  assert.ok(out.report.warnings.some((w) => /"b" is blank in every record/.test(w)), out.report.warnings.join('\n'));
  assert.throws(() => run(cfg({ comparisons: [{ column: 'b', kind: 'exact' }] }), recs(blank), undefined, quietContext), (e: unknown) => e instanceof TidysetError && e.code === 'BAD_INPUT' && /blank in every record/.test(e.message));
});

test('bad input: one value a million times — the block guard names the key and nothing hangs', () => {
  const n = 1_000_000;
  const same = new Array<string>(n).fill('same value');
  const other = Array.from({ length: n }, (_, i) => `v${i}`);
  const config = cfg({ comparisons: [{ column: 'x', kind: 'exact' }, { column: 'y', kind: 'jaroWinkler' }] });
  const out = run(config, recs(same, other), undefined, quietContext);
  const w = out.report.warnings.find((x) => x.includes('"x" has one value'));
  assert.ok(w, out.report.warnings.join('\n'));
  assert.match(w, /1000000 records: blocking on it would explode/);
  assert.ok(out.comparisons <= 10 * n, `pairs stay linear: ${out.comparisons}`);
});

test('bad input: one row, 10 MB values and mixed scripts give a correct result', () => {
  const one = run(cfg({ comparisons: [{ column: 'x', kind: 'jaroWinkler' }] }), recs(['only']), undefined, quietContext);
  assert.equal(one.comparisons, 0);
  const big = 'x'.repeat(10 * 1024 * 1024);
  const vals = [big, `${big}y`, 'Zürich', 'Цюрих', '蘇黎世', 'zurich', 'Zurich'];
  const out = run(cfg({ comparisons: [{ column: 'x', kind: 'jaroWinkler' }, { column: 'y', kind: 'tokenSet' }] }), recs(vals, vals), undefined, quietContext);
  assert.ok(out.comparisons > 0);
  for (const s of out.logOdds) assert.ok(Number.isFinite(s));
});
