// Tests splitValue: literal and regex separators, the part limit, empty matches and empty input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitValue } from '../../../../shared/ops/transforms/split';

test('literal delimiter, every occurrence, empty parts kept', () => {
  assert.deepEqual(splitValue('a|b|c', 'delimiter', '|'), ['a', 'b', 'c']);
  assert.deepEqual(splitValue('a||b|', 'delimiter', '|'), ['a', '', 'b', '']);
  assert.deepEqual(splitValue('a, b, c', 'delimiter', ', '), ['a', 'b', 'c']);
  assert.deepEqual(splitValue('a.b', 'delimiter', '.'), ['a', 'b'], 'the separator is literal');
  assert.deepEqual(splitValue('abc', 'delimiter', ';'), ['abc']);
  assert.deepEqual(splitValue('', 'delimiter', ';'), ['']);
});

test('maxParts keeps the rest, separators included, in the last part', () => {
  assert.deepEqual(splitValue('a,b,c,d', 'delimiter', ',', 2), ['a', 'b,c,d']);
  assert.deepEqual(splitValue('a,b,c,d', 'delimiter', ',', 3), ['a', 'b', 'c,d']);
  assert.deepEqual(splitValue('a,b', 'delimiter', ',', 5), ['a', 'b']);
  assert.deepEqual(splitValue('a1b22c333d', 'regex', '\\d+', 3), ['a', 'b', 'c333d']);
  assert.deepEqual(splitValue('a,b', 'delimiter', ',', 1), ['a,b']);
});

test('regex separators: classes, case, lat|lon pairs, captures not returned', () => {
  assert.deepEqual(splitValue('32.1|-109.2', 'regex', '\\|'), ['32.1', '-109.2']);
  assert.deepEqual(splitValue("['oxen' ;  'cows']", 'regex', '\\s*;\\s*'), ["['oxen'", "'cows']"]);
  assert.deepEqual(splitValue('a1b22c', 'regex', '(\\d+)'), ['a', 'b', 'c']);
  assert.deepEqual(splitValue('a , b;c', 'regex', '\\s*[,;]\\s*'), ['a', 'b', 'c']);
  assert.deepEqual(splitValue('x😀y😀z', 'regex', '\\p{Extended_Pictographic}'), ['x', 'y', 'z']);
});

test('empty matches split like String.prototype.split', () => {
  assert.deepEqual(splitValue('CamelCaseWord', 'regex', '(?=[A-Z])'), ['Camel', 'Case', 'Word']);
  assert.deepEqual(splitValue('abc', 'regex', 'x*'), ['a', 'b', 'c']);
  assert.deepEqual(splitValue('a😀', 'regex', 'x*'), ['a', '😀'], 'never inside a surrogate pair');
  for (const [v, sep] of [['a,b,,c', ','], ['a1b2', '\\d'], ['', 'x'], ['abc', 'x*'], ['AbCd', '(?=[A-Z])']] as const) {
    assert.deepEqual(splitValue(v, 'regex', sep), v.split(new RegExp(sep, 'u')), `${v} / ${sep}`);
  }
});

test('bad separators throw', () => {
  assert.throws(() => splitValue('a', 'delimiter', ''), /separator must not be empty/);
  assert.throws(() => splitValue('a', 'regex', '('), /invalid regular expression "\("/);
});
