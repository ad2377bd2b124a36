// Nearest-neighbour pairs: PassJoin finds exactly the pairs brute force finds; Jaro-Winkler matches
// talisman's values; star grouping does not chain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distance } from 'fastest-levenshtein';
import talismanJw from 'talisman/metrics/jaro-winkler';
import { jaro, jaroWinkler } from '../../../../../main/core/dedupe/spelling/jaroWinkler';
import { Edges, jaroWinklerPairs, levenshteinPairs, starGroups } from '../../../../../main/core/dedupe/spelling/nearest';
import { mulberry32 } from '../../../../helpers/random';

const never = () => false;
const quiet = () => undefined;

function pairSet(e: Edges): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i < e.size; i++) s.add([e.a[i]!, e.b[i]!].sort((x, y) => x - y).join(','));
  return s;
}

test('levenshtein pairs equal brute force on random near-duplicates (radius 1 to 3)', () => {
  const rnd = mulberry32(7);
  const letters = 'abcde';
  const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(rnd() * letters.length)]).join('');
  const forms = new Set<string>();
  while (forms.size < 400) {
    const base = word(2 + Math.floor(rnd() * 8));
    forms.add(base);
    // Variants one or two edits away, so that there are many pairs to find.
    const chars = [...base];
    chars[Math.floor(rnd() * chars.length)] = letters[Math.floor(rnd() * letters.length)]!;
    forms.add(chars.join(''));
    forms.add(base.slice(1));
  }
  const list = [...forms];
  for (const r of [1, 2, 3]) {
    const got = pairSet(levenshteinPairs(list, r, quiet, never));
    const want = new Set<string>();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (list[i]!.length > r && list[j]!.length > r && distance(list[i]!, list[j]!) <= r) want.add(`${i},${j}`);
      }
    }
    assert.deepEqual([...got].sort(), [...want].sort(), `radius ${r}`);
    assert.ok(want.size > 50, `radius ${r} has pairs to find`);
  }
});

test('levenshtein table: what is and is not a pair at radius 1', () => {
  const table: Array<[string, string, boolean]> = [
    ['berlin', 'berlln', true],
    ['berlin', 'berln', true],
    ['berlin', 'bberlin', true],
    ['berlin', 'brelin', false],
    ['ab', 'ac', true],
    ['a', 'b', false],
    ['東京都', '東京府', true],
  ];
  for (const [a, b, want] of table) assert.equal(levenshteinPairs([a, b], 1, quiet, never).size > 0, want, `${a} / ${b}`);
});

test('jaro-winkler equals talisman on random strings', () => {
  const rnd = mulberry32(3);
  const word = () => Array.from({ length: 1 + Math.floor(rnd() * 14) }, () => 'abcdef '[Math.floor(rnd() * 7)]).join('');
  for (let i = 0; i < 5000; i++) {
    const a = word();
    const b = word();
    assert.ok(Math.abs(jaroWinkler(a, b) - talismanJw(a, b)) < 1e-12, `${a} / ${b}`);
  }
  const table: Array<[string, string, number]> = [
    ['martha', 'marhta', 0.9611],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.8133],
    ['', 'abc', 0],
    ['same', 'same', 1],
  ];
  for (const [a, b, want] of table) assert.ok(Math.abs(jaroWinkler(a, b) - want) < 1e-4, `${a} / ${b}: ${jaroWinkler(a, b)}`);
  assert.ok(Math.abs(jaro('martha', 'marhta') - 0.9444) < 1e-4);
});

test('jaro-winkler pairs: typos at the start, in the middle and swapped words are found', () => {
  const forms = ['san francisco', 'san fransisco', 'an francisco', 'francisco san', 'los angeles', 'los angelos', 'chicago', 'houston'];
  const got = pairSet(jaroWinklerPairs(forms, 0.9, quiet, never));
  assert.ok(got.has('0,1'));
  assert.ok(got.has('0,2'), 'first letter missing: found through the reversed order');
  assert.ok(got.has('4,5'));
  assert.ok(!got.has('6,7'));
});

test('star groups take the heaviest value as centre and do not chain', () => {
  // 0 ~ 1 ~ 2 ~ 3 in a chain: 1 is the heaviest, it takes 0 and 2; 3 stays alone with nobody left.
  const e = new Edges();
  e.add(0, 1);
  e.add(1, 2);
  e.add(2, 3);
  const groups = starGroups([5, 9, 1, 1], e);
  assert.deepEqual(groups, [[1, 0, 2]]);
});

test('cancel stops a long comparison', () => {
  const forms = Array.from({ length: 5000 }, (_, i) => `value ${i}`);
  assert.throws(() => levenshteinPairs(forms, 1, quiet, () => true), /cancelled/);
  assert.throws(() => jaroWinklerPairs(forms, 0.9, quiet, () => true), /cancelled/);
});

test('jaro-winkler pairs: the pruning bound loses no pair of sorted neighbours', () => {
  const rnd = mulberry32(5);
  const word = () => Array.from({ length: 3 + Math.floor(rnd() * 10) }, () => 'abcdefgh'[Math.floor(rnd() * 8)]).join('');
  const forms = [...new Set(Array.from({ length: 3000 }, word))];
  for (const t of [0.8, 0.9, 0.95]) {
    const got = pairSet(jaroWinklerPairs(forms, t, quiet, never));
    const sorted = forms.map((f, i) => ({ f, i })).sort((x, y) => (x.f < y.f ? -1 : x.f > y.f ? 1 : 0));
    let checked = 0;
    for (let k = 0; k + 1 < sorted.length; k++) {
      const a = sorted[k]!;
      const b = sorted[k + 1]!;
      if (jaroWinkler(a.f, b.f) >= t) {
        checked++;
        assert.ok(got.has([a.i, b.i].sort((x, y) => x - y).join(',')), `${a.f} / ${b.f} at ${t}`);
      }
    }
    assert.ok(checked > 20, `threshold ${t} has neighbours to find`);
  }
});
